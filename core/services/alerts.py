"""The billing calendar, the findings that need the clerk's attention, and the clerk's marks
on payments (what Microsoft did with them)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Connection, insert, select

from core import alerts
from core.changes import Change, change
from core.ledger import Ledger
from core.model import Payment
from core.services.base import Service
from core.settings import Rules
from core.store import reads
from core.store import schema as t
from core.store.session import retried

MARK_WORDS = {"applied": "applied by Microsoft", "clear": "mark cleared",
              "unallocated": "unallocated at Microsoft"}  # fmt: skip


class Alerts(Service):
    def marks(self, conn: Connection | None = None) -> dict[str, alerts.Mark]:
        """The clerk's latest word on each payment (an undone mark does not count)."""
        with self.store.conn(conn) as c:
            return reads.marks(c)

    def findings(
        self,
        as_of: date | None = None,
        ledger: Ledger | None = None,
        payments: list[Payment] | None = None,
    ) -> tuple:
        """(findings, calendar, payment lifecycle) as of a date (default today); pass the
        ledger as of that date, and the payments, when they are read already."""
        as_of = as_of or date.today()
        with self.store.conn() as conn:
            read = payments if payments is not None else self.ws.books.payments(conn)
            if ledger is None:
                ledger = self.ws.books.ledger(as_of, conn, payments=read)
            plans = list(self.ws.plans._in(conn, None).values())
            marks = reads.marks(conn)
            rules = Rules.from_settings(reads.settings(conn))
            views = reads.microsoft_views(conn)
        disputed = self.ws.claims.disputed_open()
        return alerts.findings(rules, ledger, read, plans, marks, as_of, views, disputed)

    def calendar(self, first: date, last: date) -> alerts.Calendar:
        """The billing periods whose documents become available from ``first`` to ``last``."""
        return alerts.billing_calendar(self.ws.settings.rules(), self.ws.books.ledger(),
                                       first, last)  # fmt: skip

    @retried
    def mark(self, payment_id: str, state: str, on: date | None = None) -> Change:
        """Record what the clerk knows of a payment at Microsoft: ``applied``, ``unallocated``
        (listed under Unallocated payment in Partner Center, since ``on``), or ``clear``."""
        self.store.writable()
        if state not in MARK_WORDS:
            raise ValueError(f"mark: expected applied, unallocated or clear, got '{state}'")
        on = on or date.today()
        with self.store.change() as conn:
            if conn.scalar(select(t.payments.c.id).where(t.payments.c.id == payment_id)) is None:
                raise ValueError(f"no payment '{payment_id}' in this workspace")
            audit_id = self.store.audit(conn, "mark-payment",
                                        f"{payment_id}: {MARK_WORDS[state]} ({on.isoformat()})",
                                        {"payment": payment_id, "state": state})  # fmt: skip
            conn.execute(insert(t.payment_marks).values(payment_id=payment_id, state=state, on=on,
                                                        audit_id=audit_id))  # fmt: skip
        return change("mark", f"{payment_id}: {MARK_WORDS[state]}", {"marks"}, MARK_WORDS[state],
                      audit_id)  # fmt: skip
