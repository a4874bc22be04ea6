"""What every service holds: the workspace it belongs to, and its store."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from core.store.session import Store
    from core.workspace import Workspace


class Service:
    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self.store: Store = ws.store
