"""Opening a workspace file: engine, single-writer lock, migrations.

A workspace is one SQLite file.  The process that opens it for writing
holds ``<file>.lock``; a second process gets a read-only view (or a clear
:class:`WorkspaceBusy` when it asked to write), never a corrupted file.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from filelock import FileLock, Timeout
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DBAPIError

from core.errors import Refused as Refused  # re-exported
from core.errors import WorkspaceBusy as WorkspaceBusy  # re-exported
from core.errors import WorkspaceError

MIGRATIONS = Path(__file__).with_name("migrations")


# PostgreSQL's "insufficient privilege" (a grant or a row-level policy said no).
INSUFFICIENT_PRIVILEGE = "42501"


def refusal(exc: BaseException) -> str | None:
    """The server's words when ``exc`` is a refusal for want of rights, else None."""
    orig = getattr(exc, "orig", None)
    if getattr(orig, "sqlstate", None) != INSUFFICIENT_PRIVILEGE:
        return None
    return str(orig).strip().splitlines()[0]


def alembic_config(connection=None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def _sqlite_pragmas(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):  # pragma: no cover - trivial
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.close()


def is_url(location: object) -> bool:
    """A database server's URL (``postgresql+psycopg://user@host:port/db``), not a file."""
    return isinstance(location, str) and "://" in location


def shown(location: str) -> str:
    """A server URL as it may be shown or logged: never with a password."""
    from sqlalchemy.engine import make_url

    return make_url(location).render_as_string(hide_password=True)


def open_server(url: str) -> Engine:
    """A team workspace on a database server (the password comes from PGPASSWORD or
    ~/.pgpass, never the URL shown)."""
    # SERIALIZABLE: two clerks changing the same rows at once cannot both succeed; the
    # loser is retried by the workspace (see core.workspace._retried).
    engine = create_engine(url, pool_pre_ping=True, isolation_level="SERIALIZABLE")
    engine.backend_pids = set()  # this program's server sessions (see core.store.live)

    @event.listens_for(engine, "connect")
    def _remember_pid(dbapi_conn, _record):  # pragma: no cover - trivial
        engine.backend_pids.add(dbapi_conn.info.backend_pid)

    try:
        engine.connect().close()
    except DBAPIError as exc:  # no server, no such database or user, wrong password
        engine.dispose()
        said = str(exc.orig).strip().splitlines()[-1].rpartition("FATAL:")[2].strip()
        raise WorkspaceError(f"{shown(url)}: cannot open the team workspace: {said}") from None
    return engine


def open_engine(path: Path, *, readonly: bool) -> Engine:
    # The file name goes to the driver as it is, never through an SQLAlchemy URL, where a
    # '#', '?' or '%' in a folder name would be taken for URL syntax.  Read-only needs
    # SQLite's URI form (file:///C:/... on Windows), percent-encoded.
    import sqlite3

    if readonly:
        target, uri = f"{path.resolve().as_uri()}?mode=ro", True
    else:
        target, uri = str(path), False
    engine = create_engine(
        "sqlite+pysqlite://",
        creator=lambda: sqlite3.connect(target, uri=uri, timeout=10, check_same_thread=False),
    )
    _sqlite_pragmas(engine)
    return engine


def known_revision(revision: str | None) -> bool:
    """Whether this program knows the schema revision (an unknown one: a newer program's)."""
    if revision is None:
        return True
    try:
        return ScriptDirectory.from_config(alembic_config()).get_revision(revision) is not None
    except Exception:  # noqa: BLE001 - alembic's "can't locate revision"
        return False


def newer(where: str) -> WorkspaceError:
    return WorkspaceError(
        f"{where} was made by a newer version of CSP Reconciler: open it with that version "
        "(or a newer one); this one cannot read or change it, and nothing was changed"
    )


def migrate(engine: Engine, where: str = "the workspace") -> None:
    """Bring the schema to the newest revision (no-op when it is there)."""
    head = head_revision()
    with engine.begin() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
        if current == head:
            return
        if not known_revision(current):
            raise newer(where)
        try:
            command.upgrade(alembic_config(conn), "head")
        except DBAPIError as exc:
            if refusal(exc) is None:
                raise WorkspaceError(
                    f"{where}: bringing it up to this version failed at schema revision "
                    f"{current} (it does not hold what that revision should); nothing was "
                    "changed: restore it from a backup (csp-recon backups) or open it with the "
                    "version that made it"
                ) from exc
            raise WorkspaceError(
                f"the workspace on the server is at schema revision {current}, this program "
                f"needs {head}, and only its owner may upgrade it: ask them to run "
                "'csp-recon admin init-team-db' with this version"
            ) from exc
        if conn.dialect.name == "postgresql":
            from core.store.roles import apply_grants, roles_exist

            if roles_exist(conn):  # a table a newer version added gets its rights too
                apply_grants(conn)


def check_revision(engine: Engine, where: str = "the workspace") -> None:
    with engine.connect() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
    if current == head_revision():
        return
    if not known_revision(current):
        raise newer(where)
    raise WorkspaceError(
        f"{where} was made by an older version of CSP Reconciler: open it once for writing "
        "to upgrade it (the window does, and any change does)"
    )


class Lock:
    """The single-writer lock of a workspace file (portable: fcntl / msvcrt)."""

    def __init__(self, path: Path) -> None:
        # not thread-local: a window opens a file on its GUI thread and closes it on its worker
        self._lock = FileLock(str(path) + ".lock", timeout=0, thread_local=False)

    def try_acquire(self, where: str = "the workspace") -> bool:
        """Take the lock (False: another process holds it); a folder where the lock file
        cannot be written is refused plainly."""
        try:
            self._lock.acquire()
        except Timeout:
            return False
        except OSError as exc:
            from core.store.health import WorkspaceReadOnly, plain

            bare = OSError(exc.errno, exc.strerror)  # the workspace named, not its lock file
            said = plain(bare, where)
            if said is not None and "read-only" in said:
                raise WorkspaceReadOnly(said) from exc
            raise WorkspaceError(said or f"{where}: cannot lock the workspace file "
                                 f"({exc.strerror})") from exc  # fmt: skip
        return True

    def release(self) -> None:
        if self._lock.is_locked:
            self._lock.release()
