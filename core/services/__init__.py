"""One service per noun, composed by :class:`core.workspace.Workspace` (``ws.allocations``,
``ws.imports``, ...).  Each reads and writes through the store and asks the pure rules what
to do; every change returns a :class:`core.changes.Change`."""
