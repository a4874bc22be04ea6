"""The window as the clerk left it: its size and place, the splitters between a list and its
detail, and the lists' column widths, kept in the preferences (QSettings, as the other
preferences are) when the window closes or its language changes, and put back when it opens
(never larger than the screen it opens on)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings

if TYPE_CHECKING:  # pragma: no cover
    from desktop.main_window import MainWindow

KEY = "window"


def _settings() -> QSettings:
    return QSettings("CSP Reconciler", "CSP Reconciler")


def _splitters(window: MainWindow) -> dict:
    return {"invoices": window.invoices.splitter, "payments": window.payments.splitter,
            "reconcile": window.reconcile_page.splitter,
            "plans": window.plans_page.splitter}  # fmt: skip


def _headers(window: MainWindow) -> dict:
    """The lists whose columns the clerk may widen (the customers' change with the aging
    buckets: not kept)."""
    return {"invoices": window.invoices.view, "payments": window.payments.view,
            "credits": window.credits.view, "reconcile": window.reconcile_page.sources,
            "candidates": window.reconcile_page.candidates,
            "to-pay": window.plans_page.to_pay,
            "plans": window.plans_page.list}  # fmt: skip


def save(window: MainWindow, geometry: bool = True) -> None:
    """Keep the window's state; ``geometry`` False (a change of language): its splitters
    only, the columns being measured again on the words of the new language."""
    settings = _settings()
    if geometry:
        settings.setValue(f"{KEY}/geometry", window.saveGeometry())
    for name, splitter in _splitters(window).items():
        settings.setValue(f"{KEY}/splitters/{name}", splitter.saveState())
    for name, view in _headers(window).items() if geometry else ():
        settings.setValue(f"{KEY}/columns/{name}", view.horizontalHeader().saveState())


def restore(window: MainWindow, geometry: bool = True) -> None:
    """Put back what :func:`save` kept (nothing when it was never kept)."""
    from desktop.screens import fit

    settings = _settings()
    saved = settings.value(f"{KEY}/geometry")
    if geometry and saved is not None and window.restoreGeometry(saved):
        fit(window, window.width(), window.height())  # another, smaller screen since
    for name, splitter in _splitters(window).items():
        state = settings.value(f"{KEY}/splitters/{name}")
        if state is not None:
            splitter.restoreState(state)
    for name, view in _headers(window).items() if geometry else ():
        state = settings.value(f"{KEY}/columns/{name}")
        if state is not None and view.horizontalHeader().restoreState(state):
            view.widths_kept = True  # not measured again on the first rows
