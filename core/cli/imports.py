"""Files in: ``import``, ``map`` (the columns of an unknown layout), ``formats``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from core.cli.common import EXIT_OK, EXIT_REFUSED, UsageError, command, dump, pairs, table

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
    from core.importers import ImportOptions
    from core.workspace import ImportFailed

    options = ImportOptions(invoice_number=args.invoice_number, payees=tuple(args.payee))
    results, failed = [], []
    for path in args.files:
        progress = _progress_printer(path) if args.progress else None
        try:
            summary = ws.import_file(path, options, format_name=args.format_name, progress=progress)
        except ImportFailed as exc:
            failed.append(exc)
            _say_failed(exc)
            continue
        results.append(summary)
    if args.json:
        dump(
            {
                "imported": [s.as_dict() for s in results],
                "failed": [{"file": f.file, "errors": [str(e) for e in f.errors]} for f in failed],
            }
        )
    else:
        for s in results:
            _say_imported(s)
    return EXIT_REFUSED if failed else EXIT_OK


def _say_failed(exc) -> None:
    for err in exc.errors[:200]:
        print(str(err), file=sys.stderr)
    if len(exc.errors) > 200:
        print(f"{exc.file}: ... and {len(exc.errors) - 200} more errors", file=sys.stderr)
    print(f"{exc.file}: not imported: nothing from this file was stored", file=sys.stderr)


def _say_imported(s) -> None:
    if s.already_imported:
        print(f"{s.file}: already imported (#{s.import_id}); nothing changed")
        return
    parts = [f"{s.entries_read} entries read"] if s.entries_read else []
    parts += [f"{n} {k} created" for k, n in s.created.items()]
    parts += [f"{n} {k} updated" for k, n in s.updated.items()]
    parts += [f"{n} {k} unchanged" for k, n in s.unchanged.items()]
    if s.skipped:
        parts.append(f"{len(s.skipped)} skipped")
    if s.credit_allocations:
        parts.append(f"{s.credit_allocations} credit allocation(s) made")
    print(f"{s.file}: {s.format}: " + (", ".join(parts) or "nothing new"))
    for line in s.checks:
        print(f"  check: {line}")
    for line in s.skipped:
        print(f"  skipped: {line}")
    for line in s.warnings:
        print(f"  note: {line}")


def run_map(ws: Workspace, args: argparse.Namespace) -> int:
    from core.importers.tabular import peek_header

    columns = dict(pairs(args.columns, "FIELD=HEADER"))
    with args.file.open("rb") as fh:
        header = peek_header(args.file, fh.read(8))
    try:
        key = ws.save_layout(header, args.kind, columns)
    except ValueError as exc:
        raise UsageError(str(exc)) from exc
    print(f"layout {key} saved: files with these columns now import as {args.kind}")
    return EXIT_OK
