"""CSP Reconciler core: domain rules, importers, exports, storage and the command line.

Nothing in this package imports Qt or the GUI packages.
"""

__version__ = "0.1.0"
