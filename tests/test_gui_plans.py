"""Plan and pay in the window: ticked invoices planned as one transfer, its remittance advice
in front, the SEPA file of several plans, the list of plans with where each stands."""

from datetime import date
from decimal import Decimal

import pytest

pytest.importorskip("PySide6.QtWidgets")

from desktop.actions.plans import pay

TODAY = date(2026, 11, 23)


@pytest.fixture(autouse=True)
def own_settings(gui_settings):
    """The window's settings stay out of the user's (see conftest)."""


@pytest.fixture
def window(demo_window):
    return demo_window


def plans_tab(qtbot, window):
    with qtbot.waitSignal(window.plans_shown, timeout=20000):
        window.tabs.setCurrentWidget(window.plans_page)
    return window.plans_page


def cells(table, row: int) -> list[str]:
    return [table.item(row, c).text() for c in range(table.model().columnCount())]


def test_the_open_invoices_are_offered_to_pay(qtbot, window):
    page = plans_tab(qtbot, window)
    offered = [cells(page.to_pay, r)[1] for r in range(page.to_pay.rowCount())]
    assert offered == ["G000100002", "G000100013", "G000100014", "G000100008", "G000100009",
                       "G000100011", "G000100012"]  # fmt: skip
    assert page.chosen.text() == "Tick the invoices to pay."
    assert not page.plan_button.isEnabled()
    page.tick("G000100013", "G000100014")
    assert page.chosen.text() == "2 invoice(s), 0 credit note(s): 4,222.30 EUR"
    assert page.list.rowCount() == 0


def test_plan_payment_shows_its_advice_and_lists_the_plan(qtbot, window):
    page = plans_tab(qtbot, window)
    page.tick("G000100013", "G000100014")
    page.reference.setText("VIR-NOV-1")
    with qtbot.waitSignal(window.previewed, timeout=20000) as shown:
        page.plan_button.click()
    assert shown.args == ["VIR-NOV-1"]  # the advice of the plan, its control total in it
    window.preview_dialog.close()
    assert cells(page.list, 0) == ["1", "VIR-NOV-1", "11/23/2026", "4,222.30 EUR",
                                   "planned, not yet on a statement", "",
                                   "G000100013 G000100014"]  # fmt: skip
    assert page.selected_references() == ["VIR-NOV-1"]
    assert page.ticked_invoices() == [] and page.reference.text() == ""
    # planned once, not offered again until the plan is paid
    assert cells(page.to_pay, 1)[1:6] == ["G000100013", "invoice", "10/16/2026", "742.30 EUR",
                                          "VIR-NOV-1"]  # fmt: skip
    page.tick("G000100013")
    assert page.ticked_invoices() == []
    (plan,) = window.ws.plans.list().values()
    assert (plan.reference, plan.amount) == ("VIR-NOV-1", Decimal("4222.30"))


def test_a_plan_confirmed_by_the_statement_says_so(qtbot, window, tmp_path):
    page = plans_tab(qtbot, window)
    page.tick("G000100013")
    with qtbot.waitSignal(window.previewed, timeout=20000):
        page.plan_button.click()
    window.preview_dialog.close()
    statement = tmp_path / "bank.csv"
    statement.write_text("Date;Montant;Devise;Libellé\n"
                         "20/11/2026;742,30;EUR;RA-20261123-1\n", encoding="utf-8")  # fmt: skip
    window.ws.imports.import_file(statement)
    with qtbot.waitSignal(window.plans_shown, timeout=20000):
        window.refresh()
    # paid on Friday 20 November: five business days of processing at Microsoft
    assert cells(page.list, 0)[4:6] == ["paid, processing at Microsoft until 11/27/2026", "P7"]
    window.ws.alerts.mark("P7", "unallocated")  # the clerk saw it under Unallocated payment
    with qtbot.waitSignal(window.plans_shown, timeout=20000):
        window.refresh()
    assert cells(page.list, 0)[4] == "unallocated at Microsoft"


def test_one_pain001_for_several_plans(qtbot, window, tmp_path):
    page = plans_tab(qtbot, window)
    for number in ("G000100013", "G000100014"):
        page.tick(number)
        with qtbot.waitSignal(window.previewed, timeout=20000):
            page.plan_button.click()
        window.preview_dialog.close()
    page.list.selectAll()
    assert page.selected_references() == ["RA-20261123-2", "RA-20261123-1"]
    window.ws.settings.set("company_account", "FR76 3000 4000 0312 3456 7890 143")
    window.ws.settings.set("payee_account_EUR", "IE29 AIBK 9311 5212 3456 78")
    target = tmp_path / "transfers.xml"
    with qtbot.waitSignal(window.exported, timeout=20000):
        pay.save_pain001(window, page.selected_references(), target)
    xml = target.read_text(encoding="utf-8")
    sent = date.today().strftime("%-m/%-d/%Y")  # the day the file was written
    assert xml.count("<CdtTrfTxInf>") == 2
    assert "<CtrlSum>4222.30</CtrlSum>" in xml
    with qtbot.waitSignal(window.plans_shown, timeout=20000):
        window.refresh()
    assert [cells(page.list, r)[4] for r in range(2)] == [f"sent to the bank on {sent}"] * 2
