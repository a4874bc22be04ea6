"""Bank statement exports as CSV/XLSX with separate debit and credit columns.

French banks and Excel write them with ``;`` separators, decimal commas,
no-break-space thousands separators, ``DD/MM/YYYY`` dates and Windows-1252.
The currency comes from a currency column, else the workspace's billing
currency.
"""

from __future__ import annotations

from pathlib import Path

from core.importers.bank import BankEntry, classify
from core.importers.base import ImportOptions
from core.importers.tabular import (
    CellError,
    Column,
    decimal,
    declared_columns,
    each_row,
    getter,
    open_table,
    parse_dmy,
    text,
)
from core.model import Extracted, ImportError_, Source
from core.money import MoneyError, money, normalise_currency

NAME = "Bank statement export (CSV/XLSX, debit and credit columns)"

COLUMNS = (
    Column("Date", ("Date opération", "Date d'opération", "Date de comptabilisation",
                    "Booking date", "Transaction date", "Date comptable")),
    Column("Label", ("Libellé", "Libelle", "Description", "Détail", "Details", "Motif",
                     "Libellé de l'opération", "Narrative")),
    Column("Debit", ("Débit", "Debit amount", "Montant débit", "Withdrawals", "Money out")),
    Column("Credit", ("Crédit", "Credit amount", "Montant crédit", "Deposits", "Money in")),
    Column("Value date", ("Date de valeur", "Date valeur"), required=False),
    Column("Currency", ("Devise", "Monnaie"), required=False),
    Column("Payee", ("Bénéficiaire", "Beneficiary", "Tiers", "Counterparty", "Contrepartie"),
           required=False),
    Column("Payee IBAN", ("IBAN bénéficiaire", "IBAN du bénéficiaire", "Counterparty IBAN"),
           required=False),
    Column("Reference", ("Référence", "Référence de l'opération", "Reference",
                         "Bank reference"), required=False),
    Column("Account", ("Compte", "Numéro de compte", "IBAN"), required=False),
)  # fmt: skip


class BankTable:
    name = NAME

    def identify(self, path: Path, head: bytes) -> bool:
        return declared_columns(path, head, COLUMNS) is not None

    def extract(self, path: Path, display: str, options: ImportOptions) -> Extracted:
        out = Extracted(NAME)
        opened = open_table(path, display, COLUMNS, out)
        if opened is None:
            return out
        table, cols = opened
        for src, cells in each_row(table, display, out):
            self._row(cells, cols, src, options, out)
        return out

    def _row(self, cells, cols, src: Source, options: ImportOptions, out: Extracted) -> None:
        get = getter(cells, cols)

        def fail(column: str, message: str) -> None:
            out.errors.append(ImportError_(src, message, column))

        before = len(out.errors)
        try:
            booked = parse_dmy(get("Date"))
        except CellError as exc:
            fail("Date", str(exc))
        value = None
        if text(get("Value date")):
            try:
                value = parse_dmy(get("Value date"))
            except CellError as exc:
                fail("Value date", str(exc))
        try:
            currency = normalise_currency(text(get("Currency")) or options.currency)
        except MoneyError as exc:
            fail("Currency", str(exc))
            return
        amounts = {}
        for name in ("Debit", "Credit"):
            if text(get(name)):
                try:
                    amounts[name] = money(abs(decimal(get(name))), currency)
                except (CellError, MoneyError) as exc:
                    fail(name, str(exc))
        if len(out.errors) != before:
            return
        nonzero = {k: v for k, v in amounts.items() if v != 0}
        if len(nonzero) != 1:
            fail(
                "Debit",
                "expected an amount in exactly one of Debit and Credit, got "
                + (" and ".join(f"{k} {v}" for k, v in nonzero.items()) or "neither"),
            )
            return
        ((side, amount),) = nonzero.items()
        classify(
            BankEntry(
                source=src,
                booking_date=booked,
                value_date=value,
                amount=amount,
                currency=currency,
                debit=side == "Debit",
                counterparty=text(get("Payee")),
                counterparty_iban=text(get("Payee IBAN")),
                account=text(get("Account")),
                text=text(get("Label")),
                bank_reference=text(get("Reference")),
            ),
            options,
            out,
        )
