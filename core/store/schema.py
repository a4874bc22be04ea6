"""The workspace schema (SQLAlchemy Core tables).

Money is stored as decimal text, exactly as the Decimal says it; never a
REAL.  The Alembic migrations in ``migrations/versions`` create the same
schema, and a test checks that they agree.
"""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.types import TypeDecorator


class Money(TypeDecorator):
    """A Decimal stored as its exact decimal text."""

    impl = String(64)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if not isinstance(value, Decimal):
            raise TypeError(f"money column given {type(value).__name__}, expected Decimal")
        return format(value, "f")

    def process_result_value(self, value, dialect):
        return None if value is None else Decimal(value)


metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_name)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

settings = Table(
    "settings",
    metadata,
    Column("key", String(100), primary_key=True),
    Column("value", Text, nullable=False),
)

imports = Table(
    "imports",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("file_name", Text, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("format", Text, nullable=False),
    Column("imported_at", DateTime, nullable=False),
    Column("os_user", Text, nullable=False),
    Column("summary", Text, nullable=False),  # JSON counts
    Column("undone", Boolean, nullable=False, default=False),
)
Index("ix_imports_sha256", imports.c.sha256)

documents = Table(
    "documents",
    metadata,
    Column("number", String(64), primary_key=True),
    Column("document_type", String(32), nullable=False),
    Column("invoice_type", String(32), nullable=False, default=""),
    Column("currency", String(3), nullable=False),
    Column("total", Money, nullable=False),
    Column("date", Date, nullable=True),  # NULL: known only from its lines
    Column("due_date", Date, nullable=True),  # NULL: invoice date + term
    Column("amends", String(64), nullable=True),
    Column("paid_amount_reported", Money, nullable=True),
    Column("billing_period_start", Date, nullable=True),
    Column("billing_period_end", Date, nullable=True),
    Column("auto_apply", Boolean, nullable=False, default=False),  # credit notes
    Column("import_id", Integer, ForeignKey("imports.id"), nullable=False),
    Column("header_import_id", Integer, ForeignKey("imports.id"), nullable=True),
    Column("source_file", Text, nullable=False),
    Column("source_place", Text, nullable=True),  # row or element path
)
Index("ix_documents_amends", documents.c.amends)

# Line items, one compressed Arrow block per invoice and import (see core.linestore).
# An import's line items, a Parquet file of up to 65,536 lines sorted by invoice (kind
# "lines", see core.linestore.PACK_COLUMNS); what they add up to per invoice and customer
# (kind "customers": invoice_number, customer_id, customer_name, total, line_count).
line_packs = Table(
    "line_packs",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("import_id", Integer, ForeignKey("imports.id"), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("row_count", Integer, nullable=False),
    Column("payload", LargeBinary, nullable=False),
)
Index("ix_line_packs_import_id", line_packs.c.import_id)

# Where an invoice's lines are: a run of rows of a pack (``pack_id``, ``first_row``,
# ``line_count``); in workspaces before packs, a block of its own (``payload``).
line_blocks = Table(
    "line_blocks",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("import_id", Integer, ForeignKey("imports.id"), nullable=False),
    Column("invoice_number", String(64), nullable=False),
    Column("currency", String(3), nullable=False),
    Column("line_count", Integer, nullable=False),
    Column("total", Money, nullable=False),  # exact sum of the lines' Total
    Column("source_file", Text, nullable=False),
    Column("source_sheet", Text, nullable=True),
    Column("payload", LargeBinary, nullable=True),
    Column("pack_id", Integer, ForeignKey("line_packs.id"), nullable=True),
    Column("first_row", Integer, nullable=True),
)
Index("ix_line_blocks_invoice_number", line_blocks.c.invoice_number)
# Every refresh adds up the blocks' totals per invoice: a covering index lets SQLite read
# these three columns without walking the (large) compressed blocks.
Index("ix_line_blocks_totals", line_blocks.c.invoice_number, line_blocks.c.total,
      line_blocks.c.line_count)  # fmt: skip

# What each customer's lines add up to per invoice and subscription (aging, re-billing).
line_customer_totals = Table(
    "line_customer_totals",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("import_id", Integer, ForeignKey("imports.id"), nullable=False),
    Column("invoice_number", String(64), nullable=False),
    Column("customer_id", Text, nullable=False),
    Column("customer_name", Text, nullable=False),
    Column("subscription_id", Text, nullable=False),  # "": totals are per customer now
    Column("total", Money, nullable=False),
    Column("line_count", Integer, nullable=False),
)
Index("ix_line_customer_totals_invoice_number", line_customer_totals.c.invoice_number)

payments = Table(
    "payments",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("fingerprint", String(64), nullable=False),
    Column("date", Date, nullable=False),
    Column("amount", Money, nullable=False),
    Column("currency", String(3), nullable=False),
    Column("reference", Text, nullable=False, default=""),
    Column("bank_account", Text, nullable=False, default=""),
    Column("counterparty", Text, nullable=False, default=""),
    Column("bank_reference", Text, nullable=False, server_default=""),
    Column("import_id", Integer, ForeignKey("imports.id"), nullable=False),
    Column("source_file", Text, nullable=False),
    Column("source_sheet", Text, nullable=True),
    Column("source_row", Integer, nullable=True),
    Column("payee_account", Text, nullable=False, server_default=""),  # IBAN it was sent to
    UniqueConstraint("fingerprint"),
)

# Every file a payment was read from: the clerk's list, then the bank's statement...
payment_sources = Table(
    "payment_sources",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("payment_id", String(64), ForeignKey("payments.id"), nullable=False),
    Column("import_id", Integer, ForeignKey("imports.id"), nullable=False),
    Column("format", Text, nullable=False),
    Column("place", Text, nullable=False),  # FILE:ROW or FILE:element
)
Index("ix_payment_sources_payment_id", payment_sources.c.payment_id)

# Rated usage summed per invoice, customer, subscription and meter (daily rated usage files).
usage_totals = Table(
    "usage_totals",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("import_id", Integer, ForeignKey("imports.id"), nullable=False),
    Column("invoice_number", String(64), nullable=False),
    Column("customer_id", Text, nullable=False),
    Column("customer_name", Text, nullable=False),
    Column("subscription_id", Text, nullable=False),
    Column("meter", Text, nullable=False),
    Column("currency", String(3), nullable=False),
    Column("quantity", Money, nullable=False),
    Column("amount", Money, nullable=False),
    Column("first_day", Date, nullable=True),
    Column("last_day", Date, nullable=True),
    Column("rows", Integer, nullable=False),
)
Index("ix_usage_totals_invoice_number", usage_totals.c.invoice_number)

payment_references = Table(
    "payment_references",
    metadata,
    Column("payment_id", String(64), ForeignKey("payments.id"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("invoice_number", String(64), nullable=False),
    Column("amount", Money, nullable=True),
)

allocations = Table(
    "allocations",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("source_kind", String(16), nullable=False),
    Column("source_id", String(64), nullable=False),
    Column("invoice_number", String(64), nullable=False),
    Column("amount", Money, nullable=False),
    Column("method", String(32), nullable=False),
    Column("created_audit_id", Integer, ForeignKey("audit.id"), nullable=False),
    Column("removed_audit_id", Integer, ForeignKey("audit.id"), nullable=True),
)
Index("ix_allocations_source_id", allocations.c.source_id)
Index("ix_allocations_invoice_number", allocations.c.invoice_number)

audit = Table(
    "audit",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("at", DateTime, nullable=False),
    Column("os_user", Text, nullable=False),
    Column("action", String(32), nullable=False),
    Column("summary", Text, nullable=False),
    Column("details", Text, nullable=False),  # JSON: what to undo
    Column("undo_of", Integer, ForeignKey("audit.id"), nullable=True),
)


# A payment the clerk plans to make: what it settles, before the bank has seen it.
claims = Table(
    # What the clerk asks Microsoft back: a disputed amount on an invoice (or one of its lines),
    # or an SLA credit (availability below 99.9 %); closed by the credit note that settles it,
    # or withdrawn.
    "claims",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("kind", String(16), nullable=False),  # dispute | sla
    Column("invoice_number", String(64), nullable=True),  # dispute: the invoice disputed
    Column("line", String(80), nullable=False, server_default=""),  # dispute: INVOICE#N
    Column("service", Text, nullable=False, server_default=""),  # sla
    Column("month", String(7), nullable=False, server_default=""),  # sla: YYYY-MM
    Column("availability", String(16), nullable=False, server_default=""),  # sla: percent
    Column("amount", Money, nullable=False),  # disputed or claimed
    Column("currency", String(3), nullable=False),
    Column("reason", Text, nullable=False, server_default=""),
    Column("ticket", String(64), nullable=False, server_default=""),
    Column("opened_on", Date, nullable=False),
    Column("state", String(16), nullable=False),  # open | credited | withdrawn
    Column("credit_note", String(64), nullable=True),
    Column("closed_on", Date, nullable=True),
    Column("audit_id", Integer, ForeignKey("audit.id"), nullable=False),
)

planned_payments = Table(
    "planned_payments",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("reference", String(64), nullable=False),
    Column("date", Date, nullable=False),  # the value date asked for
    Column("currency", String(3), nullable=False),
    Column("amount", Money, nullable=False),  # the wire amount
    Column("status", String(16), nullable=False),  # planned, confirmed, cancelled
    Column("payment_id", String(64), ForeignKey("payments.id"), nullable=True),
    Column("created_audit_id", Integer, ForeignKey("audit.id"), nullable=False),
)

plan_lines = Table(
    "plan_lines",
    metadata,
    Column("plan_id", Integer, ForeignKey("planned_payments.id"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("kind", String(16), nullable=False),  # invoice: paid by the wire; credit: netted
    Column("source", String(64), nullable=False),  # the credit note for a credit line
    Column("invoice_number", String(64), nullable=False),
    Column("amount", Money, nullable=False),
)

# A suggestion the clerk turned down: not proposed again for that payment.
rejected_suggestions = Table(
    "rejected_suggestions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("payment_id", String(64), nullable=False),
    Column("signature", Text, nullable=False),
    Column("audit_id", Integer, ForeignKey("audit.id"), nullable=False),
)
Index("ix_rejected_suggestions_payment_id", rejected_suggestions.c.payment_id)


# A note on an invoice, credit note or payment (support agents record them; read by all).
notes = Table(
    "notes",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("subject", String(64), nullable=False),  # document number or payment id
    Column("at", DateTime, nullable=False),
    Column("author", Text, nullable=False),
    Column("text", Text, nullable=False),
)
Index("ix_notes_subject", notes.c.subject)


# The clerk's word on a payment at Microsoft: "applied", or "unallocated" (since ``on``).
payment_marks = Table(
    "payment_marks",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("payment_id", String(64), nullable=False),
    Column("state", String(32), nullable=False),
    Column("on", Date, nullable=False),
    Column("audit_id", Integer, ForeignKey("audit.id"), nullable=False),
)
Index("ix_payment_marks_payment_id", payment_marks.c.payment_id)


# Microsoft's view of an invoice: the paid amount one Partner Center invoice download reported
# (``paidAmount``) and the day that view was taken.  A status that changes with each download,
# not a change of the document; the view of an undone import no longer counts.
microsoft_views = Table(
    "microsoft_views",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("invoice_number", String(64), nullable=False),
    Column("paid_amount", Money, nullable=False),
    Column("seen_on", Date, nullable=False),
    Column("import_id", Integer, ForeignKey("imports.id"), nullable=False),
)
Index("ix_microsoft_views_invoice_number", microsoft_views.c.invoice_number)
