"""A workspace file's health and backups: ``check-workspace``, ``backups``, ``restore``.

Each opens the file its own way (a check reads it as it is, a restore needs it closed), so
none goes through the usual opening; a team workspace on a server has its server's backups.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from core.cli.common import (
    EXIT_OK,
    EXIT_REFUSED,
    UsageError,
    command,
    dump,
    on_server,
    table,
    workspace_of,
)


def _file(args: argparse.Namespace) -> Path:
    db = workspace_of(args)
    if on_server(db):
        raise UsageError("a team workspace on a server is backed up and checked by its "
                         "server's administrator: this is for a workspace file")  # fmt: skip
    assert isinstance(db, Path)
    return db


def add_check(sub) -> None:
    p = command(sub, "check-workspace", run_check, opens=False,
                help="check the workspace file for damage (SQLite's integrity check) and say "
                     "what was found; exit 2 when it is damaged")  # fmt: skip
    p.add_argument("--json", action="store_true")


def run_check(args: argparse.Namespace) -> int:
    from core.services.backups import check

    found = check(_file(args))
    if args.json:
        dump({"file": found.where, "ok": found.ok, "problems": len(found.problems)})
    else:
        print("\n".join(found.lines()))
    return EXIT_OK if found.ok else EXIT_REFUSED


def add_backups(sub) -> None:
    p = command(sub, "backups", run_backups, opens=False,
                help="the backups kept of the workspace file (newest first): taken before each "
                     "import and on the first change of a day")  # fmt: skip
    p.add_argument("--json", action="store_true")


def run_backups(args: argparse.Namespace) -> int:
    from core.services.backups import _folder, listed

    db = _file(args)
    found = listed(db)
    if args.json:
        dump([b.as_dict() for b in found])
        return EXIT_OK
    if not found:
        print(f"no backups of {db} yet (they go to {_folder(db)})")
        return EXIT_OK
    table(["backup", "time", "reason", "size"],
          [[b.path.name, b.at.isoformat(sep=" "), b.why, _size(b.size)] for b in found],
          right=[3])  # fmt: skip
    print(f"in {found[0].path.parent}")
    return EXIT_OK


def _size(n: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1024  # type: ignore[assignment]
    return str(n)  # pragma: no cover


def add_restore(sub) -> None:
    p = command(sub, "restore", run_restore, opens=False,
                help="put a backup in place of the workspace file (a copy of the current file "
                     "is kept first); refused while the workspace is open elsewhere")  # fmt: skip
    p.add_argument("backup", metavar="BACKUP", help="a backup's name as 'backups' lists it, "
                   "or its path")  # fmt: skip
    p.add_argument("--yes", action="store_true", help="do not ask to confirm")


def run_restore(args: argparse.Namespace) -> int:
    from core.services.backups import find, restore

    db = _file(args)
    source = find(db, args.backup)
    if not args.yes:
        if not sys.stdin.isatty():
            raise UsageError(f"restoring {source.name} replaces {db}: add --yes to do it")
        answer = input(f"Replace {db} with the backup {source.name}? [y/N] ")
        if answer.strip().lower() not in ("y", "yes", "o", "oui"):
            print("nothing was restored")
            return EXIT_REFUSED
    kept = restore(db, source)
    print(f"restored {db} from {source.name}")
    if kept is not None:
        print(f"the file it replaced is kept as {kept.path}")
    return EXIT_OK


COMMANDS = {"check-workspace": add_check, "backups": add_backups, "restore": add_restore}
