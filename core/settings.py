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
                       "holiday_country", "holidays", "disputed_counts_as_due", "backup_keep",
                       "backup_folder", *DAY_SETTINGS}  # fmt: skip
YES, NO = {"yes", "y", "true", "1", "on", "oui"}, {"no", "n", "false", "0", "off", "non"}
IBAN_SETTING = re.compile(r"^(company_account|payee_account|payee_account_[A-Z]{3})$")
BIC_SETTING = re.compile(r"^(company_bic|payee_bic_[A-Z]{3})$")
# Every key the program reads besides the per-currency accounts and remembered layouts.
KEYS = {*DEFAULTS, *DAY_SETTINGS, "aging_buckets", "billing_anniversary_day", "holiday_country",
        "holidays", "currency", "billing_currency", "company_name", "company_address",
        "company_account", "company_bic", "payee_name", "payee_account", "payee_names",
        "payee_ibans", "backup_keep", "backup_folder"}  # fmt: skip


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
    if key == "backup_keep":  # how many rolling copies of a workspace file are kept
        if not (value.isdigit() and 1 <= int(value) <= 1000):
            raise ValueError(f"backup_keep: expected a number of backups from 1 to 1000, got "
                             f"'{value}'")  # fmt: skip
        return str(int(value))
    if key == "backup_folder":  # where they go (blank: 'backups' beside the workspace file)
        if _CONTROL.search(value) or len(value) > 1000:
            raise ValueError("backup_folder: expected a folder's path on one line")
        return value
    if key in ("payee_names", "payee_ibans"):
        return _json_list(key, value)
    if key in TEXTS:
        return _text(key, value)
    if LAYOUT_SETTING.match(key):
        return _layout(key, value)
    raise ValueError(_unknown(key))


# Free text, with the most characters each may hold (SEPA's 140 for a name; an address of
# a few lines).
TEXTS = {"company_name": 140, "payee_name": 140, "company_address": 400}
LAYOUT_SETTING = re.compile(r"^layout:[0-9a-f]{16}$")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069]")


def known(key: str) -> bool:
    """A key the program reads (every other is refused: a typo would be stored unseen)."""
    return key in KEYS or any(r.match(key) for r in (IBAN_SETTING, BIC_SETTING, LAYOUT_SETTING))


def _unknown(key: str) -> str:
    import difflib

    near = difflib.get_close_matches(key, sorted(KEYS), n=1)
    if near:
        return f"unknown setting '{key}': did you mean {near[0]}?"
    return (f"unknown setting '{key}' (expected one of {', '.join(sorted(KEYS))}, or "
            "payee_account_EUR and payee_bic_EUR for a currency)")  # fmt: skip


def _text(key: str, value: str) -> str:
    one_line = key != "company_address"
    bad = _CONTROL.search(value) or (one_line and re.search(r"[\t\r\n]", value))
    if bad:
        raise ValueError(f"{key}: expected printable text on one line, got the character "
                         f"U+{ord(bad.group()):04X}" if one_line else
                         f"{key}: expected printable text, got the control character "
                         f"U+{ord(bad.group()):04X}")  # fmt: skip
    if len(value) > TEXTS[key]:
        raise ValueError(f"{key}: expected at most {TEXTS[key]} characters, got {len(value)}")
    return value


def _json_list(key: str, value: str) -> str:
    """A JSON list of texts (``payee_names``) or of IBANs (``payee_ibans``), stored as JSON."""
    what = "IBANs" if key == "payee_ibans" else "names"
    if not value:
        return "[]"
    try:
        items = json.loads(value)
    except ValueError:
        items = None
    if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
        example = '["IE29AIBK93115212345678"]' if key == "payee_ibans" else '["MICROSOFT"]'
        raise ValueError(f"{key}: expected a JSON list of {what} such as {example}, got "
                         f"'{value}'")  # fmt: skip
    items = [i.strip() for i in items if i.strip()]
    if key == "payee_ibans":
        items = [_iban(key, i) for i in items]
    elif any(_CONTROL.search(i) or len(i) > 140 for i in items):
        raise ValueError(f"{key}: expected names of printable text of at most 140 characters")
    return json.dumps(items, ensure_ascii=False)


def _layout(key: str, value: str) -> str:
    """A remembered spreadsheet layout: {"kind": payments|invoices, "columns": {field: header}}."""
    try:
        layout = json.loads(value)
    except ValueError:
        layout = None
    if not (isinstance(layout, dict) and layout.get("kind") in ("payments", "invoices")
            and isinstance(layout.get("columns"), dict)
            and all(isinstance(k, str) and isinstance(v, str)
                    for k, v in layout["columns"].items())):  # fmt: skip
        raise ValueError(f"{key}: expected a column mapping (csp-recon map FILE KIND "
                         "FIELD=HEADER...), got something else")  # fmt: skip
    return json.dumps(layout, ensure_ascii=False)


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
    try:
        items = json.loads(text) if text.startswith("[") else re.split(r"[,\s;]+", text)
    except ValueError:
        raise ValueError(f"holidays: expected dates YYYY-MM-DD, got '{text}'") from None
    if not isinstance(items, list):
        raise ValueError(f"holidays: expected dates YYYY-MM-DD, got '{text}'")
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
