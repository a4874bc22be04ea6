"""Where workspaces are: the default one, which the command line and the window share, and
the name a new workspace file is given."""

from __future__ import annotations

import os
from pathlib import Path

#: A workspace file's name ends so (the installers register it: a double-click opens it);
#: files named otherwise (``workspace.db``, the demo's) open all the same.
SUFFIX = ".csprecon"
#: The files :func:`core.demo.write_demo` writes beside its workspace, by which it is known.
DEMO_MARK = "BilledOneTimeInvoiceLineItems_demo.csv"


def data_folder() -> Path:
    """The user's data folder for the program (the default workspace, the demo)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("CSP Reconciler", appauthor=False))


def default_workspace() -> Path | str:
    """``$CSP_RECON_DB``, else ``workspace.csprecon`` in the user's data folder; a
    ``workspace.db`` left there by an earlier version is kept while it is the only one."""
    env = os.environ.get("CSP_RECON_DB")
    if env:
        from core.workspace import location

        return location(env)
    folder = data_folder()
    new, old = folder / f"workspace{SUFFIX}", folder / "workspace.db"
    return old if old.exists() and not new.exists() else new


def is_demo(where: Path | str) -> bool:
    """Whether a workspace is a demo (made-up data), known by the files the demo writes
    beside it."""
    return isinstance(where, Path) and (where.parent / DEMO_MARK).exists()


def with_suffix(path: Path) -> Path:
    """A new workspace's file name: ``.csprecon`` unless the clerk typed another ending."""
    return path if path.suffix else path.with_suffix(SUFFIX)
