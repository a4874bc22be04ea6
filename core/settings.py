"""Workspace settings: what each may hold (checked before it is stored) and the calendar and
alert rules read from them.

Defaults for the overdue ladder (days past the due date; each configurable):

* ``due_soon_days`` 7 — "due soon" from 7 days before the due date;
* ``reminder_after_days`` 1 — Microsoft sends reminders once the 60 days are past (seed:
  "Après 60 jours, vous recevez des rappels");
* ``grace_after_days`` 15 and ``suspension_after_days`` 30 — the seed names a grace period and
  then the loss of access to the account and services, without numbers: these two are ours,
  chosen so that a clerk has two weeks of reminders, then two weeks flagged "grace", before the
  invoice is shown as a suspension risk.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date

from core.aging import parse_limits
from core.calendar import EXPERIENCES, NEW_COMMERCE
from core.ledger import DEFAULT_TERM_DAYS

DEFAULTS = {
    "term_days": str(DEFAULT_TERM_DAYS),
    "billing_experiences": NEW_COMMERCE,
    "partner_tier": "direct",
    "missing_after_days": "3",
    "due_soon_days": "7",
    "reminder_after_days": "1",
    "grace_after_days": "15",
    "suspension_after_days": "30",
    "disputed_counts_as_due": "yes",  # as Microsoft counts them
}
TIERS = {"direct": "direct-bill partner (tier 1)", "indirect": "indirect provider (tier 2)"}
DAY_SETTINGS = {
    "missing_after_days": (0, 60), "due_soon_days": (0, 60), "reminder_after_days": (0, 365),
    "grace_after_days": (0, 365), "suspension_after_days": (0, 365),
}  # fmt: skip
BLANK_MEANS_DEFAULT = {"billing_experiences", "billing_anniversary_day", "partner_tier",
                       "holiday_country", "holidays", "disputed_counts_as_due",
                       *DAY_SETTINGS}  # fmt: skip
YES, NO = {"yes", "y", "true", "1", "on", "oui"}, {"no", "n", "false", "0", "off", "non"}
IBAN_SETTING = re.compile(r"^(company_account|payee_account_[A-Z]{3})$")
BIC_SETTING = re.compile(r"^(company_bic|payee_bic_[A-Z]{3})$")


def validate(key: str, value: str) -> str:
    """The value as it is stored, or ValueError saying what was expected."""
    value = value.strip()
    if not value and key in BLANK_MEANS_DEFAULT:
        return ""  # left blank in the preferences: the default applies
    if key == "term_days":
        if not (value.isdigit() and 1 <= int(value) <= 365):
            raise ValueError(f"payment term: expected a number of days from 1 to 365, got "
                             f"'{value}'")  # fmt: skip
        return str(int(value))
    if key == "aging_buckets":
        return ",".join(map(str, parse_limits(value)))
    if key in DAY_SETTINGS:
        low, high = DAY_SETTINGS[key]
        if not (value.isdigit() and low <= int(value) <= high):
            raise ValueError(f"{key}: expected a number of days from {low} to {high}, got "
                             f"'{value}'")  # fmt: skip
        return str(int(value))
    if key == "billing_experiences":
        chosen = [v.strip().lower().replace("-", "_") for v in value.split(",") if v.strip()]
        unknown = [v for v in chosen if v not in EXPERIENCES]
        if not chosen or unknown:
            raise ValueError("billing experiences: expected new_commerce, legacy or both "
                             f"(comma-separated), got '{value}'")  # fmt: skip
        return ",".join(e for e in EXPERIENCES if e in chosen)
    if key == "billing_anniversary_day":
        if not (value.isdigit() and 1 <= int(value) <= 31):
            raise ValueError(f"billing anniversary: expected a day of the month from 1 to 31, "
                             f"got '{value}'")  # fmt: skip
        return str(int(value))
    if key == "disputed_counts_as_due":
        if value.lower() not in YES | NO:
            raise ValueError(f"disputed amounts counted as due: expected yes or no, got '{value}'")
        return "yes" if value.lower() in YES else "no"
    if key == "partner_tier":
        if value.lower() not in TIERS:
            raise ValueError(f"partner tier: expected direct or indirect, got '{value}'")
        return value.lower()
    if key in ("currency", "billing_currency"):
        if not re.fullmatch(r"[A-Za-z]{3}", value):
            raise ValueError(f"currency: expected a 3-letter ISO code such as EUR, got '{value}'")
        return value.upper()
    if IBAN_SETTING.match(key):
        return _iban(key, value) if value else ""
    if BIC_SETTING.match(key):
        return _bic(key, value) if value else ""
    if key == "holiday_country":
        if value:
            from core.calendar import holidays_of

            holidays_of(value, [2026])  # ValueError when unknown
        return value.upper()
    if key == "holidays":
        return ",".join(d.isoformat() for d in parse_days(value))
    return value


def _iban(key: str, value: str) -> str:
    from schwifty import IBAN
    from schwifty.exceptions import SchwiftyException

    try:
        return IBAN(value).compact
    except SchwiftyException as exc:
        raise ValueError(f"{key}: '{value}' is not a valid IBAN ({exc})") from None


def _bic(key: str, value: str) -> str:
    from schwifty import BIC
    from schwifty.exceptions import SchwiftyException

    try:
        return str(BIC(value))
    except SchwiftyException as exc:
        raise ValueError(f"{key}: '{value}' is not a valid BIC ({exc})") from None


def parse_days(text: str) -> list[date]:
    """Dates written YYYY-MM-DD, separated by commas, spaces or new lines (or a JSON list)."""
    text = text.strip()
    items = json.loads(text) if text.startswith("[") else re.split(r"[,\s;]+", text)
    out = []
    for item in filter(None, (str(i).strip() for i in items)):
        try:
            out.append(date.fromisoformat(item))
        except ValueError:
            raise ValueError(f"holidays: expected dates YYYY-MM-DD, got '{item}'") from None
    return sorted(set(out))


@dataclass(frozen=True)
class Rules:
    """The calendar and the alert thresholds of a workspace."""

    experiences: tuple[str, ...]
    anniversary_day: int | None
    tier: str
    term_days: int
    holiday_country: str
    extra_holidays: tuple[date, ...]
    missing_after_days: int
    due_soon_days: int
    reminder_after_days: int
    grace_after_days: int
    suspension_after_days: int
    payee_accounts: dict[str, str]  # currency → Microsoft's IBAN

    @classmethod
    def from_settings(cls, settings: dict[str, str]) -> Rules:
        def get(key: str) -> str:
            return settings.get(key) or DEFAULTS.get(key, "")

        day = get("billing_anniversary_day")
        accounts = {k.rsplit("_", 1)[1]: v for k, v in settings.items()
                    if re.fullmatch(r"payee_account_[A-Z]{3}", k) and v}  # fmt: skip
        return cls(
            experiences=tuple(get("billing_experiences").split(",")),
            anniversary_day=int(day) if day else None,
            tier=get("partner_tier"),
            term_days=int(get("term_days")),
            holiday_country=get("holiday_country"),
            extra_holidays=tuple(parse_days(get("holidays"))) if get("holidays") else (),
            **{k: int(get(k)) for k in DAY_SETTINGS},
            payee_accounts=accounts,
        )
