"""Which stored lines a rule of :mod:`core.explain` may flag, found a pack at a time.

Explaining a line (:class:`core.explain.Explainer`) needs it as a record, and a workspace
holds millions of lines.  Most are licence charges for their billing cycle: this scan
decides the proration check for them on the stored columns, with exact decimal arithmetic
(Arrow decimals; a column whose figures do not fit is left to the explainer), and hands
the explainer only what it must see: credits (their window needs the charge they
reverse), lines priced in another currency, and the charges the proration check flags.

The proration check of :func:`core.explain.proration.prorate`, multiplied through by the
days of the full cycle so that nothing is divided::

    over × full = subtotal × full − price × quantity × min(charged, full)
    tolerance × full = |price × quantity| + 0.01 × max(1, |quantity|) × full

flagged when ``|over| > tolerance`` (``over > tolerance`` when a discount makes the
expected amount a ceiling).  The billing cycle, usage or licence and the cycle's days come
from the same functions the explainer uses, called once per distinct value.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from core.explain.basics import cycle_months, days, is_usage, shift
from core.explain.proration import term_case
from core.model import InvoiceLine

if TYPE_CHECKING:  # pragma: no cover
    import pyarrow as pa

_SEP = "\x1f"
_MAX_PRECISION = 30  # of a figure; products are computed in 76 digits
_ZERO = Decimal(0)
_CENT = Decimal("0.01")


def _pa():
    import pyarrow as pa
    import pyarrow.compute as pc

    return pa, pc


def _col(table: pa.Table, name: str) -> pa.Array:
    pa, _ = _pa()
    if name in table.column_names:
        return table[name].combine_chunks().fill_null("")
    return pa.nulls(table.num_rows, pa.string()).fill_null("")


def to_explain(table: pa.Table, currency: pa.Array) -> pa.Array:
    """The rows the explainer must see to find every flag: credits, lines priced in
    another currency than their invoice's (``currency``, one per row), and licence charges
    the proration check flags.  Falls back to every licence charge with a period when a
    column's figures do not fit exact arithmetic."""
    return _picked(table, currency, also_explained=False)


def to_explain_all(table: pa.Table, currency: pa.Array) -> pa.Array:
    """The rows with something to explain (see
    :attr:`core.explain.Explanation.explained`), and a few more the explainer then leaves
    out: those :func:`to_explain` picks, and licence charges for part of their cycle or
    whose subscription's dates do not match its term."""
    return _picked(table, currency, also_explained=True)


def _picked(table: pa.Table, currency: pa.Array, also_explained: bool) -> pa.Array:
    _, pc = _pa()
    credit = pc.starts_with(_col(table, "subtotal"), "-")
    pricing = _col(table, "pricing_currency")
    converted = pc.and_(pc.not_equal(pricing, ""), pc.not_equal(pricing, currency))
    return pc.or_(pc.or_(credit, converted), _licence_rows(table, also_explained))


def _licence_rows(table: pa.Table, also_explained: bool) -> pa.Array:
    """Licence charges the proration check flags (and, ``also_explained``, those charged for
    part of their cycle or with a term that does not match)."""
    pa, pc = _pa()
    months = _months(table)
    start, end = _col(table, "charge_start"), _col(table, "charge_end")
    quantity = pc.if_else(pc.not_equal(_col(table, "billable_quantity"), ""),
                          _col(table, "billable_quantity"), _col(table, "quantity"))  # fmt: skip
    price = _col(table, "unit_price")
    subtotal = _col(table, "subtotal")
    placed = pc.and_(
        pc.and_(pc.greater(months, 0), pc.not_equal(price, "")),
        pc.and_(pc.and_(pc.not_equal(start, ""), pc.not_equal(end, "")),
                pc.and_(pc.not_equal(quantity, ""),
                        pc.invert(pc.starts_with(subtotal, "-")))),
    )  # fmt: skip
    if not pc.any(placed).as_py():
        return pa.nulls(table.num_rows, pa.bool_()).fill_null(False)
    rows = pc.indices_nonzero(placed)
    start_d = pc.cast(pc.take(start, rows), pa.date32())
    end_d = pc.cast(pc.take(end, rows), pa.date32())
    charged = pc.add(_day_count(start_d, end_d), 1)
    full = _full_cycle_days(end_d, pc.take(months, rows))
    try:
        picked = _contradicts(table, rows, charged, full, pc.take(quantity, rows),
                              pc.take(price, rows), pc.take(subtotal, rows))  # fmt: skip
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        # the explainer decides, record by record
        picked = pa.nulls(len(rows), pa.bool_()).fill_null(True)
    if also_explained:
        picked = pc.or_(pc.or_(picked, pc.less(charged, full)), _term_differs(table, rows))
    # charged after its start and within one cycle (a day's convention aside)
    fits = pc.and_(pc.greater_equal(end_d, start_d),
                   pc.less_equal(charged, pc.add(full, 1)))  # fmt: skip
    picked = pc.and_(picked, fits)
    return pc.replace_with_mask(pa.nulls(table.num_rows, pa.bool_()).fill_null(False), placed,
                                picked)  # fmt: skip


def _term_differs(table: pa.Table, rows: pa.Array) -> pa.Array:
    """The subscription's dates do not match its term
    (:func:`~core.explain.proration.term_case`), once per distinct start, end and term."""
    pa, pc = _pa()
    said = pc.binary_join_element_wise(
        *(pc.take(_col(table, c), rows) for c in ("subscription_start", "subscription_end",
                                                   "term")), _SEP)  # fmt: skip
    distinct = pc.unique(said)
    answers = []
    for text in distinct.to_pylist():
        first, last, term = text.split(_SEP)
        details = {"subscription_start": first, "subscription_end": last, "term": term}
        line = InvoiceLine("", "", _ZERO, _ZERO, _ZERO, details=details)
        answers.append(term_case(line, defaultdict(dict))[0] != "")
    return pc.take(pa.array(answers, pa.bool_()), pc.index_in(said, value_set=distinct))


def _day_count(first: pa.Array, last: pa.Array) -> pa.Array:
    pa, pc = _pa()
    return pc.subtract(pc.cast(last, pa.int32()), pc.cast(first, pa.int32()))


def _months(table: pa.Table) -> pa.Array:
    """Months of each line's billing cycle; 0 for usage and when the file does not say
    (:func:`~core.explain.basics.cycle_months` and :func:`~core.explain.basics.is_usage`,
    once per distinct charge type, term and frequency)."""
    pa, pc = _pa()
    said = pc.binary_join_element_wise(_col(table, "charge_type"), _col(table, "term"),
                                       _col(table, "billing_frequency"), _SEP)  # fmt: skip
    distinct = pc.unique(said)
    answers = []
    for text in distinct.to_pylist():
        charge_type, term, frequency = text.split(_SEP)
        said_only = {"term": term, "billing_frequency": frequency}
        line = InvoiceLine("", "", _ZERO, _ZERO, _ZERO, charge_type=charge_type, details=said_only)
        answers.append(0 if is_usage(line) else cycle_months(line) or 0)
    return pc.take(pa.array(answers, pa.int32()), pc.index_in(said, value_set=distinct))


def _full_cycle_days(end: pa.Array, months: pa.Array) -> pa.Array:
    """Days of the full cycle ending on each line's last day (as the explainer counts
    them), once per distinct last day and cycle."""
    pa, pc = _pa()
    pairs = pc.binary_join_element_wise(pc.cast(end, pa.string()), pc.cast(months, pa.string()),
                                        _SEP)  # fmt: skip
    distinct = pc.unique(pairs)
    answers = []
    for text in distinct.to_pylist():
        last, n = text.split(_SEP)
        day = date.fromisoformat(last)
        answers.append(days(shift(day + timedelta(days=1), -int(n)), day))
    return pc.take(pa.array(answers, pa.int32()), pc.index_in(pairs, value_set=distinct))


def _decimal(text: pa.Array) -> pa.Array:
    """Decimal text as an exact Arrow decimal, of the smallest precision that holds it."""
    pa, pc = _pa()
    text = pc.utf8_trim_whitespace(text)
    point = pc.find_substring(text, ".")
    signs = pc.add(pc.cast(pc.starts_with(text, "-"), pa.int32()),
                   pc.cast(pc.greater_equal(point, 0), pa.int32()))  # fmt: skip
    digits = pc.subtract(pc.utf8_length(text), signs)
    scale = pc.if_else(pc.greater_equal(point, 0),
                       pc.subtract(pc.subtract(pc.utf8_length(text), point), 1), 0)  # fmt: skip
    s = max(pc.max(scale).as_py() or 0, 0)
    whole = pc.max(pc.subtract(digits, scale)).as_py() or 1
    precision = max(whole, 1) + s
    if precision > _MAX_PRECISION:
        raise pa.ArrowInvalid("figures too long for exact arithmetic")
    return pc.cast(pc.cast(text, pa.decimal128(precision, s)), pa.decimal256(precision, s))


def _contradicts(table: pa.Table, rows: pa.Array, charged: pa.Array, full: pa.Array,
                 quantity: pa.Array, price: pa.Array, subtotal: pa.Array) -> pa.Array:  # fmt: skip
    pa, pc = _pa()
    qty, unit, sub = _decimal(quantity), _decimal(price), _decimal(subtotal)
    days_full = pc.cast(pc.cast(full, pa.int32()), pa.decimal256(10, 0))
    days_paid = pc.cast(pc.cast(pc.min_element_wise(charged, full), pa.int32()),
                        pa.decimal256(10, 0))  # fmt: skip
    full_price = pc.multiply(unit, qty)
    over = pc.subtract(pc.multiply(sub, days_full), pc.multiply(full_price, days_paid))
    units = pc.abs(qty)
    one = pa.scalar(Decimal(1), units.type)
    units = pc.if_else(pc.greater(units, one), units, one)
    cent = pa.scalar(_CENT, pa.decimal256(3, 2))
    tolerance = pc.add(pc.abs(full_price), pc.multiply(pc.multiply(units, cent), days_full))
    ceiling = _ceiling(table, rows, charged, full, unit)
    return pc.if_else(ceiling, pc.greater(over, tolerance), pc.greater(pc.abs(over), tolerance))


def _ceiling(table: pa.Table, rows: pa.Array, charged: pa.Array, full: pa.Array,
             unit: pa.Array) -> pa.Array:  # fmt: skip
    """The expected amount is a ceiling: a discount or promotion on the line, or a full
    cycle charged at an effective price other than the list price
    (:func:`~core.explain.basics.discounted`)."""
    pa, pc = _pa()
    adjustment = pc.utf8_trim(pc.take(_col(table, "price_adjustment"), rows), " []\"'")
    other = pc.take(_col(table, "other_discount"), rows)
    other_set = pc.not_equal(other, "")
    if pc.any(other_set).as_py():
        other_value = _decimal(pc.if_else(other_set, other, "0"))
        nonzero = pc.not_equal(other_value, pa.scalar(_ZERO, other_value.type))
    else:
        nonzero = pa.nulls(len(rows), pa.bool_()).fill_null(False)
    discounted = pc.or_(pc.or_(pc.not_equal(adjustment, ""),
                               pc.not_equal(pc.take(_col(table, "promotion_id"), rows), "")),
                        nonzero)  # fmt: skip
    effective = pc.take(_col(table, "effective_unit_price"), rows)
    has_effective = pc.not_equal(effective, "")
    if pc.any(has_effective).as_py():
        eup = _decimal(pc.if_else(has_effective, effective, "0"))
        differs = pc.and_(has_effective, pc.not_equal(eup, unit))
    else:
        differs = pa.nulls(len(rows), pa.bool_()).fill_null(False)
    return pc.or_(discounted, pc.and_(pc.greater_equal(charged, full), differs))
