"""The billing calendar a CSP clerk keeps in their head (DOMAIN.md, "Invoices").

* **New commerce**: the billing period is the calendar month; its documents are published by
  the 8th of the following month.
* **Legacy**: the billing period runs from the partner's *billing anniversary* day to the day
  before the next one; its documents are ready 2 days after the anniversary that ends it.

An anniversary of the 29th, 30th or 31st falls, in a month without that day, on the month's
last day (31 → 28 or 29 February, 30 April): a period never vanishes and no month gets two,
and the next month is back on the chosen day.  Microsoft's pages do not say; this is what
monthly billing systems do, and it keeps every period between 28 and 31 days.

Expected invoices are dated when their documents become available; their due date is that date
plus the payment term (60 days).  Business days skip weekends and the holidays of the
workspace's calendar (see :class:`BusinessCalendar`).
"""

from __future__ import annotations

import calendar as _cal
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import cast

from core.business_days import add_business_days, is_business_day

NEW_COMMERCE, LEGACY = "new_commerce", "legacy"
EXPERIENCES = (NEW_COMMERCE, LEGACY)
NCE_AVAILABLE_DAY = 8  # documents published by the 8th of the following month
LEGACY_AVAILABLE_AFTER = 2  # ... two days after the billing anniversary


def last_day(year: int, month: int) -> int:
    return _cal.monthrange(year, month)[1]


def anniversary(year: int, month: int, day: int) -> date:
    """The billing anniversary in a month: ``day``, or the month's last day when shorter."""
    return date(year, month, min(day, last_day(year, month)))


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    k = year * 12 + (month - 1) + n
    return k // 12, k % 12 + 1


@dataclass(frozen=True)
class BusinessCalendar:
    """Weekends (Saturday, Sunday) and a list of holidays."""

    holidays: frozenset[date] = frozenset()

    def is_business_day(self, day: date) -> bool:
        return is_business_day(day, self.holidays)

    def add(self, start: date, days: int) -> date:
        """The ``days``-th business day after ``start``."""
        return add_business_days(start, days, self.holidays)

    def between(self, start: date, end: date) -> int:
        """Business days after ``start`` up to and including ``end`` (0 when end ≤ start)."""
        n, day = 0, start
        while day < end:
            day += timedelta(days=1)
            n += self.is_business_day(day)
        return n


def holidays_of(country: str, years: Iterable[int], extra: Iterable[date] = ()) -> frozenset[date]:
    """A country's public holidays (the ``holidays`` package; ``FR``, ``DE``, ``US``...,
    optionally ``FR-57`` for a subdivision) plus the workspace's own list."""
    days = set(extra)
    if country:
        import holidays

        code, _, subdivision = country.upper().partition("-")
        try:
            table = holidays.country_holidays(code, subdiv=subdivision or None, years=list(years))
        except (NotImplementedError, KeyError) as exc:
            raise ValueError(f"unknown holiday calendar '{country}' (a country code such as "
                             "FR, DE, GB or US)") from exc  # fmt: skip
        days.update(table.keys())
    return frozenset(days)


@dataclass(frozen=True)
class Period:
    """One billing period of one experience and what it should bring."""

    experience: str
    start: date
    end: date
    available: date  # the documents are published on (or by) this day
    invoice_date: date  # an expected invoice is dated then...
    due: date  # ... and due then
    received: tuple[str, ...] = ()  # invoice numbers found for it
    with_lines: tuple[str, ...] = ()  # those whose reconciliation lines are imported
    missing: tuple[str, ...] = field(default=())  # "invoice", "reconciliation file"

    @property
    def key(self) -> str:
        return f"{self.experience}:{self.start.isoformat()}"


def nce_period(year: int, month: int, term_days: int) -> Period:
    ny, nm = add_months(year, month, 1)
    available = date(ny, nm, NCE_AVAILABLE_DAY)
    return Period(NEW_COMMERCE, date(year, month, 1), date(year, month, last_day(year, month)),
                  available, available, available + timedelta(days=term_days))  # fmt: skip


def legacy_period(year: int, month: int, day: int, term_days: int) -> Period:
    """The legacy period starting on the anniversary in ``month``."""
    ny, nm = add_months(year, month, 1)
    start, following = anniversary(year, month, day), anniversary(ny, nm, day)
    available = following + timedelta(days=LEGACY_AVAILABLE_AFTER)
    return Period(LEGACY, start, following - timedelta(days=1), available, available,
                  available + timedelta(days=term_days))  # fmt: skip


def periods(
    experiences: Iterable[str],
    first: date,
    last: date,
    *,
    anniversary_day: int | None = None,
    term_days: int = 60,
) -> list[Period]:
    """Every period whose documents become available between ``first`` and ``last``, by
    availability date, then experience."""
    out: list[Period] = []
    for experience in experiences:
        if experience == LEGACY and not anniversary_day:
            raise ValueError("the legacy experience needs the billing anniversary day (1–31)")
        y, m = add_months(first.year, first.month, -2)
        while date(y, m, 1) <= last:
            p = (nce_period(y, m, term_days) if experience == NEW_COMMERCE
                 else legacy_period(y, m, cast(int, anniversary_day), term_days))  # fmt: skip
            if first <= p.available <= last:
                out.append(p)
            y, m = add_months(y, m, 1)
    return sorted(out, key=lambda p: (p.available, p.experience))


def experience_of(invoice_type: str, experiences: Iterable[str]) -> str | None:
    """Which billing experience an invoice belongs to: new commerce bills one-time invoices
    (``BilledOneTimeInvoiceLineItems``), legacy licence billing recurring ones; with a
    single experience in use, every invoice is its."""
    used = tuple(experiences)
    if len(used) == 1:
        return used[0]
    return {"OneTime": NEW_COMMERCE, "Recurring": LEGACY}.get(invoice_type)


def period_of(
    period_start: date | None,
    invoice_date: date | None,
    candidates: list[Period],
) -> Period | None:
    """The period an invoice settles: the one containing its billing period's start when
    known, else the one whose documents it was issued with (dated after the period's end,
    up to a month after its availability)."""
    if period_start is not None:
        for p in candidates:
            if p.start <= period_start <= p.end:
                return p
        return None
    if invoice_date is None:
        return None
    issued_with = [p for p in candidates if p.end < invoice_date <= p.available + timedelta(
        days=31) and invoice_date >= p.available - timedelta(days=10)]  # fmt: skip
    return max(issued_with, key=lambda p: p.end, default=None)  # the latest period it follows
