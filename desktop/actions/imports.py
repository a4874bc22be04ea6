"""Importing files: chosen, dropped, or a spreadsheet whose columns the clerk names."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog

from core.changes import TOUCHABLE, Change
from core.importers import ImportOptions
from core.workspace import ImportCancelled, ImportFailed
from desktop.operations import CollectionOp, translate

if TYPE_CHECKING:  # pragma: no cover
    from desktop.main_window import MainWindow

log = logging.getLogger(__name__)
MAPPABLE = (".csv", ".xlsx", ".txt")  # a spreadsheet whose columns the clerk can name


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
    """Each file in turn (a failure stops only its own file); one change for them all."""
    outcomes: list[tuple[str, object]] = []
    for path in files:
        if job.cancelled():
            break
        try:
            summary = ws.import_file(path, ImportOptions(), progress=job.progress,
                                     cancelled=job.cancelled)  # fmt: skip
            outcomes.append(("ok", summary))
        except ImportCancelled:
            outcomes.append(("cancelled", path))
        except ImportFailed as exc:
            outcomes.append(("failed", exc))
        except Exception as exc:
            log.exception("import of %s failed", path)
            said = f"{path.name}: {exc} (an unexpected error; details in the log)"
            outcomes.append(("failed", ImportFailed(str(path), [said])))
    return Change("import", tuple(_lines(outcomes)), TOUCHABLE, outcomes)


def _lines(outcomes: list[tuple[str, object]]) -> list[str]:
    lines = []
    for status, item in outcomes:
        if status == "cancelled":
            name = Path(item).name
            lines.append(translate("MainWindow", "%s: cancelled, nothing was stored") % name)
        elif status == "ok":
            s = item
            parts = [f"{n} {k} created" for k, n in s.created.items()]
            parts += [f"{n} {k} unchanged" for k, n in s.unchanged.items()]
            lines.append(f"{Path(s.file).name}: " + (", ".join(parts) or "nothing new"))
            lines += [f"  skipped: {x}" for x in s.skipped[:20]]
        else:
            errors = getattr(item, "errors", None) or [item]
            name = Path(getattr(item, "file", "")).name
            lines.append(translate("MainWindow", "%s: not imported") % name)
            lines += [f"  {e}" for e in errors[:20]]
    return lines


def _imported(window: MainWindow, outcomes: list[tuple[str, object]]) -> None:
    window.last_import_summary = window.last_summary
    unknown = [
        Path(item.file)
        for status, item in outcomes
        if status == "failed"
        and Path(getattr(item, "file", "")).suffix.lower() in MAPPABLE
        and any("not a file CSP Reconciler can read" in str(e) for e in item.errors)
    ]
    if unknown:
        ask_mapping(window, unknown[0])


def ask_mapping(window: MainWindow, path: Path) -> None:
    """A spreadsheet no importer knows: ask which column is which, then import it."""
    from desktop.mapping_dialog import MappingDialog, preview

    try:
        header, rows = preview(path)
    except Exception as exc:  # noqa: BLE001 - unreadable: the summary already said so
        log.info("no preview of %s: %s", path, exc)
        return
    if not header:
        return
    dialog = MappingDialog(path, header, rows, window)
    window.mapping_dialog = dialog

    def save() -> None:
        kind, columns = dialog.kind.currentData(), dialog.mapping()
        op = CollectionOp(window, lambda ws, job: ws.save_layout(header, kind, columns))
        op.success(lambda _key: import_files(window, [path])).run()

    dialog.accepted.connect(save)
    dialog.open()
