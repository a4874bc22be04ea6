"""Changes made by other clerks, as the server announces them (PostgreSQL LISTEN/NOTIFY).

Every audit entry and note written to a team workspace is announced on the ``csp_recon``
channel by a trigger (migration 0006), when its transaction commits.  :func:`listen` waits
for announcements on a connection of its own and hands them over in batches: a burst of
changes (an import, a clerk's twenty allocations) becomes one refresh, not twenty.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from sqlalchemy.engine import make_url

log = logging.getLogger(__name__)

CHANNEL = "csp_recon"


def _connect(url: str):
    import psycopg

    u = make_url(url)
    return psycopg.connect(
        host=u.host, port=u.port, user=u.username, password=u.password, dbname=u.database,
        autocommit=True, application_name="csp-reconciler live view",
    )  # fmt: skip


def listen(
    url: str,
    on_changes: Callable[[list[str]], None],
    stop: threading.Event,
    *,
    quiet: float = 0.5,
    ignore_pids: Callable[[], set[int]] = set,
) -> None:
    """Call ``on_changes`` with what was announced ("audit 12", "notes 3"), once the server
    has been quiet for ``quiet`` seconds, until ``stop`` is set.  Announcements from the
    server sessions ``ignore_pids`` names (this window's own) are left out.  A lost
    connection is opened again after a pause."""
    while not stop.is_set():
        try:
            with _connect(url) as conn:
                conn.execute(f"LISTEN {CHANNEL}")
                pending: list[str] = []
                last = 0.0
                while not stop.is_set():
                    for n in conn.notifies(timeout=0.2, stop_after=100):
                        if n.pid not in ignore_pids():
                            pending.append(n.payload)
                            last = time.monotonic()
                    if pending and time.monotonic() - last >= quiet:
                        on_changes(pending)
                        pending = []
        except Exception as exc:  # noqa: BLE001 - the server went away: wait, try again
            log.warning("live view: %s; trying again in 5 s", exc)
            stop.wait(5)
