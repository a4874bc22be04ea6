"""Our books against Microsoft's: the paid amount each Partner Center invoice download reports
per invoice (Microsoft's view, kept with the day it was taken) set against our ledger as of a
date (see :mod:`core.rules.agree`)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal
from pathlib import PurePath
from typing import TYPE_CHECKING

from sqlalchemy import Connection, insert, update

from core import alerts
from core.business_days import PROCESSING_DAYS
from core.model import Document
from core.rules import agree
from core.services.base import Service
from core.settings import Rules
from core.store import reads, writes
from core.store import schema as t
from core.store.session import now

if TYPE_CHECKING:  # pragma: no cover
    from core.changes import ImportSummary


class Agree(Service):
    def compare(self, as_of: date | None = None) -> agree.Agreement:
        """Per counted invoice as of a date (default today), what our books applied and what
        Microsoft's latest download on or before it reports; the invoices that differ with
        the reason and the payments involved; the amounts due per currency."""
        as_of = as_of or date.today()
        with self.store.conn() as conn:
            ledger = self.ws.books.ledger(as_of, conn)
            views = reads.microsoft_views(conn)
            rules = Rules.from_settings(reads.settings(conn))
        disputed = self.ws.claims.disputed_open()
        return agree.compare(ledger, views, disputed, self.processed_by(rules, as_of))

    def views(self, number: str | None = None) -> list[agree.View]:
        """Microsoft's views (of one invoice), oldest first: the paid amount each download
        reported and the day it was taken."""
        with self.store.conn() as conn:
            return reads.microsoft_views(conn, None if number is None else [number])

    @staticmethod
    def processed_by(rules: Rules, as_of: date) -> agree.ProcessedBy:
        """A payment's date → the day Microsoft has applied it by (5 business days of the
        workspace's holiday calendar)."""
        days = alerts.business_calendar(rules, range(as_of.year - 3, as_of.year + 2))
        return lambda day: days.add(day, PROCESSING_DAYS)

    def record(
        self,
        conn: Connection,
        documents: Sequence[Document],
        statuses: Iterable[tuple[str, Decimal | None, Decimal]],
        import_id: int,
        summary: ImportSummary,
    ) -> dict[str, dict]:
        """Within an import: Microsoft's view in the file (each document's reported paid
        amount, seen on the day the file's name says or today) and the documents' status
        where it changed; the statuses as they were (for undo)."""
        reported = [d for d in documents if d.paid_amount_reported is not None]
        if not reported:
            return {}
        newest = max((d.date for d in reported if d.date is not None), default=None)
        seen = agree.view_date(PurePath(summary.file).name, now().date(), newest)
        conn.execute(insert(t.microsoft_views), [
            {"invoice_number": d.number, "paid_amount": d.paid_amount_reported,
             "seen_on": seen, "import_id": import_id} for d in reported
        ])  # fmt: skip
        before: dict[str, dict] = {}
        for number, old, paid in statuses:  # not an update of the document: a status
            before[number] = writes.encode_row({"paid_amount_reported": old})
            conn.execute(update(t.documents).where(t.documents.c.number == number)
                         .values(paid_amount_reported=paid))  # fmt: skip
        if before:
            summary.warnings.append(
                f"Microsoft's view as of {seen.isoformat()}: the paid amount of "
                f"{len(before)} invoice(s) changed ({', '.join(sorted(before)[:5])}"
                f"{', ...' if len(before) > 5 else ''}), not the invoices themselves"
            )
        return before
