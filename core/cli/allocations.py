"""Money to invoices: ``allocate``, ``unallocate``, ``auto-allocate``, ``suggest``, ``accept``,
``reject``."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from core.cli.common import EXIT_OK, command, dump, pairs, say

if TYPE_CHECKING:  # pragma: no cover
    from core.workspace import Workspace


def add_auto_allocate(sub) -> None:
    p = command(
        sub,
        "auto-allocate",
        run_auto_allocate,
        writes=lambda args: args.apply,
        help="allocate payments to the invoices they quote",
    )
    p.add_argument("--apply", action="store_true", help="commit (default: only show)")
    p.add_argument("--json", action="store_true")


def add_suggest(sub) -> None:
    p = command(
        sub,
        "suggest",
        run_suggest,
        help="suggested allocations for payments with money left, each with a score "
        "and its reasons (nothing is committed)",
    )
    p.add_argument("payment", nargs="?", metavar="PAYMENT_ID")
    p.add_argument("--json", action="store_true")


def add_accept(sub) -> None:
    p = command(sub, "accept", run_accept, writes=True, help="allocate what a suggestion proposes")
    p.add_argument("suggestion", metavar="SUGGESTION_ID")
    p.add_argument("--json", action="store_true")


def add_reject(sub) -> None:
    p = command(
        sub,
        "reject",
        run_reject,
        writes=True,
        help="turn a suggestion down: it is not proposed again",
    )
    p.add_argument("suggestion", metavar="SUGGESTION_ID")


def add_allocate(sub) -> None:
    p = command(
        sub,
        "allocate",
        run_allocate,
        writes=True,
        help="allocate a payment or credit note to invoices",
    )
    p.add_argument("source", metavar="SOURCE", help="payment id or credit note number")
    p.add_argument("targets", nargs="+", metavar="INVOICE=AMOUNT")
    p.add_argument("--json", action="store_true")


def add_unallocate(sub) -> None:
    p = command(sub, "unallocate", run_unallocate, writes=True, help="remove an allocation")
    p.add_argument("allocation_id", type=int, metavar="ALLOCATION_ID")


COMMANDS = {
    "auto-allocate": add_auto_allocate,
    "suggest": add_suggest,
    "accept": add_accept,
    "reject": add_reject,
    "allocate": add_allocate,
    "unallocate": add_unallocate,
}


def run_allocate(ws: Workspace, args: argparse.Namespace) -> int:
    requests = pairs(args.targets, "INVOICE=AMOUNT", filled=True)
    done = ws.allocations.allocate(args.source, requests)
    if args.json:
        dump({"allocations": done.result})
    else:
        say(done.lines)
    return EXIT_OK


def run_unallocate(ws: Workspace, args: argparse.Namespace) -> int:
    say(ws.allocations.unallocate(args.allocation_id).lines)
    return EXIT_OK


def run_suggest(ws: Workspace, args: argparse.Namespace) -> int:
    from core.suggestions import answer_json

    answers = [answer_json(a) for a in ws.allocations.suggest(args.payment)]
    if args.json:
        dump(answers)
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


def run_accept(ws: Workspace, args: argparse.Namespace) -> int:
    done = ws.allocations.accept(args.suggestion)
    if args.json:
        dump({"suggestion": args.suggestion.upper(), "allocations": done.result})
    else:
        say(done.lines)
    return EXIT_OK


def run_reject(ws: Workspace, args: argparse.Namespace) -> int:
    say(ws.allocations.reject(args.suggestion).lines)
    return EXIT_OK


def run_auto_allocate(ws: Workspace, args: argparse.Namespace) -> int:
    done = ws.allocations.auto_allocate(apply=args.apply)
    if not args.json:
        say(done.lines)
        return EXIT_OK
    from core.views import amount_text

    result, ids = done.result
    payments = ws.books.ledger().payments
    proposals = [
        {
            **({"id": ids[i]} if ids else {}),
            "payment": p.source_id,
            "invoice": p.invoice,
            "quoted": p.aimed_at,
            "amount": amount_text(p.amount, payments[p.source_id].currency),
            "currency": payments[p.source_id].currency,
            "reason": p.reason,
        }
        for i, p in enumerate(result.planned)
    ]
    flagged = [
        {"payment": pid, "flags": fl, "notes": result.notes.get(pid, [])}
        for pid, fl in result.flags.items()
    ]
    dump({"applied": bool(args.apply), "allocations": proposals, "flagged": flagged})
    return EXIT_OK
