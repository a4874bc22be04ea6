"""Suggested allocations for payments with money left: each with a score and its reasons.

The explicit-reference rule (:func:`core.allocation.plan_auto`) commits what a
payment quotes word for word.  Everything else here is only proposed; the
clerk accepts or rejects (see :class:`core.workspace.Workspace`).  The
evidence, strongest first:

* **References written loosely**: ``G 000 100 002``, ``g000100002``,
  ``INV-G000100002``, OCR confusions (``O``/``0``, ``I``/``1``) in the digits,
  a number split over two remittance lines, ``G000100008/09`` for two
  invoices.  Only numbers of documents in the workspace count.
* **Amounts**: the payment equals one open amount (after earlier partial
  payments and credits), an open amount less an unapplied credit note, or the
  open amounts of a few invoices together (a bounded search that prefers
  fewer and older invoices and says when it was cut short).
* **Dates**: invoices issued before the payment and due near it rank first.
* **Fallback**: with no evidence at all, the oldest due invoices, labelled so.

An invoice in another currency is never proposed; the payment is flagged
with the invoice it probably meant.

The parts: the engine (:mod:`~core.suggestions.engine`, which weighs the evidence), loose
references (:mod:`~core.suggestions.references`), the subset search
(:mod:`~core.suggestions.search`), dates (:mod:`~core.suggestions.dates`) and the answer with
its JSON (:mod:`~core.suggestions.answers`).
"""

from core.suggestions.answers import Answer, Line, Suggestion, answer_json
from core.suggestions.engine import CREDIT_DAYS, MOST, SEARCH_SECONDS, Suggester
from core.suggestions.references import loose_references
from core.suggestions.search import POOL, RUN_AFTER, RUN_BEFORE, RUN_TRIPLES, TRIPLE_POOL

__all__ = [
    "CREDIT_DAYS",
    "MOST",
    "POOL",
    "RUN_AFTER",
    "RUN_BEFORE",
    "RUN_TRIPLES",
    "SEARCH_SECONDS",
    "TRIPLE_POOL",
    "Answer",
    "Line",
    "Suggester",
    "Suggestion",
    "answer_json",
    "loose_references",
]
