"""The books: documents, payments, allocations and lines as records, and the ledger they
make as of a date."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Connection

from core.aging import parse_limits
from core.ledger import Ledger, compute
from core.model import Allocation, Document, InvoiceLine, Payment, UsageTotal
from core.rules.in_time import Facts
from core.services.base import Service
from core.store import reads


class Books(Service):
    def documents(
        self,
        conn: Connection | None = None,
        numbers: Iterable[str] | None = None,
        line_totals: bool = True,
    ) -> list[Document]:
        """Every document, or those with these numbers and those amending them (a void note,
        a rebill); ``line_totals=False`` leaves out what their lines add up to."""
        with self.store.conn(conn) as c:
            return reads.documents(c, numbers, line_totals)

    def payments(
        self,
        conn: Connection | None = None,
        ids: Iterable[str] | None = None,
        references: bool = True,
    ) -> list[Payment]:
        """Every payment, or those with these ids (``references=False``: without the invoice
        numbers they quote); a role that may not see bank details reads blanks instead."""
        with self.store.conn(conn) as c:
            return reads.payments(c, self.store.hidden_payment_columns, ids, references)

    def allocations(
        self,
        conn: Connection | None = None,
        sources: Iterable[str] | None = None,
        invoices: Iterable[str] | None = None,
    ) -> list[Allocation]:
        """The allocations in force: all, or those from these sources or to these invoices."""
        with self.store.conn(conn) as c:
            return reads.allocations(c, sources, invoices)

    def ledger(
        self,
        as_of: date | None = None,
        conn: Connection | None = None,
        payments: list[Payment] | None = None,
    ) -> Ledger:
        """The ledger as of a date (pass ``payments`` already read to save reading them)."""
        with self.store.conn(conn) as c:
            return compute(
                self.documents(c),
                payments if payments is not None else self.payments(c),
                self.allocations(c),
                as_of=as_of,
                term_days=self.store.term_days(c),
                aging_limits=parse_limits(self.store.setting("aging_buckets", "30,60,90", c)),
                automatic=reads.automatic_credits(c),
            )

    def facts(self, conn: Connection | None = None) -> Facts:
        """Every fact the ledger is computed from (for a change checked in time)."""
        with self.store.conn(conn) as c:
            return Facts(self.documents(c), self.payments(c), self.allocations(c),
                         reads.automatic_credits(c), self.store.term_days(c))  # fmt: skip

    @property
    def term_days(self) -> int:
        return self.store.term_days()

    def lines(self, invoice_number: str) -> list[InvoiceLine]:
        """An invoice's line items, in the order of their files and rows."""
        with self.store.conn() as c:
            return reads.lines(c, invoice_number)

    def history(self, number: str) -> list[dict]:
        """What happened to one document or payment, oldest first: the imports that brought
        it, every allocation to or from it, made and removed, and its notes."""
        with self.store.conn() as c:
            return reads.history(c, number)

    def allocation_audit(self) -> dict[int, tuple[datetime, str]]:
        """When and by whom each allocation was recorded."""
        with self.store.conn() as c:
            return reads.allocation_audit(c)

    def customer_weights(self) -> dict[str, dict[str, Decimal]]:
        """Per invoice, what each customer's lines add up to (for per-customer aging)."""
        with self.store.conn() as c:
            return reads.customer_weights(c)

    def customer_charges(self) -> list[list]:
        """Per customer and invoice: lines and charges (for re-billing)."""
        with self.store.conn() as c:
            return reads.customer_charges(c)

    def usage_totals(self, invoice_number: str | None = None) -> list[UsageTotal]:
        with self.store.conn() as c:
            return reads.usage_totals(c, invoice_number)

    def all_payment_sources(self) -> dict[str, list[str]]:
        """Every payment's files (and rows), oldest first (none for a role that may not see
        the bank's details)."""
        if "source_file" in self.store.hidden_payment_columns:
            return {}
        with self.store.conn() as c:
            return reads.all_payment_sources(c)

    def payment_sources(self, payment_id: str) -> list[str]:
        """Every file (and row) a payment was read from, oldest first."""
        if "source_file" in self.store.hidden_payment_columns:
            return []
        with self.store.conn() as c:
            return reads.payment_sources(c, payment_id)
