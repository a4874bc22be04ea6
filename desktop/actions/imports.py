"""Importing files: chosen, dropped, or a spreadsheet whose columns the clerk names.

The summary box shows what the command line prints for the same files
(:func:`core.present.import_lines`, :func:`core.present.failed_lines`)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog

from core.changes import Change
from core.errors import UNKNOWN_LAYOUT, ImportCancelled, ImportFailed
from core.model import ImportError_, Source
from core.present import failed_lines
from desktop.operations import CollectionOp, QueryOp, merged, translate

if TYPE_CHECKING:  # pragma: no cover
    from desktop.main_window import MainWindow

log = logging.getLogger(__name__)
KINDS = ("payments", "invoices")  # what a spreadsheet with named columns can list


def choose_import(window: MainWindow) -> None:
    files, _ = QFileDialog.getOpenFileNames(window, translate("MainWindow", "Import files"))
    if files:
        import_files(window, [Path(f) for f in files])


def import_files(window: MainWindow, files: list[Path]) -> None:
    """Import off the GUI thread with a progress bar and Cancel; then a summary."""
    op = CollectionOp(window, lambda ws, job: _import_each(ws, job, files))
    op.with_progress(translate("MainWindow", "Importing…"))
    op.summary_box(translate("MainWindow", "Import finished"))
    op.success(lambda outcomes: _imported(window, outcomes))
    window.import_dialog = op.progress_dialog
    op.run()


def _import_each(ws, job, files: list[Path]) -> Change:
    """Each file in turn (a failure stops only its own file); one change for them all, its
    ``result`` each file's summary or refusal."""
    changes: list[Change] = []
    outcomes: list[object] = []
    for path in files:
        try:
            if job.cancelled():  # before this file began: the files after it neither
                raise ImportCancelled(str(path))
            done = ws.imports.import_file(path, progress=job.progress, cancelled=job.cancelled)
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
        changes.append(Change("import", tuple(failed_lines(failed))))
        outcomes.append(failed)
    return merged("import", changes, outcomes)


def _imported(window: MainWindow, outcomes: list[object]) -> None:
    window.last_import_summary = window.last_summary
    unknown = [o for o in outcomes if isinstance(o, ImportFailed) and o.kind == UNKNOWN_LAYOUT]
    if unknown:
        ask_mapping(window, Path(unknown[0].file))


def ask_mapping(window: MainWindow, path: Path) -> None:
    """A spreadsheet no importer knows: ask which column is which, then import it."""

    def read(ws, job):
        try:
            header, rows = ws.imports.preview(path)
        except Exception as exc:  # noqa: BLE001 - unreadable: the summary already said so
            log.info("no preview of %s: %s", path, exc)
            return None
        kinds = {k: (ws.imports.layout_fields(k), ws.imports.guess_columns(k, header))
                 for k in KINDS}  # fmt: skip
        return header, rows, kinds

    QueryOp(window, read).success(lambda found: found and _map(window, path, *found)).run()


def _map(window: MainWindow, path: Path, header, rows, kinds) -> None:
    from desktop.mapping_dialog import MappingDialog

    def check(kind: str, columns: dict[str, str], answer) -> None:
        def verdict(ws, job):
            try:
                return ws.imports.check_layout(header, kind, columns)
            except ValueError as refused:
                return refused

        QueryOp(window, verdict).success(answer).run()

    dialog = MappingDialog(path, header, rows, kinds, check, window)
    window.mapping_dialog = dialog

    def save() -> None:
        kind, columns = dialog.kind.currentData(), dialog.mapping()
        op = CollectionOp(window, lambda ws, job: ws.imports.save_layout(header, kind, columns))
        op.success(lambda _key: import_files(window, [path])).run()

    if header:
        dialog.accepted.connect(save)
        dialog.open()
