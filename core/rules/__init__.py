"""Pure rules that the services ask what to do: no SQL, no files, no clock.

Each takes plain records (:mod:`core.model`) or a computed :class:`core.ledger.Ledger` and
returns what to record, or raises a refusal that says why.
"""
