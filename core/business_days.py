"""Business days: weekdays that are not holidays (Microsoft counts processing in them)."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, timedelta

PROCESSING_DAYS = 5  # a correctly referenced payment is applied within 5 business days
DUE_SOON_DAYS = 7  # calendar days before the due date the dashboard calls "due soon"


def is_business_day(day: date, holidays: Collection[date] = ()) -> bool:
    return day.weekday() < 5 and day not in holidays


def add_business_days(start: date, days: int, holidays: Collection[date] = ()) -> date:
    """The ``days``-th business day after ``start`` (``start`` itself not counted)."""
    day = start
    left = days
    while left > 0:
        day += timedelta(days=1)
        if is_business_day(day, holidays):
            left -= 1
    return day
