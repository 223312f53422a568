"""Timing inside a contender's process: warm up, size the blocks, then time one block on demand.

A single call is too short to time on its own and too noisy on a shared machine, so calls are timed in
blocks of roughly ``block_seconds`` each and every block yields one figure, the mean cost of a call in it.
The parent asks each contender for a block in turn and reports the median of the figures. The garbage
collector stays on during blocks: a test suite pays for it too, and a fake whose world makes collections
slow should show it.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Plan:
    """How hard to measure. The smoke plan only proves that every scenario still runs."""

    smoke: bool
    warmup_seconds: float
    min_warmup_calls: int
    sessions: int
    """Fresh processes per contender and scenario, one after the other: one odd process cannot sway a row."""
    blocks: int
    """Timed blocks per session."""
    block_seconds: float
    max_per_block: int
    cold_repeats: int


FULL = Plan(
    smoke=False,
    warmup_seconds=0.2,
    min_warmup_calls=5,
    sessions=4,
    blocks=6,
    block_seconds=0.04,
    max_per_block=5000,
    cold_repeats=11,
)
SMOKE = Plan(
    smoke=True,
    warmup_seconds=0.0,
    min_warmup_calls=1,
    sessions=1,
    blocks=2,
    block_seconds=0.0,
    max_per_block=1,
    cold_repeats=1,
)


def warm_up(run: Callable[[], object], prepare: Callable[[int], None], plan: Plan) -> None:
    """Run until caches are warm (imports done, shapes compiled, first-use work behind us)."""
    deadline = time.perf_counter() + plan.warmup_seconds
    calls = 0
    while calls < plan.min_warmup_calls or time.perf_counter() < deadline:
        prepare(1)
        run()
        calls += 1


def size_blocks(run: Callable[[], object], prepare: Callable[[int], None], plan: Plan) -> int:
    """How many calls make one block last about ``plan.block_seconds``.

    Asked of one contender at a time, after every contender has warmed up: sized while another process
    builds its world, a block comes out short, and short blocks are hit less often by a busy neighbour
    than long ones, which would favour whoever was sized in a busy moment.
    """
    costs: list[float] = []
    while len(costs) < plan.max_per_block and (len(costs) < 3 or sum(costs) < plan.block_seconds / 2):
        prepare(1)
        start = time.perf_counter()
        run()
        costs.append(time.perf_counter() - start)
    typical = sorted(costs)[len(costs) // 2]  # the median: one call preempted by a neighbour is ignored
    wanted = round(plan.block_seconds / typical) if typical else 1
    return max(1, min(plan.max_per_block, wanted))


def arrange_blocks(prepare: Callable[[int], None], calls: int, plan: Plan) -> None:
    """Arrange the units of every block now, then collect the garbage arranging left.

    Done once, before the first block, so that no block pays for the collector's work on objects the
    untimed arrangement made (the fake's worlds grow as they are arranged; the Stubber's queue does not).
    """
    prepare(calls * plan.blocks)
    gc.collect()


def time_block(run: Callable[[], object], calls: int) -> float:
    """Seconds per call over one block of ``calls`` calls, arranged beforehand by :func:`arrange_blocks`."""
    start = time.perf_counter()
    for _ in range(calls):
        run()
    return (time.perf_counter() - start) / calls
