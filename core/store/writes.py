"""Writes of the store: records become rows.  What to write is decided by the rules and the
services; these only put it there."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from sqlalchemy import Connection, insert, update

from core.allocation import Planned
from core.model import Document, Payment, Source
from core.store import schema as t

_DATE_KEYS = {"date", "due_date", "billing_period_start", "billing_period_end"}
_MONEY_KEYS = {"total", "paid_amount_reported"}


def add_allocations(conn: Connection, planned: Iterable[Planned], audit_id: int) -> list[int]:
    """Record planned allocations as made by the audited change ``audit_id``; their ids.  An
    allocation names the invoice the clerk or the payment's reference chose: where its money
    lands (a rebill, from the void's date) is worked out by the ledger as of each date."""
    return [
        int(
            conn.execute(
                insert(t.allocations).values(
                    source_kind=p.source_kind.value,
                    source_id=p.source_id,
                    invoice_number=p.aimed_at,
                    amount=p.amount,
                    method=p.method,
                    created_audit_id=audit_id,
                )
            ).inserted_primary_key[0]
        )
        for p in planned
    ]


def remove_allocations(conn: Connection, ids: Iterable[int], audit_id: int) -> None:
    """Mark allocations as removed by the audited change ``audit_id`` (kept for history)."""
    conn.execute(
        update(t.allocations)
        .where(t.allocations.c.id.in_(list(ids)), t.allocations.c.removed_audit_id.is_(None))
        .values(removed_audit_id=audit_id)
    )


def stop_auto_apply(conn: Connection, credit_number: str) -> None:
    """The clerk took a credit note in hand: stop applying it automatically."""
    conn.execute(
        update(t.documents).where(t.documents.c.number == credit_number).values(auto_apply=False)
    )


def add_references(conn: Connection, payment_id: str, p: Payment) -> None:
    for pos, ref in enumerate(p.references):
        conn.execute(
            insert(t.payment_references).values(
                payment_id=payment_id,
                position=pos,
                invoice_number=ref.number.upper(),
                amount=ref.amount,
            )
        )


def add_payment_source(
    conn: Connection, payment_id: str, import_id: int, fmt: str, src: Source
) -> None:
    conn.execute(
        insert(t.payment_sources).values(
            payment_id=payment_id, import_id=import_id, format=fmt, place=src.where()
        )
    )


def document_values(doc: Document) -> dict:
    """A document as the columns of its row."""
    return dict(
        number=doc.number,
        document_type=doc.document_type.value,
        invoice_type=doc.invoice_type.value,
        currency=doc.currency,
        total=doc.total,
        date=doc.date,
        due_date=doc.due_date,
        amends=doc.amends,
        paid_amount_reported=doc.paid_amount_reported,
        billing_period_start=doc.billing_period_start,
        billing_period_end=doc.billing_period_end,
        source_file=doc.source.file if doc.source else "",
        source_place=(doc.source.element or (str(doc.source.row) if doc.source.row else None))
        if doc.source
        else None,
    )


def encode_row(values: dict) -> dict:
    """A row's values as JSON can keep them (for the audit log's undo details)."""
    return {
        k: v.isoformat() if isinstance(v, date) else format(v, "f") if isinstance(v, Decimal) else v
        for k, v in values.items()
    }


def decode_row(values: dict) -> dict:
    out = {}
    for k, v in values.items():
        if v is not None and k in _DATE_KEYS:
            v = date.fromisoformat(v)
        elif v is not None and k in _MONEY_KEYS:
            v = Decimal(v)
        out[k] = v
    return out
