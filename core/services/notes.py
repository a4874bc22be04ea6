"""Notes on a document or payment (a team workspace's support agents keep them)."""

from __future__ import annotations

from sqlalchemy import insert, select

from core.changes import Change, change
from core.rules.notes import NOTE_MAX, shown
from core.services.base import Service
from core.store import reads
from core.store import schema as t
from core.store.session import now, retried


# The longest note (a team workspace's server refuses a longer one too: migration 0011).
class Notes(Service):
    def list(self, subject: str | None = None) -> list[dict]:
        """Notes, oldest first (of one document or payment when given)."""
        with self.store.conn() as c:
            found = reads.notes(c, subject)
        return [{**n, "text": shown(n["text"])} for n in found]

    @retried
    def add(self, subject: str, text: str) -> Change:
        """Record a note on a document or payment that the workspace has (its author is the
        database user on a server); the change's ``result`` is its id."""
        self.store.writable()
        text = text.strip()
        if not text:
            raise ValueError("a note needs some text")
        if len(text) > NOTE_MAX:
            raise ValueError(
                f"a note is at most {NOTE_MAX:,} characters; this one has {len(text):,}"
            )
        with self.store.change() as conn:
            known = conn.scalar(select(t.documents.c.number).where(t.documents.c.number == subject))
            if known is None:
                known = conn.scalar(select(t.payments.c.id).where(t.payments.c.id == subject))
            if known is None:
                raise ValueError(f"no invoice, credit note or payment '{subject}'")
            values = {"subject": subject, "text": text}
            if conn.dialect.name != "postgresql":  # on a server its trigger writes them
                values |= {"at": now(), "author": self.store.user}
            note_id = int(conn.execute(insert(t.notes).values(**values)).inserted_primary_key[0])
        return change("note", f"note #{note_id} recorded on {subject}", {"notes"}, note_id)
