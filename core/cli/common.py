"""What every command group shares: exit statuses, refusals, where the workspace is, how a
command is declared, and the two ways of printing an answer (JSON and a plain table)."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

EXIT_OK, EXIT_BUG, EXIT_REFUSED = 0, 1, 2

# A command's handler: given the open workspace (or, for a command that opens none or
# opens its own, only the arguments) it prints its answer and returns the exit status.
Handler = Callable[..., int]
# Whether a command writes: a constant, or decided from its arguments (auto-allocate --apply).
Writes = bool | Callable[[argparse.Namespace], bool]


class UsageError(Exception):
    """Bad input the parser could not see (INVOICE=AMOUNT without '=', ...): exit 2."""


def command(
    sub: Any,
    name: str,
    run: Handler,
    *,
    writes: Writes = False,
    opens: bool = True,
    **kwargs: Any,
) -> argparse.ArgumentParser:
    """Add the (sub)command ``name`` to ``sub`` (an ``add_subparsers()`` action): ``run``
    handles it, ``writes`` says whether it changes the workspace (those that do not open it
    read-only, beside another process), ``opens`` whether the workspace is opened for it
    (else ``run(args)`` finds its own); ``kwargs`` go to ``add_parser``."""
    parser = sub.add_parser(name, **kwargs)
    parser.set_defaults(run=run, writes=writes, opens=opens)
    return parser


def writes(args: argparse.Namespace) -> bool:
    """Whether the parsed command changes the workspace."""
    said = args.writes
    return bool(said(args)) if callable(said) else bool(said)


# ------------------------------------------------------------------ the workspace


def workspace_location(text: str) -> Path | str:
    """``--db``: a workspace file (a :class:`Path`), or a team workspace's server URL kept as
    text (see :func:`core.workspace.location`)."""
    from core.workspace import location

    return location(text)


def on_server(where: Path | str) -> bool:
    """Whether a workspace location (as :func:`workspace_location` gives it) is a team
    workspace on a server rather than a file."""
    return not isinstance(where, Path)


def default_workspace() -> Path | str:
    """The window's default too (:func:`core.places.default_workspace`)."""
    from core.places import default_workspace as shared

    return shared()


def workspace_of(args: argparse.Namespace) -> Path | str:
    """The workspace ``--db`` names, else the default one."""
    return args.db or default_workspace()


# ------------------------------------------------------------------ arguments


def iso_date(text: str) -> date:
    """An argument type: a date written YYYY-MM-DD."""
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"expected a date YYYY-MM-DD, got '{text}'") from exc


def as_of(args: argparse.Namespace) -> date:
    return args.as_of or date.today()


def pairs(items: Sequence[str], shape: str, *, filled: bool = False) -> list[tuple[str, str]]:
    """``KEY=VALUE`` arguments as pairs, both sides stripped; ``shape`` names them in the
    refusal (``INVOICE=AMOUNT``); ``filled``: neither side may be blank."""
    out = []
    for item in items:
        key, sep, value = (part.strip() for part in item.partition("="))
        if not sep or (filled and not (key and value)):
            raise UsageError(f"expected {shape}, got '{item}'")
        out.append((key, value))
    return out


# ------------------------------------------------------------------ output


def dump(obj: object) -> None:
    """Print ``obj`` as indented JSON (dates ISO, decimals as written)."""
    print(json.dumps(obj, indent=2, ensure_ascii=False, default=_json_default))


def _json_default(o: object) -> object:
    if isinstance(o, date):
        return o.isoformat()
    if isinstance(o, Decimal):
        return format(o, "f")
    raise TypeError(type(o).__name__)


def table(
    headers: Sequence[str], rows: Sequence[Sequence[object]], right: Sequence[int] = ()
) -> None:
    """Print a plain table: a header, a rule, then the rows; ``right`` columns right-aligned."""
    cells = [[str(h) for h in headers]] + [["" if c is None else str(c) for c in r] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    for n, row in enumerate(cells):
        print(
            "  ".join(
                c.rjust(w) if i in right else c.ljust(w)
                for i, (c, w) in enumerate(zip(row, widths, strict=True))
            ).rstrip()
        )
        if n == 0:
            print("  ".join("-" * w for w in widths))


def say(lines: Sequence[str], file: Any = None) -> None:
    """Print each line (a change's lines, an import's summary)."""
    for line in lines:
        print(line, file=file)
