"""Timing inside a contender's process: warm up, size the blocks, then time blocks of calls.

A single call is too short to time on its own and too noisy on a shared machine, so calls are timed in
blocks of roughly ``block_seconds`` each and every block yields one figure, the mean cost of a call in it.
The parent reports the median of those figures. The garbage collector stays on: a test suite pays for it
too, and a fake whose world makes collections slow should show it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Plan:
    """How hard to measure. The smoke plan only proves that every scenario still runs."""

    smoke: bool
    warmup_seconds: float
    min_warmup_calls: int
    blocks: int
    block_seconds: float
    max_per_block: int
    cold_repeats: int


FULL = Plan(
    smoke=False,
    warmup_seconds=0.2,
    min_warmup_calls=5,
    blocks=15,
    block_seconds=0.04,
    max_per_block=5000,
    cold_repeats=11,
)
SMOKE = Plan(
    smoke=True,
    warmup_seconds=0.0,
    min_warmup_calls=1,
    blocks=2,
    block_seconds=0.0,
    max_per_block=1,
    cold_repeats=1,
)


def time_blocks(
    run: Callable[[], object], prepare: Callable[[int], None], plan: Plan
) -> tuple[int, list[float]]:
    """Seconds per call for each block, and the calls per block; ``prepare(n)`` runs untimed before."""
    estimate = _warm_up(run, prepare, plan)
    per_block = max(1, min(plan.max_per_block, round(plan.block_seconds / estimate) if estimate else 1))
    figures = []
    for _ in range(plan.blocks):
        prepare(per_block)
        start = time.perf_counter()
        for _ in range(per_block):
            run()
        figures.append((time.perf_counter() - start) / per_block)
    return per_block, figures


def _warm_up(run: Callable[[], object], prepare: Callable[[int], None], plan: Plan) -> float:
    """Run until caches are warm; return the mean cost of the later half of the warm-up calls."""
    costs: list[float] = []
    deadline = time.perf_counter() + plan.warmup_seconds
    while len(costs) < plan.min_warmup_calls or time.perf_counter() < deadline:
        prepare(1)
        start = time.perf_counter()
        run()
        costs.append(time.perf_counter() - start)
    later = costs[len(costs) // 2 :]
    return sum(later) / len(later)
