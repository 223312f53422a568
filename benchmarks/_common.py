"""What the three contenders share inside their processes: the client, workloads, replay, memory.

Nothing here imports workspaces_fake or moto: a contender's module imports its own package when a
scenario asks for it, so the cold-start scenario can time that import.
"""

from __future__ import annotations

import gc
import importlib
import os
import sys
import time
from collections import deque
from collections.abc import Callable
from typing import Any, Optional

REGION = "us-east-1"
PAGE = 25

Request = tuple[str, dict[str, Any]]
"""A client method name (``describe_workspaces``) and its keyword arguments."""

Exchange = dict[str, Any]
"""One recorded call: ``method``, ``params`` and the parsed ``response`` without ResponseMetadata."""


class NotApplicable(Exception):
    """This contender cannot run this scenario; the message says why (shown in the report)."""


def new_client() -> Any:
    """A boto3 WorkSpaces client from the default session, made the same way for every contender."""
    import boto3

    return boto3.client("workspaces", region_name=REGION)


def _nothing() -> None:
    return None


class Workload:
    """One contender's unit of work for one scenario.

    ``prepare(n)`` arranges the next n units outside the timed region (fresh ids, queued Stubber
    responses); ``run()`` does one unit; ``close()`` deactivates whatever the workload activated.
    """

    def __init__(self, run: Callable[[], object], close: Callable[[], None] = _nothing) -> None:
        self.run = run
        self.close = close

    def prepare(self, count: int) -> None:
        """Arrange ``count`` more units (nothing to do by default)."""

    def record(self) -> Optional[list[Exchange]]:
        """One unit with its requests and responses, for the Stubber to replay (None: not a replay)."""
        return None


class Replay(Workload):
    """A unit is a short list of client calls; ``requests()`` makes the next unit's list, untimed."""

    def __init__(
        self, client: Any, requests: Callable[[], list[Request]], close: Callable[[], None] = _nothing
    ) -> None:
        super().__init__(self._run, close)
        self._client = client
        self._requests = requests
        self._queue: deque[list[tuple[Callable[..., Any], dict[str, Any]]]] = deque()

    def prepare(self, count: int) -> None:
        client = self._client
        for _ in range(count):
            self._queue.append([(getattr(client, method), params) for method, params in self._requests()])

    def _run(self) -> list[Any]:
        return [method(**params) for method, params in self._queue.popleft()]

    def record(self) -> Optional[list[Exchange]]:
        requests = self._requests()
        responses = [getattr(self._client, method)(**params) for method, params in requests]
        return [
            {"method": method, "params": params, "response": _without_metadata(response)}
            for (method, params), response in zip(requests, responses)
        ]


def _without_metadata(response: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in response.items() if key != "ResponseMetadata"}


def cold_start(package: str, activation: str) -> dict[str, float]:
    """Import ``package``, start its ``activation``, make a client and answer one call, timing each step.

    Run in a fresh interpreter that has imported boto3 and nothing of the contender's.
    """
    t0 = time.perf_counter()
    module = importlib.import_module(package)
    t1 = time.perf_counter()
    mock = getattr(module, activation)()
    mock.start()
    t2 = time.perf_counter()
    client = new_client()
    t3 = time.perf_counter()
    client.describe_workspaces()
    t4 = time.perf_counter()
    mock.stop()
    return {"import": t1 - t0, "activate": t2 - t1, "client": t3 - t2, "first_call": t4 - t3}


def growth_per_item(add: Callable[[int], object], size: int) -> float:
    """Resident bytes per item: the growth of the process while ``add(size)`` adds ``size`` items.

    A hundred items are added first, so that every code path and cache is warm before measuring.
    """
    add(100)
    gc.collect()
    before = resident_bytes()
    add(size)
    gc.collect()
    return (resident_bytes() - before) / size


def resident_bytes() -> int:
    """The resident set size of this process now (Linux), or its peak where only that is known."""
    try:
        with open("/proc/self/statm") as statm:
            pages = int(statm.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return int(peak if sys.platform == "darwin" else peak * 1024)
