"""Planned payments: ``plan``, ``plans``."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from core.cli.common import EXIT_OK, command, dump, iso_date, say, table

if TYPE_CHECKING:  # pragma: no cover
    from core.workspace import Workspace


def add_plan(sub) -> None:
    p = command(
        sub, "plan", run_plan, writes=True, help="plan a payment of invoices, net of credit notes"
    )
    p.add_argument("invoices", nargs="+", metavar="INVOICE")
    p.add_argument(
        "--credit",
        action="append",
        default=[],
        metavar="NUMBER",
        help="a credit note to net against the invoices (repeatable)",
    )
    p.add_argument("--date", type=iso_date, default=None, help="value date (default: today)")
    p.add_argument("--reference", default=None, help="the transfer reference (default: RA-…)")
    p.add_argument("--json", action="store_true")


def add_plans(sub) -> None:
    p = command(
        sub, "plans", run_plans, help="planned payments and whether the bank has shown them"
    )
    p.add_argument("--json", action="store_true")


COMMANDS = {"plan": add_plan, "plans": add_plans}


def run_plan(ws: Workspace, args: argparse.Namespace) -> int:
    done = ws.plans.plan(args.invoices, args.credit, args.date, args.reference)
    if args.json:
        plans = ws.plans.list()
        dump([plan_json(i, plans[i]) for i in done.result])
    else:
        say(done.lines)
    return EXIT_OK


def plan_json(plan_id: int, p) -> dict:
    from core.views import amount_text

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
            {
                "kind": ln.kind,
                "invoice": ln.invoice,
                "credit_note": ln.source or None,
                "amount": amount_text(ln.amount, cur),
            }
            for ln in p.lines
        ],
    }


def run_plans(ws: Workspace, args: argparse.Namespace) -> int:
    rows = [plan_json(i, p) for i, p in ws.plans.list().items()]
    if args.json:
        dump(rows)
        return EXIT_OK
    table(
        ["id", "reference", "date", "cur", "amount", "status", "payment", "invoices"],
        [
            [
                r["id"],
                r["reference"],
                r["date"],
                r["currency"],
                r["amount"],
                r["status"],
                r["payment"] or "",
                " ".join(ln["invoice"] for ln in r["lines"] if ln["kind"] == "invoice"),
            ]
            for r in rows
        ],
        right=(4,),
    )
    return EXIT_OK
