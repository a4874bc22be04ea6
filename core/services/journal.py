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
