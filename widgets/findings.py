"""The alerts' findings as lazy table models: one model of every finding (texts worked out
when a row is painted, no item per cell), a filter over it (kind, day, search text) and a
summary of the findings grouped by kind, with their count and amount per currency.

A large workspace has a hundred thousand findings and more; nothing here walks them on the
GUI thread more than once per refresh (the summary), and no row is measured.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    Qt,
)

from core.alerts import SEVERITY
from widgets.formats import date_text, money_text, speak
from widgets.models import Col, FilterProxy, RowsModel, natural_key

KIND_LABELS = {
    "missing_document": QT_TRANSLATE_NOOP("AlertsPage", "missing document"),
    "due_soon": QT_TRANSLATE_NOOP("AlertsPage", "due soon"),
    "overdue": QT_TRANSLATE_NOOP("AlertsPage", "overdue"),
    "suspension_risk": QT_TRANSLATE_NOOP("AlertsPage", "suspension risk"),
    "in_processing": QT_TRANSLATE_NOOP("AlertsPage", "in processing"),
    "unallocated_at_microsoft": QT_TRANSLATE_NOOP("AlertsPage", "unallocated at Microsoft"),
    "wrong_currency": QT_TRANSLATE_NOOP("AlertsPage", "wrong currency"),
    "wrong_account": QT_TRANSLATE_NOOP("AlertsPage", "wrong account"),
    "lines_do_not_add_up": QT_TRANSLATE_NOOP("AlertsPage", "lines do not add up"),
}
STAGE_LABELS = {
    "late": QT_TRANSLATE_NOOP("AlertsPage", "late"),
    "reminder": QT_TRANSLATE_NOOP("AlertsPage", "reminder"),
    "grace": QT_TRANSLATE_NOOP("AlertsPage", "grace"),
    "reconciliation file": QT_TRANSLATE_NOOP("AlertsPage", "reconciliation file"),
    "invoice header": QT_TRANSLATE_NOOP("AlertsPage", "invoice header"),
    "voided original": QT_TRANSLATE_NOOP("AlertsPage", "voided original"),
}
#: the findings' columns (titles in the Alerts page's translation context)
FINDING_COLUMNS = (
    Col(QT_TRANSLATE_NOOP("AlertsPage", "Kind"), "kind", "kind"),
    Col(QT_TRANSLATE_NOOP("AlertsPage", "Concerns"), "subject"),
    Col(QT_TRANSLATE_NOOP("AlertsPage", "Date"), "date", "date"),
    Col(QT_TRANSLATE_NOOP("AlertsPage", "Amount"), "amount", "money"),
    Col(QT_TRANSLATE_NOOP("AlertsPage", "What to do"), "message"),
)
KIND_COLUMNS = (
    QT_TRANSLATE_NOOP("AlertsPage", "Kind"),
    QT_TRANSLATE_NOOP("AlertsPage", "Findings"),
    QT_TRANSLATE_NOOP("AlertsPage", "Amount"),
)
FINDING_ROLE = Qt.ItemDataRole.UserRole + 1  # the finding (a dict) of a row
KIND_ROLE = Qt.ItemDataRole.UserRole + 3  # the kind code of a summary row ("" for every kind)
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def kind_label(kind: str) -> str:
    return QCoreApplication.translate("AlertsPage", KIND_LABELS.get(kind, kind))


def stage_label(stage: str) -> str:
    return QCoreApplication.translate("AlertsPage", STAGE_LABELS.get(stage, stage))


def finding_key(f: dict) -> tuple:
    """What a finding stands for, whatever its amount or wording: its kind and subject."""
    return (f["kind"], f["subject"])


def amounts_text(totals: dict[str, Decimal]) -> str:
    return ", ".join(money_text(v, c) for c, v in sorted(totals.items()))


def by_kind(findings: list[dict]) -> dict[str, tuple[int, dict[str, Decimal]]]:
    """Per kind (in the order they come): how many findings, and their amounts summed per
    currency, exactly (one pass over the findings; each amount read once)."""
    counts: dict[str, int] = {}
    amounts: dict[tuple[str, str], list[str]] = {}  # (kind, currency) → the amounts
    for f in findings:
        kind = f["kind"]
        counts[kind] = counts.get(kind, 0) + 1
        if f["amount"]:
            amounts.setdefault((kind, f["currency"] or ""), []).append(f["amount"])
    totals: dict[str, dict[str, Decimal]] = {kind: {} for kind in counts}
    for (kind, cur), texts in amounts.items():
        totals[kind][cur] = sum(map(Decimal, texts), Decimal(0))
    return {kind: (count, totals[kind]) for kind, count in counts.items()}


class FindingsModel(RowsModel):
    """Every finding, one row each, most urgent first until the clerk sorts by a column."""

    def __init__(self, parent=None) -> None:
        super().__init__(FINDING_COLUMNS, parent)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("AlertsPage", self.columns[section].title)
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if role == FINDING_ROLE:
            r = index.row()
            return self.rows[r] if 0 <= r < len(self.rows) else None
        return super().data(index, role)

    def _look(self, row: dict) -> tuple:
        key = id(row)
        look = self._looks.get(key)
        if look is None:
            look = ([self._text(row, col) for col in self.columns], None, None)
            self._looks[key] = look
        return look

    @staticmethod
    def _text(row: dict, col: Col) -> str:
        value = row.get(col.key)
        if col.kind == "kind":
            stage = row.get("stage")
            return kind_label(value) + (f" ({stage_label(stage)})" if stage else "")
        if col.kind == "date":
            return date_text(value) if value else ""
        if col.kind == "money":
            return money_text(value, row.get("currency") or "") if value else ""
        return speak(value)

    @staticmethod
    def _tooltip(row: dict) -> str | None:
        return speak(row.get("message")) or None

    def _sort_rows(self, column: int, order: Qt.SortOrder) -> None:
        self._order = (column, order)
        col = self.columns[column]
        if col.kind == "kind":  # most urgent first, as the alerts come

            def key(f: dict) -> tuple:
                return (SEVERITY.get(f["kind"], 99), kind_label(f["kind"]), f.get("stage") or "")
        elif col.kind == "money":

            def key(f: dict) -> tuple:
                amount = f.get("amount")
                return (0, Decimal(0)) if not amount else (1, Decimal(amount))
        elif col.kind == "date":

            def key(f: dict) -> tuple:
                return (bool(f.get("date")), f.get("date") or "")
        else:

            def key(f: dict) -> tuple:
                return natural_key(str(f.get(col.key) or ""))

        self.rows.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)


class FindingsProxy(FilterProxy):
    """The findings shown: of one kind (or every kind), of one day (the date range's
    bounds), containing the search text."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.kind = ""

    def set_kind(self, kind: str) -> None:
        if kind != self.kind:  # each filtering asks about every finding
            self._refilter(lambda: setattr(self, "kind", kind))

    def set_dates(self, date_from: str, date_to: str) -> None:
        if (date_from, date_to) != (self.date_from, self.date_to):
            super().set_dates(date_from, date_to)

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:
        if not (self.kind or self.text or self.date_from or self.date_to):
            return True  # asked for each of the findings: answer at once
        if self.kind and self.sourceModel().rows[source_row]["kind"] != self.kind:
            return False
        return super().filterAcceptsRow(source_row, source_parent)


class KindsModel(QAbstractTableModel):
    """The findings grouped by kind: a first row for every kind (how many), then one row
    per kind (most urgent first) with how many findings and their amount per currency."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        #: (kind, count, amounts per currency); kind "" is every kind
        self.groups: list[tuple[str, int, dict[str, Decimal]]] = []

    def set_findings(self, findings: list[dict]) -> None:
        groups = by_kind(findings)
        kinds = sorted(groups, key=lambda k: (SEVERITY.get(k, 99), kind_label(k)))
        self.beginResetModel()
        # every kind: how many, but no amount (an invoice due soon whose lines do not add
        # up is at stake twice, for two reasons: a sum over the kinds would count it twice)
        self.groups = [("", len(findings), {})]
        self.groups += [(k, *groups[k]) for k in kinds]
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's API
        return 0 if parent.isValid() else len(self.groups)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's API
        return 0 if parent.isValid() else len(KIND_COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("AlertsPage", KIND_COLUMNS[section])
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self.groups)):
            return None
        kind, count, totals = self.groups[index.row()]
        if role == KIND_ROLE:
            return kind
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if index.column() else None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if index.column() == 0:
            return kind_label(kind) if kind else QCoreApplication.translate(
                "AlertsPage", "Every kind")  # fmt: skip
        if index.column() == 1:
            return QLocale().toString(count)
        return amounts_text(totals)

    def row_of(self, kind: str) -> int:
        return next((n for n, g in enumerate(self.groups) if g[0] == kind), -1)
