"""The audit log and going back in it: ``undo``, ``redo``, ``log``."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from core.cli.common import EXIT_OK, command, dump, say, table

if TYPE_CHECKING:  # pragma: no cover
    from core.workspace import Workspace


def add_undo(sub) -> None:
    p = command(
        sub, "undo", run_undo, writes=True, help="undo the latest change, or change N of the log"
    )
    p.add_argument("audit_id", type=int, nargs="?", metavar="N")


def add_redo(sub) -> None:
    command(sub, "redo", run_redo, writes=True, help="redo what the latest undo took back")


def add_log(sub) -> None:
    p = command(sub, "log", run_log, help="the audit log")
    p.add_argument("--json", action="store_true")


COMMANDS = {"undo": add_undo, "redo": add_redo, "log": add_log}


def run_undo(ws: Workspace, args: argparse.Namespace) -> int:
    say(ws.journal.undo(args.audit_id).lines)
    return EXIT_OK


def run_redo(ws: Workspace, args: argparse.Namespace) -> int:
    say(ws.journal.redo().lines)
    return EXIT_OK


def run_log(ws: Workspace, args: argparse.Namespace) -> int:
    log = ws.journal.log()
    if args.json:
        dump(log)
    else:
        table(
            ["#", "when", "user", "action", "what", "undone by"],
            [
                [e["id"], e["at"], e["user"], e["action"], e["summary"], e["undone_by"] or ""]
                for e in log
            ],
        )
    return EXIT_OK
