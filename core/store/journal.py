"""The journal: every change is an entry of the append-only audit log, and what each kind of
change undoes and redoes is said once, in :data:`ACTIONS`.

An undo is itself an entry (``undo_of`` the change it takes back); a redo is an entry
``undo_of`` the undo it cancels.  Nothing is ever deleted from the log.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, insert, select, update

from core.allocation import AllocationRefused
from core.errors import NothingToUndo
from core.ledger import Ledger, compute
from core.model import SourceKind
from core.store import reads, writes
from core.store import schema as t
from core.store.session import Store

ALLOCATING = ("allocate", "auto-allocate", "apply-credits")


@dataclass(frozen=True)
class Step:
    """One undo or redo being done: the change's audit entry and the new entry's id."""

    conn: Connection
    store: Store
    entry: Any  # the audit row of the change undone (or redone)
    details: dict
    new_id: int  # the undo's (or redo's) own audit entry
    undo_id: int | None = None  # for a redo: the undo it cancels


@dataclass(frozen=True)
class Action:
    """What undoing and redoing one kind of change does; ``redo`` None: says ``why_not``."""

    undo: Callable[[Step], None]
    redo: Callable[[Step], None] | None
    touched: frozenset[str]
    why_not: str = ""


def _ledger(step: Step) -> Ledger:
    c = step.conn
    return compute(
        reads.documents(c),
        reads.payments(c, step.store.hidden_payment_columns),
        reads.allocations(c),
        term_days=step.store.term_days(c),
        automatic=reads.automatic_credits(c),
    )


def _over_allocated(ledger: Ledger) -> bool:
    return any(
        a.applied < a.allocation.amount
        for src in [*ledger.payments.values(), *ledger.credits.values()]
        for a in src.allocations
    )


def _made_by(conn: Connection, audit_id: int) -> list[int]:
    return list(
        conn.scalars(select(t.allocations.c.id).where(t.allocations.c.created_audit_id == audit_id))
    )


def _undo_allocating(step: Step) -> None:
    ids = _made_by(step.conn, step.entry.id)
    writes.remove_allocations(step.conn, ids, step.new_id)
    if step.entry.action == "apply-credits":  # the clerk takes these credits in hand
        for credit in step.conn.scalars(
            select(t.allocations.c.source_id).where(t.allocations.c.id.in_(ids))
        ):
            writes.stop_auto_apply(step.conn, credit)


def _redo_allocating(step: Step) -> None:
    step.conn.execute(
        update(t.allocations)
        .where(t.allocations.c.removed_audit_id == step.undo_id)
        .values(removed_audit_id=None)
    )
    if _over_allocated(_ledger(step)):  # the money was allocated elsewhere since
        raise AllocationRefused(f"cannot redo #{step.entry.id}: the money has been allocated since")


def _undo_unallocate(step: Step) -> None:
    allocation = step.details["allocation"]
    row = step.conn.execute(select(t.allocations).where(t.allocations.c.id == allocation)).first()
    step.conn.execute(
        update(t.allocations).where(t.allocations.c.id == allocation).values(removed_audit_id=None)
    )
    if row is None:
        return
    # Restoring must not over-allocate what happened since.
    src = _ledger(step).source(SourceKind(row.source_kind), row.source_id)
    if src is not None and any(a.applied < a.allocation.amount for a in src.allocations):
        raise AllocationRefused(
            f"cannot undo #{step.entry.id}: {row.source_id} or {row.invoice_number} "
            "has been allocated since; unallocate that first"
        )


def _redo_unallocate(step: Step) -> None:
    step.conn.execute(
        update(t.allocations)
        .where(t.allocations.c.id == step.details["allocation"])
        .values(removed_audit_id=step.new_id)
    )


def _put_setting(conn: Connection, key: str, value: str | None) -> None:
    conn.execute(t.settings.delete().where(t.settings.c.key == key))
    if value is not None:
        conn.execute(insert(t.settings).values(key=key, value=value))


def _automatic(step: Step, on: bool) -> None:
    step.conn.execute(update(t.documents).where(t.documents.c.number == step.details["credit"])
                      .values(auto_apply=on))  # fmt: skip


def _nothing(step: Step) -> None:
    """The change counts only while it is not undone (see :func:`reads.undone_changes`)."""


LEDGER = frozenset({"allocations"})
ACTIONS: dict[str, Action] = {
    "allocate": Action(_undo_allocating, _redo_allocating, LEDGER),
    "auto-allocate": Action(_undo_allocating, _redo_allocating, LEDGER),
    "apply-credits": Action(_undo_allocating, _redo_allocating, LEDGER | {"documents"}),
    "unallocate": Action(_undo_unallocate, _redo_unallocate, LEDGER),
    "import": Action(
        lambda s: undo_import(s),
        None,
        frozenset({"documents", "payments", "allocations", "lines", "plans"}),
        "an undone import is redone by importing the file again",
    ),
    "setting": Action(
        lambda s: _put_setting(s.conn, s.details["key"], s.details["old"]),
        lambda s: _put_setting(s.conn, s.details["key"], s.details["new"]),
        frozenset({"settings"}),
    ),
    "take-in-hand": Action(
        lambda s: _automatic(s, True), lambda s: _automatic(s, False), LEDGER | {"documents"}
    ),
    # undone: proposed again (see the suggestions), and the mark no longer counts
    "reject-suggestion": Action(_nothing, _nothing, frozenset({"suggestions"})),
    "mark-payment": Action(_nothing, _nothing, frozenset({"marks"})),
}


def undo(store: Store, conn: Connection, audit_id: int | None = None) -> tuple[Any, Action]:
    """Undo one change (the latest by default) inside the caller's change: its audit entry
    and what it was."""
    undone = reads.undone_changes(conn)
    q = select(t.audit).where(t.audit.c.action.in_(list(ACTIONS)))
    if audit_id is not None:
        q = q.where(t.audit.c.id == audit_id)
    entry = next(
        (r for r in conn.execute(q.order_by(t.audit.c.id.desc())) if r.id not in undone), None
    )
    if entry is None:
        raise NothingToUndo(
            f"change #{audit_id} cannot be undone (unknown, already undone or not a change)"
            if audit_id is not None
            else "nothing to undo"
        )
    new_id = store.audit(conn, "undo", f"undo #{entry.id}: {entry.summary}", {}, undo_of=entry.id)
    action = ACTIONS[entry.action]
    action.undo(Step(conn, store, entry, json.loads(entry.details), new_id))
    return entry, action


def redoable(conn: Connection) -> Any | None:
    """The undo the next redo would cancel: the latest undo, if nothing was changed since."""
    entries = list(conn.execute(select(t.audit).order_by(t.audit.c.id.desc())))
    redone = {e.undo_of for e in entries if e.action == "redo"}
    for e in entries:
        if e.action == "redo":
            continue
        if e.action == "undo" and e.id not in redone:
            return e
        if e.action != "undo":
            return None  # a change since the undo: nothing to redo
    return None


def redo(store: Store, conn: Connection) -> tuple[Any, Action]:
    """Redo the change the latest undo took back, inside the caller's change."""
    target = redoable(conn)
    if target is None:
        raise NothingToUndo("nothing to redo")
    original = conn.execute(select(t.audit).where(t.audit.c.id == target.undo_of)).one()
    action = ACTIONS[original.action]
    if action.redo is None:
        raise NothingToUndo(action.why_not)
    redo_id = store.audit(
        conn, "redo", f"redo #{original.id}: {original.summary}", {}, undo_of=target.id
    )
    action.redo(Step(conn, store, original, json.loads(original.details), redo_id, target.id))
    return original, action


def undo_import(step: Step) -> None:
    """Take back what an import brought, and the credit notes it applied; refused while
    allocations or later imports use it."""
    conn, import_id = step.conn, step.details["import_id"]
    numbers = set(
        conn.scalars(select(t.documents.c.number).where(t.documents.c.import_id == import_id))
    )
    pay_ids = set(conn.scalars(select(t.payments.c.id).where(t.payments.c.import_id == import_id)))
    # the credit notes it applied automatically go with it
    credit_audits = [
        r.id
        for r in conn.execute(select(t.audit).where(t.audit.c.action == "apply-credits"))
        if json.loads(r.details).get("after_import") == step.entry.id
    ]
    own = set(
        conn.scalars(
            # and the allocations its payments' references made within the import itself
            select(t.allocations.c.id).where(
                t.allocations.c.created_audit_id.in_([*credit_audits, step.entry.id])
            )
        )
    )
    blocking = [
        r
        for r in conn.execute(
            select(t.allocations).where(t.allocations.c.removed_audit_id.is_(None))
        )
        if r.id not in own
        and (r.invoice_number in numbers or r.source_id in numbers or r.source_id in pay_ids)
    ]
    if blocking:
        raise AllocationRefused(
            "cannot undo this import: allocations use what it brought ("
            + ", ".join(f"#{r.id}" for r in blocking[:10])
            + "); unallocate them first"
        )
    writes.remove_allocations(conn, own, step.new_id)
    shared = set(
        conn.scalars(
            select(t.payment_sources.c.payment_id).where(
                t.payment_sources.c.payment_id.in_(pay_ids),
                t.payment_sources.c.import_id != import_id,
            )
        )
    )
    if shared:
        raise AllocationRefused(
            "cannot undo this import: later imports recognised its payments ("
            + ", ".join(sorted(shared))
            + "); undo those first"
        )
    _delete_imported(conn, import_id, pay_ids, step.details.get("updated_documents", {}))


def _delete_imported(
    conn: Connection, import_id: int, pay_ids: set[str], updated: dict[str, dict]
) -> None:
    for table in (t.payment_sources, t.usage_totals):
        conn.execute(table.delete().where(table.c.import_id == import_id))
    conn.execute(
        t.payment_references.delete().where(t.payment_references.c.payment_id.in_(pay_ids))
    )
    for table in (t.payments, t.line_blocks, t.line_customer_totals, t.line_packs):
        conn.execute(table.delete().where(table.c.import_id == import_id))
    for number, old in updated.items():  # documents it updated get their values back
        conn.execute(
            update(t.documents)
            .where(t.documents.c.number == number)
            .values(**writes.decode_row(old))
        )
    conn.execute(t.documents.delete().where(t.documents.c.import_id == import_id))
    conn.execute(update(t.imports).where(t.imports.c.id == import_id).values(undone=True))
