"""``python -m desktop.screenshots WORKSPACE FOLDER``: a PNG of each main view and dialog."""

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
        names = ("dashboard", "invoices", "payments", "credit-notes", "customers", "alerts",
                 "charges", "claims")  # fmt: skip
        for index, name in enumerate(names):
            window.tabs.setCurrentIndex(index)
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
        dialog = window.preview_dialog
        dialog.show()
        for _ in range(20):
            app.processEvents()
        save(dialog, "remittance-preview")
        dialog.close()
        window.suggested.connect(suggestions_shown)
        suggestions.show(window)

    def suggestions_shown() -> None:
        dialog = window.suggestions_dialog
        dialog.show()
        save(dialog, "suggestions")
        dialog.close()
        app.quit()

    window.loaded.connect(take)
    window.show()
    app.exec()
    window.close()
    print("\n".join(str(folder / f"{n}.png") for n in shots))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
