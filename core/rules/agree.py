"""Our books against Microsoft's (DOMAIN.md, "Microsoft's view of each invoice").

Every Partner Center invoice download reports ``paidAmount`` per invoice: what Microsoft has
applied to it so far.  Each download is a :class:`View` of the invoices it lists, taken on a
date (the date the file's name says, else the day it was imported: :func:`view_date`).  As
of a date, Microsoft's view of an invoice is its latest view taken on or before that date.

:func:`compare` sets what our ledger has applied to each counted invoice (``ours_paid``)
against Microsoft's view (``microsoft_paid``).  Where they differ, the money our books apply
and Microsoft's view does not show is looked for among the payments and credit notes applied
to the invoice, newest first, until the difference is accounted for; the reason is then:

* ``in_processing`` — every one of them was still inside its processing when Microsoft's
  view was taken: a payment within its 5 business days (DOMAIN.md, "Payment term and
  status"), a credit note on or before its own date; the view cannot show them yet;
* ``disputed`` — an open dispute on the invoice (what is under discussion with billing
  support); also when Microsoft reports more than our books with a dispute open;
* ``unallocated_at_microsoft`` — a payment past its 5 business days that Microsoft's view
  does not show: the request e-mail to bposcapp@microsoft.com is due;
* ``credit_not_applied`` — a credit note our books apply (by Microsoft's rule or the clerk's
  allocation) that Microsoft's view does not show;
* ``unexplained`` — anything else, such as Microsoft reporting more than our books apply.

Invoices no download has listed yet (or not by that date) are not compared: the totals count
them at our own figure.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from core.ledger import InvoiceState, Ledger, SourceState
from core.model import SourceKind
from core.money import format_amount, zero

IN_PROCESSING = "in_processing"
UNALLOCATED = "unallocated_at_microsoft"
CREDIT_NOT_APPLIED = "credit_not_applied"
DISPUTED = "disputed"
UNEXPLAINED = "unexplained"
REASONS = (IN_PROCESSING, UNALLOCATED, CREDIT_NOT_APPLIED, DISPUTED, UNEXPLAINED)
# A date in a file's name: 2026-07-20, 2026_07_20 or 20260720 (not inside a longer number).
_NAMED_DATE = re.compile(r"(?<!\d)(20\d\d)[-_.]?(\d\d)[-_.]?(\d\d)(?!\d)")


@dataclass(frozen=True, slots=True)
class View:
    """What one invoice download reported of one invoice, and when it was taken."""

    invoice: str
    paid: Decimal
    seen_on: date


@dataclass(frozen=True, slots=True)
class Involved:
    """A payment or credit note our books apply to an invoice and Microsoft's view does not
    show (``amount``: the part of the difference it accounts for)."""

    id: str
    kind: SourceKind
    date: date | None
    amount: Decimal
    state: str  # in_processing, unallocated_at_microsoft or credit_not_applied


@dataclass(frozen=True, slots=True)
class Difference:
    number: str
    currency: str
    ours_paid: Decimal
    microsoft_paid: Decimal
    seen_on: date  # when Microsoft's view was taken
    reason: str
    involved: tuple[Involved, ...] = ()

    @property
    def difference(self) -> Decimal:
        """What our books apply beyond what Microsoft reports (negative: Microsoft more)."""
        return self.ours_paid - self.microsoft_paid

    @property
    def payments(self) -> list[str]:
        """The payments (and credit notes) involved, oldest first."""
        ordered = sorted(self.involved, key=lambda i: (i.date or date.min, i.id))
        return list(dict.fromkeys(i.id for i in ordered))

    def as_dict(self) -> dict[str, object]:
        cur = self.currency
        return {"number": self.number, "currency": cur,
                "ours_paid": format_amount(self.ours_paid, cur),
                "microsoft_paid": format_amount(self.microsoft_paid, cur),
                "difference": format_amount(self.difference, cur), "reason": self.reason,
                "payments": self.payments}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Totals:
    """Per currency: the amount due by our books and by Microsoft's view."""

    currency: str
    ours_due: Decimal
    microsoft_due: Decimal

    @property
    def difference(self) -> Decimal:
        return self.microsoft_due - self.ours_due

    def as_dict(self) -> dict[str, str]:
        cur = self.currency
        return {"ours_due": format_amount(self.ours_due, cur),
                "microsoft_due": format_amount(self.microsoft_due, cur),
                "difference": format_amount(self.difference, cur)}  # fmt: skip


@dataclass
class Agreement:
    as_of: date | None
    view_of: date | None  # the latest download taken into account
    invoices: list[Difference] = field(default_factory=list)  # only those that differ
    totals: dict[str, Totals] = field(default_factory=dict)
    views: dict[str, View] = field(default_factory=dict)  # Microsoft's view of each invoice

    def as_dict(self) -> dict[str, object]:
        return {"as_of": self.as_of.isoformat() if self.as_of else None,
                "microsoft_view_of": self.view_of.isoformat() if self.view_of else None,
                "invoices": [d.as_dict() for d in self.invoices],
                "totals": {c: t.as_dict() for c, t in sorted(self.totals.items())}}  # fmt: skip


def view_date(file_name: str, imported_on: date, newest: date | None = None) -> date:
    """When a download's view was taken: the date its file's name says (``invoices
    2026-07-20.json``) when it is a real date, not after the import and not before the
    newest document the file lists; else the day it was imported."""
    for match in _NAMED_DATE.finditer(file_name):
        try:
            named = date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            continue
        if named <= imported_on and (newest is None or named >= newest):
            return named
    return imported_on


def latest(views: Iterable[View], as_of: date | None) -> dict[str, View]:
    """Per invoice, Microsoft's latest view taken on or before ``as_of`` (two views of one
    day: the one given last, i.e. imported last)."""
    out: dict[str, View] = {}
    for v in views:
        if as_of is not None and v.seen_on > as_of:
            continue
        known = out.get(v.invoice)
        if known is None or v.seen_on >= known.seen_on:
            out[v.invoice] = v
    return out


ProcessedBy = Callable[[date], date]  # a payment's date → the day Microsoft has applied it by


def compare(
    ledger: Ledger,
    views: Iterable[View],
    disputed: Mapping[str, Decimal],
    processed_by: ProcessedBy,
) -> Agreement:
    """Every counted invoice as of the ledger's date against Microsoft's latest view of it;
    ``disputed``: the amount under open dispute per invoice."""
    seen = latest(views, ledger.as_of)
    out = Agreement(ledger.as_of, max((v.seen_on for v in seen.values()), default=None))
    out.views = seen
    ours: dict[str, Decimal] = defaultdict(Decimal)
    theirs: dict[str, Decimal] = defaultdict(Decimal)
    for number, inv in sorted(ledger.invoices.items()):
        if not inv.counted:
            continue
        cur = inv.document.currency
        view = seen.get(number)
        ours[cur] += inv.open
        theirs[cur] += inv.open if view is None else inv.document.total - view.paid
        if view is None or view.paid == inv.applied:
            continue
        out.invoices.append(_difference(ledger, inv, view, disputed, processed_by))
    out.totals = {c: Totals(c, ours[c] + zero(c), theirs[c] + zero(c)) for c in ours}
    return out


def _difference(
    ledger: Ledger,
    inv: InvoiceState,
    view: View,
    disputed: Mapping[str, Decimal],
    processed_by: ProcessedBy,
) -> Difference:
    doc = inv.document
    left = inv.applied - view.paid
    involved: list[Involved] = []
    for src, applied in _sources_newest_first(ledger, inv):
        if left <= 0:
            break
        take = min(applied, left)
        involved.append(Involved(src.id, src.kind, src.date, take,
                                 _state(src, view.seen_on, processed_by)))  # fmt: skip
        left -= take
    states = {i.state for i in involved}
    if involved and left <= 0 and states == {IN_PROCESSING}:
        reason = IN_PROCESSING
    elif disputed.get(doc.number):
        reason = DISPUTED
    elif left > 0 or not involved:  # Microsoft reports more than our books apply, or so
        reason = UNEXPLAINED
    elif UNALLOCATED in states:
        reason = UNALLOCATED
    else:
        reason = CREDIT_NOT_APPLIED
    return Difference(doc.number, doc.currency, inv.applied, view.paid, view.seen_on, reason,
                      tuple(involved))  # fmt: skip


def _sources_newest_first(ledger: Ledger, inv: InvoiceState) -> list[tuple[SourceState, Decimal]]:
    """The payments and credit notes applied to an invoice with what each applied to it,
    newest first (then by id, the later first)."""
    applied: dict[tuple[SourceKind, str], Decimal] = defaultdict(Decimal)
    for a in inv.allocations:
        if a.applied > 0:
            applied[(a.allocation.source_kind, a.allocation.source_id)] += a.applied
    out = []
    for (kind, source_id), amount in applied.items():
        src = ledger.source(kind, source_id)
        if src is not None:
            out.append((src, amount))
    out.sort(key=lambda s: (s[0].date or date.min, s[0].id), reverse=True)
    return out


def _state(src: SourceState, seen_on: date, processed_by: ProcessedBy) -> str:
    """Whether Microsoft's view, taken on ``seen_on``, should show what ``src`` applied."""
    if src.date is None:
        return IN_PROCESSING
    if src.kind == SourceKind.CREDIT:
        return IN_PROCESSING if seen_on <= src.date else CREDIT_NOT_APPLIED
    return IN_PROCESSING if seen_on <= processed_by(src.date) else UNALLOCATED


# ------------------------------------------------------------------ a payment at Microsoft


@dataclass(frozen=True, slots=True)
class Seen:
    """What Microsoft's latest download says of a payment our books apply: ``applied``
    (every invoice it pays shows it), or ``unallocated_at_microsoft`` (past its 5 business
    days, not shown): on the day that view was taken; ``amount``: what is not shown."""

    payment: str
    state: str
    on: date
    amount: Decimal
    invoices: tuple[str, ...]


def payments_seen(ledger: Ledger, agreement: Agreement) -> dict[str, Seen]:
    """Per payment applied in our books, what Microsoft's latest views of its invoices say
    (only payments every invoice of which a view taken on or after its date shows)."""
    missing: dict[str, list[tuple[Difference, Involved]]] = defaultdict(list)
    others: set[str] = set()  # involved in a difference for another reason
    for d in agreement.invoices:
        for i in d.involved:
            if i.kind != SourceKind.PAYMENT:
                continue
            if i.state == UNALLOCATED and d.reason == UNALLOCATED:
                missing[i.id].append((d, i))
            else:
                others.add(i.id)
    out: dict[str, Seen] = {}
    for p in ledger.payments.values():
        invoices = tuple(dict.fromkeys(a.target for a in p.allocations
                                       if a.target and a.applied > 0))  # fmt: skip
        views = [agreement.views.get(n) for n in invoices]
        if not invoices or p.date is None or any(v is None or v.seen_on < p.date for v in views):
            continue
        if p.id in missing:
            found = missing[p.id]
            out[p.id] = Seen(p.id, UNALLOCATED, min(d.seen_on for d, _ in found),
                             sum((i.amount for _, i in found), zero(p.currency)),
                             tuple(d.number for d, _ in found))  # fmt: skip
        elif p.id not in others:
            on = max(v.seen_on for v in views if v is not None)
            out[p.id] = Seen(p.id, "applied", on, zero(p.currency), invoices)
    return out
