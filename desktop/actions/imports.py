"""Importing files: chosen, dropped, or a spreadsheet whose columns the clerk names.

The summary box shows what the command line prints for the same files
(:func:`core.present.import_lines`, :func:`core.present.failed_lines`)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox

from core.changes import Change, ImportSummary
from core.errors import UNKNOWN_LAYOUT, ImportCancelled, ImportFailed
from core.model import ImportError_, Source
from core.present import failed_lines
from desktop.operations import CollectionOp, QueryOp, merged, show_summary, translate
from widgets.formats import speak

if TYPE_CHECKING:  # pragma: no cover
    from desktop.main_window import MainWindow

log = logging.getLogger(__name__)
KINDS = ("payments", "invoices")  # what a spreadsheet with named columns can list


def choose_import(window: MainWindow) -> None:
    files, _ = QFileDialog.getOpenFileNames(window, translate("MainWindow", "Import files"))
    if files:
        import_files(window, [Path(f) for f in files])


def import_files(window: MainWindow, files: list[Path]) -> None:
    """Import off the GUI thread with a progress bar and Cancel; then one summary (and
    the column-mapping dialog for a layout no importer knows)."""
    op = CollectionOp(window, lambda ws, job: _import_each(ws, job, files))
    op.with_progress(translate("MainWindow", "Importing…"))
    op.summary_by(lambda change: _summary(window, change))
    op.success(lambda outcomes: _imported(window, outcomes))
    window.import_dialog = op.progress_dialog
    op.run()


def _import_each(ws, job, files: list[Path]) -> Change:
    """Each file in turn (a failure stops only its own file); one change for them all, its
    ``result`` each file's summary or refusal.  A layout no importer knows says nothing
    here: the column-mapping dialog follows, and the import of the file mapped says the
    rest."""
    changes: list[Change] = []
    outcomes: list[object] = []
    for path in files:
        try:
            if job.cancelled():  # before this file began: the files after it neither
                raise ImportCancelled(str(path))
            done = ws.imports.import_file(
                path, progress=job.progress, cancelled=job.cancelled, allocate_references=True
            )
        except ImportCancelled:
            said = translate("MainWindow", "%s: cancelled, nothing was stored") % path.name
            changes.append(Change("import", (said,)))
            continue
        except ImportFailed as exc:
            failed = exc
        except Exception as exc:
            log.exception("import of %s failed", path)
            said = f"{exc} (an unexpected error; details in the log)"
            failed = ImportFailed(str(path), [ImportError_(Source(str(path)), said)])
        else:
            changes.append(done)
            outcomes.append(done.result)
            continue
        if failed.kind != UNKNOWN_LAYOUT:
            changes.append(Change("import", tuple(failed_lines(failed))))
        outcomes.append(failed)
    return merged("import", changes, outcomes)


def _summary(window: MainWindow, change: Change) -> None:
    """The import's lines in a box, with what the payments' references allocated; a
    refused file in an error report instead (see _refusal_box)."""
    if not change.lines:
        return  # only layouts to map: the mapping dialog comes instead
    refused = [o for o in change.result
               if isinstance(o, ImportFailed) and o.kind != UNKNOWN_LAYOUT]  # fmt: skip
    if refused:
        _refusal_box(window, change.lines, refused, len(change.result))
        return
    paid = sum(s.reference_payments for s in change.result if isinstance(s, ImportSummary))
    shown = change.lines[0]
    if paid:
        shown += "\n" + (
            translate("MainWindow", "1 payment allocated by the invoice number it quotes")
            if paid == 1
            else translate("MainWindow", "%1 payments allocated by the invoice number they "
                           "quote").replace("%1", str(paid))
        )  # fmt: skip
    show_summary(window, translate("MainWindow", "Import finished"), change.lines, shown)
    window.last_import_summary = window.last_summary


def _refusal_box(window: MainWindow, lines, refused: list[ImportFailed], files: int) -> None:
    """An error report that says which files were not imported, every reason in view (a
    window the clerk can enlarge); all the import's lines behind Copy."""
    from desktop.import_report import ImportReport

    lines = list(lines)
    window.last_summary = window.last_import_summary = "\n".join(lines)
    first = [speak(line) for line in failed_lines(refused[0])]  # in the window's language
    headline = "\n".join(dict.fromkeys((first[0], first[-1])))  # the reason, the verdict
    if len(refused) == files:
        title = (translate("MainWindow", "The file was not imported") if files == 1
                 else translate("MainWindow", "No file was imported"))  # fmt: skip
        icon = QMessageBox.Icon.Critical
    else:
        title = translate("MainWindow", "Some files were not imported")
        icon = QMessageBox.Icon.Warning
    reasons = [speak(line) for exc in refused for line in failed_lines(exc)]
    box = ImportReport(title, headline, reasons, lines, icon, window)
    window.summary_box = box
    box.open()


def _imported(window: MainWindow, outcomes: list[object]) -> None:
    unknown = [o for o in outcomes if isinstance(o, ImportFailed) and o.kind == UNKNOWN_LAYOUT]
    if unknown:
        ask_mapping(window, unknown)


def ask_mapping(window: MainWindow, refused: list[ImportFailed]) -> None:
    """Spreadsheets no importer knows: ask which column of the first is which, then import
    them again (those of the same layout import directly, the others ask in turn)."""
    path = Path(refused[0].file)

    def read(ws, job):
        try:
            header, rows = ws.imports.preview(path)
        except Exception as exc:  # noqa: BLE001 - unreadable: said as the import's refusal
            log.info("no preview of %s: %s", path, exc)
            return None
        kinds = {k: (ws.imports.layout_fields(k), ws.imports.guess_columns(k, header))
                 for k in KINDS}  # fmt: skip
        return header, rows, kinds

    def found(preview) -> None:
        if preview and preview[0]:
            _map(window, refused, *preview)
        else:
            _not_mapped(window, refused, box=True)

    QueryOp(window, read).success(found).run()


def _not_mapped(window: MainWindow, refused: list[ImportFailed], box: bool = False) -> None:
    """The files left unmapped: the import's refusal after all, in the status bar (in a
    box when the dialog could not even open)."""
    if box:
        lines = [ln for exc in refused for ln in failed_lines(exc)]
        _refusal_box(window, lines, refused, len(refused))
    else:
        window.statusBar().showMessage(" · ".join(speak(failed_lines(exc)[-1]) for exc in refused))


def _map(window: MainWindow, refused: list[ImportFailed], header, rows, kinds) -> None:
    from desktop.mapping_dialog import MappingDialog

    def check(kind: str, columns: dict[str, str], answer) -> None:
        def verdict(ws, job):
            try:
                return ws.imports.check_layout(header, kind, columns)
            except ValueError as wrong:
                return wrong

        QueryOp(window, verdict).success(answer).run()

    files = [Path(exc.file) for exc in refused]
    dialog = MappingDialog(files[0], header, rows, kinds, check, window)
    window.mapping_dialog = dialog

    def save() -> None:
        kind, columns = dialog.kind.currentData(), dialog.mapping()
        op = CollectionOp(window, lambda ws, job: ws.imports.save_layout(header, kind, columns))
        op.success(lambda _key: import_files(window, files)).run()

    dialog.accepted.connect(save)
    dialog.rejected.connect(lambda: _not_mapped(window, refused))
    dialog.open()
