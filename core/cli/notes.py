"""Notes on documents and payments: ``note``, ``notes``."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from core.cli.common import EXIT_OK, command, dump, say, table

if TYPE_CHECKING:  # pragma: no cover
    from core.workspace import Workspace


def add_note(sub) -> None:
    p = command(
        sub,
        "note",
        run_note,
        writes=True,
        help="record a note on an invoice, credit note or payment",
    )
    p.add_argument("subject", metavar="NUMBER")
    p.add_argument("text", metavar="TEXT")


def add_notes(sub) -> None:
    p = command(sub, "notes", run_notes, help="notes, oldest first")
    p.add_argument("subject", nargs="?", metavar="NUMBER")
    p.add_argument("--json", action="store_true")


COMMANDS = {"note": add_note, "notes": add_notes}


def run_note(ws: Workspace, args: argparse.Namespace) -> int:
    say(ws.notes.add(args.subject, args.text).lines)
    return EXIT_OK


def run_notes(ws: Workspace, args: argparse.Namespace) -> int:
    found = ws.notes.list(args.subject)
    if args.json:
        dump(found)
    else:
        table(
            ["#", "on", "at", "by", "note"],
            [[n["id"], n["subject"], n["at"], n["user"], n["text"]] for n in found],
        )
    return EXIT_OK
