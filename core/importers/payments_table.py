"""Payments kept by the clerk as CSV or XLSX.

Columns (any order, English or French names): date, amount, currency,
reference (remittance text); optional id and bank account.  ``,`` or ``;``
separators, UTF-8 or Windows-1252, decimal comma, space or no-break-space
thousands separators, ISO or ``DD/MM/YYYY`` dates.
"""

from __future__ import annotations

import re
from pathlib import Path

from core.i18n import say
from core.importers.base import ImportOptions, too_long
from core.importers.tabular import (
    CellError,
    Column,
    decimal,
    declared_columns,
    each_row,
    getter,
    open_table,
    parse_dmy,
    said,
    text,
)
from core.model import Extracted, ImportError_, Payment, Source
from core.money import MoneyError, money, normalise_currency

NAME = "Payments (CSV/XLSX)"

COLUMNS = (
    Column("Date", ("Payment date", "Date de paiement", "Value date", "Date valeur",
                    "Date d'opération", "Date operation")),
    Column("Amount", ("Montant", "Payment amount", "Montant du paiement")),
    Column("Currency", ("Devise", "Monnaie", "Ccy")),
    Column("Reference", ("Libellé", "Référence", "Remittance", "Remittance information",
                         "Motif", "Communication", "Label", "Description"), required=False),
    Column("Id", ("Payment id", "Payment ID", "Identifiant", "N°", "Numéro", "Transaction id",
                  "Référence de l'opération"), required=False),
    Column("Bank account", ("Account", "IBAN", "Compte", "Compte bancaire", "Debtor account"),
           required=False),
    Column("Payee", ("Beneficiary", "Bénéficiaire", "Creditor", "Créancier"), required=False),
    Column("Payee account", ("Beneficiary account", "Beneficiary IBAN", "Compte bénéficiaire",
                             "IBAN bénéficiaire", "Creditor account", "Creditor IBAN"),
           required=False),
)  # fmt: skip


class PaymentsTable:
    name = NAME

    def identify(self, path: Path, head: bytes) -> bool:
        found = declared_columns(path, head, COLUMNS)
        return found is not None and "Reference" in found[1]

    def extract(self, path: Path, display: str, options: ImportOptions) -> Extracted:
        out = Extracted(NAME)
        opened = open_table(path, display, COLUMNS, out)
        if opened is None:
            return out
        table, cols = opened
        for src, cells in each_row(table, display, out):
            p = _payment(cells, cols, src, out)
            if p is not None:
                out.payments.append(p)
        return out


def _payment(cells, cols: dict[str, int], source: Source, out: Extracted) -> Payment | None:
    before = len(out.errors)

    get = getter(cells, cols)

    def fail(column: str, message: str) -> None:
        out.errors.append(ImportError_(source, message, column))

    when = None
    try:
        when = parse_dmy(get("Date"))
    except CellError as exc:
        fail("Date", said(exc))
    currency = ""
    try:
        currency = normalise_currency(text(get("Currency")))
    except MoneyError as exc:
        fail("Currency", said(exc))
    amount = None
    raw_amount = get("Amount")
    try:
        number = decimal(raw_amount)
        if currency:
            amount = money(number, currency)
            if amount <= 0:
                fail(
                    "Amount",
                    say(
                        "expected a positive amount (a payment made), got '{got}'",
                        got=text(raw_amount),
                    ),
                )
    except (CellError, MoneyError) as exc:
        fail("Amount", said(exc))
    if why := too_long(text(get("Id"))):
        fail("Id", why)
    if len(out.errors) != before:
        return None
    assert when is not None and amount is not None
    return Payment(
        id=text(get("Id")),
        date=when,
        amount=amount,
        currency=currency,
        reference=text(get("Reference")),
        bank_account=text(get("Bank account")),
        counterparty=text(get("Payee")),
        source=source,
        payee_account=re.sub(r"\s+", "", text(get("Payee account"))).upper(),
    )
