"""What the books say: ``invoices``, ``payments``, ``credits``, ``balance``, ``aging``,
``lines``."""

from __future__ import annotations

import argparse
from functools import partial
from typing import TYPE_CHECKING

from core.cli.common import EXIT_OK, UsageError, as_of, command, dump, iso_date, table

if TYPE_CHECKING:  # pragma: no cover
    from core.workspace import Workspace

AGING_INVOICE_KEYS = ("number", "currency", "date", "due_date", "open", "days_past_due", "bucket")


def add_report(sub, name: str) -> None:
    run, help_ = REPORTS[name]
    p = command(sub, name, run, help=help_)
    p.add_argument(
        "--as-of",
        type=iso_date,
        default=None,
        metavar="DATE",
        help="count only what is dated on or before DATE (default: today)",
    )
    p.add_argument("--json", action="store_true")
    if name == "aging":
        p.add_argument("--by", choices=("currency", "customer", "invoice"), default="currency")


def add_lines(sub) -> None:
    p = command(sub, "lines", run_lines, help="an invoice's reconciliation lines")
    p.add_argument("invoice", metavar="INVOICE")
    p.add_argument("--json", action="store_true")


def run_invoices(ws: Workspace, args: argparse.Namespace) -> int:
    from core.views import credit_json, invoice_json

    ledger = ws.books.ledger(as_of(args))
    rows = [invoice_json(i, ledger) for i in ledger.invoices.values()]
    rows += [credit_json(c, ledger) for c in ledger.credits.values()]
    rows.sort(key=lambda r: (r["date"] or "9999", r["number"]))
    if args.json:
        dump(rows)
        return EXIT_OK
    table(
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
                _status(r),
            ]
            for r in rows
        ],
        right=(5, 6, 7),
    )
    return EXIT_OK


def _status(r: dict) -> str:
    """An invoice's status, with its rebill and a difference with its lines."""
    rebilled = f" → {r['rebilled_as']}" if r.get("rebilled_as") else ""
    differ = r.get("lines_difference")
    return (
        r["status"]
        + rebilled
        + (f" (lines differ by {differ})" if differ not in (None, "0.00", "0") else "")
    )


def run_payments(ws: Workspace, args: argparse.Namespace) -> int:
    from core.views import payment_json

    read = ws.books.payments()
    ledger = ws.books.ledger(as_of(args), payments=read)
    infos = {p.id: p for p in read}
    sources = ws.books.all_payment_sources()
    rows = [payment_json(p, ledger, infos[p.id]) for p in ledger.payments.values()]
    for row in rows:
        row["sources"] = sources.get(row["id"], [])
    rows.sort(key=lambda r: (r["date"], r["id"]))
    if args.json:
        dump(rows)
        return EXIT_OK
    table(
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


def run_credits(ws: Workspace, args: argparse.Namespace) -> int:
    from core.views import credit_json

    ledger = ws.books.ledger(as_of(args))
    rows = sorted(
        (credit_json(c, ledger) for c in ledger.credits.values()),
        key=lambda r: (r["date"] or "9999", r["number"]),
    )
    if args.json:
        dump(rows)
        return EXIT_OK
    table(
        ["number", "date", "cur", "total", "applied", "unapplied"],
        [
            [r["number"], r["date"], r["currency"], r["total"], r["applied"], r["unapplied"]]
            for r in rows
        ],
        right=(3, 4, 5),
    )
    return EXIT_OK


def run_balance(ws: Workspace, args: argparse.Namespace) -> int:
    from core.present import balance

    out = balance(ws, as_of(args))
    if args.json:
        dump(out)
        return EXIT_OK
    print(f"Balance as of {as_of(args).isoformat()}")
    table(
        ["currency", "amount due", "unallocated payments", "unapplied credits", "disputed"],
        [
            [c, v["amount_due"], v["unallocated_payments"], v["unapplied_credits"], _disputed(v)]
            for c, v in out.items()
        ],
        right=(1, 2, 3, 4),
    )
    return EXIT_OK


def _disputed(row: dict) -> str:
    """The disputed amount of a balance row, said not due when it is left out of the amount
    due (blank when nothing is disputed)."""
    if "disputed" not in row:
        return ""
    return row["disputed"] + ("" if row["disputed_counted_as_due"] else " (not due)")


def run_aging(ws: Workspace, args: argparse.Namespace) -> int:
    ledger = ws.books.ledger(as_of(args))
    if args.by == "invoice":
        return _aging_by_invoice(ledger, args)
    if args.by == "customer":
        return _aging_by_customer(ws, ledger, args)
    from core.aging import by_currency

    out = {cur: _amounts(row, cur) for cur, row in by_currency(ledger).items()}
    if args.json:
        dump(out)
        return EXIT_OK
    print(f"Aging as of {as_of(args).isoformat()} (days past due)")
    cols = _aging_columns(out.values(), ledger.aging_limits)
    table(
        ["currency", *cols],
        [[cur, *(row.get(b, "") for b in cols)] for cur, row in out.items()],
        right=tuple(range(1, len(cols) + 1)),
    )
    return EXIT_OK


def _aging_by_invoice(ledger, args: argparse.Namespace) -> int:
    from core.views import invoice_json

    rows = [invoice_json(i, ledger) for i in ledger.invoices.values() if i.counted and i.open]
    rows.sort(key=lambda r: (-(r["days_past_due"] or -(10**6)), r["number"]))
    if args.json:
        dump([{k: r[k] for k in AGING_INVOICE_KEYS} for r in rows])
        return EXIT_OK
    table(
        ["number", "cur", "due", "open", "days", "bucket"],
        [
            [r["number"], r["currency"], r["due_date"], r["open"], r["days_past_due"], r["bucket"]]
            for r in rows
        ],
        right=(3, 4),
    )
    return EXIT_OK


def _aging_by_customer(ws: Workspace, ledger, args: argparse.Namespace) -> int:
    from core.aging import by_customer

    data = by_customer(ledger, ws.books.customer_weights())
    out = {
        cur: {cust or "(unknown)": _amounts(row, cur) for cust, row in custs.items()}
        for cur, custs in data.items()
    }
    if args.json:
        dump(out)
        return EXIT_OK
    print(f"Aging by customer as of {as_of(args).isoformat()}")
    cols = _aging_columns(
        (row for custs in out.values() for row in custs.values()), ledger.aging_limits
    )
    table(
        ["currency", "customer", *cols],
        [
            [cur, cust, *(row.get(b, "") for b in cols)]
            for cur, custs in out.items()
            for cust, row in custs.items()
        ],
        right=tuple(range(2, 2 + len(cols))),
    )
    return EXIT_OK


def _amounts(row: dict, cur: str) -> dict:
    from core.views import amount_text

    return {k: amount_text(v, cur) for k, v in row.items()}


def _aging_columns(rows, limits) -> list[str]:
    from core.aging import DATE_UNKNOWN, bucket_names

    unknown = any(DATE_UNKNOWN in row for row in rows)
    return [*bucket_names(limits), *([DATE_UNKNOWN] if unknown else []), "total"]


def run_lines(ws: Workspace, args: argparse.Namespace) -> int:
    lines = ws.books.lines(args.invoice)
    if not lines and not ws.books.documents(numbers=[args.invoice.strip().upper()]):
        raise UsageError(f"no invoice '{args.invoice}' in this workspace")
    if args.json:
        dump(
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
    table(
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


REPORTS = {
    "invoices": (run_invoices, "invoices with open amounts and days past due"),
    "payments": (run_payments, "payments with allocated and unallocated amounts"),
    "credits": (run_credits, "credit notes with applied and unapplied amounts"),
    "balance": (run_balance, "amount due, unallocated payments, unapplied credits per currency"),
    "aging": (run_aging, "open amounts by days past due"),
}
COMMANDS = {**{name: partial(add_report, name=name) for name in REPORTS}, "lines": add_lines}
