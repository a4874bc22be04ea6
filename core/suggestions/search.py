"""The subset search: open invoices that together owe exactly a payment (two or three, within
one billing run or among those due nearest it), and the credit notes that an open amount
equals a payment plus — sorted integer arrays (numpy), searched whole, bounded in time."""

from __future__ import annotations

import bisect
import time
from datetime import date
from decimal import Decimal

from core.ledger import InvoiceState, SourceState
from core.money import currency_decimals
from core.suggestions.dates import after, due_key

RUN_BEFORE, RUN_AFTER = 45, 20  # billing runs due this many days before/after a payment
RUN_TRIPLES = 200  # runs up to this size are searched three invoices at a time
POOL = 40  # invoices (due nearest the payment) searched for combinations across runs
TRIPLE_POOL = 24  # of which the nearest are also searched three at a time

_RUN_STRIDE = 2**40  # above any open amount in smallest units (10 billion in cents)

Combination = tuple[InvoiceState, ...]


class SubsetSearch:
    """The open invoices of a ledger (per currency, due first), their billing runs (open
    invoices issued the same day) and the unapplied credit notes, indexed for searching."""

    def __init__(
        self,
        open_invoices: dict[str, list[InvoiceState]],
        by_amount: dict[tuple[str, Decimal], list[InvoiceState]],
        credits: dict[str, list[tuple[SourceState, Decimal]]],
    ) -> None:
        self.open = open_invoices
        self.by_amount = by_amount
        self.credits = credits
        self.due_ordinals = {cur: [due_key(i)[0] for i in invs] for cur, invs in self.open.items()}
        # billing runs: open invoices issued the same day, keyed by (due ordinal, issue date)
        self.runs: dict[tuple[str, str], list[InvoiceState]] = {}
        for invoices in self.open.values():
            for inv in invoices:
                if inv.document.date is not None and inv.due_date is not None:
                    key = (inv.document.currency, inv.document.date.isoformat())
                    self.runs.setdefault(key, []).append(inv)
        self.run_keys: dict[str, list[tuple[int, str]]] = {}
        for (cur, day), run in self.runs.items():
            self.run_keys.setdefault(cur, []).append((run[0].due_date.toordinal(), day))
        for keys in self.run_keys.values():
            keys.sort()
        self._run_cache: dict[int, tuple] = {}
        self._pair_arrays = {cur: self._window_arrays(cur) for cur in self.run_keys}
        self._credit_arrays: dict[str, tuple] = {}
        self._pair_cache: dict[int, tuple] = {}

    def combinations(
        self, cur: str, left: Decimal, day: date | None, seconds: float
    ) -> tuple[list[Combination], bool]:
        """(two or three open invoices that together owe exactly ``left``, whether the search
        was cut short): first within one billing run (invoices issued the same day, due near
        the payment), then among the invoices due nearest the payment; bounded in time."""
        deadline = time.perf_counter() + seconds
        combos: list[Combination] = []
        cut = False
        pairs = self._window_pairs(cur, left, day)
        if pairs:
            combos.extend(pairs)
        else:
            for run in self._runs(cur, day):  # triples, from the nearest billing run
                if time.perf_counter() > deadline:
                    cut = True
                    break
                if len(run) > RUN_TRIPLES:
                    cut = True  # too many triples to try in such a run
                    continue
                found_here = self._run_triples(run, left)
                if found_here:
                    combos.extend(found_here)
                    break  # the nearest billing run that adds up; farther ones are weaker
        if not combos:
            pool = [i for i in self._nearest(cur, day) if i.open < left][:POOL]
            if len(pool) == POOL:
                cut = True
            index: dict[Decimal, list[int]] = {}
            for k, inv in enumerate(pool):
                index.setdefault(inv.open, []).append(k)
            for a, inv in enumerate(pool):
                combos.extend((inv, pool[b]) for b in index.get(left - inv.open, ()) if b > a)
            for a in range(min(len(pool), TRIPLE_POOL)):
                if time.perf_counter() > deadline:
                    cut = True
                    break
                rest = left - pool[a].open
                for b in range(a + 1, min(len(pool), TRIPLE_POOL)):
                    need = rest - pool[b].open
                    if need > 0:
                        combos.extend((pool[a], pool[b], pool[c])
                                      for c in index.get(need, ()) if c > b)  # fmt: skip
        return combos, cut

    def credits_owing(self, currency: str, left: Decimal, lo: int, hi: int):
        """The credits ``lo:hi`` of the currency for which some open invoice owes exactly
        ``left`` plus the credit: one vectorised search instead of a lookup per credit."""
        import numpy as np

        credits = self.credits[currency]
        scale = 10 ** currency_decimals(currency)
        units = to_units(left, scale)
        arrays = self._credit_arrays.get(currency)
        if arrays is None:
            opens = sorted({u for u in (to_units(a, scale) for (c, a) in self.by_amount
                                        if c == currency) if u is not None})  # fmt: skip
            credit_units = [to_units(r, scale) for _c, r in credits]
            arrays = (np.array(opens, dtype=np.int64),
                      np.array([u if u is not None else -1 for u in credit_units],
                               dtype=np.int64))  # fmt: skip
            self._credit_arrays[currency] = arrays
        opens, credit_units = arrays
        if units is None or not len(opens) or lo >= hi:
            return credits[lo:hi]
        sums = credit_units[lo:hi] + units
        at = np.minimum(np.searchsorted(opens, sums), len(opens) - 1)
        hits = np.nonzero((opens[at] == sums) & (credit_units[lo:hi] >= 0))[0]
        return [credits[lo + int(k)] for k in hits]

    def _runs(self, currency: str, day: date | None) -> list[list[InvoiceState]]:
        """Billing runs (open invoices issued the same day) due from 45 days before the
        payment to 20 days after it, nearest first."""
        keys = self.run_keys.get(currency, [])
        if day is None:
            return []
        lo = bisect.bisect_left(keys, (day.toordinal() - RUN_BEFORE,))
        hi = bisect.bisect_right(keys, (day.toordinal() + RUN_AFTER, "~"))
        chosen = sorted(keys[lo:hi], key=lambda k: abs(k[0] - day.toordinal()))
        return [self.runs[(currency, k[1])] for k in chosen if k[1] <= day.isoformat()]

    def _run_triples(self, run: list[InvoiceState], left: Decimal):
        """Triples of one billing run owing exactly ``left``, found with sorted integer
        arrays (numpy), not by trying each combination in Python."""
        import numpy as np

        cents, ordered, scale = self._run_arrays(run)
        target = to_units(left, scale)
        if target is None or len(cents) < 3:
            return []
        found: list[Combination] = []
        a_idx, b_idx = self._pairs(len(cents))
        need = target - cents[a_idx] - cents[b_idx]
        lo = np.searchsorted(cents, need, "left")
        hi = np.searchsorted(cents, need, "right")
        first = np.maximum(lo, b_idx + 1)
        for m in np.nonzero(hi > first)[0]:
            a, b = a_idx[m], b_idx[m]
            found.extend((ordered[a], ordered[b], ordered[c]) for c in range(first[m], hi[m]))
        return found

    def _window_arrays(self, currency: str):
        """Every billing run of the currency in one sorted array: run position × 2**40 +
        open amount in the currency's smallest unit; and the invoices in the same order."""
        import numpy as np

        keys, members, starts = [], [], []
        for pos, (_due, day) in enumerate(self.run_keys[currency]):
            starts.append(len(keys))
            cents, ordered, _scale = self._run_arrays(self.runs[(currency, day)])
            keys.extend(pos * _RUN_STRIDE + int(c) for c in cents)
            members.extend(ordered)
        starts.append(len(keys))
        return np.array(keys, dtype=np.int64), members, starts

    def _window_pairs(self, currency: str, left: Decimal, day: date | None):
        """Pairs of invoices of one billing run due near ``day`` owing exactly ``left``
        together, from the nearest such run: one vectorised search over all the runs."""
        import numpy as np

        if day is None or currency not in self._pair_arrays:
            return []
        keys, members, starts = self._pair_arrays[currency]
        run_keys = self.run_keys[currency]
        lo = bisect.bisect_left(run_keys, (day.toordinal() - RUN_BEFORE,))
        hi = bisect.bisect_right(run_keys, (day.toordinal() + RUN_AFTER, "~"))
        if lo >= hi:
            return []
        target = to_units(left, 10 ** currency_decimals(currency))
        if target is None:
            return []
        first, last = starts[lo], starts[hi]
        window = keys[first:last]
        runs = window // _RUN_STRIDE
        need = runs * _RUN_STRIDE + (target - window % _RUN_STRIDE)
        left_at = np.searchsorted(window, need, "left")
        right_at = np.searchsorted(window, need, "right")
        begin = np.maximum(left_at, np.arange(len(window)) + 1)
        hits = np.nonzero((right_at > begin) & (target - window % _RUN_STRIDE > 0))[0]
        if not len(hits):
            return []
        iso = day.isoformat()
        by_run: dict[int, list[tuple[InvoiceState, InvoiceState]]] = {}
        for a in hits:
            pos = int(runs[a])
            if run_keys[pos][1] > iso:
                continue  # issued after the payment
            for b in range(begin[a], right_at[a]):
                by_run.setdefault(pos, []).append((members[first + a], members[first + b]))
        if not by_run:
            return []
        nearest = min(by_run, key=lambda pos: abs(run_keys[pos][0] - day.toordinal()))
        return by_run[nearest]

    def _pairs(self, n: int):
        if n not in self._pair_cache:
            import numpy as np

            self._pair_cache[n] = np.triu_indices(n, 1)
        return self._pair_cache[n]

    def _run_arrays(self, run: list[InvoiceState]):
        key = id(run)
        cached = self._run_cache.get(key)
        if cached is None:
            import numpy as np

            scale = 10 ** currency_decimals(run[0].document.currency)
            units = [(to_units(i.open, scale), i) for i in run]
            units = sorted((u for u in units if u[0] is not None), key=lambda u: u[0])
            cached = (np.array([u for u, _ in units], dtype=np.int64),
                      [i for _, i in units], scale)  # fmt: skip
            self._run_cache[key] = cached
        return cached

    def _nearest(self, currency: str, day: date | None) -> list[InvoiceState]:
        """Open invoices of the currency issued by ``day``, due nearest it first."""
        invoices = self.open.get(currency, [])
        if day is None:
            return list(invoices)
        ordinals = self.due_ordinals.get(currency, [])
        mid = bisect.bisect_left(ordinals, day.toordinal())
        lo, hi, out = mid - 1, mid, []
        while (lo >= 0 or hi < len(invoices)) and len(out) < POOL * 3:
            before = invoices[lo] if lo >= 0 else None
            later = invoices[hi] if hi < len(invoices) else None
            if later is None or (
                before is not None
                and day.toordinal() - ordinals[lo] <= ordinals[hi] - day.toordinal()
            ):
                lo -= 1
                pick = before
            else:
                hi += 1
                pick = later
            if pick is not None and not after(pick, day):
                out.append(pick)
        return out


def to_units(amount: Decimal, scale: int) -> int | None:
    """The amount in the currency's smallest unit, or None when it has more decimals."""
    units = amount * scale
    return int(units) if units == units.to_integral_value() else None
