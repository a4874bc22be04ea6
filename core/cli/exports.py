"""Documents out: ``export remittance``, ``pain001``, ``report``, ``lines``, ``request``,
``ticket``."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from core.cli.common import EXIT_OK, command, iso_date, say

if TYPE_CHECKING:  # pragma: no cover
    from core.workspace import Workspace


def add_export(sub) -> None:
    p = sub.add_parser("export", help="remittance advice, request and ticket texts")
    ex = p.add_subparsers(dest="what", required=True, metavar="WHAT")
    e = command(
        ex, "remittance", run_remittance, help="remittance advice of a payment or planned payment"
    )
    e.add_argument("id", metavar="PAYMENT_ID", help="payment id, or planned payment reference")
    e.add_argument("--format", dest="fmt", choices=("pdf", "xlsx", "txt"), default="pdf")
    e.add_argument("--page", choices=("a4", "letter"), default="a4")
    e.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    e = command(
        ex, "pain001", run_pain001, help="ISO 20022 pain.001 credit transfers of planned payments"
    )
    e.add_argument("ids", nargs="+", metavar="PAYMENT_ID", help="planned payment references")
    e.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    e = command(ex, "report", run_report, help="the Excel report: balance, aging, allocations...")
    e.add_argument("--as-of", type=iso_date, default=None, metavar="DATE")
    e.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    e = command(
        ex, "lines", run_lines,
        help="line items as stored, to CSV or Parquet (any number: the report's sheets stop "
        "at Excel's million rows)",
    )  # fmt: skip
    e.add_argument("--customer", default=None, metavar="CUSTOMER_ID")
    e.add_argument("--invoice", default=None, metavar="NUMBER")
    e.add_argument("-o", "--output", type=Path, required=True, metavar="FILE",
                   help="FILE.parquet, or any other name: CSV")  # fmt: skip
    e = command(
        ex,
        "request",
        run_letter,
        help="e-mail asking Microsoft to apply an unallocated payment",
        description="The e-mail to bposcapp@microsoft.com asking Microsoft to apply a payment "
        "it left unallocated: each invoice with the amount for it (your allocation of the "
        "payment; else a proposal, marked as one for you to check), and the payment's date, "
        "amount, currency, bank reference and account.",
    )
    e.add_argument("id", metavar="PAYMENT_ID")
    e.add_argument(
        "-o",
        "--output",
        type=Path,
        default=None,
        metavar="FILE",
        help="FILE.eml: a draft e-mail that Outlook and Thunderbird open ready to send, with the "
        "remittance advice PDF attached; any other name: the text (default: print it)",
    )
    e = command(
        ex, "ticket", run_letter, help="support ticket for a payment in the wrong currency/account"
    )
    e.add_argument("id", metavar="PAYMENT_ID")
    e.add_argument("--why", default=None, help="default: from the payment's flags")
    e.add_argument("-o", "--output", type=Path, default=None, metavar="FILE")


COMMANDS = {"export": add_export}


def run_remittance(ws: Workspace, args: argparse.Namespace) -> int:
    say(ws.documents.save_remittance(args.id, args.fmt, args.output, page=args.page).lines)
    return EXIT_OK


def run_pain001(ws: Workspace, args: argparse.Namespace) -> int:
    say(ws.documents.save_pain001(args.ids, args.output).lines)
    return EXIT_OK


def run_report(ws: Workspace, args: argparse.Namespace) -> int:
    from core.exports.report import write_report

    write_report(ws, args.output, args.as_of or date.today())
    print(f"written: {args.output}")
    return EXIT_OK


def run_lines(ws: Workspace, args: argparse.Namespace) -> int:
    say(ws.charges.export_lines(args.output, args.customer, args.invoice).lines)
    return EXIT_OK


def run_letter(ws: Workspace, args: argparse.Namespace) -> int:
    """``request`` and ``ticket``: the text on standard output, or written to ``-o`` (a
    request to ``FILE.eml``: a draft e-mail with the remittance advice attached)."""
    why = getattr(args, "why", None)
    if args.output is None:
        print(ws.documents.letter(args.what, args.id, why), end="")
    else:
        say(ws.documents.save_letter(args.what, args.id, args.output, why).lines)
    return EXIT_OK
