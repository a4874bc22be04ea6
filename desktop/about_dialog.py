"""Help > About: the version, the workspace, and the licences of what the program is built on.

The list names Python, Qt, the fonts and every run-time dependency of pyproject.toml
(tests/test_installers.py checks none is missing); the installed bundle holds the full texts
in ``licenses/`` next to the programs (installer/notices.py writes them).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from desktop.operations import translate

if TYPE_CHECKING:  # pragma: no cover
    from desktop.main_window import MainWindow

# (component, licence as SPDX names it); the Python packages by their pyproject.toml names
LICENCES = (
    ("Python", "PSF-2.0"),
    ("Qt 6 and PySide6", "LGPL-3.0-only"),
    ("DejaVu Sans fonts", "Bitstream-Vera"),
    ("numpy", "BSD-3-Clause"),
    ("pyarrow", "Apache-2.0"),
    ("SQLAlchemy", "MIT"),
    ("alembic", "MIT"),
    ("psycopg", "LGPL-3.0-only"),
    ("openpyxl", "MIT"),
    ("xlsxwriter", "BSD-2-Clause"),
    ("reportlab", "BSD-3-Clause"),
    ("mt-940", "BSD-3-Clause"),
    ("ofxtools", "GPL-3.0-only"),
    ("sepaxml", "MIT"),
    ("xmlschema", "MIT"),
    ("defusedxml", "PSF-2.0"),
    ("schwifty", "MIT"),
    ("holidays", "MIT"),
    ("keyring", "MIT"),
    ("filelock", "MIT"),
    ("platformdirs", "MIT"),
)


def licence_folder() -> Path | None:
    """The installed bundle's ``licenses/`` (next to the programs; in a macOS .app, among its
    resources), if this is one."""
    if getattr(sys, "frozen", False):
        here = Path(sys.executable).resolve().parent
        for folder in (here / "licenses", here.parent / "Resources" / "licenses"):
            if folder.is_dir():
                return folder
    return None


def about_html(workspace: object) -> str:
    from core import __version__ as number

    rows = "".join(f"<tr><td>{name}</td><td>{licence}</td></tr>" for name, licence in LICENCES)
    folder = licence_folder()
    where = (translate("MainWindow", "The full licence texts are in %s.") % folder
             if folder else translate("MainWindow", "The installed program holds the full "
                                      "licence texts in its licenses folder."))  # fmt: skip
    return (
        translate("MainWindow",
                  "<b>CSP Reconciler</b> %s<br>Invoices, payments and remittance advice for "
                  "Microsoft Cloud Solution Provider partners.<br>Workspace: %s")
        % (number, workspace)
        + "<p><b>" + translate("MainWindow", "Built on") + "</b></p>"
        + "<table cellspacing=2><tr><th align=left>" + translate("MainWindow", "Component")
        + "</th><th align=left>" + translate("MainWindow", "Licence") + "</th></tr>"
        + rows + "</table><p>" + where + "</p>"
    )  # fmt: skip


def show(window: MainWindow) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.NoIcon, translate("MainWindow", "About CSP Reconciler"),
                      about_html(window.path), QMessageBox.StandardButton.Close,
                      window)  # fmt: skip
    window.about_box = box
    box.open()
    return box
