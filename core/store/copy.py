"""Copy a workspace between engines (SQLite file ⇄ PostgreSQL server), checked table by table.

Every table is copied in foreign-key order with its own ids, the server's id sequences are
moved past them, and a checksum of every table — its rows in primary-key order, each value
written the same way whatever the engine returned — is compared at the end.  Nothing is
written to a workspace that already holds data.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Connection, Integer, func, insert, select, text

from core.store import schema as t

CHUNK = 5000


@dataclass(frozen=True)
class TableCheck:
    table: str
    rows: int
    source: str  # sha256 of the source table
    copy: str  # sha256 of the copied table

    @property
    def same(self) -> bool:
        return self.source == self.copy


class NotEmpty(ValueError):
    """The destination already holds a workspace's data."""


def _cell(value: object) -> str:
    if value is None:
        return "\\N"
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, datetime):
        return value.replace(tzinfo=None).isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, bytes | memoryview):
        return bytes(value).hex()
    return str(value)


def checksum(conn: Connection, table) -> tuple[int, str]:
    """(rows, sha256) of a table's content in primary-key order."""
    digest = hashlib.sha256()
    rows = 0
    order = list(table.primary_key.columns) or list(table.columns)
    for row in conn.execute(select(table).order_by(*order)):
        digest.update("\t".join(_cell(v) for v in row).encode())
        digest.update(b"\n")
        rows += 1
    return rows, digest.hexdigest()


def copy_workspace(source, target) -> list[TableCheck]:
    """Copy every table of ``source`` into the empty ``target`` (both open Workspaces) in one
    transaction, then compare the checksums of every table."""
    tables = list(t.metadata.sorted_tables)
    with target.engine.begin() as dst:
        for table in tables:
            if dst.execute(select(func.count()).select_from(table)).scalar():
                raise NotEmpty(f"{target.where}: the destination already holds data "
                               f"({table.name}); copy into a new, empty workspace")  # fmt: skip
        with source.engine.connect() as src:
            for table in tables:
                result = src.execute(select(table)).mappings()
                while batch := result.fetchmany(CHUNK):
                    dst.execute(insert(table), [dict(r) for r in batch])
        if dst.dialect.name == "postgresql":
            for table in tables:
                column = table.columns.get("id")
                if column is not None and column.primary_key and isinstance(column.type, Integer):
                    name = table.name
                    dst.execute(text(
                        f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                        f"COALESCE((SELECT max(id) FROM {name}), 0) + 1, false)"))  # fmt: skip
    checks = []
    with source.engine.connect() as src, target.engine.connect() as dst:
        for table in tables:
            rows, before = checksum(src, table)
            _rows, after = checksum(dst, table)
            checks.append(TableCheck(table.name, rows, before, after))
    return checks
