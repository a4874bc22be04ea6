"""``python -m desktop.screenshots WORKSPACE FOLDER``: a PNG of each main view and dialog,
then the screens of the clerk's daily loop (Reconcile, Plan and pay, Agree with Microsoft,
a payment's allocations) in English and in French (``NAME-en.png``, ``NAME-fr.png``).  The
window fills the screen it is given (the README's pictures: a 1366×768 screen)."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path


def main(argv: list[str]) -> int:
    from PySide6.QtWidgets import QApplication

    from desktop.actions import allocations, suggestions
    from desktop.actions.plans import remittance
    from desktop.main_window import MainWindow

    workspace, folder = Path(argv[0]), Path(argv[1])
    app = QApplication.instance() or QApplication([])
    window = MainWindow(workspace, date(2026, 11, 23))
    shots: list[str] = []

    def save(widget, name: str) -> None:
        app.processEvents()
        widget.grab().save(str(folder / f"{name}.png"))
        shots.append(name)

    def take() -> None:
        window.loaded.disconnect(take)
        pages = {"dashboard": window.dashboard, "invoices": window.invoices,
                 "payments": window.payments, "credit-notes": window.credits,
                 "customers": window.customers, "alerts": window.alerts_page,
                 "charges": window.charges_page, "claims": window.claims_page}  # fmt: skip
        for name, page in pages.items():
            window.tabs.setCurrentWidget(page)
            if name == "charges":  # a customer's lines, the prorated purchase explained
                page = window.charges_page
                names_ = [page.customers.item(i).text() for i in range(page.customers.count())]
                page.customers.setCurrentRow(
                    next(i for i, n in enumerate(names_) if n.startswith("Cabinet Lef"))
                )
                while page.table.rowCount() == 0:
                    app.processEvents()
                labels = [page.table.item(r, 0).text() for r in range(page.table.rowCount())]
                page.table.selectRow(labels.index("G000100011#5"))
            if name == "invoices":  # with an invoice's detail: chain, allocations, history
                page = window.invoices
                row = next(r for r in range(page.proxy.rowCount())
                           if page.proxy.index(r, 0).data() == "G000100005")  # fmt: skip
                page.view.selectRow(row)
                while "History" not in page.detail.toPlainText():
                    app.processEvents()
            save(window, name)
        payment = next(p for p in window.snap["payments"] if p["unallocated"] > 0)
        allocations.open_allocation(window, payment, payment["id"])
        while not hasattr(window, "allocation_dialog"):
            app.processEvents()
        dialog = window.allocation_dialog
        dialog.show()
        save(dialog, "allocation")
        dialog.close()
        window.previewed.connect(preview_shown)
        remittance.preview(window, "P4")

    def preview_shown(_what: str) -> None:
        window.previewed.disconnect(preview_shown)  # once: a plan made later shows one too
        dialog = window.preview_dialog
        dialog.show()
        for _ in range(20):
            app.processEvents()
        save(dialog, "remittance-preview")
        dialog.close()
        window.suggested.connect(suggestions_shown)
        suggestions.show(window)

    def suggestions_shown() -> None:
        window.suggested.disconnect(suggestions_shown)  # read again after each change
        dialog = window.suggestions_dialog
        dialog.show()
        save(dialog, "suggestions")
        dialog.close()
        daily_loop(window, app, save)
        app.quit()

    window.loaded.connect(take)
    window.showMaximized()
    app.exec()
    window.close()
    print("\n".join(str(folder / f"{n}.png") for n in shots))
    return 0


def _wait(app, signal, ms: int = 20000) -> None:
    """Until ``signal`` comes (or ``ms`` have passed), the window working meanwhile."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
    signal.disconnect(loop.quit)
    for _ in range(10):
        app.processEvents()


def daily_loop(window, app, save) -> None:
    """Reconcile, Plan and pay (a plan made), Agree with Microsoft and a payment's
    allocations, in English then in French."""
    import tempfile

    # a morning's bank statement: one payment quoting its invoice loosely, one of an
    # invoice's exact amount, one matching nothing (what Reconcile is for)
    statement = Path(tempfile.mkdtemp()) / "statement-2026-11-23.csv"
    statement.write_text("Date;Montant;Devise;Libellé\n"
                         "20/11/2026;3 480,00;EUR;MSFT G 000 100 014\n"
                         "21/11/2026;742,30;EUR;VIREMENT MICROSOFT\n"
                         "22/11/2026;999,00;EUR;VIREMENT DIVERS\n", encoding="utf-8")  # fmt: skip
    window.ws.imports.import_file(statement)
    window.refresh()
    _wait(app, window.loaded)
    window.tabs.setCurrentWidget(window.plans_page)
    _wait(app, window.plans_shown, 3000)
    window.plans_page.tick("G000100009", "G000100011")
    window.plans_page.reference.setText("VIR-NOV-2026")
    window.plans_page.plan_button.click()
    _wait(app, window.previewed)
    window.preview_dialog.close()
    for language in ("en", "fr"):
        if language == "fr":
            window.set_language("fr")  # the pages built again, the data shown again
        window.tabs.setCurrentWidget(window.reconcile_page)
        _wait(app, window.reconciled)
        window.reconcile_page.sources.selectRow(2)  # the loose reference, scored 100
        save(window, f"reconcile-{language}")
        window.tabs.setCurrentWidget(window.plans_page)
        _wait(app, window.plans_shown, 3000)
        window.plans_page.tick("G000100008")
        window.plans_page.tick("G000100012")
        save(window, f"plan-and-pay-{language}")
        # the demo's Partner Center download is dated the day it was written: compared as
        # of that day (a comparison as of an earlier day has no download to compare with)
        window.as_of, as_of = max(window.as_of, date.today()), window.as_of
        window.agree_stale = True
        window.tabs.setCurrentWidget(window.agree_page)
        _wait(app, window.agree_page.shown_agreement)
        window.as_of = as_of
        window.agree_page.select("G000100007")
        save(window, f"agree-{language}")
        window.tabs.setCurrentWidget(window.payments)
        window.payments.select_key("P4")
        save(window, f"payment-detail-{language}")
    window.set_language("en")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
