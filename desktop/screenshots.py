"""``python -m desktop.screenshots WORKSPACE FOLDER``: a PNG of each main view."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path


def main(argv: list[str]) -> int:
    from PySide6.QtWidgets import QApplication

    from desktop.allocation_dialog import AllocationDialog
    from desktop.main_window import MainWindow

    workspace, folder = Path(argv[0]), Path(argv[1])
    app = QApplication.instance() or QApplication([])
    window = MainWindow(workspace, date(2026, 11, 23))
    shots: list[str] = []

    def take() -> None:
        for index, name in enumerate(("dashboard", "invoices", "payments")):
            window.tabs.setCurrentIndex(index)
            app.processEvents()
            window.grab().save(str(folder / f"{name}.png"))
            shots.append(name)
        payment = next(p for p in window.snap["payments"] if p["unallocated"] != "0.00")
        dialog = AllocationDialog(payment, window.snap["invoices"], window)
        dialog.show()
        app.processEvents()
        dialog.grab().save(str(folder / "allocation.png"))
        app.quit()

    window.loaded.connect(take)
    window.show()
    app.exec()
    window.close()
    print("\n".join(str(folder / f"{n}.png") for n in shots))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
