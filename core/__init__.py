"""CSP Reconciler core: domain rules, importers, exports, storage and the command line.

Nothing in this package imports Qt or the GUI packages.
"""

from importlib.metadata import PackageNotFoundError, version

try:  # the one place the version is written is pyproject.toml
    __version__ = version("csp-reconciler")
except PackageNotFoundError:  # pragma: no cover - run from a bare source tree
    __version__ = "0+unknown"
