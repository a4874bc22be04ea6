"""A French window says the core's sentences in French (alerts, their stages, suggestion
reasons, payment flags), with amounts and dates written the French way; the command line
says the same things in English, byte for byte, whatever the window's language."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

pytest.importorskip("PySide6.QtWidgets")

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication

from core.cli import main
from core.demo import write_demo
from core.i18n import Money, say
from desktop import i18n
from desktop.main_window import MainWindow
from widgets.findings import FINDING_ROLE
from widgets.formats import speak

TODAY = date(2026, 11, 23)


@pytest.fixture(autouse=True)
def own_settings(gui_settings):
    """The window's settings stay out of the user's (see conftest)."""


@pytest.fixture
def french():
    i18n.install(QApplication.instance(), "fr")
    yield
    i18n.uninstall(QApplication.instance())


@pytest.fixture
def demo(tmp_path):
    return write_demo(tmp_path / "demo", today=TODAY)


def open_window(qtbot, db) -> MainWindow:
    w = MainWindow(db, TODAY)
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.loaded, timeout=20000):
        w.show()
    return w


def finding(page, subject: str) -> int:
    return next(r for r in range(page.model.rowCount())
                if page.model.index(r, 0).data(FINDING_ROLE)["subject"] == subject)  # fmt: skip


def test_a_sentence_keeps_its_english_and_is_said_in_french(qapp, french):
    text = say("{number}: {money} due on {due}: plan the payment now so it is applied in time "
               "(5 business days).", number="G1", money=Money(Decimal("1250"), "EUR"),
               due=date(2026, 10, 7))  # fmt: skip
    assert text == "G1: 1250.00 EUR due on 2026-10-07: plan the payment now so it is applied " \
        "in time (5 business days)."  # fmt: skip
    assert speak(text) == ("G1 : 1\u202f250,00 EUR à payer le 07/10/2026 : planifiez le "
                           "paiement maintenant pour qu'il soit imputé à temps (5 jours "
                           "ouvrés).")  # fmt: skip


def test_the_french_window_says_the_alerts_in_french(qtbot, demo, french):
    w = open_window(qtbot, demo)
    page = w.alerts_page
    row = finding(page, "G000100002")
    cells = [page.model.index(row, c).data() for c in range(5)]
    assert cells == [
        "risque de suspension", "G000100002", "23/09/2026", "1\u202f215,40 EUR",
        "G000100002 : 1\u202f215,40 EUR impayés 61 jours après l'échéance : Microsoft peut "
        "suspendre le compte et les services. Payez aujourd'hui et envoyez l'avis de paiement.",
    ]  # fmt: skip
    grace = finding(page, "G000100014")  # a stage, and a sentence within the sentence
    assert page.model.index(grace, 0).data() == "en retard (délai de grâce)"
    assert page.model.index(grace, 4).data() == (
        "G000100014 : 3\u202f480,00 EUR en retard de 15 jours (le délai de grâce a commencé ; "
        "l'accès est menacé après le jour 30) : payez-la en indiquant le numéro de facture."
    )
    header = finding(page, "G000100012")
    assert page.model.index(header, 0).data() == "document manquant (en-tête de facture)"
    wrong = finding(page, "P6")
    assert page.model.index(wrong, 4).data().startswith(
        "P6 : 2\u202f000,00 USD — indique G000100008 (EUR) mais a été payé en USD : ouvrez un "
        "ticket de support")  # fmt: skip
    page.select(("suspension_risk", "G000100002"))
    assert page.detail.text().startswith("G000100002 : 1\u202f215,40 EUR impayés 61 jours")
    # the snapshot keeps the core's English: what the command line would say
    assert w.snap["alerts"][0]["message"].startswith("G000100002: 1215.40 EUR unpaid 61 days")
    assert w.windowTitle().endswith(" — au 23/11/2026")  # the day the French way
    flags = [c.title for c in w.payments.model.columns].index("Flags")
    p6 = next(r for r in range(w.payments.model.rowCount())
              if w.payments.model.index(r, 0).data() == "P6")  # fmt: skip
    assert w.payments.model.index(p6, flags).data() == "mauvaise devise, non affecté"
    tip = w.payments.model.index(p6, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "indique G000100008 (EUR) mais a été payé en USD : signalez-le à Microsoft" in tip
    w.close()


def test_suggestion_reasons_in_french(qtbot, demo, french):
    from core.suggestions import Suggester
    from core.workspace import Workspace

    with Workspace(demo) as ws:
        ledger = ws.books.ledger(TODAY)
        answers = {a.payment: a for a in Suggester(ledger).answers(ws.books.payments())}
    fallback = answers["P5"].suggestions[0].reasons[0]
    assert fallback.startswith("fallback: no invoice number")  # the command line's words
    assert speak(fallback) == ("à défaut : aucun numéro de facture, montant ou date n'indique "
                               "une facture ; ce sont simplement les plus anciennes échues "
                               "d'abord")  # fmt: skip
    assert [speak(n) for n in answers["P6"].notes] == [
        "le texte indique G000100008, facturée en EUR (6\u202f300,00 EUR restant dus), mais le "
        "paiement est en USD : il était probablement destiné à G000100008. Rien n'est proposé : "
        "demandez à la banque de le rembourser ou de le convertir (export du ticket)"
    ]


def test_the_suggestions_dialog_gives_its_reasons_in_french(qtbot, demo, french):
    from desktop.actions import suggestions
    from desktop.suggestions_dialog import ID_ROLE

    w = open_window(qtbot, demo)
    with qtbot.waitSignal(w.suggested, timeout=20000):
        suggestions.show(w)
    dialog = w.suggestions_dialog
    rows = [dialog.table.item(r, 0).data(ID_ROLE) for r in range(dialog.table.rowCount())]
    dialog.table.selectRow(next(r for r, (a, s) in enumerate(rows) if a["payment"] == "P6"))
    assert "300,00 EUR restant dus), mais le paiement est en USD" in (dialog.reasons.toPlainText())
    w.close()


def test_the_command_line_says_the_same_in_a_french_window(qtbot, demo, capsys, french):
    def alerts() -> str:
        assert main(["--db", str(demo), "alerts", "--as-of", "2026-11-23", "--json"]) == 0
        return capsys.readouterr().out

    french_window = alerts()
    i18n.uninstall(QApplication.instance())
    english = alerts()
    assert french_window == english
    assert '"message": "G000100002: 1215.40 EUR unpaid 61 days after its due date' in english


def test_the_calendar_speaks_french_after_a_live_switch(qtbot, demo):
    w = open_window(qtbot, demo)
    assert w.alerts_page.grid.firstDayOfWeek() == Qt.DayOfWeek.Sunday  # US English
    try:
        with qtbot.waitSignal(w.language_changed, timeout=5000):
            w.set_language("fr")
        grid = w.alerts_page.grid
        assert grid.firstDayOfWeek() == Qt.DayOfWeek.Monday
        assert grid.locale().language() == QLocale.Language.French
        row = finding(w.alerts_page, "G000100002")  # the data read in English, said in French
        assert w.alerts_page.model.index(row, 4).data().startswith("G000100002 : 1\u202f215,40")
    finally:
        w.set_language("en")
    assert w.alerts_page.grid.firstDayOfWeek() == Qt.DayOfWeek.Sunday
    row = finding(w.alerts_page, "G000100002")
    assert w.alerts_page.model.index(row, 4).data().startswith("G000100002: 1215.40 EUR")
    w.close()


def test_charges_are_explained_in_french(qtbot, demo, french):
    w = open_window(qtbot, demo)
    page = w.charges_page
    w.tabs.setCurrentWidget(page)
    names = [page.customers.item(i).text() for i in range(page.customers.count())]
    row = next(i for i, n in enumerate(names) if n.startswith("Cabinet Lefèvre"))
    with qtbot.waitSignal(w.worker.busy_changed, check_params_cb=lambda b: not b,
                          timeout=20000):  # fmt: skip
        page.customers.setCurrentRow(row)
    qtbot.waitUntil(lambda: page.table.rowCount() > 0, timeout=10000)
    labels = [page.table.item(r, 0).text() for r in range(page.table.rowCount())]
    prorated = labels.index("G000100011#4")
    assert page.table.item(prorated, 4).text() == "17/31 jours; alignement sur le mois civil"
    page.table.selectRow(prorated)
    text = page.detail.toPlainText()
    assert "Au prorata : 17 jours sur 31 d'un cycle de facturation mensuel (du " in text
    assert "98,71" in text and "98.71" not in text
    page.checks_button.click()
    qtbot.waitUntil(lambda: page.summary.text().startswith("Toutes les lignes vérifiées"),
                    timeout=20000)  # fmt: skip
    labels = [page.table.item(r, 0).text() for r in range(page.table.rowCount())]
    page.table.selectRow(labels.index("G000100009#2"))
    assert "Signalement conversion différente : " in page.detail.toPlainText()
    w.close()


def test_a_refusal_of_the_core_in_french(qapp, french):
    from core.rules.claims import sla_claim
    from widgets.formats import error_text

    with pytest.raises(ValueError) as refused:
        sla_claim("Dynamics 365 Sales", "2026-10", "99.95", "120", "EUR")
    assert str(refused.value) == ("availability 99.95 % is not below the 99.9 % the service "
                                  "level guarantees: no SLA credit is due")  # fmt: skip
    assert error_text(refused.value) == (
        "une disponibilité de 99,95 % n'est pas inférieure aux 99,9 % que garantit le niveau "
        "de service : aucun crédit SLA n'est dû")  # fmt: skip
    assert error_text(ValueError("plain words")) == "plain words"


def test_the_reconcile_tab_gives_its_reasons_in_french(qtbot, tmp_path, french):
    from tests.test_gui_reconcile import busy_demo

    w = open_window(qtbot, busy_demo(tmp_path / "busy"))
    with qtbot.waitSignal(w.reconciled, timeout=20000):
        w.tabs.setCurrentWidget(w.reconcile_page)
    page = w.reconcile_page
    page.sources.selectRow(2)
    assert page.current_payment() == "P7"
    assert "le texte du virement indique G000100014 (écrit « G 000 100 014 »)" in (
        page.reasons.toPlainText())  # fmt: skip
    w.close()


def test_a_refused_import_says_its_verdict_in_french(qtbot, demo, tmp_path, french):
    bad = tmp_path / "releve.dat"
    bad.write_text("rien du tout\n", encoding="utf-8")
    w = open_window(qtbot, demo)
    w.import_files([bad])
    qtbot.waitUntil(lambda: getattr(w, "summary_box", None) is not None, timeout=20000)
    assert w.summary_box.text().endswith(
        f"{bad} : non importé : rien de ce fichier n'a été enregistré"
    )
    w.close()


def test_a_refused_sla_claim_is_said_in_french_by_its_field(qtbot, demo, french):
    from desktop.actions import claims

    w = open_window(qtbot, demo)
    claims.new_sla_claim(w)
    dialog = w.claim_dialog
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.service.setText("Dynamics 365 Sales")
    dialog.month.setText("2026-10")
    dialog.availability.setText("99.95")  # not below 99.9 %: no credit
    dialog.credit.setText("145,00")
    dialog.ticket.setText("2611020099")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    refusal = dialog.refusals["availability"]  # found by the core's words, said in French
    qtbot.waitUntil(lambda: refusal.isVisible(), timeout=20000)
    assert refusal.text().startswith("une disponibilité de 99,95 % n'est pas inférieure aux "
                                     "99,9 %")  # fmt: skip
    dialog.close()
    w.close()


def test_a_flagged_line_says_its_check_in_french(qtbot, demo, capsys, french):
    w = open_window(qtbot, demo)
    page = w.charges_page
    w.tabs.setCurrentWidget(page)
    page.checks_button.click()
    qtbot.waitUntil(lambda: page.summary.text().startswith("Toutes les lignes vérifiées"),
                    timeout=20000)  # fmt: skip
    labels = [page.table.item(r, 0).text() for r in range(page.table.rowCount())]
    page.table.selectRow(labels.index("G000100011#5"))
    assert ("Signalement remboursement hors délai : crédité -98,71 EUR pour une résiliation 10 "
            "jours après le début de l'engagement (15/10/2026) ; new commerce ne rembourse rien "
            "après 7 jours : vérifiez auprès de Microsoft avant de répercuter l'avoir au "
            "client.") in page.detail.toPlainText()  # fmt: skip
    page.table.selectRow(labels.index("G000100009#2"))
    shown = page.detail.toPlainText().replace("\u202f", " ").replace("\xa0", " ")
    assert ("Sous-total 1 920,19 EUR, mais la règle à l'usage donne 1 920,20 EUR (0,0125 USD × "
            "166 349,600000 au taux 0,923456789) : demandez au support") in shown  # fmt: skip
    w.close()
    # the command line says the same checks in English, whatever the window's language
    assert main(["--db", str(demo), "checks", "--json"]) == 0
    out = capsys.readouterr().out
    assert ('"message": "credited -98.71 EUR for a cancellation 10 days after the term began '
            '(2026-10-15); new commerce refunds nothing after 7 days: check with Microsoft '
            'before passing the credit on to the customer."') in out  # fmt: skip


def test_a_refused_import_names_the_files_column_in_french(qtbot, demo, tmp_path, french):
    bad = tmp_path / "paiements.csv"
    bad.write_text("Date de paiement;Montant;Devise;Libellé\n"
                   "05/11/2026;12O,00;EUR;G000100002\n"
                   "06/11/2026;80,00;EUR;G000100003\n"
                   "31/02/2026;80,00;EUR;G000100003\n", encoding="utf-8")  # fmt: skip
    w = open_window(qtbot, demo)
    w.import_files([bad])
    qtbot.waitUntil(lambda: getattr(w, "summary_box", None) is not None, timeout=20000)
    said = w.summary_box.reasons.toPlainText()
    assert f"{bad}:2 : colonne Montant : nombre attendu, lu « 12O,00 »" in said
    assert (f"{bad}:4 : colonne Date de paiement : date attendue (AAAA-MM-JJ ou JJ/MM/AAAA), "
            "lu « 31/02/2026 »") in said  # fmt: skip
    assert "expected" not in said
    w.close()


def test_an_allocation_refusal_in_french(qapp, demo, french):
    from core.allocation import AllocationRefused, check
    from core.workspace import Workspace
    from widgets.formats import error_text

    with Workspace(demo) as ws:
        ledger = ws.books.ledger(None)
    owed = ledger.invoices["G000100002"].open
    with pytest.raises(AllocationRefused) as refused:
        check(ledger, "P5", [("G000100002", owed + 1000)])
    english = str(refused.value)
    assert english.startswith("G000100002 still owes 1215.40 EUR; cannot allocate 2215.40")
    assert error_text(refused.value).startswith(
        "G000100002 doit encore 1\u202f215,40 EUR ; impossible d'affecter 2\u202f215,40"
    )
    with pytest.raises(AllocationRefused) as refused:
        check(ledger, "P5", [("G000999999", "10")])
    assert error_text(refused.value) == "aucune facture G000999999 dans cet espace de travail"


def test_the_column_mapping_speaks_french(qtbot, demo, tmp_path, french):
    from desktop.mapping_dialog import NONE

    layout = tmp_path / "banque.csv"
    layout.write_text("Jour;Somme;Monnaie;Motif\n20/11/2026;742,30;EUR;G000100013\n",
                      encoding="utf-8")  # fmt: skip
    w = open_window(qtbot, demo)
    w.import_files([layout])
    qtbot.waitUntil(lambda: hasattr(w, "mapping_dialog"), timeout=20000)
    dialog = w.mapping_dialog
    labels = [dialog.form.labelForField(c).text() for c in dialog.combos.values()]
    assert labels[:3] == ["Date *", "Montant *", "Devise *"]
    dialog.combos["Amount"].setCurrentText(NONE)
    dialog.combos["Date"].setCurrentText(NONE)
    dialog._accept()  # refused by the core, said in French
    qtbot.waitUntil(lambda: dialog.message.text() != "", timeout=20000)
    assert dialog.message.text() == "associez une colonne à : Date, Montant, Devise"
    dialog.reject()
    w.close()


def test_the_allocation_dialog_refuses_in_french(qtbot, demo, french):
    from tests.test_gui import opened_allocation

    w = open_window(qtbot, demo)
    dialog = opened_allocation(qtbot, w, "P5")
    row = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())].index(
        "G000100014"
    )
    dialog.table.item(row, 3).setText("5000")
    qtbot.waitUntil(lambda: dialog.message.text() != "", timeout=20000)
    assert dialog.message.text().replace("\u202f", " ") == (
        "G000100014 doit encore 3 480,00 EUR ; impossible d'affecter 5 000,00"
    )
    w.close()


def test_one_backup_is_said_in_the_singular(qtbot, demo, french):
    from desktop.operations import CollectionOp

    w = open_window(qtbot, demo)
    CollectionOp(w, lambda ws, job: ws.allocations.allocate("P5", [("G000100002", "10")])).run()
    qtbot.waitUntil(lambda: w.worker.idle(), timeout=20000)
    w.backups_action.trigger()
    dialog = w.backups_dialog
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=20000)
    assert dialog.where.text().startswith("1 sauvegarde dans ")
    assert dialog.table.item(0, 0).text()[:10].count("/") == 2  # the day the French way
    dialog.close()
    w.close()


def test_a_bank_export_refusal_in_french(qapp, demo, tmp_path, french):
    from core.errors import ImportFailed
    from core.present import failed_lines
    from core.workspace import Workspace

    bad = tmp_path / "releve.csv"
    bad.write_text("Date;Libellé;Débit;Crédit\n05/11/2026;VIR MICROSOFT G000100002;100,00;"
                   "50,00\n", encoding="utf-8")  # fmt: skip
    with Workspace(demo) as ws, pytest.raises(ImportFailed) as refused:
        ws.imports.import_file(bad)
    english, said = failed_lines(refused.value)[0], speak(failed_lines(refused.value)[0])
    assert english == (f"{bad}:2: column Débit: expected an amount in exactly one of Debit and "
                       "Credit, got Debit 100.00 and Credit 50.00")  # fmt: skip
    assert said.startswith(f"{bad}:2 : colonne Débit : montant attendu dans une seule des "
                           "colonnes Débit et Crédit, lu ")  # fmt: skip
