"""What a file brings, merged with what the workspace holds: new, the same again, updated,
or a conflict the clerk must see.  Pure: the import service reads what is stored, asks
these, and writes what they say."""

from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from core.errors import refuse
from core.model import Document, Payment, Source
from core.references import other_accounts, same_entry, same_transfer

_WHERE_READ = {"source_file", "source_place"}
# What Microsoft reports of a document (``paidAmount``): a status that each download may
# change, not a change of the document (see :mod:`core.rules.agree`).
STATUS = "paid_amount_reported"
_NOT_THE_DOCUMENT = _WHERE_READ | {STATUS}


def same_document(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """Equal but for where it was read and what Microsoft reports as paid."""
    return {k: v for k, v in a.items() if k not in _NOT_THE_DOCUMENT} == {
        k: v for k, v in b.items() if k not in _NOT_THE_DOCUMENT
    }


@dataclass
class DocumentMerge:
    new: list[tuple[Document, dict[str, Any]]] = field(default_factory=list)
    updated: list[tuple[Document, dict[str, Any], dict[str, Any]]] = field(
        default_factory=list
    )  # doc, new, old
    unchanged: int = 0
    warnings: list[str] = field(default_factory=list)
    # documents the same but for Microsoft's reported paid amount: (number, stored, reported)
    statuses: list[tuple[str, Decimal | None, Decimal]] = field(default_factory=list)


# The longest document number a workspace keeps (the store's VARCHAR(64)); the importers
# refuse a longer one with its row and column, this is the last word for any other.
NUMBER_MAX = 64


def merge_documents(
    file: str,
    incoming: Sequence[tuple[Document, dict[str, Any]]],
    stored: Mapping[str, Mapping[str, Any]],
) -> DocumentMerge:
    """Documents (with their row values) against the stored rows by number: a number twice
    in one file, or a document whose currency changed, is refused.  A document the same but
    for Microsoft's reported paid amount is unchanged, its new status in ``statuses``; a file
    that reports none keeps the stored one."""
    out = DocumentMerge()
    seen: set[str] = set()
    for doc, values in incoming:
        for what, number in (("number", doc.number), ("amends", doc.amends or "")):
            if len(number) > NUMBER_MAX:
                refuse(file, doc.source or Source(file),
                       f"expected a document number of at most {NUMBER_MAX} characters, got "
                       f"{len(number)} ('{number[:24]}…')", what)  # fmt: skip
        if doc.number in seen:
            refuse(file, doc.source or Source(file), f"document {doc.number} appears twice")
        seen.add(doc.number)
        old = stored.get(doc.number)
        if old is None:
            out.new.append((doc, values))
            continue
        old_values = {k: old[k] for k in values}
        reported = values.get(STATUS)
        if reported is None and STATUS in values:
            values = values | {STATUS: old_values[STATUS]}
        if same_document(old_values, values):
            out.unchanged += 1
            if reported is not None and reported != old_values.get(STATUS):
                out.statuses.append((doc.number, old_values.get(STATUS), reported))
            continue
        if old["currency"] != doc.currency:
            refuse(file, doc.source or Source(file),
                   f"{doc.number} is already in the workspace in {old['currency']}, here in "
                   f"{doc.currency}", "currencyCode")  # fmt: skip
        out.updated.append((doc, values, old_values))
        if old["date"] is None:
            out.warnings.append(f"{doc.number}: header arrived; its date is now known")
    return out


@dataclass(frozen=True)
class NewPayment:
    id: str
    payment: Payment
    fingerprint: str
    source: Source


@dataclass(frozen=True)
class Twin:
    """A row that is a transfer the workspace has already (from another file)."""

    payment: Payment
    twin: Payment
    source: Source
    learnt: dict[str, str]  # what this file says of the bank that the stored one did not
    references: bool  # whether it brings the invoice numbers the stored one lacked
    probable: bool = False  # from another account: a probable duplicate, kept once


@dataclass
class PaymentMerge:
    new: list[NewPayment] = field(default_factory=list)
    twins: list[Twin] = field(default_factory=list)
    unchanged: int = 0
    warnings: list[str] = field(default_factory=list)


def natural_key(p: Payment) -> tuple[str, ...]:
    return (p.id, p.date.isoformat(), format(p.amount, "f"), p.currency, p.reference,
            p.bank_account)  # fmt: skip


def fingerprint(key: tuple[str, ...], nth: int) -> str:
    """The ``nth`` row of a file with this natural key (two equal rows are two transfers)."""
    return hashlib.sha256(json.dumps([*key, nth]).encode()).hexdigest()


def next_payment_number(ids: Mapping[str, object]) -> int:
    numbers = [int(k[1:]) for k in ids if k.startswith("P") and k[1:].isdigit()]
    return max(numbers, default=0) + 1


def twin_of(
    p: Payment, candidates: Sequence[Payment], matched: set[str], own_id: bool
) -> tuple[Payment, bool] | None:
    """The stored payment a row is, and whether only probably so: the same transfer
    (:func:`same_transfer`) or the same statement line of another statement
    (:func:`same_entry`) from the same account (or one not named) is the same; from another
    account it is a probable duplicate, kept once — unless the row has an id of its own (the
    clerk's list saying it is another transfer).  ``candidates`` nearest date first."""
    found = [
        e for e in candidates if e.id not in matched and (same_transfer(e, p) or same_entry(e, p))
    ]
    same = next((e for e in found if not other_accounts(e.bank_account, p.bank_account)), None)
    if same is not None:
        return same, False
    if found and not own_id:
        return found[0], True
    return None


def _twin(p: Payment, twin: Payment, src: Source, probable: bool) -> tuple[Twin, str]:
    """The row kept once as a source of ``twin``, and what to tell the clerk."""
    twin_where = twin.source.where() if twin.source else "imported before"
    if probable:
        return Twin(p, twin, src, {}, False, probable=True), (
            f"{src.where()}: probable duplicate of {twin.id} ({twin_where}; account "
            f"{p.bank_account} vs {twin.bank_account}): the same date, amount and reference, "
            f"kept once, recorded as a second source of {twin.id}; if they are two transfers, "
            "import this one from a payments list with an Id of its own and its bank account"
        )
    learnt = {k: v for k, v in (("bank_reference", p.bank_reference),
                                ("payee_account", p.payee_account))
              if v and not getattr(twin, k)}  # fmt: skip
    return Twin(p, twin, src, learnt, bool(p.references and not twin.references)), (
        f"{src.where()}: the same transfer as {twin.id} ({twin_where}): kept once, "
        "both sources recorded"
    )


def merge_payments(
    file: str, incoming: Sequence[Payment], stored: Sequence[Payment], known: set[str]
) -> PaymentMerge:
    """Payments against the stored ones: a row seen before (same fingerprint) is unchanged;
    the same transfer read from another file (see :func:`twin_of`) is kept once with both
    sources recorded, from another account as a probable duplicate said in a note; a payment
    id the workspace has with other details is refused; a payment without id gets the next
    ``P<n>``."""
    out = PaymentMerge()
    seen: Counter[tuple[str, ...]] = Counter()
    known = set(known)
    by_id: dict[str, Payment] = {p.id: p for p in stored}
    same_amount: dict[tuple[str, Decimal], list[Payment]] = defaultdict(list)
    for e in stored:  # a transfer is only ever the same as one of the same amount
        same_amount[(e.currency, e.amount)].append(e)
    next_n = next_payment_number(by_id)
    matched: set[str] = set()  # payments this file has already been recognised as
    for p in incoming:
        src = p.source or Source(file)
        key = natural_key(p)
        seen[key] += 1
        fp = fingerprint(key, seen[key])
        if fp in known:
            out.unchanged += 1
            continue
        candidates = sorted(same_amount.get((p.currency, p.amount), []),
                            key=lambda e: abs((e.date - p.date).days))  # fmt: skip
        found = twin_of(p, candidates, matched, bool(p.id) and p.id not in by_id)
        if found is not None:
            matched.add(found[0].id)
            twin, note = _twin(p, found[0], src, found[1])
            out.twins.append(twin)
            out.unchanged += 1
            out.warnings.append(note)
            continue
        pid = p.id
        if pid and pid in by_id:
            other = by_id[pid]
            refuse(file, src, f"payment id '{pid}' is already in the workspace with other "
                   f"details ({other.date}, {other.amount} {other.currency})", "Id")  # fmt: skip
        if not pid:
            pid = f"P{next_n}"
            next_n += 1
        out.new.append(NewPayment(pid, p, fp, src))
        by_id[pid] = p
        matched.add(pid)  # a later row of this same file is another transfer
        known.add(fp)
    return out
