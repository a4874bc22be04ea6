"""Why charges cost what they do: ``explain``, ``checks``."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from core.cli.common import EXIT_OK, command, dump
from core.explain import KINDS as EXPLAIN_KINDS

if TYPE_CHECKING:  # pragma: no cover
    from core.workspace import Workspace


def add_explain(sub) -> None:
    p = command(
        sub,
        "explain",
        run_explain,
        help="why a line or an invoice's lines cost what they do: currency "
        "conversion, prorated terms, refunds",
    )
    p.add_argument(
        "target",
        metavar="LINE_OR_INVOICE",
        help="an invoice (G000123456), one of its lines (G000123456#3) or the file "
        "and row a line was read from (recon.csv:12)",
    )
    p.add_argument("--json", action="store_true")


def add_checks(sub) -> None:
    p = command(
        sub,
        "checks",
        run_checks,
        help="lines that contradict the published rules: fx_recompute_mismatch, "
        "proration_mismatch, refund_outside_window, refund_amount_mismatch",
    )
    p.add_argument("--kind", choices=EXPLAIN_KINDS, default=None)
    p.add_argument("--json", action="store_true")


COMMANDS = {"explain": add_explain, "checks": add_checks}


def run_explain(ws: Workspace, args: argparse.Namespace) -> int:
    from core.money import format_exact

    found = ws.charges.explain(args.target)
    if args.json:
        dump({"target": args.target, "lines": [ex.as_dict() for ex in found]})
        return EXIT_OK
    for ex in found:
        ln = ex.line
        print(
            f"{ex.label}  {ln.customer_name or ln.customer_id}  {ln.product}  "
            f"{format_exact(ln.subtotal, ln.currency)} {ln.currency}"
        )
        for sentence in ex.text():
            print(f"    {sentence}")
    return EXIT_OK


def run_checks(ws: Workspace, args: argparse.Namespace) -> int:
    from core.explain import totals

    found = [c for c in ws.charges.checks() if args.kind in (None, c.kind)]
    if args.json:
        dump({"findings": [c.as_dict() for c in found], "totals": totals(found)})
        return EXIT_OK
    for c in found:
        print(f"{c.kind}: {c.line} ({c.place})  {c.customer}  {c.product}")
        print(f"    {c.message}")
    if not found:
        print("no line contradicts the published rules")
    return EXIT_OK
