"""What a row of each list shows: one description of an invoice, credit note or payment.

The command line prints these dictionaries as JSON; the desktop's tables show
them.  Amounts are text with the currency's decimals.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from core.aging import DATE_UNKNOWN, bucket_names, bucket_of, by_currency, by_customer
from core.business_days import DUE_SOON_DAYS, PROCESSING_DAYS, add_business_days
from core.ledger import InvoiceState, Ledger, SourceState
from core.money import format_amount, format_exact, zero


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

    With ``customers=False`` the per-customer split (a read of every customer line total,
    slow in a large workspace) is left for :func:`customer_snapshot`: ``customers`` is then
    ``None`` and the invoices' ``customers`` lists empty.
    """
    read = ws.payments()
    ledger = ws.ledger(as_of, payments=read)
    infos = {p.id: p for p in read}
    invoices = [invoice_json(i, ledger) for i in ledger.invoices.values()]
    for row in invoices:
        row["customers"] = []
    invoices.sort(key=lambda r: (r["date"] or "9999", r["number"]))
    payments = [payment_json(p, ledger, infos[p.id]) for p in ledger.payments.values()]
    payments.sort(key=lambda r: (r["date"], r["id"]))
    credits = [credit_json(c, ledger) for c in ledger.credits.values()]
    claims = ws.claims()
    disputed, counted = disputed_amounts(ws, ledger, claims)
    overdue, due_soon = _overdue_and_due_soon(ledger, as_of, {} if counted else disputed)
    held = per_currency(ledger, disputed)
    balance = {
        cur: {
            "amount_due": amount_text(
                b.amount_due - (zero(cur) if counted else held.get(cur, zero(cur))), cur
            ),
            "disputed": amount_text(held.get(cur, zero(cur)), cur),
            "disputed_counted_as_due": counted,
            "overdue": amount_text(overdue.get(cur, zero(cur)), cur),
            "due_soon": amount_text(due_soon.get(cur, zero(cur)), cur),
            "unallocated_payments": amount_text(b.unallocated_payments, cur),
            "unapplied_credits": amount_text(b.unapplied_credits, cur),
        }
        for cur, b in ledger.balance().items()
    }
    for row in payments:
        row["processing_until"] = processing_until(row["date"], as_of)
    aging = {cur: {k: amount_text(v, cur) for k, v in row.items()}
             for cur, row in by_currency(ledger).items()}  # fmt: skip
    found, calendar, _lives = ws.alerts(as_of, ledger=ledger, payments=read)
    periods = [{"experience": p.experience, "start": p.start.isoformat(),
                "end": p.end.isoformat(), "available": p.available.isoformat(),
                "due": p.due.isoformat(), "missing": list(p.missing)}
               for p in calendar.periods]  # fmt: skip
    snap = {"as_of": as_of, "term_days": ledger.term_days,
            "alerts": [f.as_dict() for f in found], "periods": periods,
            "buckets": bucket_names(ledger.aging_limits), "invoices": invoices,
            "payments": payments, "credits": credits, "balance": balance, "aging": aging,
            "customers": None, "ledger": ledger, "claims": claims,
            "line_customers": None}  # fmt: skip
    if customers:
        add_customers(snap, customer_snapshot(ws, ledger))
    return snap


def customer_snapshot(ws, ledger: Ledger) -> tuple[list[dict], dict[str, list[str]], list]:
    """Per customer and currency the open amounts by bucket, each invoice's customers, and
    the customers with lines (id, name, lines)."""
    weights = ws.customer_weights()
    return (customer_rows(ledger, weights), {n: sorted(w) for n, w in weights.items()},
            ws.line_customers())  # fmt: skip


def add_customers(snap: dict, found: tuple[list[dict], dict[str, list[str]], list]) -> None:
    rows, by_invoice, snap["line_customers"] = found
    snap["customers"] = rows
    for row in snap["invoices"]:
        row["customers"] = by_invoice.get(row["number"], [])


def disputed_amounts(
    ws, ledger: Ledger, claims: list[dict] | None = None
) -> tuple[dict[str, Decimal], bool]:
    """Per invoice the amount under open dispute (at most what is open of it), and whether
    the workspace counts it as due all the same (the default, as Microsoft does); pass the
    claims when they are read already."""
    out = {}
    for number, amount in ws.disputed_open(claims).items():
        inv = ledger.invoices.get(number)
        if inv is None or not inv.counted or inv.open <= 0:
            continue
        out[number] = min(amount, inv.open)
    return out, ws.setting("disputed_counts_as_due", "yes") != "no"


def per_currency(ledger: Ledger, amounts: dict[str, Decimal]) -> dict[str, Decimal]:
    out: dict[str, Decimal] = {}
    for number, amount in amounts.items():
        cur = ledger.invoices[number].document.currency
        out[cur] = out.get(cur, zero(cur)) + amount
    return out


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
                "open": amount_text(row["total"], cur), "overdue": amount_text(overdue, cur),
                **{b: amount_text(row.get(b, zero(cur)), cur) for b in (*buckets, DATE_UNKNOWN)},
            })  # fmt: skip
    rows.sort(key=lambda r: (r["currency"], r["customer"]))
    return rows
