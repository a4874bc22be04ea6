"""Disputed amounts and SLA credit claims: ``dispute`` and ``sla-claim`` (open, list, link
the credit note, withdraw)."""

from __future__ import annotations

import argparse
from functools import partial
from typing import TYPE_CHECKING

from core.cli.common import EXIT_OK, command, dump, iso_date, say, table

if TYPE_CHECKING:  # pragma: no cover
    from core.changes import Change
    from core.workspace import Workspace

KINDS = {"dispute": "dispute", "sla-claim": "sla"}  # command → the claims' kind


def add_claims(sub, name: str, what: str) -> None:
    p = sub.add_parser(name, help=f"{what}: open, list, link the credit note, withdraw")
    p.set_defaults(claim_kind=KINDS[name])
    acts = p.add_subparsers(dest="action", required=True)
    a = command(acts, "open", run_open, writes=True, help="record a new one")
    if name == "dispute":
        a.add_argument(
            "target", metavar="INVOICE_OR_LINE", help="G000123456 or one of its lines, G000123456#3"
        )
        a.add_argument("amount", metavar="AMOUNT")
        a.add_argument("--reason", required=True, help="what is wrong with the amount")
    else:
        a.add_argument("--service", required=True, help="e.g. Dynamics 365 Sales")
        a.add_argument("--month", required=True, metavar="YYYY-MM")
        a.add_argument(
            "--availability",
            required=True,
            metavar="PERCENT",
            help="the monthly availability measured (below 99.9)",
        )
        a.add_argument("--credit", required=True, metavar="AMOUNT", help="credit claimed")
        a.add_argument("--currency", required=True, metavar="CUR")
    a.add_argument("--ticket", default="", help="the support ticket number")
    a.add_argument("--date", type=iso_date, default=None, help="opened on (default: today)")
    a.add_argument("--json", action="store_true")
    a = command(acts, "list", run_list, help="open ones (all with --all), oldest first, with age")
    a.add_argument("--all", action="store_true")
    a.add_argument("--json", action="store_true")
    a = command(
        acts, "link", run_link, writes=True, help="the credit note that settles it: it closes"
    )
    a.add_argument("id", type=int, metavar="ID")
    a.add_argument("credit_note", metavar="CREDIT_NOTE")
    a.add_argument("--date", type=iso_date, default=None, help="closed on (default: today)")
    a.add_argument("--json", action="store_true")
    a = command(acts, "withdraw", run_withdraw, writes=True, help="close it without a credit")
    a.add_argument("id", type=int, metavar="ID")
    a.add_argument("--date", type=iso_date, default=None, help="closed on (default: today)")
    a.add_argument("--json", action="store_true")


COMMANDS = {
    "dispute": partial(add_claims, name="dispute", what="disputed amounts on invoices or lines"),
    "sla-claim": partial(
        add_claims, name="sla-claim", what="SLA credit claims (availability below 99.9 %%)"
    ),
}


def run_list(ws: Workspace, args: argparse.Namespace) -> int:
    kind = args.claim_kind
    found = ws.claims.list(kind, open_only=not args.all)
    if args.json:
        dump(found)
        return EXIT_OK
    what = ("invoice", "line") if kind == "dispute" else ("service", "month")
    table(
        ["#", *what, "amount", "cur", "ticket", "opened", "age", "state", "credit note"],
        [
            [
                c["id"],
                c[what[0]],
                c[what[1]],
                c["amount"],
                c["currency"],
                c["ticket"],
                c["opened_on"],
                c["age_days"],
                c["state"],
                c["credit_note"],
            ]
            for c in found
        ],
        right=(3, 7),
    )
    return EXIT_OK


def run_open(ws: Workspace, args: argparse.Namespace) -> int:
    if args.claim_kind == "dispute":
        done = ws.claims.open_dispute(args.target, args.amount, args.reason, args.ticket, args.date)
    else:
        done = ws.claims.open_sla_claim(
            args.service,
            args.month,
            args.availability,
            args.credit,
            args.currency,
            args.ticket,
            args.date,
        )
    return _say(done, args)


def run_link(ws: Workspace, args: argparse.Namespace) -> int:
    return _say(ws.claims.close(args.id, args.credit_note, args.date), args)


def run_withdraw(ws: Workspace, args: argparse.Namespace) -> int:
    return _say(ws.claims.close(args.id, None, args.date), args)


def _say(done: Change, args: argparse.Namespace) -> int:
    if args.json:
        dump(done.result)
    else:
        say(done.lines)
    return EXIT_OK
