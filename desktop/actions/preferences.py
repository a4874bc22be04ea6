"""The preferences: the workspace's settings (checked by the core) and the language."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.operations import CollectionOp, QueryOp, merged

if TYPE_CHECKING:  # pragma: no cover
    from desktop.main_window import MainWindow


def edit(window: MainWindow) -> None:
    QueryOp(window, lambda ws, job: (ws.settings.all(), ws.books.term_days)).success(
        lambda loaded: _show(window, *loaded)
    ).run()


def _show(window: MainWindow, settings: dict, term: int) -> None:
    from desktop import i18n
    from desktop.preferences import PreferencesDialog

    dialog = PreferencesDialog(settings, term, window, i18n.current_language())
    window.preferences_dialog = dialog

    def accepted() -> None:
        if dialog.chosen_language() != i18n.current_language():
            window.set_language(dialog.chosen_language())
        changes = dialog.changes()
        if changes:
            save(window, changes)

    dialog.accepted.connect(accepted)
    dialog.open()


def save(window: MainWindow, changes: dict[str, str]) -> None:
    def run(ws, job):
        return merged("settings", [ws.settings.set(key, value) for key, value in changes.items()])

    CollectionOp(window, run).run()
