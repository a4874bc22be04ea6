"""Files in: ``import``, ``map`` (the columns of an unknown layout), ``formats``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from core.cli.common import EXIT_OK, EXIT_REFUSED, UsageError, command, dump, pairs, say, table

if TYPE_CHECKING:  # pragma: no cover
    from core.workspace import Workspace


def add_import(sub) -> None:
    p = command(
        sub,
        "import",
        run_import,
        writes=True,
        help="import invoice lists, line items, usage, statements",
    )
    p.add_argument("files", nargs="+", type=Path, metavar="FILE")
    p.add_argument(
        "--format",
        dest="format_name",
        metavar="NAME",
        help="read the files as this format (see: csp-recon formats)",
    )
    p.add_argument(
        "--invoice",
        "--invoice-number",
        dest="invoice_number",
        metavar="NUMBER",
        help="invoice number of a legacy licence-based file (one file, one invoice)",
    )
    p.add_argument(
        "--payee",
        action="append",
        default=[],
        metavar="TEXT",
        help="also count bank transfers to this payee as payments (repeatable)",
    )
    p.add_argument(
        "--allocate",
        action="store_true",
        help="also allocate payments to the invoice numbers they quote, within the import (as "
        "the window does; undone with it)",
    )
    p.add_argument("--progress", action="store_true", help="print progress on stderr")
    p.add_argument("--json", action="store_true")


def add_map(sub) -> None:
    p = command(
        sub,
        "map",
        run_map,
        writes=True,
        help="say which columns of an unknown CSV/XLSX layout hold what",
    )
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("kind", choices=("payments", "invoices"))
    p.add_argument(
        "columns",
        nargs="+",
        metavar="FIELD=HEADER",
        help="e.g. Date='Date opé' Amount=Montant Currency=Devise Reference=Libellé",
    )


def add_formats(sub) -> None:
    p = command(sub, "formats", run_formats, opens=False, help="the file formats csp-recon reads")
    p.add_argument("--json", action="store_true")


COMMANDS = {"import": add_import, "map": add_map, "formats": add_formats}


def run_formats(args: argparse.Namespace) -> int:
    from core.importers import IMPORTERS

    if args.json:
        dump([{"name": key, "description": imp.name} for key, imp in IMPORTERS.items()])
    else:
        table(["--format", "what it reads"], [[k, imp.name] for k, imp in IMPORTERS.items()])
    return EXIT_OK


def _progress_printer(path: Path):
    size = path.stat().st_size if path.is_file() else 0

    def report(done: int, total: int) -> None:
        pct = f"{100 * done // total}%" if total else ""
        print(
            f"\r{path.name}: {done:,}/{total:,} records {pct} ({size:,} bytes)",
            end="",
            file=sys.stderr,
            flush=True,
        )
        if done >= total:
            print(file=sys.stderr)

    return report


def run_import(ws: Workspace, args: argparse.Namespace) -> int:
    from core.errors import ImportFailed
    from core.importers import ImportOptions
    from core.present import failed_lines, import_lines
    from core.services.imports import reference_lines

    options = ImportOptions(invoice_number=args.invoice_number, payees=tuple(args.payee))
    results, failed = [], []
    for path in args.files:
        progress = _progress_printer(path) if args.progress else None
        try:
            done = ws.imports.import_file(
                path,
                options,
                format_name=args.format_name,
                progress=progress,
                allocate_references=args.allocate,
            )
        except ImportFailed as exc:
            failed.append(exc)
            say(failed_lines(exc), file=sys.stderr)
            continue
        results.append(done.result)
    if args.json:
        dump(
            {
                "imported": [s.as_dict() for s in results],
                "failed": [{"file": f.file, "errors": [str(e) for e in f.errors]} for f in failed],
            }
        )
    else:
        for summary in results:
            say([*import_lines(summary), *reference_lines(summary)])
    return EXIT_REFUSED if failed else EXIT_OK


def run_map(ws: Workspace, args: argparse.Namespace) -> int:
    columns = dict(pairs(args.columns, "FIELD=HEADER"))
    header, _rows = ws.imports.preview(args.file, rows=0)
    try:
        done = ws.imports.save_layout(header, args.kind, columns)
    except ValueError as exc:
        raise UsageError(str(exc)) from exc
    say(done.lines)
    return EXIT_OK
