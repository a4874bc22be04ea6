"""What a row of each list shows: one description of an invoice, credit note or payment.

The command line prints these dictionaries as JSON, amounts as text with the currency's
decimals; the desktop's tables show the same rows with their amounts as ``Decimal``
(:func:`snapshot`).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from core import present
from core.aging import DATE_UNKNOWN, bucket_names, bucket_of, by_currency, by_customer
from core.business_days import DUE_SOON_DAYS, PROCESSING_DAYS, add_business_days
from core.ledger import InvoiceState, Ledger, SourceState
from core.model import SourceKind
from core.money import format_amount, format_exact, zero
from core.rules.agree import UNALLOCATED


def amount_text(amount: Decimal, currency: str) -> str:
    return format_amount(amount, currency)


def invoice_json(inv: InvoiceState, ledger: Ledger) -> dict:
    d = inv.document
    cur = d.currency
    out = {
        "number": d.number,
        "document_type": d.document_type.value,
        "invoice_type": d.invoice_type.value,
        "date": d.date.isoformat() if d.date else None,
        "date_unknown": d.date is None,
        "due_date": inv.due_date.isoformat() if inv.due_date else None,
        "currency": cur,
        "total": amount_text(d.total, cur),
        "applied": amount_text(inv.applied, cur),
        "open": amount_text(inv.open, cur),
        "counted": inv.counted,
        "status": inv.status,
        "days_past_due": inv.days_past_due if inv.counted else None,
        "bucket": (
            bucket_of(inv.days_past_due, ledger.aging_limits) if inv.counted and inv.open else None
        ),
        "amends": d.amends,
        "voided_by": inv.voided_by,
        "rebilled_as": inv.rebilled_as,
        "rebill_of": inv.rebill_of,
        "paid_amount_reported": (
            amount_text(d.paid_amount_reported, cur) if d.paid_amount_reported is not None else None
        ),
        "lines": d.line_count,
        "lines_total": format_exact(d.lines_total, cur) if d.lines_total is not None else None,
        "lines_difference": (
            format_exact(inv.lines_difference, cur) if inv.lines_difference is not None else None
        ),
        "allocations": [
            {
                "id": a.allocation.id,
                "source": a.allocation.source_id,
                "kind": a.allocation.source_kind.value,
                "amount": amount_text(a.applied, cur),
                "aimed_at": a.allocation.invoice_number,
            }
            for a in inv.allocations
        ],
        "source": d.source.where() if d.source else None,
    }
    return out


def credit_json(c: SourceState, ledger: Ledger) -> dict:
    d = ledger.documents[c.id]
    cur = c.currency
    return {
        "number": c.id,
        "document_type": d.document_type.value,
        "invoice_type": d.invoice_type.value,
        "date": d.date.isoformat() if d.date else None,
        "date_unknown": d.date is None,
        "due_date": None,
        "currency": cur,
        "total": amount_text(d.total, cur),
        "applied": amount_text(c.applied, cur),
        "unapplied": amount_text(c.remaining, cur),
        "open": amount_text(Decimal(0), cur),
        "counted": True,
        "status": "credit_note",
        "days_past_due": None,
        "bucket": None,
        "amends": d.amends,
        "allocations": [
            {
                "id": a.allocation.id,
                "invoice": a.target,
                "amount": amount_text(a.applied, cur),
                "aimed_at": a.allocation.invoice_number,
                "method": a.allocation.method,
            }
            for a in c.allocations
        ],
        "source": d.source.where() if d.source else None,
    }


def payment_json(p: SourceState, ledger: Ledger, info) -> dict:
    cur = p.currency
    return {
        "id": p.id,
        "date": p.date.isoformat() if p.date else None,
        "amount": amount_text(p.amount, cur),
        "currency": cur,
        "reference": info.reference,
        "bank_account": info.bank_account,
        "allocated": amount_text(p.applied, cur),
        "unallocated": amount_text(p.remaining, cur),
        "flags": p.flags,
        "notes": p.notes,
        "allocations": [
            {
                "id": a.allocation.id,
                "invoice": a.target,
                "aimed_at": a.allocation.invoice_number,
                "amount": amount_text(a.applied, cur),
                "method": a.allocation.method,
            }
            for a in p.allocations
        ],
        "source": info.source.where() if info.source else None,
    }


def snapshot(ws, as_of, customers: bool = True) -> dict:
    """Everything the main window shows, computed once (on the worker thread).

    The rows are those of the lists above with their amounts as ``Decimal`` (the window
    formats them only to show them).  With ``customers=False`` the per-customer split (a
    read of every customer line total, slow in a large workspace) is left for
    :func:`customer_snapshot`: ``customers`` is then ``None`` and the invoices'
    ``customers`` lists empty.
    """
    read = ws.books.payments()
    ledger = ws.books.ledger(as_of, payments=read)
    infos = {p.id: p for p in read}
    invoices = [invoice_row(i, ledger) for i in ledger.invoices.values()]
    invoices.sort(key=lambda r: (r["date"] or "9999", r["number"]))
    payments = [payment_row(p, ledger, infos[p.id], as_of) for p in ledger.payments.values()]
    payments.sort(key=lambda r: (r["date"], r["id"]))
    credits = [credit_row(c, ledger) for c in ledger.credits.values()]
    claims = ws.claims.list()
    found, calendar, _lives = ws.alerts.findings(as_of, ledger=ledger, payments=read)
    periods = [{"experience": p.experience, "start": p.start.isoformat(),
                "end": p.end.isoformat(), "available": p.available.isoformat(),
                "due": p.due.isoformat(), "missing": list(p.missing)}
               for p in calendar.periods]  # fmt: skip
    snap = {"as_of": as_of, "term_days": ledger.term_days,
            "alerts": [f.as_dict() for f in found], "periods": periods,
            "buckets": bucket_names(ledger.aging_limits), "invoices": invoices,
            "payments": payments, "credits": credits,
            "balance": balance(ledger, as_of, present.disputed(ws, ledger, claims)),
            "aging": by_currency(ledger), "customers": None, "ledger": ledger,
            "claims": claims, "line_customers": None,
            "can_redo": can_redo(ws)}  # fmt: skip
    if customers:
        add_customers(snap, customer_snapshot(ws, ledger))
    return snap


def can_redo(ws) -> bool:
    """Whether the window offers Redo: the journal has something to redo, and the clerk
    may change the workspace (a role that may not is not asked: it may not read the
    audit's details either)."""
    return not ws.readonly and ws.may("allocate") and ws.journal.can_redo()


def invoice_row(inv: InvoiceState, ledger: Ledger) -> dict:
    """:func:`invoice_json` with its amounts as ``Decimal``."""
    d = inv.document
    row = invoice_json(inv, ledger)
    row.update(total=d.total, applied=inv.applied, open=inv.open,
               paid_amount_reported=d.paid_amount_reported, lines_total=d.lines_total,
               lines_difference=inv.lines_difference, customers=[])  # fmt: skip
    for a, out in zip(inv.allocations, row["allocations"], strict=True):
        out["amount"] = a.applied
    return row


def credit_row(c: SourceState, ledger: Ledger) -> dict:
    """:func:`credit_json` with its amounts as ``Decimal``."""
    row = credit_json(c, ledger)
    row.update(total=ledger.documents[c.id].total, applied=c.applied, unapplied=c.remaining,
               open=zero(c.currency))  # fmt: skip
    for a, out in zip(c.allocations, row["allocations"], strict=True):
        out["amount"] = a.applied
    return row


def payment_row(p: SourceState, ledger: Ledger, info, as_of: date) -> dict:
    """:func:`payment_json` with its amounts as ``Decimal``, and the last day of its
    processing window at Microsoft while it runs."""
    row = payment_json(p, ledger, info)
    row.update(amount=p.amount, allocated=p.applied, unallocated=p.remaining,
               processing_until=processing_until(row["date"], as_of))  # fmt: skip
    for a, out in zip(p.allocations, row["allocations"], strict=True):
        out["amount"] = a.applied
    return row


def balance(ledger: Ledger, as_of: date, held: present.Disputed) -> dict[str, dict]:
    """Per currency what the dashboard shows, disputed amounts left out of what is due
    when the workspace says so (:func:`core.present.disputed`)."""
    overdue, due_soon = _overdue_and_due_soon(ledger, as_of, held.held())
    per_cur = held.per_currency(ledger)
    return {
        cur: {
            "amount_due": held.amount_due(ledger, cur, b),
            "disputed": per_cur.get(cur, zero(cur)),
            "disputed_counted_as_due": held.counted_as_due,
            "overdue": overdue.get(cur, zero(cur)),
            "due_soon": due_soon.get(cur, zero(cur)),
            "unallocated_payments": b.unallocated_payments,
            "unapplied_credits": b.unapplied_credits,
        }
        for cur, b in ledger.balance().items()
    }


def customer_snapshot(ws, ledger: Ledger) -> tuple[list[dict], dict[str, list[str]], list]:
    """Per customer and currency the open amounts by bucket, each invoice's customers, and
    the customers with lines (id, name, lines)."""
    weights = ws.books.customer_weights()
    return (customer_rows(ledger, weights), {n: sorted(w) for n, w in weights.items()},
            ws.charges.line_customers())  # fmt: skip


def add_customers(snap: dict, found: tuple[list[dict], dict[str, list[str]], list]) -> None:
    rows, by_invoice, snap["line_customers"] = found
    snap["customers"] = rows
    for row in snap["invoices"]:
        row["customers"] = by_invoice.get(row["number"], [])


def _overdue_and_due_soon(
    ledger: Ledger, as_of, held: dict[str, Decimal] | None = None
) -> tuple[dict, dict]:
    """Per currency: the open amount past its due date, and the open amount falling due
    within the next :data:`DUE_SOON_DAYS` days (today included); less what is ``held``
    (disputed amounts, when the workspace does not count them as due)."""
    overdue: dict[str, Decimal] = {}
    soon: dict[str, Decimal] = {}
    held = held or {}
    for inv in ledger.invoices.values():
        if not inv.counted or inv.open == 0 or inv.due_date is None:
            continue
        cur = inv.document.currency
        days_left = (inv.due_date - as_of).days
        amount = inv.open - held.get(inv.document.number, 0)
        if days_left < 0:
            overdue[cur] = overdue.get(cur, zero(cur)) + amount
        elif days_left <= DUE_SOON_DAYS:
            soon[cur] = soon.get(cur, zero(cur)) + amount
    return overdue, soon


def processing_until(payment_date: str | None, as_of) -> str | None:
    """The last day of a payment's processing window at Microsoft, while it still runs:
    until then Partner Center may show the invoices it pays as unpaid."""
    if not payment_date:
        return None
    end = add_business_days(date.fromisoformat(payment_date), PROCESSING_DAYS)
    return end.isoformat() if end >= as_of else None


def customer_rows(ledger, weights) -> list[dict]:
    """Per customer and currency: what is still open of their invoices, and how late."""
    buckets = bucket_names(ledger.aging_limits)

    rows = []
    for cur, customers in by_customer(ledger, weights).items():
        for name, row in customers.items():
            overdue = sum((row[b] for b in buckets if b != "not_due"), zero(cur))
            rows.append({
                "customer": name or "(unknown)", "currency": cur,
                "open": row["total"], "overdue": overdue,
                **{b: row.get(b, zero(cur)) for b in (*buckets, DATE_UNKNOWN)},
            })  # fmt: skip
    rows.sort(key=lambda r: (r["currency"], r["customer"]))
    return rows


def agreement(ws, as_of: date) -> dict:
    """What the window's "Agree with Microsoft" tab shows: :meth:`Agree.compare` as of a
    date, its amounts as ``Decimal``.  Each invoice that differs carries the payments
    involved and, among them, those Microsoft left unallocated past their 5 business days
    (``requests``: the payments to write the request e-mail for)."""
    found = ws.agree.compare(as_of)
    invoices = []
    for d in found.invoices:
        left = {i.id for i in d.involved if i.kind == SourceKind.PAYMENT and i.state == UNALLOCATED}
        invoices.append({
            "number": d.number, "currency": d.currency, "ours_paid": d.ours_paid,
            "microsoft_paid": d.microsoft_paid, "difference": d.difference,
            "reason": d.reason, "payments": d.payments, "seen_on": d.seen_on.isoformat(),
            "requests": [p for p in d.payments if p in left] if d.reason == UNALLOCATED else [],
        })  # fmt: skip
    totals = [{"currency": cur, "ours_due": t.ours_due, "microsoft_due": t.microsoft_due,
               "difference": t.difference} for cur, t in sorted(found.totals.items())]  # fmt: skip
    return {"as_of": as_of.isoformat(),
            "view_of": found.view_of.isoformat() if found.view_of else None,
            "invoices": invoices, "totals": totals}  # fmt: skip
