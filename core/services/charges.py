"""Why each line costs what it does (:mod:`core.explain`), and the lines that contradict a
published rule."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from sqlalchemy import Connection, select

from core import explain, linechecks, linestore
from core.changes import Change, change
from core.model import InvoiceLine
from core.services.base import Service
from core.store import line_reads
from core.store import schema as t

Labelled = tuple[str, InvoiceLine]


class Charges(Service):
    def explain(self, target: str) -> list[explain.Explanation]:
        """Why the lines of an invoice (``G000123456``) or one line (``G000123456#3``, or the
        file and row it was read from, ``file.csv:12``) cost what they do."""
        target = target.strip()
        number, _, position = target.partition("#")
        if not position and ":" in target:
            labelled = self._by_place(target)
        else:
            labelled = self._lines_of(number, position, target)
        explainer = self._context_of(labelled)
        for label, line in labelled:
            explainer.know(label, line)
        return [explainer.explain(label, line) for label, line in labelled]

    def _by_place(self, target: str) -> list[Labelled]:
        file, _, row = target.rpartition(":")
        with self.store.conn() as c:  # only the invoices that file brought lines to
            numbers = {
                r[0]
                for r in c.execute(
                    select(t.line_blocks.c.invoice_number, t.line_blocks.c.source_file).distinct()
                )
                if file in (r[1], Path(r[1]).name)
            }
        labelled = [
            (label, line)
            for label, line in self._scan(numbers)
            if line.source
            and file in (line.source.file, Path(line.source.file).name)
            and str(line.source.row) == row
        ]
        if not labelled:
            raise ValueError(f"no line read from '{file}' row {row} in this workspace")
        return labelled

    def _lines_of(self, number: str, position: str, target: str) -> list[Labelled]:
        if position.isdigit():  # that line alone, not the invoice's millions
            with self.store.conn() as c:
                one = line_reads.line_at(c, number, int(position))
                known = one is not None or line_reads.has_lines(c, number)
            if one is not None:
                return [one]
            if known:
                raise ValueError(f"'{target}': {number.upper()} has no line {position}")
        labelled = list(self._scan([number]))
        if not labelled:
            raise ValueError(f"no lines for '{number}' in this workspace (import its "
                             "reconciliation file first)")  # fmt: skip
        if position:
            labelled = [(lb, ln) for lb, ln in labelled if lb == f"{number.upper()}#{position}"]
            if not labelled:
                raise ValueError(f"'{target}': {number.upper()} has no line {position}")
        return labelled

    def _scan(self, numbers: Iterable[str] | None = None, keep: Callable | None = None,
              conn: Connection | None = None) -> Iterator[Labelled]:  # fmt: skip
        with self.store.conn(conn) as c:
            yield from line_reads.scan_lines(c, numbers, keep)

    def _context_of(self, labelled: list[Labelled]) -> explain.Explainer:
        """What explaining these lines needs to know, and only that: the charges a credit
        among them may reverse (its subscription's), and when each subscription of their
        customers ends (cotermination), read a column at a time, not as records."""
        customers = {ln.customer_id for _, ln in labelled}
        refunded = {ln.subscription_id for _, ln in labelled
                    if ln.subtotal < 0 and ln.subscription_id}  # fmt: skip
        # the other subscriptions' ends only tell a term that does not match (cotermination)
        ends = any(explain.term_differs(ln) for _, ln in labelled)
        with self.store.conn() as c:
            return self._explainer(c, line_reads.invoices_of_customers(c, customers), customers,
                                   refunded, ends)  # fmt: skip

    def _explainer(
        self, c: Connection, numbers: Iterable[str] | None, customers: set[str] | None,
        refunded: set[str], ends: bool = True,
    ) -> explain.Explainer:  # fmt: skip
        """An explainer knowing the candidate charges of these subscriptions and when the
        customers' subscriptions end, on these invoices (or all)."""
        explainer = explain.Explainer()
        if refunded:
            keep = linestore.all_of(linestore.explain_candidates(customers),
                                    linestore.charges_of(refunded))  # fmt: skip
            for label, line in self._scan(numbers, keep, c):
                explainer.know(label, line)
        for customer, end, subscription in (
            line_reads.subscription_ends(c, numbers, customers) if ends else ()
        ):
            explainer.know_end(customer, end, subscription)
        return explainer

    def _explained(self, keep: Callable) -> Iterator[explain.Explanation]:
        """The lines ``keep`` picks with something to explain, a pack at a time (by pack,
        not by invoice): only what the rules need to know of the others is kept (so a
        workspace of millions of lines is explained in bounded memory)."""
        with self.store.conn() as c:
            explainer = self._explainer(c, None, None, line_reads.refunded_subscriptions(c))
            for label, line in self._scan(keep=keep, conn=c):
                ex = explainer.explain(label, line)
                if ex.explained:
                    yield ex

    def export_lines(self, path: Path, customer_id: str | None = None,
                     invoice: str | None = None) -> Change:  # fmt: skip
        """Every stored line (of one customer, of one invoice) to a CSV or Parquet file, a
        pack at a time: what no spreadsheet sheet holds whole."""
        from core.exports.lines import write_lines

        with self.store.conn() as c:
            numbers = [invoice] if invoice else None
            if customer_id is not None and numbers is None:
                numbers = sorted(line_reads.invoices_of_customers(c, [customer_id]))
            count = write_lines(line_reads.line_tables(c, numbers, customer_id), path)
        return change("export-lines", f"{count:,} lines written: {path}", set(), count)

    def checks(self) -> list[explain.Check]:
        """Every line that contradicts a published rule (see :mod:`core.explain`), by
        invoice and line; only the findings are kept, not the lines explained."""
        found = [c for ex in self._explained(linechecks.to_explain) for c in ex.checks]
        return sorted(found, key=lambda c: line_reads.label_order(c.line))

    def flagged_lines(self) -> list[explain.Explanation]:
        """The explanations of the lines that contradict a published rule, by invoice and
        line: the explainer sees only the lines a rule may flag (:mod:`core.linechecks`)."""
        found = [ex for ex in self._explained(linechecks.to_explain) if ex.checks]
        return sorted(found, key=lambda ex: line_reads.label_order(ex.label))

    def explained_lines(self) -> list[explain.Explanation]:
        """Every line with something to explain (converted, prorated, a term that does not
        match, a credit), by invoice and line."""
        found = list(self._explained(linechecks.to_explain_all))
        return sorted(found, key=lambda ex: line_reads.label_order(ex.label))

    def line_customers(self) -> list[tuple[str, str, int]]:
        """(customer id, name, lines) of every customer with lines, by name."""
        with self.store.conn() as c:
            return line_reads.line_customers(c)

    def customer_explanations(self, customer_id: str) -> list[explain.Explanation]:
        """A customer's lines, each explained (for re-billing them)."""
        with self.store.conn() as c:
            numbers = line_reads.invoices_of_customers(c, [customer_id])
            labelled = list(self._scan(numbers, linestore.of_customer(customer_id), c))
        return explain.explain_lines(labelled)
