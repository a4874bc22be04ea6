"""Clerks allocating at once on a team workspace: the load benchmark's and the concurrency
test's clerk processes.

Each clerk is a process of its own with its own server connections, allocating random
amounts from random payments to random invoices and timing each allocation.
"""

from __future__ import annotations

import multiprocessing
import queue as queues
import random
import time
from decimal import Decimal


def clerk(url: str, seed: int, operations: int, payments: list[str], invoices: list[str],
          cents: tuple[int, int], out) -> None:  # fmt: skip
    from core.allocation import AllocationRefused
    from core.workspace import Workspace

    rng = random.Random(seed)
    made = refused = 0
    latencies: list[float] = []
    with Workspace(url) as ws:
        for _ in range(operations):
            payment, number = rng.choice(payments), rng.choice(invoices)
            amount = Decimal(rng.randrange(*cents)) / 100
            started = time.perf_counter()
            try:
                ws.allocations.allocate(payment, [(number, amount)])
                made += 1
            except AllocationRefused:
                refused += 1
            latencies.append(time.perf_counter() - started)
        out.put({"made": made, "refused": refused, "conflicts": ws.conflicts,
                 "latencies": latencies})  # fmt: skip


def run_clerks(url: str, clerks: int, operations: int, payments: list[str], invoices: list[str],
               cents: tuple[int, int] = (500, 4000)) -> tuple[list[dict], float]:  # fmt: skip
    """Start ``clerks`` processes at once; their results and the wall-clock seconds."""
    ctx = multiprocessing.get_context("spawn")
    out = ctx.Queue()
    procs = [ctx.Process(target=clerk, args=(url, seed, operations, payments, invoices, cents,
                                             out)) for seed in range(clerks)]  # fmt: skip
    started = time.perf_counter()
    for p in procs:
        p.start()
    results: list[dict] = []
    while len(results) < clerks:
        try:
            results.append(out.get(timeout=1))
        except queues.Empty:
            dead = [p for p in procs if p.exitcode not in (None, 0)]
            if dead:
                raise RuntimeError(f"{len(dead)} clerk process(es) failed") from None
    wall = time.perf_counter() - started
    for p in procs:
        p.join(30)
    return results, wall


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
