"""Why a reconciliation line costs what it does, and where it contradicts the published rules.

The rules are DOMAIN.md's ("Invoices", "File formats" and "Subscription terms that do not match
billing terms"):

* **Currency conversion.**  A line priced in another currency than the invoice's is converted
  with ``PCToBCExchangeRate``: usage ``ROUNDDOWN(ROUNDDOWN(EffectiveUnitPrice ×
  BillableQuantity, 2) × rate, 2)``, licences ``ROUNDDOWN(EffectiveUnitPrice × rate, 2) ×
  BillableQuantity``.  ROUNDDOWN is Excel's: toward zero, so a credit rounds like a charge.  The
  rate of a month is published two business days before its first day (for reference).
* **Prorated terms.**  A licence charged for part of its billing cycle costs the cycle's price
  (``UnitPrice`` × quantity, converted) × days charged / days of the full cycle.  Day-count
  conventions differ by a day (is the end day counted?), so a difference of up to one day's
  price, plus a cent per unit for rounding, is never flagged: only a clear contradiction is.
  With a discount or promotion on the line the check is an upper bound.
* **Refunds and cancellations.**  A cancellation or quantity reduction is placed against its
  window, counted from the start of the term (the purchase or the last renewal): new commerce
  refunds in full within 24 hours, prorated within 7 days, not at all after; legacy in full
  within the first month, prorated after.  Files give dates, not hours: a cancellation the next
  day may be within 24 hours (both refunds are accepted), one on day 8 is clearly after 7 days.
  The expected amount comes from the charge it reverses when that line is in the workspace, else
  from the credit line's own price.

Everything is :class:`~decimal.Decimal`; amounts shown are rounded once, to the currency's
decimals, only for display — comparisons use the exact figures.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from core.calendar import LEGACY, NEW_COMMERCE, add_months, anniversary
from core.model import InvoiceLine
from core.money import currency_decimals

KINDS = (
    "fx_recompute_mismatch", "proration_mismatch", "refund_outside_window",
    "refund_amount_mismatch",
)  # fmt: skip
CENT = Decimal("0.01")
NCE_FULL_REFUND_DAYS = 1  # 24 hours, with dates only: the same or the next day
NCE_REFUND_DAYS = 7
RATE_BUSINESS_DAYS_BEFORE = 2
SLA_AVAILABILITY = Decimal("99.9")  # percent a month (Dynamics 365 FAQ): below it, a credit


# ---------------------------------------------------------------- small rules


def rounddown(value: Decimal, places: int) -> Decimal:
    """Excel's ROUNDDOWN: toward zero."""
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_DOWN)


def shown(value: Decimal, currency: str) -> Decimal:
    """Rounded once, half up, to the currency's decimals (for display)."""
    return value.quantize(Decimal(1).scaleb(-currency_decimals(currency)), rounding=ROUND_HALF_UP)


def shift(day: date, months: int) -> date:
    """The same day ``months`` later (or earlier); the month's last day when it is shorter."""
    y, m = add_months(day.year, day.month, months)
    return anniversary(y, m, day.day)


def published_rate_date(month: date) -> date:
    """The day whose exchange rate applies to a month: two business days (weekdays) before its
    first day (DOMAIN.md: the 29 November rate for 1–31 December)."""
    day, n = month.replace(day=1), 0
    while n < RATE_BUSINESS_DAYS_BEFORE:
        day -= timedelta(days=1)
        n += day.weekday() < 5
    return day


_TERM = re.compile(r"\b(\d+|one|two|three|five)[\s-]*(years?|yrs?|months?|mos?)\b", re.I)
_ISO_TERM = re.compile(r"\bP(\d+)([YM])\b")
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "five": 5}


def term_months(text: str) -> int | None:
    """``1 Month Subscription`` → 1, ``One-Year commitment...`` → 12, ``P3Y`` → 36."""
    m = _ISO_TERM.search(text or "")
    if m:
        return int(m.group(1)) * (12 if m.group(2) == "Y" else 1)
    m = _TERM.search(text or "")
    if not m:
        return None
    n = _NUMBER_WORDS.get(m.group(1).lower()) or int(m.group(1))
    return n * (12 if m.group(2).lower().startswith("y") else 1)


def cycle_months(line: InvoiceLine) -> int | None:
    """Months of the billing cycle a licence line is charged for, when the file says."""
    freq = line.detail("billing_frequency").lower().replace(" ", "")
    term = line.detail("term")
    if freq.startswith("month"):
        return 1
    if freq in ("annual", "yearly", "annually") or freq.startswith("year"):
        return 12
    if freq.startswith("trienn"):
        return 36
    if freq in ("onetime", "one-time"):
        return term_months(term)
    low = term.lower()
    if "monthly billing" in low and "/" not in low:
        return 1
    if ("annual billing" in low or "yearly billing" in low) and "/" not in low:
        return 12
    if term_months(term) == 1:
        return 1
    return None


def quantity_of(line: InvoiceLine) -> Decimal | None:
    q = line.detail("billable_quantity")
    return Decimal(q) if q else line.quantity


def _dec(line: InvoiceLine, name: str) -> Decimal | None:
    v = line.detail(name)
    return Decimal(v) if v else None


def _date(line: InvoiceLine, name: str) -> date | None:
    v = line.detail(name)
    return date.fromisoformat(v) if v else None


def is_usage(line: InvoiceLine) -> bool:
    """Usage-based (Azure plan, metered) unless the line has a term or a billing frequency."""
    if "usage" in line.charge_type.lower():
        return True
    term = line.detail("term").strip().lower()
    freq = line.detail("billing_frequency").strip().lower()
    return term in ("", "none", "n/a") and freq in ("", "none", "usage")


def experience(line: InvoiceLine) -> str:
    """New commerce (``G…`` invoices, term columns) or legacy (``D…``, legacy columns)."""
    number = line.invoice_number.upper()
    if number.startswith("G"):
        return NEW_COMMERCE
    if number.startswith("D"):
        return LEGACY
    if line.detail("term") or line.detail("effective_unit_price"):
        return NEW_COMMERCE
    return LEGACY


_CANCELLATION = re.compile(r"cancel|remov|reduc|refund|return|downgrade", re.I)


def is_cancellation(line: InvoiceLine) -> bool:
    return bool(
        _CANCELLATION.search(line.charge_type) or _CANCELLATION.search(line.detail("credit_reason"))
    )


def days(first: date, last: date) -> int:
    """Days from ``first`` to ``last``, both counted."""
    return (last - first).days + 1


def discounted(line: InvoiceLine) -> bool:
    other = _dec(line, "other_discount")
    return bool(
        line.detail("price_adjustment").strip(" []\"'")
        or line.detail("promotion_id")
        or (other is not None and other != 0)
    )


def _in_billing_currency(line: InvoiceLine) -> Decimal:
    """The factor from the price's currency to the invoice's (1 when they are the same)."""
    pricing = line.detail("pricing_currency")
    rate = _dec(line, "fx_rate")
    if pricing and pricing != line.currency and rate is not None:
        return rate
    return Decimal(1)


# ---------------------------------------------------------------- what is found


@dataclass(frozen=True)
class Check:
    """A line that contradicts a rule: both figures, and what to do."""

    kind: str
    invoice: str
    line: str  # INVOICE#N
    place: str  # file:row
    customer: str
    customer_id: str
    subscription: str
    product: str
    currency: str
    expected: Decimal | None
    actual: Decimal
    message: str

    def as_dict(self) -> dict:
        return {
            "kind": self.kind, "invoice": self.invoice, "line": self.line, "place": self.place,
            "customer": self.customer, "customer_id": self.customer_id,
            "subscription": self.subscription, "product": self.product,
            "currency": self.currency,
            "expected": None if self.expected is None else format(self.expected, "f"),
            "actual": format(self.actual, "f"),
            "difference": None if self.expected is None
            else format(self.actual - self.expected, "f"),
            "message": self.message,
        }  # fmt: skip


class _Part:
    """An explanation's part as JSON: its fields, amounts as exact text, dates ISO."""

    def as_dict(self) -> dict:
        return _plain({k: getattr(self, k) for k in self.__dataclass_fields__})


@dataclass(frozen=True)
class Conversion(_Part):
    pricing_currency: str
    billing_currency: str
    rule: str  # usage | licence
    effective_unit_price: Decimal
    billable_quantity: Decimal
    rate: Decimal
    rate_date: date | None  # the file's
    pricing_amount: Decimal  # EffectiveUnitPrice × BillableQuantity, exact
    recomputed: Decimal
    other_rule: Decimal
    subtotal: Decimal
    matches: bool
    month: date | None
    published_rate_date: date | None


@dataclass(frozen=True)
class Proration(_Part):
    cycle_months: int
    charge_start: date
    charge_end: date
    days_charged: int
    days_full: int
    unit_price: Decimal  # of one cycle, in the pricing currency
    quantity: Decimal
    full_price: Decimal  # the cycle's price × quantity, in the invoice's currency
    expected: Decimal
    tolerance: Decimal
    subtotal: Decimal
    upper_bound: bool  # a discount applies: the expected amount is a ceiling
    prorated: bool
    case: str  # why the subscription's dates do not match its term ("" when they do)
    subscription_days: int | None
    term_days: int | None


@dataclass(frozen=True)
class Refund(_Part):
    experience: str
    cancellation: bool
    cancelled_on: date | None
    term_start: date | None
    elapsed_days: int | None
    window: str  # full | full_or_prorated | prorated | none | ""
    expected: Decimal | None
    tolerance: Decimal | None
    basis: str  # how the expected amount was found
    original: str  # INVOICE#N of the charge it reverses, when found


@dataclass
class Explanation:
    label: str
    line: InvoiceLine
    experience: str
    usage: bool
    conversion: Conversion | None = None
    proration: Proration | None = None
    refund: Refund | None = None
    checks: list[Check] = field(default_factory=list)

    @property
    def explained(self) -> bool:
        """Something beyond price × quantity: converted, prorated, a term that does not match,
        a credit, or a flag."""
        p = self.proration
        return bool(self.conversion or self.refund or self.checks or (p and (p.prorated or p.case)))

    def as_dict(self) -> dict:
        ln = self.line
        return {
            "line": self.label,
            "invoice": ln.invoice_number,
            "place": _place(ln),
            "customer": ln.customer_name,
            "customer_id": ln.customer_id,
            "subscription": ln.subscription_id,
            "product": ln.product,
            "charge_type": ln.charge_type,
            "charge_start": ln.charge_start.isoformat() if ln.charge_start else None,
            "charge_end": ln.charge_end.isoformat() if ln.charge_end else None,
            "currency": ln.currency,
            "quantity": None if ln.quantity is None else format(ln.quantity, "f"),
            "unit_price": None if ln.unit_price is None else format(ln.unit_price, "f"),
            "subtotal": format(ln.subtotal, "f"),
            "total": format(ln.total, "f"),
            "experience": self.experience,
            "pricing": "usage" if self.usage else "licence",
            "conversion": self.conversion.as_dict() if self.conversion else None,
            "proration": self.proration.as_dict() if self.proration else None,
            "refund": self.refund.as_dict() if self.refund else None,
            "checks": [c.as_dict() for c in self.checks],
            "explained": self.explained,
            "why": self.summary(),
            "text": self.text(),
        }

    def summary(self) -> str:
        """A few words: what there is to explain on this line."""
        parts = []
        if self.conversion:
            c = self.conversion
            parts.append(f"{c.pricing_currency}→{c.billing_currency} at {c.rate}")
        p = self.proration
        if p and p.prorated:
            parts.append(f"{p.days_charged}/{p.days_full} days")
        if p and p.case:
            parts.append(p.case.split(":")[0].split(",")[0])
        r = self.refund
        if r:
            parts.append(
                {"full": "full refund", "full_or_prorated": "refund within 24 h",
                 "prorated": "prorated refund", "none": "refund after 7 days",
                 "": "refund" if r.cancellation else "credit"}[r.window]
            )  # fmt: skip
        return "; ".join(parts)

    def text(self) -> list[str]:
        """The explanation in sentences, as the clerk reads it."""
        ln, cur = self.line, self.line.currency
        out = []
        c = self.conversion
        if c:
            rule = (
                f"ROUNDDOWN(ROUNDDOWN({c.effective_unit_price} × {c.billable_quantity}, 2) × "
                f"{c.rate}, 2)"
                if c.rule == "usage"
                else f"ROUNDDOWN({c.effective_unit_price} × {c.rate}, 2) × {c.billable_quantity}"
            )
            out.append(
                f"Priced in {c.pricing_currency}: {c.effective_unit_price} × "
                f"{c.billable_quantity} = {c.pricing_amount} {c.pricing_currency}; rate "
                f"{c.rate}" + (f" of {c.rate_date.isoformat()}" if c.rate_date else "") + "."
            )
            out.append(
                f"{c.rule.capitalize()} rule: {rule} = {c.recomputed} {cur}; the line says "
                f"{c.subtotal} {cur}" + (" — they agree." if c.matches else " — they differ.")
            )
            if c.published_rate_date:
                same = c.rate_date == c.published_rate_date
                out.append(
                    f"For reference, the published rule gives the rate of "
                    f"{c.published_rate_date.isoformat()} (two business days before "
                    f"{c.month.isoformat() if c.month else ''})"
                    + ("." if same or not c.rate_date else "; the file gives another date.")
                )
        p = self.proration
        if p:
            span = f"{p.charge_start.isoformat()} to {p.charge_end.isoformat()}"
            cycle = {1: "monthly", 12: "annual", 36: "three-year"}.get(
                p.cycle_months, f"{p.cycle_months}-month"
            )
            if p.prorated:
                out.append(
                    f"Prorated: {p.days_charged} of {p.days_full} days of a {cycle} billing "
                    f"cycle ({span}); {shown(p.full_price, cur)} {cur} for the full cycle × "
                    f"{p.days_charged}/{p.days_full} = {shown(p.expected, cur)} {cur}"
                    + (" at most (a discount applies)" if p.upper_bound else "")
                    + f"; charged {ln.subtotal} {cur}."
                )
            else:
                out.append(
                    f"Full {cycle} billing cycle ({span}, {p.days_charged} days): "
                    f"{shown(p.full_price, cur)} {cur}"
                    + (" before discounts" if p.upper_bound else "")
                    + f"; charged {ln.subtotal} {cur}."
                )
            if p.case:
                out.append(
                    f"The subscription runs {p.subscription_days} days against {p.term_days} "
                    f"for a full term: {p.case}."
                )
        r = self.refund
        if r:
            if not r.cancellation:
                reason = ln.detail("credit_reason") or ln.charge_type or "credit"
                out.append(f"Credit ({reason}): not a cancellation, no refund window applies.")
            else:
                rules = {
                    NEW_COMMERCE: "new commerce: full refund within 24 hours, prorated within "
                    "7 days, none after",
                    LEGACY: "legacy: full refund within the first month, prorated after",
                }[r.experience]
                when = (
                    f"cancelled on {r.cancelled_on.isoformat()}, {r.elapsed_days} days after the "
                    f"term began on {r.term_start.isoformat()}"
                    if r.term_start and r.cancelled_on and r.elapsed_days is not None
                    else "the cancellation or term start date is not in the file"
                )
                expected = (
                    f"expected {shown(r.expected, cur)} {cur} ({r.basis})"
                    if r.expected is not None
                    else f"amount not checked ({r.basis})"
                )
                out.append(f"Refund ({rules}): {when}; {expected}; credited {ln.subtotal} {cur}.")
        for check in self.checks:
            out.append(f"Flag {check.kind}: {check.message}")
        if not out:
            out.append(
                "Priced in the invoice's currency, not prorated, not a credit: price × quantity."
            )
        return out


def _plain(d: dict) -> dict:
    out = {}
    for k, v in d.items():
        if isinstance(v, Decimal):
            v = format(v, "f")
        elif isinstance(v, date):
            v = v.isoformat()
        out[k] = v
    return out


def _place(line: InvoiceLine) -> str:
    return line.source.where() if line.source else ""


# ---------------------------------------------------------------- the explainer


class Explainer:
    """Explains lines, with the other lines it knows as context: the charge a credit
    reverses, and the customer's other subscriptions (cotermination)."""

    def __init__(self, context: Iterable[tuple[str, InvoiceLine]] = ()):
        self._charges: dict[str, list[tuple[str, InvoiceLine]]] = defaultdict(list)
        self._ends: dict[str, dict[date, set[str]]] = defaultdict(lambda: defaultdict(set))
        for label, line in context:
            self.know(label, line)

    def know(self, label: str, line: InvoiceLine) -> None:
        if line.subscription_id and line.subtotal > 0 and line.charge_start and line.charge_end:
            self._charges[line.subscription_id].append((label, line))
        end = _date(line, "subscription_end")
        if end and line.subscription_id:
            self._ends[line.customer_id or line.customer_name][end].add(line.subscription_id)

    def explain(self, label: str, line: InvoiceLine) -> Explanation:
        ex = Explanation(label, line, experience(line), is_usage(line))
        self._conversion(ex)
        if line.subtotal < 0:
            self._refund(ex)
        elif not ex.usage:
            self._proration(ex)
        return ex

    # -- currency conversion

    def _conversion(self, ex: Explanation) -> None:
        ln = ex.line
        pricing, rate = ln.detail("pricing_currency"), _dec(ln, "fx_rate")
        if not pricing or pricing == ln.currency or rate is None:
            return
        eup, bq = _dec(ln, "effective_unit_price"), quantity_of(ln)
        if eup is None or bq is None:
            return
        places = min(2, currency_decimals(ln.currency))
        usage_rule = rounddown(rounddown(eup * bq, 2) * rate, places)
        licence_rule = rounddown(eup * rate, places) * bq
        recomputed, other = (usage_rule, licence_rule) if ex.usage else (licence_rule, usage_rule)
        month_day = ln.charge_start or _date(ln, "order_date")
        matches = _same_amount(ln.subtotal, recomputed, places)
        ex.conversion = Conversion(
            pricing, ln.currency, "usage" if ex.usage else "licence", eup, bq, rate,
            _date(ln, "fx_rate_date"), eup * bq, recomputed, other, ln.subtotal, matches,
            month_day.replace(day=1) if month_day else None,
            published_rate_date(month_day) if month_day else None,
        )  # fmt: skip
        if not matches and not _same_amount(ln.subtotal, other, places):
            ex.checks.append(
                _check(
                    "fx_recompute_mismatch", ex, recomputed,
                    f"Subtotal {ln.subtotal} {ln.currency}, but the {ex.conversion.rule} rule "
                    f"gives {recomputed} {ln.currency} ({eup} {pricing} × {bq} at rate {rate}): "
                    "ask Microsoft billing support to explain or correct the conversion.",
                )
            )  # fmt: skip

    # -- prorated terms

    def _proration(self, ex: Explanation) -> None:
        ln = ex.line
        months = cycle_months(ln)
        qty = quantity_of(ln)
        if not (months and ln.charge_start and ln.charge_end and ln.unit_price is not None
                and qty is not None) or ln.charge_end < ln.charge_start:  # fmt: skip
            return
        charged = days(ln.charge_start, ln.charge_end)
        full = days(shift(ln.charge_end + timedelta(days=1), -months), ln.charge_end)
        if charged > full + 1:
            return  # longer than one cycle: not a cycle charge we can place
        factor = _in_billing_currency(ln)
        full_price = ln.unit_price * factor * qty
        expected = full_price * charged / full if charged < full else full_price
        tolerance = abs(full_price) / full + CENT * max(Decimal(1), abs(qty))
        eup = _dec(ln, "effective_unit_price")
        upper = discounted(ln) or (charged >= full and eup is not None and eup != ln.unit_price)
        case, sub_days, term_days = self._term_case(ln)
        ex.proration = Proration(
            months, ln.charge_start, ln.charge_end, charged, full, ln.unit_price, qty, full_price,
            expected, tolerance, ln.subtotal, upper, charged < full, case, sub_days, term_days,
        )  # fmt: skip
        over = ln.subtotal - expected
        if (upper and over > tolerance) or (not upper and abs(over) > tolerance):
            what = "at most " if upper else ""
            ex.checks.append(
                _check(
                    "proration_mismatch", ex, expected,
                    f"charged {ln.subtotal} {ln.currency} for {charged} of {full} days; "
                    f"{what}{shown(expected, ln.currency)} {ln.currency} expected "
                    f"({shown(full_price, ln.currency)} for the full cycle): dispute the "
                    "difference with Microsoft billing support.",
                )
            )  # fmt: skip

    def _term_case(self, ln: InvoiceLine) -> tuple[str, int | None, int | None]:
        start, end = _date(ln, "subscription_start"), _date(ln, "subscription_end")
        months = term_months(ln.detail("term"))
        if not (start and end and months) or end < start:
            return "", None, None
        # a renewed subscription keeps its first start: compare with the current term
        k = max(1, round((end - start).days / (months * 30.44)))
        begun = shift(start, (k - 1) * months)
        full_end = shift(start, k * months) - timedelta(days=1)
        sub_days, term_days = days(begun, end), days(begun, full_end)
        if abs((end - full_end).days) <= 1:
            return "", sub_days, term_days
        said = f"{ln.charge_type} {ln.detail('credit_reason')}".lower()
        if "migrat" in said or "convert" in said:
            case = "migration from legacy, which keeps the legacy end date"
        elif "transfer" in said:
            case = "transfer between partners, which keeps the original end date"
        elif end < full_end and end == anniversary(end.year, end.month, 31) and start.day != 1:
            case = "calendar-month alignment: the term ends on the last day of a month"
        elif len(self._ends[ln.customer_id or ln.customer_name].get(end, ())) > 1:
            case = "cotermination with the customer's other subscriptions ending the same day"
        else:
            case = (
                "cotermination, migration from legacy or transfer between partners (the file "
                "does not say which)"
            )
        return case, sub_days, term_days

    # -- refunds and cancellations

    def _refund(self, ex: Explanation) -> None:
        ln = ex.line
        if not is_cancellation(ln):
            ex.refund = Refund(ex.experience, False, None, None, None, "", None, None, "", "")
            return
        cancelled = ln.charge_start or _date(ln, "order_date")
        start = _date(ln, "subscription_start")
        # the window counts from the purchase or the last renewal: new commerce renews each
        # term; a legacy subscription is an annual commitment whatever its billing cycle
        term = term_months(ln.detail("term")) or (
            cycle_months(ln) if ex.experience == NEW_COMMERCE else 12
        )
        term_start = None
        if start and cancelled and cancelled >= start:
            term_start = start
            if term:
                k = 0
                while shift(start, (k + 1) * term) <= cancelled:
                    k += 1
                term_start = shift(start, k * term)
        elapsed = (cancelled - term_start).days if term_start and cancelled else None
        full, prorated, tolerance, basis, original = self._refund_amounts(ln, cancelled)
        window, expected = "", None
        if elapsed is not None:
            if ex.experience == NEW_COMMERCE:
                if elapsed <= NCE_FULL_REFUND_DAYS:
                    window = "full" if elapsed == 0 else "full_or_prorated"
                    expected = full
                elif elapsed <= NCE_REFUND_DAYS:
                    window, expected = "prorated", prorated
                else:
                    window, expected = "none", Decimal(0)
            else:
                if cancelled < shift(term_start, 1):
                    window, expected = "full", full
                else:
                    window, expected = "prorated", prorated
        ex.refund = Refund(
            ex.experience, True, cancelled, term_start, elapsed, window, expected, tolerance,
            basis, original,
        )  # fmt: skip
        if window == "none":
            ex.checks.append(
                _check(
                    "refund_outside_window", ex, Decimal(0),
                    f"credited {ln.subtotal} {ln.currency} for a cancellation {elapsed} days "
                    f"after the term began ({term_start.isoformat()}); new commerce refunds "
                    "nothing after 7 days: check with Microsoft before passing the credit on to "
                    "the customer.",
                )
            )  # fmt: skip
            return
        if expected is None or tolerance is None:
            return
        ok = abs(ln.subtotal - expected) <= tolerance
        if window == "full_or_prorated" and prorated is not None:
            ok = ok or abs(ln.subtotal - prorated) <= tolerance
        if not ok:
            label = {"full": "a full", "full_or_prorated": "a full",
                     "prorated": "a prorated"}[window]  # fmt: skip
            ex.checks.append(
                _check(
                    "refund_amount_mismatch", ex, expected,
                    f"credited {ln.subtotal} {ln.currency}; {label} refund is "
                    f"{shown(expected, ln.currency)} {ln.currency} ({basis}): dispute the "
                    "difference with Microsoft billing support.",
                )
            )  # fmt: skip

    def _refund_amounts(self, ln: InvoiceLine, cancelled: date | None):
        """(full, prorated, tolerance, basis, original label) — negative amounts."""
        units = quantity_of(ln)
        units = abs(units) if units else None
        found = None
        if cancelled:
            for label, charge in self._charges.get(ln.subscription_id, ()):
                if charge.charge_start <= cancelled <= charge.charge_end and (
                    found is None or charge.charge_start > found[1].charge_start
                ):
                    found = (label, charge)
        if found:
            label, charge = found
            charge_units = quantity_of(charge)
            if charge_units:
                per_unit = charge.subtotal / abs(charge_units)
                units = units or abs(charge_units)
                full = -per_unit * units
            else:
                full, units = -charge.subtotal, Decimal(1)
            span = days(charge.charge_start, charge.charge_end)
            left = days(cancelled, charge.charge_end)
            prorated = full * left / span
            tolerance = abs(full) / span + CENT * max(Decimal(1), units)
            basis = (
                f"from {label}: {charge.subtotal} {charge.currency} for "
                f"{charge.charge_start.isoformat()} to {charge.charge_end.isoformat()}; "
                f"{left} of {span} days left"
            )
            return full, prorated, tolerance, basis, label
        months = cycle_months(ln) or term_months(ln.detail("term"))
        if ln.unit_price is None or units is None:
            return None, None, None, "the charge it reverses is not in the workspace", ""
        if discounted(ln):
            return None, None, None, (
                "the charge it reverses is not in the workspace and a discount applies"
            ), ""  # fmt: skip
        full = -abs(ln.unit_price) * _in_billing_currency(ln) * units
        prorated, span = None, None
        if months and ln.charge_start and ln.charge_end:
            span = days(shift(ln.charge_end + timedelta(days=1), -months), ln.charge_end)
            left = days(ln.charge_start, ln.charge_end)
            prorated = full * min(left, span) / span
        tolerance = abs(full) / (span or 30) + CENT * max(Decimal(1), units)
        basis = f"unit price {ln.unit_price} × {units} for the cycle" + (
            f"; {days(ln.charge_start, ln.charge_end)} of {span} days credited" if span else ""
        )
        return full, prorated, tolerance, basis, ""


def _same_amount(subtotal: Decimal, recomputed: Decimal, places: int) -> bool:
    """The file's subtotal is the recomputation, exactly or rounded to the currency (the
    licence rule multiplies after rounding: the result may carry more decimals)."""
    if subtotal == recomputed:
        return True
    q = Decimal(1).scaleb(-places)
    return subtotal in (
        recomputed.quantize(q, rounding=ROUND_HALF_UP),
        recomputed.quantize(q, rounding=ROUND_DOWN),
    )


def _check(kind: str, ex: Explanation, expected: Decimal | None, message: str) -> Check:
    ln = ex.line
    return Check(
        kind, ln.invoice_number, ex.label, _place(ln), ln.customer_name, ln.customer_id,
        ln.subscription_id, ln.product, ln.currency, expected, ln.subtotal, message,
    )  # fmt: skip


def explain_lines(labelled: list[tuple[str, InvoiceLine]]) -> list[Explanation]:
    """Each line explained, the others as its context."""
    explainer = Explainer(labelled)
    return [explainer.explain(label, line) for label, line in labelled]


def totals(checks: Iterable[Check]) -> dict[str, int]:
    out = dict.fromkeys(KINDS, 0)
    for c in checks:
        out[c.kind] += 1
    return out


def candidates(customer_ids: set[str] | None = None):
    """A row filter for stored blocks: the lines worth explaining (credits, lines priced in
    another currency, licence lines with a charge period), of some customers or all."""

    def keep(table, currency: str):
        import pyarrow as pa
        import pyarrow.compute as pc

        names = table.column_names

        def col(name: str):
            if name in names:
                return table[name]
            return pa.chunked_array([pa.array([""] * table.num_rows, pa.string())])

        credit = pc.starts_with(col("subtotal"), "-")
        pricing = col("pricing_currency")
        converted = pc.and_(pc.not_equal(pricing, ""), pc.not_equal(pricing, currency))
        termed = pc.and_(
            pc.not_equal(col("charge_start"), ""),
            pc.or_(pc.not_equal(col("term"), ""), pc.not_equal(col("billing_frequency"), "")),
        )
        mask = pc.or_(pc.or_(credit, converted), termed)
        if customer_ids is not None:
            mask = pc.and_(mask, pc.is_in(col("customer_id"), pa.array(sorted(customer_ids))))
        return mask

    return keep


def of_customer(customer_id: str):
    """A row filter for stored blocks: one customer's lines."""

    def keep(table, currency: str):
        import pyarrow.compute as pc

        return pc.equal(table["customer_id"], customer_id)

    return keep
