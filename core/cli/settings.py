"""The workspace's settings: ``set``, ``settings``."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from core.cli.common import EXIT_OK, UsageError, command, dump, say, table

if TYPE_CHECKING:  # pragma: no cover
    from core.workspace import Workspace


def add_set(sub) -> None:
    p = command(
        sub,
        "set",
        run_set,
        writes=True,
        help="workspace settings (term_days, aging_buckets such as 30,60,90, company_name, ...)",
    )
    p.add_argument("key")
    p.add_argument("value")


def add_settings(sub) -> None:
    p = command(
        sub, "settings", run_settings, help="the workspace's settings (those your role may see)"
    )
    p.add_argument("--json", action="store_true")


COMMANDS = {"set": add_set, "settings": add_settings}


def run_set(ws: Workspace, args: argparse.Namespace) -> int:
    try:
        done = ws.settings.set(args.key, args.value)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    say(done.lines)
    return EXIT_OK


def run_settings(ws: Workspace, args: argparse.Namespace) -> int:
    found = {k: v for k, v in sorted(ws.settings.all().items()) if not k.startswith("layout:")}
    if args.json:
        dump(found)
    else:
        table(["setting", "value"], [[k, v] for k, v in found.items()])
    return EXIT_OK
