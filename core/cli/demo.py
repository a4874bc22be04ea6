"""``demo``: a realistic demo workspace and the files it was imported from."""

from __future__ import annotations

import argparse
from pathlib import Path

from core.cli.common import EXIT_OK, command, iso_date


def add_demo(sub) -> None:
    p = command(
        sub,
        "demo",
        run_demo,
        opens=False,
        help="write a realistic demo workspace and its source files",
    )
    p.add_argument("dir", type=Path, metavar="DIR")
    p.add_argument(
        "--today",
        type=iso_date,
        default=None,
        metavar="DATE",
        help="the date the demo is built around (default: today)",
    )


COMMANDS = {"demo": add_demo}


def run_demo(args: argparse.Namespace) -> int:
    from core.demo import write_demo

    db = write_demo(args.dir, today=args.today)
    print(f"demo workspace written: {db}")
    return EXIT_OK
