"""Our books against Microsoft's: ``agree``."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from core.cli.common import EXIT_OK, as_of, command, dump, iso_date, table

if TYPE_CHECKING:  # pragma: no cover
    from core.workspace import Workspace

DESCRIPTION = (
    "Per invoice, what our books have applied (ours_paid) against what Microsoft's latest "
    "Partner Center invoice download on or before the date reports as paid (microsoft_paid), "
    "the difference and its reason: in_processing (a payment still inside Microsoft's 5 "
    "business days when the download was taken), unallocated_at_microsoft (past them: send "
    "the request e-mail), credit_not_applied, disputed (an open dispute), unexplained; with "
    "the payments involved. Only the invoices with a difference are listed; the totals per "
    "currency (our amount due, Microsoft's, the difference) count every invoice, at our own "
    "figure where no download lists it yet."
)


def add_agree(sub) -> None:
    p = command(
        sub,
        "agree",
        run_agree,
        help="our books against Microsoft's: the invoices whose paid amount differs from "
        "Partner Center's invoice download, and why",
        description=DESCRIPTION,
    )
    p.add_argument("--as-of", type=iso_date, default=None, metavar="DATE", help="default: today")
    p.add_argument("--json", action="store_true")


COMMANDS = {"agree": add_agree}


def run_agree(ws: Workspace, args: argparse.Namespace) -> int:
    found = ws.agree.compare(as_of(args))
    said = found.as_dict()
    if args.json:
        dump(said)
        return EXIT_OK
    view = said["microsoft_view_of"]
    print(f"as of {said['as_of']}: Microsoft's invoice download of {view}" if view else
          f"as of {said['as_of']}: no Partner Center invoice download imported yet")  # fmt: skip
    if found.invoices:
        table(
            ["invoice", "currency", "ours paid", "Microsoft paid", "difference", "reason",
             "payments"],
            [[d.number, d.currency, r["ours_paid"], r["microsoft_paid"], r["difference"],
              d.reason, " ".join(d.payments) or "-"]
             for d, r in zip(found.invoices, said["invoices"], strict=True)],
            right=(2, 3, 4),
        )  # fmt: skip
    else:
        print("no difference: Microsoft's view agrees with our books")
    if found.totals:
        print()
        table(
            ["currency", "our amount due", "Microsoft's amount due", "difference"],
            [[c, t["ours_due"], t["microsoft_due"], t["difference"]]
             for c, t in said["totals"].items()],
            right=(1, 2, 3),
        )  # fmt: skip
    return EXIT_OK
