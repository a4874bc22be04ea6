"""Aging of open amounts against the payment term, as pure functions."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal
from functools import lru_cache
from itertools import pairwise

from core.ledger import DEFAULT_AGING_LIMITS, InvoiceState, Ledger
from core.model import InvoiceLine
from core.money import quantum, zero

DEFAULT_LIMITS = DEFAULT_AGING_LIMITS
DATE_UNKNOWN = "date_unknown"


@lru_cache(maxsize=64)
def bucket_names(limits: tuple[int, ...] = DEFAULT_LIMITS) -> tuple[str, ...]:
    """``not_due``, then one bucket per limit, then the last limit and over:
    ``(30, 60, 90)`` gives ``not_due, 1-30, 31-60, 61-90, 90+``."""
    names, low = ["not_due"], 1
    for high in limits:
        names.append(f"{low}-{high}")
        low = high + 1
    names.append(f"{limits[-1]}+")
    return tuple(names)


BUCKETS = bucket_names()


def parse_limits(text: str) -> tuple[int, ...]:
    """``"30, 60, 90"`` → ``(30, 60, 90)``; refuses anything but increasing whole days."""
    try:
        limits = tuple(int(part) for part in text.replace(";", ",").split(",") if part.strip())
    except ValueError:
        raise ValueError(
            f"aging buckets: expected whole numbers of days such as 30,60,90, got '{text}'"
        ) from None
    if not limits or limits[0] < 1 or any(b <= a for a, b in pairwise(limits)):
        raise ValueError(
            f"aging buckets: expected increasing numbers of days from 1, such as 30,60,90, "
            f"got '{text}'"
        )
    return limits


def bucket_of(days_past_due: int | None, limits: tuple[int, ...] = DEFAULT_LIMITS) -> str:
    """``not_due`` for 0 or fewer days past due, then the bucket whose limit is reached
    first (1-30, 31-60, 61-90 by default), then the last limit and over (90+)."""
    if days_past_due is None:
        return DATE_UNKNOWN
    if days_past_due <= 0:
        return "not_due"
    low = 1
    for high in limits:
        if days_past_due <= high:
            return f"{low}-{high}"
        low = high + 1
    return f"{limits[-1]}+"


def _empty(currency: str, limits: tuple[int, ...] = DEFAULT_LIMITS) -> dict[str, Decimal]:
    return {b: zero(currency) for b in bucket_names(limits)}


def _add(row: dict[str, Decimal], bucket: str, amount: Decimal, currency: str) -> None:
    row[bucket] = row.get(bucket, zero(currency)) + amount


def open_invoices(ledger: Ledger) -> Iterable[InvoiceState]:
    return (i for i in ledger.invoices.values() if i.counted and i.open != 0)


def by_currency(ledger: Ledger) -> dict[str, dict[str, Decimal]]:
    """Open amounts per currency and bucket, with ``total``.

    ``date_unknown`` appears only for a currency that has an invoice known
    only from its lines; it is part of ``total``.
    """
    out: dict[str, dict[str, Decimal]] = {}
    limits = ledger.aging_limits
    for inv in open_invoices(ledger):
        cur = inv.document.currency
        row = out.setdefault(cur, _empty(cur, limits))
        _add(row, bucket_of(inv.days_past_due, limits), inv.open, cur)
    for cur in ledger.balance():
        out.setdefault(cur, _empty(cur, limits))
    for cur, row in out.items():
        row["total"] = sum(row.values(), zero(cur))
    return dict(sorted(out.items()))


def customer_weights(lines: Iterable[InvoiceLine]) -> dict[str, Decimal]:
    """What each customer's lines add up to."""
    weights: dict[str, Decimal] = defaultdict(Decimal)
    for line in lines:
        weights[line.customer_name or line.customer_id or ""] += line.total
    return dict(weights)


def customer_shares(inv: InvoiceState, weights: dict[str, Decimal]) -> dict[str, Decimal]:
    """Split an invoice's open amount over its customers in proportion to their lines.

    Shares are rounded to the currency's decimals by largest remainder, so
    they add up exactly to the open amount.  An invoice without lines is all
    ``""`` (customer unknown).
    """
    cur = inv.document.currency
    total_w = sum(weights.values(), Decimal(0))
    if not weights or total_w == 0:
        return {"": inv.open}
    q = quantum(cur)
    raw = {k: inv.open * w / total_w for k, w in weights.items()}
    floor = {k: (v / q).to_integral_value(rounding="ROUND_FLOOR") * q for k, v in raw.items()}
    left = int((inv.open - sum(floor.values(), Decimal(0))) / q)
    order = sorted(raw, key=lambda k: (raw[k] - floor[k], k), reverse=True)
    for k in order[:left]:
        floor[k] += q
    return {k: v for k, v in floor.items() if v != 0}


def by_customer(
    ledger: Ledger, weights_by_invoice: dict[str, dict[str, Decimal]]
) -> dict[str, dict[str, dict[str, Decimal]]]:
    """Per currency, per customer: open amounts by bucket with ``total``."""
    out: dict[str, dict[str, dict[str, Decimal]]] = {}
    limits = ledger.aging_limits
    for inv in open_invoices(ledger):
        cur = inv.document.currency
        bucket = bucket_of(inv.days_past_due, limits)
        shares = customer_shares(inv, weights_by_invoice.get(inv.document.number, {}))
        rows = out.setdefault(cur, {})
        for customer, amount in shares.items():
            row = rows.get(customer)
            if row is None:
                row = rows[customer] = _empty(cur, limits)
            _add(row, bucket, amount, cur)
    for cur, customers in out.items():
        for row in customers.values():
            row["total"] = sum(row.values(), zero(cur))
    return {c: dict(sorted(v.items())) for c, v in sorted(out.items())}
