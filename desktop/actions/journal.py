"""Undo and redo the last change (whoever's it was, on a team workspace: the audit says).

Edit > Undo and Redo name the change they would take back or do again ("Undo import of
payments-fr.csv"), read from the journal after every change (``ws.journal.next_changes``);
Redo is offered only when the journal can redo.  Undoing an import asks first: what it
brought leaves the workspace, and only importing the file again brings it back."""

from __future__ import annotations

from pathlib import PureWindowsPath
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QMessageBox

from desktop.operations import CollectionOp, QueryOp, translate

if TYPE_CHECKING:  # pragma: no cover
    from desktop.main_window import MainWindow

#: what each kind of change is called in Undo and Redo
KINDS = {
    "allocate": QT_TRANSLATE_NOOP("MainWindow", "allocation"),
    "auto-allocate": QT_TRANSLATE_NOOP("MainWindow", "allocation by quoted invoice numbers"),
    "apply-credits": QT_TRANSLATE_NOOP("MainWindow", "credit notes applied by Microsoft's rule"),
    "unallocate": QT_TRANSLATE_NOOP("MainWindow", "removal of an allocation"),
    "take-in-hand": QT_TRANSLATE_NOOP("MainWindow", "credit note taken in hand"),
    "reject-suggestion": QT_TRANSLATE_NOOP("MainWindow", "rejection of a suggestion"),
    "mark-payment": QT_TRANSLATE_NOOP("MainWindow", "mark of a payment"),
}


def name(entry: dict) -> str:
    """The change as Undo and Redo name it: "import of payments-fr.csv", "allocation"..."""
    action, summary = entry["action"], entry["summary"]
    if action == "import":
        return translate("MainWindow", "import of %s") % _file(entry)
    if action == "setting":
        return translate("MainWindow", "setting %s") % summary.partition(" = ")[0]
    return translate("MainWindow", KINDS.get(action, action))


def _file(entry: dict) -> str:
    """The name of the file an import read (its audit says "import /path/to/file"; a
    Windows path too)."""
    return PureWindowsPath(entry["summary"].removeprefix("import ")).name


def read(window: MainWindow) -> None:
    """Read what Undo and Redo would do now, and say it in the Edit menu."""
    QueryOp(window, lambda ws, job: ws.journal.next_changes()).success(
        lambda found: show(window, found)
    ).run()


def show(window: MainWindow, found: dict) -> None:
    window.next_undo, window.next_redo = found["undo"], found["redo"]
    undo, redo = found["undo"], found["redo"]
    window.undo_action.setText(translate("MainWindow", "&Undo %s") % name(undo) if undo
                               else translate("MainWindow", "&Undo last change"))  # fmt: skip
    window.redo_action.setText(translate("MainWindow", "&Redo %s") % name(redo) if redo
                               else translate("MainWindow", "&Redo"))  # fmt: skip
    window.undoable = undo is not None
    window.redoable = redo is not None
    window.apply_role()


def undo(window: MainWindow) -> None:
    """Undo the latest change; an import only once the clerk has said yes."""
    entry = getattr(window, "next_undo", None)
    if entry is not None and entry["action"] == "import":
        _ask_import(window, entry)
        return
    _undo(window)


def _undo(window: MainWindow) -> None:
    CollectionOp(window, lambda ws, job: ws.journal.undo()).run()


def _ask_import(window: MainWindow, entry: dict) -> None:
    file = _file(entry)
    box = QMessageBox(
        QMessageBox.Icon.Question, translate("MainWindow", "Undo import"),
        translate("MainWindow", "Undo the import of %s? The invoices, credit notes and "
                                "payments it brought leave the workspace, with the "
                                "allocations made when it was imported. Redo cannot bring "
                                "them back: import the file again.") % file,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, window,
    )  # fmt: skip
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.button(QMessageBox.StandardButton.Yes).setText(translate("MainWindow", "Undo import"))
    box.buttonClicked.connect(
        lambda button: box.standardButton(button) == QMessageBox.StandardButton.Yes
        and _undo(window)
    )
    window.undo_box = box
    box.open()


def redo(window: MainWindow) -> None:
    CollectionOp(window, lambda ws, job: ws.journal.redo()).run()
