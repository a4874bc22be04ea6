"""Undo, redo and the log of every change (see :mod:`core.store.journal` for what each kind
of change undoes and redoes)."""

from __future__ import annotations

from core.changes import Change, change
from core.services.base import Service
from core.store import journal, reads
from core.store.session import retried


class Journal(Service):
    def log(self) -> list[dict]:
        """Every audited change, oldest first, with the undo that took it back."""
        with self.store.conn() as c:
            return reads.audit_log(c)

    def can_redo(self) -> bool:
        """Whether :meth:`redo` has something to redo now."""
        with self.store.conn() as c:
            target = journal.redoable(c)
            if target is None:
                return False
            original = next(e for e in reads.audit_log(c) if e["id"] == target.undo_of)
        return journal.ACTIONS[original["action"]].redo is not None

    def next_changes(self) -> dict:
        """What Undo and Redo would take back or do again now, for the window to name them:
        ``{"undo": entry or None, "redo": entry or None}``, each entry the audit log's
        (``id``, ``action``, ``summary``...).  ``redo`` is None when there is nothing to
        redo or when that kind of change is not redone (an import: import the file again)."""
        with self.store.conn() as c:
            log = reads.audit_log(c)
            target = journal.redoable(c)
            undone = reads.undone_changes(c)
        undoable = [e for e in log if e["action"] in journal.ACTIONS and e["id"] not in undone]
        redo = None
        if target is not None:
            original = next(e for e in log if e["id"] == target.undo_of)
            if journal.ACTIONS[original["action"]].redo is not None:
                redo = original
        return {"undo": undoable[-1] if undoable else None, "redo": redo}

    @retried
    def undo(self, audit_id: int | None = None) -> Change:
        """Undo one change (the latest by default)."""
        self.store.writable()
        with self.store.change(allocating=True) as conn:
            entry, action = journal.undo(self.store, conn, audit_id)
        return change("undo", f"undid #{entry.id}: {entry.summary}", action.touched)

    @retried
    def redo(self) -> Change:
        """Redo the change the latest undo took back, if nothing was changed since."""
        self.store.writable()
        with self.store.change(allocating=True) as conn:
            original, action = journal.redo(self.store, conn)
        return change("redo", f"redid #{original.id}: {original.summary}", action.touched)
