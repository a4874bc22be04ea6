"""File importers: one module per format, one small interface (:mod:`core.importers.base`).

:func:`identify` picks the importer for a file; a new format is one new module
added to :data:`IMPORTERS`.
"""

from __future__ import annotations

from pathlib import Path

from core.importers.bank_table import BankTable
from core.importers.base import Importer, ImportOptions
from core.importers.camt import CamtStatement
from core.importers.cfonb import Cfonb120
from core.importers.invoice_table import InvoiceTable
from core.importers.mt940_statement import Mt940Statement
from core.importers.ofx import OfxStatement
from core.importers.payments_table import PaymentsTable
from core.importers.pc_invoices_json import PartnerCenterInvoicesJson
from core.importers.pc_recon_jsonl import PartnerCenterReconJsonLines, PartnerCenterUsageJsonLines
from core.importers.pc_recon_lines import PartnerCenterReconLines
from core.importers.usage import PartnerCenterUsage

# Most specific first: the first importer that identifies a file reads it.
IMPORTERS: dict[str, Importer] = {
    "pc-invoices-json": PartnerCenterInvoicesJson(),
    "camt": CamtStatement(),
    "ofx": OfxStatement(),
    "cfonb120": Cfonb120(),
    "mt940": Mt940Statement(),
    "pc-line-items-v2": PartnerCenterReconJsonLines(),
    "pc-usage-v2": PartnerCenterUsageJsonLines(),
    "pc-line-items": PartnerCenterReconLines(),
    "pc-usage": PartnerCenterUsage(),
    "bank-table": BankTable(),
    "payments": PaymentsTable(),
    "invoice-list": InvoiceTable(),
}

__all__ = ["IMPORTERS", "ImportOptions", "Importer", "identify"]


def identify(path: Path) -> Importer | None:
    """The importer that reads ``path``, or ``None`` when no format matches."""
    with path.open("rb") as fh:
        head = fh.read(4096)
    for importer in IMPORTERS.values():
        if importer.identify(path, head):
            return importer
    return None
