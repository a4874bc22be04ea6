"""The billing calendar and what needs attention: ``calendar``, ``alerts``, ``mark``."""

from __future__ import annotations

import argparse
from datetime import date, timedelta
from typing import TYPE_CHECKING

from core.cli.common import EXIT_OK, UsageError, command, dump, iso_date, say, table

if TYPE_CHECKING:  # pragma: no cover
    from core.workspace import Workspace


def add_calendar(sub) -> None:
    p = command(
        sub,
        "calendar",
        run_calendar,
        help="billing periods: availability dates, expected and received documents, due dates",
    )
    p.add_argument(
        "--from",
        dest="first",
        type=iso_date,
        default=None,
        metavar="DATE",
        help="default: three months before --to",
    )
    p.add_argument(
        "--to", dest="last", type=iso_date, default=None, metavar="DATE", help="default: today"
    )
    p.add_argument("--json", action="store_true")


def add_alerts(sub) -> None:
    p = command(
        sub,
        "alerts",
        run_alerts,
        help="what is due, missing or stuck: each finding with what to do",
    )
    p.add_argument("--as-of", type=iso_date, default=None, metavar="DATE")
    p.add_argument("--json", action="store_true")


def add_mark(sub) -> None:
    p = command(
        sub,
        "mark",
        run_mark,
        writes=True,
        help="what you know of a payment at Microsoft: applied, unallocated (listed "
        "under Unallocated payment), or clear",
    )
    p.add_argument("payment", metavar="PAYMENT_ID")
    p.add_argument("state", choices=("applied", "unallocated", "clear"))
    p.add_argument("--date", type=iso_date, default=None, help="since when (default: today)")


COMMANDS = {"calendar": add_calendar, "alerts": add_alerts, "mark": add_mark}


def run_calendar(ws: Workspace, args: argparse.Namespace) -> int:
    last = args.last or date.today()
    first = args.first or last - timedelta(days=92)
    if first > last:
        raise UsageError(f"--from {first} is after --to {last}")
    found = ws.alerts.calendar(first, last)
    rows = [
        {
            "experience": p.experience,
            "period_start": p.start.isoformat(),
            "period_end": p.end.isoformat(),
            "available": p.available.isoformat(),
            "expected_invoice_date": p.invoice_date.isoformat(),
            "due": p.due.isoformat(),
            "received": list(p.received),
            "reconciliation_files": list(p.with_lines),
            "missing": list(p.missing),
        }
        for p in found.periods
    ]
    if args.json:
        rules = ws.settings.rules()
        dump(
            {
                "from": first.isoformat(),
                "to": last.isoformat(),
                "experiences": list(rules.experiences),
                "anniversary_day": rules.anniversary_day,
                "partner_tier": rules.tier,
                "term_days": rules.term_days,
                "periods": rows,
                "lines_without_invoice": found.header_missing,
            }
        )
        return EXIT_OK
    table(
        ["experience", "period", "available", "due", "received", "missing"],
        [
            [
                r["experience"],
                f"{r['period_start']} – {r['period_end']}",
                r["available"],
                r["due"],
                " ".join(r["received"]) or "-",
                ", ".join(r["missing"]) or "-",
            ]
            for r in rows
        ],
    )
    for number in found.header_missing:
        print(f"{number}: reconciliation lines without the invoice itself")
    return EXIT_OK


def run_alerts(ws: Workspace, args: argparse.Namespace) -> int:
    from core.alerts import totals
    from core.money import format_amount

    as_of = args.as_of or date.today()
    found, _calendar, lives = ws.alerts.findings(as_of)
    if args.json:
        dump(
            {
                "as_of": as_of.isoformat(),
                "findings": [f.as_dict() for f in found],
                "totals": totals(found),
                "payments": [life.as_dict() for life in lives],
            }
        )
        return EXIT_OK
    for f in found:
        money = f" {format_amount(f.amount, f.currency)} {f.currency}" if f.amount else ""
        print(f"{f.kind}{' (' + f.stage + ')' if f.stage else ''}: {f.subject}{money}")
        print(f"    {f.message}")
    if not found:
        print(f"nothing to report as of {as_of.isoformat()}")
    return EXIT_OK


def run_mark(ws: Workspace, args: argparse.Namespace) -> int:
    say(ws.alerts.mark(args.payment, args.state, args.date).lines)
    return EXIT_OK
