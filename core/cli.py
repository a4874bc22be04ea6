"""``csp-recon``: the command line, a thin face over :mod:`core.workspace`.

Exit status: 0 ok; 2 bad input, usage, a refused allocation or a workspace in
use; 1 a bug (with its traceback on stderr).  JSON amounts are strings with
the currency's decimals.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import traceback
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from core import __version__
from core.aging import DATE_UNKNOWN, bucket_names, by_currency, by_customer
from core.allocation import AllocationRefused
from core.explain import KINDS as EXPLAIN_KINDS
from core.exports.remittance import RemittanceError
from core.importers import ImportOptions
from core.money import format_amount, format_exact
from core.store.database import is_url, refusal
from core.store.roles import DESCRIPTIONS, ROLES
from core.views import amount_text, credit_json, invoice_json, payment_json
from core.workspace import (
    ImportFailed,
    NothingToUndo,
    Workspace,
    WorkspaceBusy,
    WorkspaceError,
)

EXIT_OK, EXIT_BUG, EXIT_REFUSED = 0, 1, 2
# Commands that change the workspace (the others open it read-only, beside another process).
WRITING_COMMANDS = {
    "import", "allocate", "unallocate", "undo", "redo", "set", "plan", "map", "accept", "reject",
    "note", "mark",
}  # fmt: skip
CLAIM_WRITES = {"open", "link", "withdraw"}


class UsageError(Exception):
    pass


def workspace_location(text: str) -> Path | str:
    """``--db``: a workspace file, or a team workspace's server URL kept as text."""
    return text if is_url(text) else Path(text)


def default_workspace() -> Path | str:
    env = os.environ.get("CSP_RECON_DB")
    if env:
        return workspace_location(env)
    from platformdirs import user_data_dir

    return Path(user_data_dir("CSP Reconciler", appauthor=False)) / "workspace.db"


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"expected a date YYYY-MM-DD, got '{text}'") from exc


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

    p = sub.add_parser("import", help="import invoice lists, line items, usage, statements")
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

    p = sub.add_parser("map", help="say which columns of an unknown CSV/XLSX layout hold what")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("kind", choices=("payments", "invoices"))
    p.add_argument(
        "columns",
        nargs="+",
        metavar="FIELD=HEADER",
        help="e.g. Date='Date opé' Amount=Montant Currency=Devise Reference=Libellé",
    )

    p = sub.add_parser("formats", help="the file formats csp-recon reads")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("auto-allocate", help="allocate payments to the invoices they quote")
    p.add_argument("--apply", action="store_true", help="commit (default: only show)")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("migrate-workspace", help="copy a workspace to another engine (SQLite "
                       "file ⇄ PostgreSQL), every table checked by checksum")  # fmt: skip
    p.add_argument("source", type=workspace_location, metavar="SRC")
    p.add_argument("target", type=workspace_location, metavar="DST")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("admin", help="a team workspace's roles and clerks (PostgreSQL)")
    ad = p.add_subparsers(dest="what", required=True, metavar="WHAT")
    a = ad.add_parser("init-team-db", help="upgrade the schema, create the four roles "
                      "(admin-agent, billing-admin, support-agent, sales) and set their rights "
                      "(run by the database's owner; re-runnable)")  # fmt: skip
    a.add_argument("--json", action="store_true")
    a = ad.add_parser("add-user", help="add a clerk: a database user holding one role")
    a.add_argument("name", metavar="NAME")
    a.add_argument("--role", required=True, choices=tuple(ROLES))
    a.add_argument("--password-stdin", action="store_true",
                   help="read the new user's password from the first line of standard input "
                   "(else no password: the server authenticates them otherwise)")  # fmt: skip
    a = ad.add_parser("users", help="the clerks and their roles")
    a.add_argument("--json", action="store_true")

    p = sub.add_parser("note", help="record a note on an invoice, credit note or payment")
    p.add_argument("subject", metavar="NUMBER")
    p.add_argument("text", metavar="TEXT")
    p = sub.add_parser("notes", help="notes, oldest first")
    p.add_argument("subject", nargs="?", metavar="NUMBER")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("calendar", help="billing periods: availability dates, expected and "
                       "received documents, due dates")  # fmt: skip
    p.add_argument("--from", dest="first", type=_date, default=None, metavar="DATE",
                   help="default: three months before --to")  # fmt: skip
    p.add_argument("--to", dest="last", type=_date, default=None, metavar="DATE",
                   help="default: today")  # fmt: skip
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("alerts", help="what is due, missing or stuck: each finding with what to "
                       "do")  # fmt: skip
    p.add_argument("--as-of", type=_date, default=None, metavar="DATE")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("mark", help="what you know of a payment at Microsoft: applied, "
                       "unallocated (listed under Unallocated payment), or clear")  # fmt: skip
    p.add_argument("payment", metavar="PAYMENT_ID")
    p.add_argument("state", choices=("applied", "unallocated", "clear"))
    p.add_argument("--date", type=_date, default=None, help="since when (default: today)")

    p = sub.add_parser("explain", help="why a line or an invoice's lines cost what they do: "
                       "currency conversion, prorated terms, refunds")  # fmt: skip
    p.add_argument("target", metavar="LINE_OR_INVOICE",
                   help="an invoice (G000123456), one of its lines (G000123456#3) or the file "
                   "and row a line was read from (recon.csv:12)")  # fmt: skip
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("checks", help="lines that contradict the published rules: "
                       "fx_recompute_mismatch, proration_mismatch, refund_outside_window, "
                       "refund_amount_mismatch")  # fmt: skip
    p.add_argument("--kind", choices=EXPLAIN_KINDS, default=None)
    p.add_argument("--json", action="store_true")
    for name, what in (("dispute", "disputed amounts on invoices or lines"),
                       ("sla-claim", "SLA credit claims (availability below 99.9 %)")):  # fmt: skip
        p = sub.add_parser(name, help=f"{what}: open, list, link the credit note, withdraw")
        acts = p.add_subparsers(dest="action", required=True)
        a = acts.add_parser("open", help="record a new one")
        if name == "dispute":
            a.add_argument("target", metavar="INVOICE_OR_LINE",
                           help="G000123456 or one of its lines, G000123456#3")  # fmt: skip
            a.add_argument("amount", metavar="AMOUNT")
            a.add_argument("--reason", required=True, help="what is wrong with the amount")
        else:
            a.add_argument("--service", required=True, help="e.g. Dynamics 365 Sales")
            a.add_argument("--month", required=True, metavar="YYYY-MM")
            a.add_argument("--availability", required=True, metavar="PERCENT",
                           help="the monthly availability measured (below 99.9)")  # fmt: skip
            a.add_argument("--credit", required=True, metavar="AMOUNT", help="credit claimed")
            a.add_argument("--currency", required=True, metavar="CUR")
        a.add_argument("--ticket", default="", help="the support ticket number")
        a.add_argument("--date", type=_date, default=None, help="opened on (default: today)")
        a.add_argument("--json", action="store_true")
        a = acts.add_parser("list", help="open ones (all with --all), oldest first, with age")
        a.add_argument("--all", action="store_true")
        a.add_argument("--json", action="store_true")
        a = acts.add_parser("link", help="the credit note that settles it: it closes")
        a.add_argument("id", type=int, metavar="ID")
        a.add_argument("credit_note", metavar="CREDIT_NOTE")
        a.add_argument("--date", type=_date, default=None, help="closed on (default: today)")
        a.add_argument("--json", action="store_true")
        a = acts.add_parser("withdraw", help="close it without a credit")
        a.add_argument("id", type=int, metavar="ID")
        a.add_argument("--date", type=_date, default=None, help="closed on (default: today)")
        a.add_argument("--json", action="store_true")

    p = sub.add_parser("whoami", help="who the workspace takes you for, and your role")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("suggest", help="suggested allocations for payments with money left, "
                       "each with a score and its reasons (nothing is committed)")  # fmt: skip
    p.add_argument("payment", nargs="?", metavar="PAYMENT_ID")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("accept", help="allocate what a suggestion proposes")
    p.add_argument("suggestion", metavar="SUGGESTION_ID")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("reject", help="turn a suggestion down: it is not proposed again")
    p.add_argument("suggestion", metavar="SUGGESTION_ID")

    p = sub.add_parser("allocate", help="allocate a payment or credit note to invoices")
    p.add_argument("source", metavar="SOURCE", help="payment id or credit note number")
    p.add_argument("targets", nargs="+", metavar="INVOICE=AMOUNT")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("unallocate", help="remove an allocation")
    p.add_argument("allocation_id", type=int, metavar="ALLOCATION_ID")

    p = sub.add_parser("undo", help="undo the latest change, or change N of the log")
    p.add_argument("audit_id", type=int, nargs="?", metavar="N")

    sub.add_parser("redo", help="redo what the latest undo took back")

    p = sub.add_parser("log", help="the audit log")
    p.add_argument("--json", action="store_true")

    for name, help_ in (
        ("invoices", "invoices with open amounts and days past due"),
        ("payments", "payments with allocated and unallocated amounts"),
        ("credits", "credit notes with applied and unapplied amounts"),
        ("balance", "amount due, unallocated payments, unapplied credits per currency"),
        ("aging", "open amounts by days past due"),
    ):
        p = sub.add_parser(name, help=help_)
        p.add_argument(
            "--as-of",
            type=_date,
            default=None,
            metavar="DATE",
            help="count only what is dated on or before DATE (default: today)",
        )
        p.add_argument("--json", action="store_true")
        if name == "aging":
            p.add_argument("--by", choices=("currency", "customer", "invoice"), default="currency")

    p = sub.add_parser("lines", help="an invoice's reconciliation lines")
    p.add_argument("invoice", metavar="INVOICE")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("set", help="workspace settings (term_days, aging_buckets such as "
                       "30,60,90, company_name, ...)")  # fmt: skip
    p.add_argument("key")
    p.add_argument("value")

    p = sub.add_parser("settings", help="the workspace's settings (those your role may see)")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("plan", help="plan a payment of invoices, net of credit notes")
    p.add_argument("invoices", nargs="+", metavar="INVOICE")
    p.add_argument(
        "--credit",
        action="append",
        default=[],
        metavar="NUMBER",
        help="a credit note to net against the invoices (repeatable)",
    )
    p.add_argument("--date", type=_date, default=None, help="value date (default: today)")
    p.add_argument("--reference", default=None, help="the transfer reference (default: RA-…)")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("plans", help="planned payments and whether the bank has shown them")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("export", help="remittance advice, request and ticket texts")
    ex = p.add_subparsers(dest="what", required=True, metavar="WHAT")
    e = ex.add_parser("remittance", help="remittance advice of a payment or planned payment")
    e.add_argument("id", metavar="PAYMENT_ID", help="payment id, or planned payment reference")
    e.add_argument("--format", dest="fmt", choices=("pdf", "xlsx", "txt"), default="pdf")
    e.add_argument("--page", choices=("a4", "letter"), default="a4")
    e.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    e = ex.add_parser("pain001", help="ISO 20022 pain.001 credit transfers of planned payments")
    e.add_argument("ids", nargs="+", metavar="PAYMENT_ID", help="planned payment references")
    e.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    e = ex.add_parser("report", help="the Excel report: balance, aging, allocations...")
    e.add_argument("--as-of", type=_date, default=None, metavar="DATE")
    e.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    e = ex.add_parser("request", help="e-mail asking Microsoft to apply an unallocated payment")
    e.add_argument("id", metavar="PAYMENT_ID")
    e.add_argument("-o", "--output", type=Path, default=None, metavar="FILE")
    e = ex.add_parser("ticket", help="support ticket for a payment in the wrong currency/account")
    e.add_argument("id", metavar="PAYMENT_ID")
    e.add_argument("--why", default=None, help="default: from the payment's flags")
    e.add_argument("-o", "--output", type=Path, default=None, metavar="FILE")

    p = sub.add_parser("demo", help="write a realistic demo workspace and its source files")
    p.add_argument("dir", type=Path, metavar="DIR")
    p.add_argument(
        "--today",
        type=_date,
        default=None,
        metavar="DATE",
        help="the date the demo is built around (default: today)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return _run(args)
    except ImportFailed as exc:
        for err in exc.errors:
            print(str(err), file=sys.stderr)
        print(f"{exc.file}: not imported: nothing from this file was stored", file=sys.stderr)
        return EXIT_REFUSED
    except (
        AllocationRefused, WorkspaceBusy, WorkspaceError, NothingToUndo, UsageError,
        RemittanceError, ValueError,
    ) as exc:  # fmt: skip
        print(f"csp-recon: {exc}", file=sys.stderr)
        return EXIT_REFUSED
    except KeyboardInterrupt:
        return 130
    except DBAPIError as exc:
        said = refusal(exc)
        if said is None:
            raise
        print(f"csp-recon: the server refused: your role may not do this ({said}); "
              "nothing was changed", file=sys.stderr)  # fmt: skip
        return EXIT_REFUSED
    except Exception:  # noqa: BLE001 - a bug: report it with its traceback, exit 1
        traceback.print_exc()
        print(
            "csp-recon: internal error (a bug); nothing was changed by the failed step",
            file=sys.stderr,
        )
        return EXIT_BUG


def _run(args: argparse.Namespace) -> int:
    if args.command == "formats":
        return cmd_formats(args)
    if args.command == "migrate-workspace":
        return cmd_migrate_workspace(args)
    if args.command == "admin":
        return cmd_admin(args)
    if args.command == "demo":
        from core.demo import write_demo

        db = write_demo(args.dir, today=args.today)
        print(f"demo workspace written: {db}")
        return EXIT_OK
    db = args.db or default_workspace()
    writes = (
        args.command in WRITING_COMMANDS
        or (args.command == "auto-allocate" and args.apply)
        or (args.command in ("dispute", "sla-claim") and args.action in CLAIM_WRITES)
    )
    if not writes and not is_url(db) and not db.exists():
        raise WorkspaceError(f"{db}: no such workspace (import files into it first)")
    with Workspace(db, readonly=not writes) as ws:
        handler = globals()[f"cmd_{args.command.replace('-', '_')}"]
        return handler(ws, args)


# ------------------------------------------------------------------ output helpers


def _dump(obj: object) -> None:
    print(json.dumps(obj, indent=2, ensure_ascii=False, default=_json_default))


def _json_default(o: object) -> object:
    if isinstance(o, date):
        return o.isoformat()
    if isinstance(o, Decimal):
        return format(o, "f")
    raise TypeError(type(o).__name__)


def _table(
    headers: Sequence[str], rows: Sequence[Sequence[object]], right: Sequence[int] = ()
) -> None:
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


def _as_of(args: argparse.Namespace) -> date:
    return args.as_of or date.today()


def cmd_formats(args: argparse.Namespace) -> int:
    from core.importers import IMPORTERS

    if args.json:
        _dump([{"name": key, "description": imp.name} for key, imp in IMPORTERS.items()])
    else:
        _table(["--format", "what it reads"], [[k, imp.name] for k, imp in IMPORTERS.items()])
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


def cmd_import(ws: Workspace, args: argparse.Namespace) -> int:
    options = ImportOptions(invoice_number=args.invoice_number, payees=tuple(args.payee))
    results, failed = [], []
    for path in args.files:
        try:
            summary = ws.import_file(
                path,
                options,
                format_name=args.format_name,
                progress=_progress_printer(path) if args.progress else None,
            )
        except ImportFailed as exc:
            failed.append(exc)
            for err in exc.errors[:200]:
                print(str(err), file=sys.stderr)
            if len(exc.errors) > 200:
                print(f"{exc.file}: ... and {len(exc.errors) - 200} more errors", file=sys.stderr)
            print(f"{exc.file}: not imported: nothing from this file was stored", file=sys.stderr)
            continue
        results.append(summary)
    if args.json:
        _dump(
            {
                "imported": [s.as_dict() for s in results],
                "failed": [{"file": f.file, "errors": [str(e) for e in f.errors]} for f in failed],
            }
        )
    else:
        for s in results:
            if s.already_imported:
                print(f"{s.file}: already imported (#{s.import_id}); nothing changed")
                continue
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
    return EXIT_REFUSED if failed else EXIT_OK


def cmd_allocate(ws: Workspace, args: argparse.Namespace) -> int:
    requests = []
    for item in args.targets:
        number, sep, amount = item.partition("=")
        if not sep or not number.strip() or not amount.strip():
            raise UsageError(f"expected INVOICE=AMOUNT, got '{item}'")
        requests.append((number.strip(), amount.strip()))
    ids = ws.allocate(args.source, requests)
    if getattr(args, "json", False):
        _dump({"allocations": ids})
    else:
        print("allocation(s) " + ", ".join(f"#{i}" for i in ids) + " recorded")
    return EXIT_OK


def cmd_unallocate(ws: Workspace, args: argparse.Namespace) -> int:
    ws.unallocate(args.allocation_id)
    print(f"allocation #{args.allocation_id} removed")
    return EXIT_OK


def cmd_undo(ws: Workspace, args: argparse.Namespace) -> int:
    print(ws.undo(args.audit_id))
    return EXIT_OK


def cmd_map(ws: Workspace, args: argparse.Namespace) -> int:
    from core.importers.tabular import peek_header

    columns = {}
    for item in args.columns:
        field, sep, header = item.partition("=")
        if not sep:
            raise UsageError(f"expected FIELD=HEADER, got '{item}'")
        columns[field.strip()] = header.strip()
    with args.file.open("rb") as fh:
        header = peek_header(args.file, fh.read(8))
    try:
        key = ws.save_layout(header, args.kind, columns)
    except ValueError as exc:
        raise UsageError(str(exc)) from exc
    print(f"layout {key} saved: files with these columns now import as {args.kind}")
    return EXIT_OK


def cmd_redo(ws: Workspace, args: argparse.Namespace) -> int:
    print(ws.redo())
    return EXIT_OK


def cmd_set(ws: Workspace, args: argparse.Namespace) -> int:
    try:
        ws.set_setting(args.key, args.value)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    print(f"{args.key} = {ws.setting(args.key)}")
    return EXIT_OK


def cmd_settings(ws: Workspace, args: argparse.Namespace) -> int:
    found = {k: v for k, v in sorted(ws.settings().items()) if not k.startswith("layout:")}
    if args.json:
        _dump(found)
    else:
        _table(["setting", "value"], [[k, v] for k, v in found.items()])
    return EXIT_OK


def cmd_log(ws: Workspace, args: argparse.Namespace) -> int:
    log = ws.audit_log()
    if args.json:
        _dump(log)
    else:
        _table(
            ["#", "when", "user", "action", "what", "undone by"],
            [
                [e["id"], e["at"], e["user"], e["action"], e["summary"], e["undone_by"] or ""]
                for e in log
            ],
        )
    return EXIT_OK


def cmd_migrate_workspace(args: argparse.Namespace) -> int:
    from core.store.copy import NotEmpty, copy_workspace

    if not is_url(args.source) and not args.source.exists():
        raise WorkspaceError(f"{args.source}: no such workspace")
    with Workspace(args.source, readonly=True) as src, Workspace(args.target) as dst:
        try:
            checks = copy_workspace(src, dst)
        except NotEmpty as exc:
            raise UsageError(str(exc)) from None
    same = all(c.same for c in checks)
    if args.json:
        _dump({"same": same, "tables": [
            {"table": c.table, "rows": c.rows, "source_sha256": c.source,
             "copy_sha256": c.copy, "same": c.same} for c in checks]})  # fmt: skip
    else:
        _table(["table", "rows", "sha256", "same"],
               [[c.table, c.rows, c.source[:16], "yes" if c.same else "NO"] for c in checks],
               right=(1,))  # fmt: skip
        print(f"copied {len(checks)} tables: " + ("every checksum matches" if same
              else "CHECKSUMS DIFFER"))  # fmt: skip
    return EXIT_OK if same else EXIT_BUG


def cmd_admin(args: argparse.Namespace) -> int:
    from core.store import roles

    db = args.db or default_workspace()
    if not is_url(db):
        raise UsageError(
            f"{db}: roles and clerks belong to a team workspace "
            "(--db postgresql+psycopg://USER@HOST:PORT/DBNAME); a file has one clerk"
        )
    if args.what == "init-team-db":
        with Workspace(db) as ws:  # opened for writing: the schema is brought up to date
            created = roles.init_team_db(ws.engine)
        if args.json:
            _dump({"created": created, "roles": {k: {"group": v, "may": DESCRIPTIONS[k]}
                                                 for k, v in ROLES.items()}})  # fmt: skip
        else:
            for role, group in ROLES.items():
                new = " (created)" if group in created else ""
                print(f"{role:<14} {group:<18} {DESCRIPTIONS[role]}{new}")
            print("rights set on every table; add clerks with 'csp-recon admin add-user'")
        return EXIT_OK
    with Workspace(db, readonly=True) as ws:
        if args.what == "add-user":
            password = sys.stdin.readline().rstrip("\r\n") if args.password_stdin else None
            roles.add_user(ws.engine, args.name, args.role, password or None)
            print(f"added {args.name} as {args.role}: {DESCRIPTIONS[args.role]}")
            return EXIT_OK
        found = roles.clerks(ws.engine)
    if args.json:
        _dump([{"name": c.name, "role": c.role, "can_login": c.can_login} for c in found])
    else:
        _table(["user", "role", "may"], [[c.name, c.role, DESCRIPTIONS[c.role]] for c in found])
    return EXIT_OK


def cmd_calendar(ws: Workspace, args: argparse.Namespace) -> int:
    from datetime import timedelta

    last = args.last or date.today()
    first = args.first or last - timedelta(days=92)
    if first > last:
        raise UsageError(f"--from {first} is after --to {last}")
    found = ws.calendar(first, last)
    rows = [
        {"experience": p.experience, "period_start": p.start.isoformat(),
         "period_end": p.end.isoformat(), "available": p.available.isoformat(),
         "expected_invoice_date": p.invoice_date.isoformat(), "due": p.due.isoformat(),
         "received": list(p.received), "reconciliation_files": list(p.with_lines),
         "missing": list(p.missing)}
        for p in found.periods
    ]  # fmt: skip
    if args.json:
        rules = ws.rules()
        _dump({"from": first.isoformat(), "to": last.isoformat(),
               "experiences": list(rules.experiences), "anniversary_day": rules.anniversary_day,
               "partner_tier": rules.tier, "term_days": rules.term_days, "periods": rows,
               "lines_without_invoice": found.header_missing})  # fmt: skip
        return EXIT_OK
    _table(["experience", "period", "available", "due", "received", "missing"],
           [[r["experience"], f"{r['period_start']} – {r['period_end']}", r["available"],
             r["due"], " ".join(r["received"]) or "-", ", ".join(r["missing"]) or "-"]
            for r in rows])  # fmt: skip
    for number in found.header_missing:
        print(f"{number}: reconciliation lines without the invoice itself")
    return EXIT_OK


def cmd_alerts(ws: Workspace, args: argparse.Namespace) -> int:
    from core.alerts import totals

    as_of = args.as_of or date.today()
    found, _calendar, lives = ws.alerts(as_of)
    if args.json:
        _dump({"as_of": as_of.isoformat(), "findings": [f.as_dict() for f in found],
               "totals": totals(found),
               "payments": [life.as_dict() for life in lives]})  # fmt: skip
        return EXIT_OK
    for f in found:
        money = f" {format_amount(f.amount, f.currency)} {f.currency}" if f.amount else ""
        print(f"{f.kind}{' (' + f.stage + ')' if f.stage else ''}: {f.subject}{money}")
        print(f"    {f.message}")
    if not found:
        print(f"nothing to report as of {as_of.isoformat()}")
    return EXIT_OK


def cmd_mark(ws: Workspace, args: argparse.Namespace) -> int:
    said = ws.mark_payment(args.payment, args.state, args.date)
    print(f"{args.payment}: {said}")
    return EXIT_OK


def cmd_explain(ws: Workspace, args: argparse.Namespace) -> int:
    found = ws.explain(args.target)
    if args.json:
        _dump({"target": args.target, "lines": [ex.as_dict() for ex in found]})
        return EXIT_OK
    for ex in found:
        ln = ex.line
        print(f"{ex.label}  {ln.customer_name or ln.customer_id}  {ln.product}  "
              f"{format_exact(ln.subtotal, ln.currency)} {ln.currency}")  # fmt: skip
        for sentence in ex.text():
            print(f"    {sentence}")
    return EXIT_OK


def cmd_checks(ws: Workspace, args: argparse.Namespace) -> int:
    from core.explain import totals

    found = [c for c in ws.checks() if args.kind in (None, c.kind)]
    if args.json:
        _dump({"findings": [c.as_dict() for c in found], "totals": totals(found)})
        return EXIT_OK
    for c in found:
        print(f"{c.kind}: {c.line} ({c.place})  {c.customer}  {c.product}")
        print(f"    {c.message}")
    if not found:
        print("no line contradicts the published rules")
    return EXIT_OK


def _claim_command(ws: Workspace, args: argparse.Namespace, kind: str) -> int:
    if args.action == "list":
        found = ws.claims(kind, open_only=not args.all)
        if args.json:
            _dump(found)
            return EXIT_OK
        what = ("invoice", "line") if kind == "dispute" else ("service", "month")
        _table(["#", *what, "amount", "cur", "ticket", "opened", "age", "state", "credit note"],
               [[c["id"], c[what[0]] if kind == "sla" else c["invoice"],
                 c["line"] if kind == "dispute" else c["month"], c["amount"], c["currency"],
                 c["ticket"], c["opened_on"], c["age_days"], c["state"], c["credit_note"]]
                for c in found], right=(3, 7))  # fmt: skip
        return EXIT_OK
    if args.action == "open":
        if kind == "dispute":
            claim_id = ws.open_dispute(args.target, args.amount, args.reason, args.ticket,
                                       args.date)  # fmt: skip
        else:
            claim_id = ws.open_sla_claim(args.service, args.month, args.availability,
                                         args.credit, args.currency, args.ticket,
                                         args.date)  # fmt: skip
        claim = next(c for c in ws.claims(kind) if c["id"] == claim_id)
    elif args.action == "link":
        claim = ws.close_claim(args.id, args.credit_note, args.date)
    else:
        claim = ws.close_claim(args.id, None, args.date)
    if args.json:
        _dump(claim)
    else:
        label = "dispute" if kind == "dispute" else "SLA claim"
        print(f"{label} #{claim['id']}: {claim['state']}"
              + (f" by {claim['credit_note']}" if claim["credit_note"] else ""))  # fmt: skip
    return EXIT_OK


def cmd_dispute(ws: Workspace, args: argparse.Namespace) -> int:
    return _claim_command(ws, args, "dispute")


def cmd_sla_claim(ws: Workspace, args: argparse.Namespace) -> int:
    return _claim_command(ws, args, "sla")


def cmd_whoami(ws: Workspace, args: argparse.Namespace) -> int:
    role = ws.role or ("owner" if ws.url else "")
    out = {"user": ws.user, "role": role, "workspace": ws.where,
           "may": DESCRIPTIONS.get(ws.role, "everything")}  # fmt: skip
    if args.json:
        _dump(out)
    else:
        print(f"{out['user']} ({role or 'single clerk'}): {out['may']} — {out['workspace']}")
    return EXIT_OK


def cmd_note(ws: Workspace, args: argparse.Namespace) -> int:
    note_id = ws.add_note(args.subject, args.text)
    print(f"note #{note_id} recorded on {args.subject}")
    return EXIT_OK


def cmd_notes(ws: Workspace, args: argparse.Namespace) -> int:
    found = ws.notes(args.subject)
    if args.json:
        _dump(found)
    else:
        _table(["#", "on", "at", "by", "note"],
               [[n["id"], n["subject"], n["at"], n["user"], n["text"]] for n in found])  # fmt: skip
    return EXIT_OK


def cmd_suggest(ws: Workspace, args: argparse.Namespace) -> int:
    from core.suggestions import answer_json

    answers = [answer_json(a) for a in ws.suggest(args.payment)]
    if args.json:
        _dump(answers)
        return EXIT_OK
    for a in answers:
        print(f"{a['payment']}: {a['unallocated']} {a['currency']} unallocated")
        for note in a["notes"]:
            print(f"  note: {note}")
        for s in a["suggestions"]:
            lines = ", ".join(f"{ln['source']}→{ln['invoice']} {ln['amount']}" for ln in s["lines"])
            print(f"  {s['rank']}. {s['id']}  score {s['score']:>3}  {s['kind']:<11} {lines}")
            for reason in s["reasons"]:
                print(f"       - {reason}")
    if not answers:
        print("no payment has money left to allocate")
    return EXIT_OK


def cmd_accept(ws: Workspace, args: argparse.Namespace) -> int:
    ids = ws.accept_suggestion(args.suggestion)
    if args.json:
        _dump({"suggestion": args.suggestion.upper(), "allocations": ids})
    else:
        print(f"accepted {args.suggestion.upper()}: allocation(s) {', '.join(map(str, ids))}")
    return EXIT_OK


def cmd_reject(ws: Workspace, args: argparse.Namespace) -> int:
    print(f"rejected {ws.reject_suggestion(args.suggestion)}: it will not be proposed again")
    return EXIT_OK


def cmd_auto_allocate(ws: Workspace, args: argparse.Namespace) -> int:
    result, ids = ws.auto_allocate(apply=args.apply)
    ledger = ws.ledger()
    proposals = [
        {
            **({"id": ids[i]} if ids else {}),
            "payment": p.source_id,
            "invoice": p.invoice,
            "quoted": p.aimed_at,
            "amount": amount_text(p.amount, ledger.payments[p.source_id].currency),
            "currency": ledger.payments[p.source_id].currency,
            "reason": p.reason,
        }
        for i, p in enumerate(result.planned)
    ]
    flagged = [
        {"payment": pid, "flags": fl, "notes": result.notes.get(pid, [])}
        for pid, fl in result.flags.items()
    ]
    if args.json:
        _dump({"applied": bool(args.apply), "allocations": proposals, "flagged": flagged})
        return EXIT_OK
    verb = "allocated" if args.apply else "would allocate"
    for p in proposals:
        print(
            f"{p['payment']}: {verb} {p['amount']} {p['currency']} to {p['invoice']} "
            f"({p['reason']})"
        )
    for f in flagged:
        for note in f["notes"]:
            print(f"{f['payment']}: {', '.join(f['flags'])}: {note}")
    if not proposals:
        print("nothing to allocate from explicit references")
    elif not args.apply:
        print("(nothing committed: run with --apply to record these allocations)")
    return EXIT_OK


def cmd_invoices(ws: Workspace, args: argparse.Namespace) -> int:
    ledger = ws.ledger(_as_of(args))
    rows = [invoice_json(i, ledger) for i in ledger.invoices.values()]
    rows += [credit_json(c, ledger) for c in ledger.credits.values()]
    rows.sort(key=lambda r: (r["date"] or "9999", r["number"]))
    if args.json:
        _dump(rows)
        return EXIT_OK
    _table(
        ["number", "type", "date", "due", "cur", "total", "open", "past due", "status"],
        [
            [
                r["number"],
                r["document_type"],
                r["date"] or "unknown",
                r["due_date"] or "",
                r["currency"],
                r["total"],
                r["open"],
                "" if r["days_past_due"] is None else r["days_past_due"],
                r["status"]
                + (f" → {r['rebilled_as']}" if r.get("rebilled_as") else "")
                + (
                    f" (lines differ by {r['lines_difference']})"
                    if r.get("lines_difference") not in (None, "0.00", "0")
                    else ""
                ),
            ]
            for r in rows
        ],
        right=(5, 6, 7),
    )
    return EXIT_OK


def cmd_payments(ws: Workspace, args: argparse.Namespace) -> int:
    ledger = ws.ledger(_as_of(args))
    infos = {p.id: p for p in ws.payments()}
    sources = ws.all_payment_sources()
    rows = [payment_json(p, ledger, infos[p.id]) for p in ledger.payments.values()]
    for row in rows:
        row["sources"] = sources.get(row["id"], [])
    rows.sort(key=lambda r: (r["date"], r["id"]))
    if args.json:
        _dump(rows)
        return EXIT_OK
    _table(
        ["id", "date", "cur", "amount", "allocated", "unallocated", "flags", "reference"],
        [
            [
                r["id"],
                r["date"],
                r["currency"],
                r["amount"],
                r["allocated"],
                r["unallocated"],
                ",".join(r["flags"]),
                r["reference"][:50],
            ]
            for r in rows
        ],
        right=(3, 4, 5),
    )
    return EXIT_OK


def cmd_credits(ws: Workspace, args: argparse.Namespace) -> int:
    ledger = ws.ledger(_as_of(args))
    rows = sorted(
        (credit_json(c, ledger) for c in ledger.credits.values()),
        key=lambda r: (r["date"] or "9999", r["number"]),
    )
    if args.json:
        _dump(rows)
        return EXIT_OK
    _table(
        ["number", "date", "cur", "total", "applied", "unapplied"],
        [
            [r["number"], r["date"], r["currency"], r["total"], r["applied"], r["unapplied"]]
            for r in rows
        ],
        right=(3, 4, 5),
    )
    return EXIT_OK


def cmd_balance(ws: Workspace, args: argparse.Namespace) -> int:
    from core.views import disputed_amounts, per_currency

    ledger = ws.ledger(_as_of(args))
    balance = ledger.balance()
    disputed, counted = disputed_amounts(ws, ledger)
    held = per_currency(ledger, disputed)
    out = {
        cur: {
            "amount_due": amount_text(b.amount_due - (0 if counted else held.get(cur, 0)), cur),
            "unallocated_payments": amount_text(b.unallocated_payments, cur),
            "unapplied_credits": amount_text(b.unapplied_credits, cur),
        }
        for cur, b in balance.items()
    }
    if disputed:  # said only when something is disputed: the rest of the answer is unchanged
        for cur, row in out.items():
            row["disputed"] = amount_text(held.get(cur, 0), cur)
            row["disputed_counted_as_due"] = counted
    if args.json:
        _dump(out)
        return EXIT_OK
    print(f"Balance as of {_as_of(args).isoformat()}")
    _table(
        ["currency", "amount due", "unallocated payments", "unapplied credits", "disputed"],
        [
            [
                c,
                v["amount_due"],
                v["unallocated_payments"],
                v["unapplied_credits"],
                v.get("disputed", "") + ("" if counted or not disputed else " (not due)"),
            ]
            for c, v in out.items()
        ],
        right=(1, 2, 3, 4),
    )
    return EXIT_OK


def cmd_aging(ws: Workspace, args: argparse.Namespace) -> int:
    as_of = _as_of(args)
    ledger = ws.ledger(as_of)
    if args.by == "invoice":
        rows = [invoice_json(i, ledger) for i in ledger.invoices.values() if i.counted and i.open]
        rows.sort(key=lambda r: (-(r["days_past_due"] or -(10**6)), r["number"]))
        if args.json:
            _dump(
                [
                    {
                        k: r[k]
                        for k in (
                            "number",
                            "currency",
                            "date",
                            "due_date",
                            "open",
                            "days_past_due",
                            "bucket",
                        )
                    }
                    for r in rows
                ]
            )
            return EXIT_OK
        _table(
            ["number", "cur", "due", "open", "days", "bucket"],
            [
                [
                    r["number"],
                    r["currency"],
                    r["due_date"],
                    r["open"],
                    r["days_past_due"],
                    r["bucket"],
                ]
                for r in rows
            ],
            right=(3, 4),
        )
        return EXIT_OK

    def fmt_row(row: dict, cur: str) -> dict:
        return {k: amount_text(v, cur) for k, v in row.items()}

    if args.by == "customer":
        data = by_customer(ledger, ws.customer_weights())
        out = {
            cur: {cust or "(unknown)": fmt_row(row, cur) for cust, row in custs.items()}
            for cur, custs in data.items()
        }
        if args.json:
            _dump(out)
            return EXIT_OK
        print(f"Aging by customer as of {as_of.isoformat()}")
        cols = _aging_columns((row for custs in out.values() for row in custs.values()),
                              ledger.aging_limits)  # fmt: skip
        _table(
            ["currency", "customer", *cols],
            [
                [cur, cust, *(row.get(b, "") for b in cols)]
                for cur, custs in out.items()
                for cust, row in custs.items()
            ],
            right=tuple(range(2, 2 + len(cols))),
        )
        return EXIT_OK
    out = {cur: fmt_row(row, cur) for cur, row in by_currency(ledger).items()}
    if args.json:
        _dump(out)
        return EXIT_OK
    print(f"Aging as of {as_of.isoformat()} (days past due)")
    cols = _aging_columns(out.values(), ledger.aging_limits)
    _table(
        ["currency", *cols],
        [[cur, *(row.get(b, "") for b in cols)] for cur, row in out.items()],
        right=tuple(range(1, len(cols) + 1)),
    )
    return EXIT_OK


def _aging_columns(rows, limits) -> list[str]:
    unknown = any(DATE_UNKNOWN in row for row in rows)
    return [*bucket_names(limits), *([DATE_UNKNOWN] if unknown else []), "total"]


def cmd_plan(ws: Workspace, args: argparse.Namespace) -> int:
    ids = ws.plan(args.invoices, args.credit, args.date, args.reference)
    plans = ws.plans()
    if args.json:
        _dump([_plan_json(i, plans[i]) for i in ids])
    else:
        for i in ids:
            print(i)
    return EXIT_OK


def _plan_json(plan_id: int, p) -> dict:
    cur = p.currency
    return {
        "id": plan_id,
        "reference": p.reference,
        "date": p.date.isoformat(),
        "currency": cur,
        "amount": amount_text(p.amount, cur),
        "status": p.status,
        "payment": p.payment_id,
        "lines": [
            {"kind": ln.kind, "invoice": ln.invoice, "credit_note": ln.source or None,
             "amount": amount_text(ln.amount, cur)}
            for ln in p.lines
        ],
    }  # fmt: skip


def cmd_plans(ws: Workspace, args: argparse.Namespace) -> int:
    rows = [_plan_json(i, p) for i, p in ws.plans().items()]
    if args.json:
        _dump(rows)
        return EXIT_OK
    _table(["id", "reference", "date", "cur", "amount", "status", "payment", "invoices"],
           [[r["id"], r["reference"], r["date"], r["currency"], r["amount"], r["status"],
             r["payment"] or "", " ".join(ln["invoice"] for ln in r["lines"]
                                          if ln["kind"] == "invoice")]
            for r in rows], right=(4,))  # fmt: skip
    return EXIT_OK


def _write_or_print(text: str, output: Path | None) -> None:
    if output is None:
        print(text, end="")
    else:
        output.write_text(text, encoding="utf-8")
        print(f"written: {output}")


def cmd_export(ws: Workspace, args: argparse.Namespace) -> int:

    if args.what == "remittance":
        rem = ws.remittance(args.id)
        if args.fmt == "pdf":
            from core.exports.pdf import write_pdf

            write_pdf(rem, args.output, page="LETTER" if args.page == "letter" else "A4")
        elif args.fmt == "xlsx":
            from core.exports.xlsx import write_xlsx

            write_xlsx(rem, args.output)
        else:
            from core.exports.remittance import as_text

            args.output.write_text(as_text(rem), encoding="utf-8")
        print(f"written: {args.output}")
        text, fits = rem.bank_text()
        print(f"bank transfer reference: {text}")
        if not fits:
            print("the invoice list does not fit 140 characters: send the advice with the payment")
        return EXIT_OK
    if args.what == "pain001":
        from core.exports import pain001

        rems = [ws.remittance(i) for i in args.ids]
        payer = rems[0].payer
        bics = {r.currency: ws.setting(f"payee_bic_{r.currency}", "") or "" for r in rems}
        xml = pain001.build(rems, payer, ws.setting("company_bic", "") or "", bics)
        args.output.write_bytes(xml)
        print(f"written: {args.output} ({len(rems)} transfer(s), checked against {pain001.SCHEMA})")
        return EXIT_OK
    if args.what == "report":
        from core.exports.report import write_report

        write_report(ws, args.output, args.as_of or date.today())
        print(f"written: {args.output}")
        return EXIT_OK
    _write_or_print(ws.letter(args.what, args.id, getattr(args, "why", None)), args.output)
    return EXIT_OK


def cmd_lines(ws: Workspace, args: argparse.Namespace) -> int:
    lines = ws.lines(args.invoice)
    if args.json:
        _dump(
            [
                {
                    "invoice": ln.invoice_number,
                    "customer_id": ln.customer_id,
                    "customer": ln.customer_name,
                    "product": ln.product,
                    "charge_type": ln.charge_type,
                    "subtotal": ln.subtotal,
                    "tax": ln.tax,
                    "total": ln.total,
                    "currency": ln.currency,
                    "source": ln.source.where() if ln.source else None,
                }
                for ln in lines
            ]
        )
        return EXIT_OK
    _table(
        ["customer", "product", "charge", "subtotal", "tax", "total", "source"],
        [
            [
                ln.customer_name,
                ln.product[:40],
                ln.charge_type,
                ln.subtotal,
                ln.tax,
                ln.total,
                ln.source.where() if ln.source else "",
            ]
            for ln in lines
        ],
        right=(3, 4, 5),
    )
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
