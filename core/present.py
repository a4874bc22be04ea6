"""What both faces say, written once: the lines of an import summary, the balance with
its disputed amounts.  The command line prints these; the window shows the same."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from core.i18n import say
from core.importers.said import error_line
from core.ledger import Balance, Ledger
from core.money import format_amount, zero

if TYPE_CHECKING:  # pragma: no cover
    from core.changes import ImportSummary
    from core.errors import ImportFailed
    from core.workspace import Workspace

MAX_ERRORS = 200  # a file with more errors says how many more


def import_lines(s: ImportSummary) -> list[str]:
    """What an import did: its first line names the file, format and counts; then each
    check, skipped entry and note."""
    if s.already_imported:
        return [say("{file}: already imported (#{id}); nothing changed", file=s.file,
                    id=s.import_id)]  # fmt: skip
    parts = [f"{s.entries_read} entries read"] if s.entries_read else []
    parts += [f"{n} {k} created" for k, n in s.created.items()]
    parts += [f"{n} {k} updated" for k, n in s.updated.items()]
    parts += [f"{n} {k} unchanged" for k, n in s.unchanged.items()]
    if s.skipped:
        parts.append(f"{len(s.skipped)} skipped")
    if s.credit_allocations:
        parts.append(f"{s.credit_allocations} credit allocation(s) made")
    lines = [f"{s.file}: {s.format}: " + (", ".join(parts) or "nothing new")]
    lines += [f"  check: {line}" for line in s.checks]
    lines += [f"  skipped: {line}" for line in s.skipped]
    lines += [f"  note: {line}" for line in s.warnings]
    return lines


def failed_lines(exc: ImportFailed) -> list[str]:
    """A file that was not imported: each error (file:row: message), then the verdict."""
    lines: list[str] = [error_line(err) for err in exc.errors[:MAX_ERRORS]]  # translatable
    if len(exc.errors) > MAX_ERRORS:
        lines.append(say("{file}: ... and {count} more errors", file=exc.file,
                         count=len(exc.errors) - MAX_ERRORS))  # fmt: skip
    lines.append(say("{file}: not imported: nothing from this file was stored", file=exc.file))
    return lines


# -------------------------------------------------------------- disputed amounts


@dataclass(frozen=True)
class Disputed:
    """Per invoice the amount under open dispute (at most what is open of it), and whether
    the workspace counts it as due all the same (the default, as Microsoft does)."""

    by_invoice: dict[str, Decimal]
    counted_as_due: bool

    def per_currency(self, ledger: Ledger) -> dict[str, Decimal]:
        out: dict[str, Decimal] = {}
        for number, amount in self.by_invoice.items():
            cur = ledger.invoices[number].document.currency
            out[cur] = out.get(cur, zero(cur)) + amount
        return out

    def held(self) -> dict[str, Decimal]:
        """Per invoice what is not due while disputed (nothing when counted as due)."""
        return {} if self.counted_as_due else self.by_invoice

    def amount_due(self, ledger: Ledger, currency: str, balance: Balance) -> Decimal:
        """The amount due in a currency, less what is disputed unless it counts as due."""
        if self.counted_as_due:
            return balance.amount_due
        return balance.amount_due - self.per_currency(ledger).get(currency, zero(currency))


def disputed(ws: Workspace, ledger: Ledger, claims: list[dict] | None = None) -> Disputed:
    """The open disputes of ``ledger``'s invoices (pass the claims when read already)."""
    out = {}
    for number, amount in ws.claims.disputed_open(claims).items():
        inv = ledger.invoices.get(number)
        if inv is None or not inv.counted or inv.open <= 0:
            continue
        out[number] = min(amount, inv.open)
    return Disputed(out, ws.settings.get("disputed_counts_as_due", "yes") != "no")


def balance(ws: Workspace, as_of: date | None) -> dict[str, dict]:
    """Per currency: amount due (less what is disputed when the workspace says disputed is
    not due), unallocated payments, unapplied credits; ``disputed`` and
    ``disputed_counted_as_due`` only when something is disputed."""
    ledger = ws.books.ledger(as_of)
    held = disputed(ws, ledger)
    per_cur = held.per_currency(ledger)
    out: dict[str, dict] = {}
    for cur, b in ledger.balance().items():
        out[cur] = {
            "amount_due": format_amount(held.amount_due(ledger, cur, b), cur),
            "unallocated_payments": format_amount(b.unallocated_payments, cur),
            "unapplied_credits": format_amount(b.unapplied_credits, cur),
        }
        if held.by_invoice:  # said only when something is disputed
            out[cur]["disputed"] = format_amount(per_cur.get(cur, zero(cur)), cur)
            out[cur]["disputed_counted_as_due"] = held.counted_as_due
    return out
