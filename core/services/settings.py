"""The workspace's settings: each checked before it is stored, audited and undoable."""

from __future__ import annotations

from sqlalchemy import insert, select, update

from core.changes import Change, change
from core.services.base import Service
from core.settings import Rules
from core.settings import validate as validate_setting
from core.store import reads
from core.store import schema as t
from core.store.session import retried


class Settings(Service):
    def get(self, key: str, default: str | None = None) -> str | None:
        return self.store.setting(key, default)

    def all(self) -> dict[str, str]:
        with self.store.conn() as c:
            return reads.settings(c)

    def rules(self) -> Rules:
        return Rules.from_settings(self.all())

    @retried
    def set(self, key: str, value: str) -> Change:
        """Change a setting (audited, undoable); it is checked first (ValueError says what
        was expected)."""
        self.store.writable()
        value = validate_setting(key, value)
        with self.store.change() as conn:
            old = conn.scalar(select(t.settings.c.value).where(t.settings.c.key == key))
            if old is None:
                conn.execute(insert(t.settings).values(key=key, value=value))
            else:
                conn.execute(update(t.settings).where(t.settings.c.key == key).values(value=value))
            audit_id = self.store.audit(
                conn, "setting", f"{key} = {value}", {"key": key, "old": old, "new": value}
            )
        return change("setting", f"{key} = {value}", {"settings"}, None, audit_id)
