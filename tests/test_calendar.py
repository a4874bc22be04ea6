"""The billing calendar and the alerts, pinned with dates that cross month ends, leap days,
weekends and holidays, and anniversaries of the 29th to the 31st in short months."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from conftest import invoice
from core import calendar as cal
from core.alerts import business_calendar
from core.settings import Rules, validate

D = date


# ------------------------------------------------------------------ periods


def test_new_commerce_periods_are_calendar_months_published_by_the_8th():
    p = cal.nce_period(2026, 12, 60)
    assert (p.start, p.end, p.available, p.due) == (D(2026, 12, 1), D(2026, 12, 31),
                                                    D(2027, 1, 8), D(2027, 3, 9))  # fmt: skip
    feb = cal.nce_period(2028, 2, 60)  # a leap year
    assert (feb.end, feb.available, feb.due) == (D(2028, 2, 29), D(2028, 3, 8), D(2028, 5, 7))


def test_legacy_periods_run_anniversary_to_anniversary_and_are_ready_two_days_after():
    p = cal.legacy_period(2026, 11, 12, 60)
    assert (p.start, p.end, p.available) == (D(2026, 11, 12), D(2026, 12, 11), D(2026, 12, 14))
    assert p.due == D(2027, 2, 12)
    year_end = cal.legacy_period(2026, 12, 30, 60)  # crosses the year
    assert (year_end.start, year_end.end, year_end.available) == (
        D(2026, 12, 30), D(2027, 1, 29), D(2027, 2, 1))  # fmt: skip


@pytest.mark.parametrize(("day", "year", "month", "start", "end"), [
    (31, 2026, 1, D(2026, 1, 31), D(2026, 2, 27)),   # 31 → 28 February
    (31, 2026, 2, D(2026, 2, 28), D(2026, 3, 30)),   # and back to the 31st in March
    (30, 2028, 1, D(2028, 1, 30), D(2028, 2, 28)),   # leap year: 29 February is the anniversary
    (29, 2027, 2, D(2027, 2, 28), D(2027, 3, 28)),
    (31, 2026, 4, D(2026, 4, 30), D(2026, 5, 30)),   # April has 30 days
])  # fmt: skip
def test_anniversaries_29_to_31_fall_on_the_last_day_of_shorter_months(day, year, month, start,
                                                                         end):  # fmt: skip
    p = cal.legacy_period(year, month, day, 60)
    assert (p.start, p.end) == (start, end)


def test_every_day_of_a_year_belongs_to_exactly_one_legacy_period_for_every_anniversary():
    for day in range(1, 32):
        found = cal.periods([cal.LEGACY], D(2027, 1, 1), D(2029, 2, 1), anniversary_day=day)
        covered = set()
        for p in found:
            span = {p.start.toordinal() + i for i in range((p.end - p.start).days + 1)}
            assert not covered & span, (day, p)
            covered |= span
            assert 28 <= (p.end - p.start).days + 1 <= 31
        first, last = min(covered), max(covered)
        assert covered == set(range(first, last + 1)), day


def test_periods_are_listed_by_availability_within_the_dates_asked():
    found = cal.periods([cal.NEW_COMMERCE, cal.LEGACY], D(2026, 11, 1), D(2026, 12, 31),
                        anniversary_day=12)  # fmt: skip
    assert [(p.experience, p.available) for p in found] == [
        ("new_commerce", D(2026, 11, 8)), ("legacy", D(2026, 11, 14)),
        ("new_commerce", D(2026, 12, 8)), ("legacy", D(2026, 12, 14))]  # fmt: skip
    with pytest.raises(ValueError, match="anniversary"):
        cal.periods([cal.LEGACY], D(2026, 1, 1), D(2026, 2, 1))


# ------------------------------------------------------------------ business days


def test_business_days_skip_weekends_and_the_holiday_calendar():
    rules = Rules.from_settings({"holiday_country": "FR"})
    days = business_calendar(rules, [2026, 2027])
    # Thursday 24 December 2026 + 5 business days: 25 Dec (holiday), weekend, 1 Jan (holiday)
    # then 28–31 December, and Monday 4 January
    assert days.add(D(2026, 12, 24), 5) == D(2027, 1, 4)
    # Thursday 30 April 2026: 1 May (Labour Day) and 8 May (Victory Day) are holidays too
    assert days.add(D(2026, 4, 30), 5) == D(2026, 5, 11)
    assert days.between(D(2026, 12, 24), D(2027, 1, 4)) == 5  # 28–31 December, 4 January
    plain = business_calendar(Rules.from_settings({}), [2026])
    assert plain.add(D(2026, 12, 24), 5) == D(2026, 12, 31)


def test_settings_are_checked_before_they_are_stored():
    assert validate("payee_account_EUR", "ie29 aibk 9311 5212 3456 78") == "IE29AIBK93115212345678"
    with pytest.raises(ValueError, match="not a valid IBAN"):
        validate("payee_account_EUR", "IE29 AIBK 9311 5212 3456 79")
    assert validate("payee_bic_EUR", "aibkie2d") == "AIBKIE2D"
    with pytest.raises(ValueError, match="not a valid BIC"):
        validate("company_bic", "NOTABIC")
    assert validate("billing_experiences", "Legacy, new-commerce") == "new_commerce,legacy"
    with pytest.raises(ValueError, match="1 to 31"):
        validate("billing_anniversary_day", "32")
    with pytest.raises(ValueError, match="unknown holiday calendar"):
        validate("holiday_country", "XX")
    assert validate("holidays", "2026-12-24, 2026-12-31") == "2026-12-24,2026-12-31"
    with pytest.raises(ValueError, match="direct or indirect"):
        validate("partner_tier", "tier3")


# ------------------------------------------------------------------ alerts on a workspace


def kinds(found) -> dict[str, list[tuple]]:
    out: dict[str, list[tuple]] = {}
    for f in found:
        out.setdefault(f.kind, []).append((f.subject, f.stage, f.amount))
    return out


def test_the_overdue_ladder_against_the_60_day_term(ws, write_invoices):
    ws.imports.import_file(write_invoices([
        invoice("G000000001", "2026-09-21", "100.00"),  # due 2026-11-20: 3 days past due
        invoice("G000000002", "2026-09-05", "200.00"),  # due 2026-11-04: 19 days (grace)
        invoice("G000000003", "2026-08-24", "300.00"),  # due 2026-10-23: 31 days (suspension)
        invoice("G000000004", "2026-09-30", "400.00"),  # due 2026-11-29: in 6 days (due soon)
        invoice("G000000005", "2026-10-10", "500.00"),  # due 2026-12-09: not yet due soon
    ]))  # fmt: skip
    found, _, _ = ws.alerts.findings(D(2026, 11, 23))
    k = kinds(found)
    assert k["overdue"] == [("G000000002", "grace", Decimal("200.00")),
                            ("G000000001", "reminder", Decimal("100.00"))]  # fmt: skip
    assert k["suspension_risk"] == [("G000000003", "", Decimal("300.00"))]
    assert k["due_soon"] == [("G000000004", "", Decimal("400.00"))]
    ws.settings.set("suspension_after_days", "19")  # the thresholds are the clerk's
    ws.settings.set("due_soon_days", "20")
    k = kinds(ws.alerts.findings(D(2026, 11, 23))[0])
    assert [s for s, _, _ in k["suspension_risk"]] == ["G000000003", "G000000002"]
    assert [s for s, _, _ in k["due_soon"]] == ["G000000004", "G000000005"]


def test_missing_documents_of_each_period(ws, write_invoices, write_recon):
    ws.settings.set("billing_experiences", "new_commerce")
    ws.imports.import_file(write_invoices([
        invoice("G000000001", "2026-09-05", "100.00", invoiceType="OneTime"),  # August
        invoice("G000000002", "2026-11-04", "100.00", invoiceType="OneTime"),  # October
    ]))  # fmt: skip
    found, calendar, _ = ws.alerts.findings(D(2026, 11, 23))
    assert [(p.start, p.received, p.missing) for p in calendar.periods] == [
        (D(2026, 8, 1), ("G000000001",), ("reconciliation file",)),
        (D(2026, 9, 1), (), ("invoice",)),  # published by 8 October: nothing imported
        (D(2026, 10, 1), ("G000000002",), ("reconciliation file",)),
    ]  # fmt: skip
    missing = [(f.subject, f.stage) for f in found if f.kind == "missing_document"]
    assert ("new_commerce:2026-09-01", "") in missing
    assert ("G000000001", "reconciliation file") in missing
    # 8 November + 3 days: on the 10th the October lines are not late yet, on the 11th they are
    assert ("G000000002", "reconciliation file") in missing
    early = ws.alerts.findings(D(2026, 11, 10))[0]
    assert ("G000000002", "reconciliation file") not in [
        (f.subject, f.stage) for f in early if f.kind == "missing_document"]  # fmt: skip


def test_a_payment_moves_from_processing_to_unallocated_at_microsoft(ws, write_invoices,
                                                                     write_text):  # fmt: skip
    ws.settings.set("holiday_country", "FR")
    ws.imports.import_file(write_invoices([invoice("G000000001", "2026-10-01", "100.00")]))
    # paid Thursday 24 December 2026, quoting the invoice
    ws.imports.import_file(write_text("p.csv", "Date;Montant;Devise;Libellé\n24/12/2026;100,00;EUR;"
                              "G000000001\n"))  # fmt: skip
    ws.allocations.auto_allocate(apply=True)
    _, _, lives = ws.alerts.findings(D(2026, 12, 28))
    (life,) = lives
    # Thursday 24 December + 5 business days (25 December and 1 January are holidays)
    assert (life.state, life.until, life.late) == ("processing", D(2027, 1, 4), False)
    k = kinds(ws.alerts.findings(D(2027, 1, 6))[0])
    assert k["in_processing"] == [("P1", "late", Decimal("100.00"))]
    ws.alerts.mark("P1", "unallocated", D(2027, 1, 6))
    found, _, lives = ws.alerts.findings(D(2027, 1, 15))
    assert (lives[0].state, lives[0].until, lives[0].late) == (
        "unallocated_at_microsoft", D(2027, 1, 15), False)  # fmt: skip
    assert kinds(ws.alerts.findings(D(2027, 1, 18))[0])["unallocated_at_microsoft"] == [
        ("P1", "late", Decimal("100.00"))]  # fmt: skip
    ws.alerts.mark("P1", "applied", D(2027, 1, 18))
    found, _, lives = ws.alerts.findings(D(2027, 1, 18))
    assert lives[0].state == "applied"
    assert not [f for f in found if f.subject == "P1"]
    ws.journal.undo()  # the "applied" mark no longer counts
    assert ws.alerts.findings(D(2027, 1, 18))[2][0].state == "unallocated_at_microsoft"


def test_a_payment_to_another_account_than_microsofts_is_flagged(ws, write_invoices,
                                                                   write_text):  # fmt: skip
    ws.settings.set("payee_account_EUR", "IE29 AIBK 9311 5212 3456 78")
    ws.imports.import_file(write_invoices([invoice("G000000001", "2026-10-01", "100.00")]))
    rows = (
        "Date;Montant;Devise;Libellé;Compte bénéficiaire\n"
        "10/11/2026;60,00;EUR;G000000001;IE29AIBK93115212345678\n"
        "12/11/2026;40,00;EUR;G000000001;GB29 NWBK 6016 1331 9268 19\n"
    )
    ws.imports.import_file(write_text("p.csv", rows))
    k = kinds(ws.alerts.findings(D(2026, 11, 23))[0])
    assert k["wrong_account"] == [("P2", "", Decimal("40.00"))]


def test_the_demo_shows_a_finding_of_every_kind(tmp_path):
    from core.alerts import KINDS
    from core.demo import write_demo
    from core.workspace import Workspace

    with Workspace(write_demo(tmp_path / "demo", today=D(2026, 11, 23))) as ws:
        found, _, _ = ws.alerts.findings(D(2026, 11, 23))
    assert {f.kind for f in found} == set(KINDS)
