"""File importers: one module per format, one small interface (:mod:`core.importers.base`).

:func:`identify` picks the importer for a file; a new format is one new module
added to :data:`IMPORTERS`.
"""

from __future__ import annotations

from pathlib import Path

from core.importers.base import Importer, ImportOptions
from core.importers.payments_table import PaymentsTable
from core.importers.pc_invoices_json import PartnerCenterInvoicesJson
from core.importers.pc_recon_lines import PartnerCenterReconLines

IMPORTERS: tuple[Importer, ...] = (
    PartnerCenterInvoicesJson(),
    PartnerCenterReconLines(),
    PaymentsTable(),
)

__all__ = ["IMPORTERS", "ImportOptions", "Importer", "identify"]


def identify(path: Path) -> Importer | None:
    """The importer that reads ``path``, or ``None`` when no format matches."""
    with path.open("rb") as fh:
        head = fh.read(4096)
    for importer in IMPORTERS:
        if importer.identify(path, head):
            return importer
    return None
