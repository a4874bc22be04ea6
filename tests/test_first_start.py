"""The first start, the workspace the window opens, and the one default both faces share."""

from datetime import date

import pytest

pytest.importorskip("PySide6.QtWidgets")

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFileOpenEvent

from core.demo import write_demo
from core.workspace import Workspace
from desktop.actions.workspace import files
from desktop.first_start import FirstStartDialog, create_workspace, starting_workspace
from desktop.main_window import MainWindow

TODAY = date(2026, 11, 23)


@pytest.fixture(autouse=True)
def own_folders(monkeypatch, tmp_path):
    """The preferences, recent files and data folder of the tests stay out of the user's."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("CSP_RECON_DB", raising=False)
    from PySide6.QtCore import QSettings

    # Qt reads the configuration folder once a process: the recent files of earlier tests
    QSettings("CSP Reconciler", "CSP Reconciler").remove("recent")
    from PySide6.QtCore import QLocale

    QLocale.setDefault(QLocale("en_US"))


def opened(qtbot, path) -> MainWindow:
    w = MainWindow(path, TODAY)
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.loaded, timeout=20000):
        w.show()
    return w


def test_the_command_line_and_the_window_share_one_default_workspace(tmp_path, capsys):
    from core.cli import main
    from core.cli.common import default_workspace

    mine = tmp_path / "data" / "CSP Reconciler" / "workspace.csprecon"
    assert default_workspace() == mine
    assert starting_workspace(None) is None  # nothing yet: a first start
    demo = write_demo(tmp_path / "demo", today=TODAY).parent
    assert main(["import", str(demo / "invoices.json")]) == 0  # no --db: the default
    assert mine.exists()
    assert starting_workspace(None) == mine  # the window opens what the command line made


def test_a_workspace_db_of_an_earlier_version_stays_the_default(tmp_path):
    from core.places import default_workspace

    old = tmp_path / "data" / "CSP Reconciler" / "workspace.db"
    old.parent.mkdir(parents=True)
    Workspace(old).close()
    assert default_workspace() == old
    assert starting_workspace(None) == old


def test_the_last_workspace_opened_is_opened_again(qtbot, tmp_path):
    first, last = tmp_path / "a.csprecon", tmp_path / "b.csprecon"
    for path in (first, last):
        opened(qtbot, path).close()
    assert starting_workspace(None) == last.resolve()
    assert starting_workspace(first) == first  # named on the command line: that one


def test_first_start_keeps_what_was_typed_and_says_the_refusal_by_the_field(qtbot, tmp_path):
    dialog = FirstStartDialog(tmp_path / "mine.csprecon")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name.setText("Nuage Conseil SAS")
    dialog.address.setPlainText("12 rue de la Paix\n75002 Paris")
    dialog.account.setText("FR76 3000 4000 0312 3456 7890 999")
    dialog.currency.setCurrentText("EUR")
    dialog.create.click()
    error = dialog.errors["company_account"]
    assert dialog.isVisible() and dialog.choice == ""
    assert error.isVisible() and "IBAN" in error.text()
    assert dialog.account.text() == "FR76 3000 4000 0312 3456 7890 999"  # kept, to correct
    assert not dialog.errors["company_name"].isVisible()
    # the label sits by its field: the row just under the account's
    row, _role = dialog.form.getWidgetPosition(error)
    assert dialog.form.getWidgetPosition(dialog.account)[0] == row - 1
    dialog.account.setText("FR76 3000 4000 0312 3456 7890 143")
    dialog.create.click()
    assert dialog.choice == "create" and not dialog.isVisible()
    path = create_workspace(tmp_path / "mine.csprecon", dialog.values())
    with Workspace(path) as ws:
        settings = ws.settings.all()
    assert (settings["company_name"], settings["company_address"], settings["currency"]) == (
        "Nuage Conseil SAS", "12 rue de la Paix\n75002 Paris", "EUR")  # fmt: skip
    assert settings["company_account"].replace(" ", "") == "FR7630004000031234567890143"


def test_a_company_name_is_asked_for(qtbot, tmp_path):
    dialog = FirstStartDialog(tmp_path / "mine.csprecon")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.create.click()
    assert dialog.isVisible()
    assert dialog.errors["company_name"].text() == "Your company's name, as on your invoices"


def test_the_demo_says_it_is_one_and_offers_to_create_my_workspace(qtbot, tmp_path):
    demo = opened(qtbot, write_demo(tmp_path / "demo", today=TODAY))
    assert "DEMO (made-up data) — workspace.db" in demo.windowTitle()
    assert demo.demo_banner.isVisible()
    demo.demo_banner.create.click()
    dialog = demo.first_start_dialog
    assert not dialog.demo.isVisible()  # already in the demo
    dialog.name.setText("Nuage Conseil SAS")
    with qtbot.waitSignal(demo.loaded, timeout=20000):
        dialog.create.click()
    mine = tmp_path / "data" / "CSP Reconciler" / "workspace.csprecon"
    assert demo.path == mine
    assert "DEMO" not in demo.windowTitle() and "workspace.csprecon" in demo.windowTitle()
    assert not demo.demo_banner.isVisible()
    assert demo.ws.settings.all()["company_name"] == "Nuage Conseil SAS"
    demo.close()


def test_file_new_makes_a_csprecon_workspace(qtbot, tmp_path, monkeypatch):
    w = opened(qtbot, tmp_path / "first.csprecon")
    monkeypatch.setattr(files.QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(tmp_path / "second"), ""))  # fmt: skip
    with qtbot.waitSignal(w.loaded, timeout=20000):
        files.choose_new_workspace(w)
    assert w.path == tmp_path / "second.csprecon" and w.path.exists()
    w.close()


def test_a_file_the_system_asks_to_open_is_opened(qtbot, tmp_path):
    """macOS: a workspace double-clicked in the Finder comes as a file-open event."""
    from desktop.app import FileOpened

    app = QCoreApplication.instance()
    other = tmp_path / "other.csprecon"
    Workspace(other).close()
    seen = FileOpened(app)
    try:
        QCoreApplication.sendEvent(app, QFileOpenEvent(str(other)))
        assert seen.take() == other  # before the window: kept for it
        w = opened(qtbot, tmp_path / "first.csprecon")
        seen.window = w
        with qtbot.waitSignal(w.loaded, timeout=20000):
            QCoreApplication.sendEvent(app, QFileOpenEvent(str(other)))
        assert w.path == other
        w.close()
    finally:
        app.removeEventFilter(seen.filter)
