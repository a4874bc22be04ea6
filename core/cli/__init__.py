"""``csp-recon``: the command line, a thin face over the services of :mod:`core.workspace`.

Exit status: 0 ok; 2 bad input, usage, a refused allocation or a workspace in
use; 1 a bug (with its traceback on stderr).  JSON amounts are strings with
the currency's decimals.

One module per command group registers its commands (``COMMANDS``: name → the function
adding its parser), each declaring its handler and whether it writes (:func:`command`).
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Sequence

from sqlalchemy.exc import DBAPIError

from core import __version__
from core.cli import (
    admin,
    agree,
    alerts,
    allocations,
    backups,
    charges,
    claims,
    demo,
    exports,
    imports,
    journal,
    notes,
    plans,
    reports,
    settings,
)
from core.cli.common import (
    EXIT_BUG,
    EXIT_OK,
    EXIT_REFUSED,
    UsageError,
    default_workspace,
    on_server,
    workspace_location,
    workspace_of,
    writes,
)

__all__ = [
    "EXIT_BUG",
    "EXIT_OK",
    "EXIT_REFUSED",
    "UsageError",
    "build_parser",
    "default_workspace",
    "main",
    "workspace_location",
]

GROUPS = (imports, allocations, journal, reports, plans, exports, claims, charges, alerts,
          agree, notes, settings, backups, admin, demo)  # fmt: skip
# The order ``csp-recon --help`` lists the commands in.
ORDER = (
    "import", "map", "formats", "auto-allocate", "migrate-workspace", "admin", "note", "notes",
    "calendar", "alerts", "mark", "agree", "explain", "checks", "dispute", "sla-claim", "whoami",
    "suggest", "accept", "reject", "allocate", "unallocate", "undo", "redo", "log", "invoices",
    "payments", "credits", "balance", "aging", "lines", "set", "settings", "plan", "plans",
    "export", "check-workspace", "backups", "restore", "demo",
)  # fmt: skip


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="csp-recon",
        description="Reconcile Microsoft CSP invoices, credit notes and payments.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--db",
        type=workspace_location,
        default=None,
        metavar="WORKSPACE.db",
        help="workspace file, or a team workspace: postgresql+psycopg://USER@HOST:PORT/DBNAME "
        "(password from PGPASSWORD or ~/.pgpass) (default: $CSP_RECON_DB or the user's data "
        "folder)",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    adders = {name: add for group in GROUPS for name, add in group.COMMANDS.items()}
    for name in ORDER:
        adders[name](sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return _run(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader went away (csp-recon payments | head): say nothing
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # nothing more to flush at exit
        return 141  # as a shell tool killed by SIGPIPE
    except DBAPIError as exc:
        from core.workspace import refusal

        said = refusal(exc)
        if said is None:
            return _failed(exc, args)
        print(f"csp-recon: the server refused: your role may not do this ({said}); "
              "nothing was changed", file=sys.stderr)  # fmt: skip
        return EXIT_REFUSED
    except Exception as exc:  # noqa: BLE001 - a refusal exits 2, a bug 1 with its traceback
        return _failed(exc, args)


def _run(args: argparse.Namespace) -> int:
    from core.errors import WorkspaceError
    from core.workspace import Workspace

    if not args.opens:  # a command that needs no workspace, or opens its own
        return args.run(args)
    db = workspace_of(args)
    writing = writes(args)
    if not writing and not on_server(db) and not db.exists():
        raise WorkspaceError(f"{db}: no such workspace (import files into it first)")
    with Workspace(db, readonly=not writing) as ws:
        return args.run(ws, args)


def _failed(exc: Exception, args: argparse.Namespace) -> int:
    """Say why a command failed; the exit status: 2 for a refusal, 1 for a bug."""
    from core.allocation import AllocationRefused
    from core.errors import ImportFailed, NothingToUndo, WorkspaceBusy, WorkspaceError
    from core.exports.remittance import RemittanceError
    from core.workspace import plain_error

    said = plain_error(exc, str(workspace_of(args)))  # a full disk, a read-only file, damage
    if said is not None:
        print(f"csp-recon: {said}", file=sys.stderr)
        return EXIT_REFUSED
    cause = exc if isinstance(exc, OSError) else (exc.__cause__ or exc.__context__)
    if isinstance(cause, OSError) and cause.filename:  # a file to read or write, not the
        # workspace (a library may wrap the error: xlsxwriter's FileCreateError)
        print(f"csp-recon: {cause.filename}: {_why(cause)}; nothing was changed",
              file=sys.stderr)  # fmt: skip
        return EXIT_REFUSED
    if isinstance(exc, ImportFailed):
        from core.present import failed_lines

        print("\n".join(failed_lines(exc)), file=sys.stderr)
        return EXIT_REFUSED
    refusals = (AllocationRefused, WorkspaceBusy, WorkspaceError, NothingToUndo, UsageError,
                RemittanceError, ValueError)  # fmt: skip
    if isinstance(exc, refusals):
        print(f"csp-recon: {exc}", file=sys.stderr)
        return EXIT_REFUSED
    traceback.print_exception(exc)
    print("csp-recon: internal error (a bug); nothing was changed by the failed step",
          file=sys.stderr)  # fmt: skip
    return EXIT_BUG


def _why(exc: OSError) -> str:
    import errno

    return {
        errno.ENOENT: "no such file or folder",
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
        errno.EISDIR: "a folder, not a file",
        errno.ENOTDIR: "a part of the path is not a folder",
        errno.ENOSPC: "the disk is full",
        errno.EROFS: "the disk is read-only",
    }.get(exc.errno or 0, (exc.strerror or "cannot be read or written").lower())
