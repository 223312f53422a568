"""Hypothesis profiles, shared clients and the fuzz statistics of the robustness harness.

Profiles (choose with ``HYPOTHESIS_PROFILE=<name>``; see docs/testing.md):

* ``ci`` (default): few, derandomized examples, so the suite is fast and every run explores the same cases.
* ``dev``: random examples, a few more of them, and Hypothesis' example database, for local work.
* ``explore``: as ``dev``, but failures are reported at once, unshrunk (stateful shrinking takes minutes).
* ``long``: thousands of random examples per test; run it on demand (minutes), e.g. before a release.
"""

from __future__ import annotations

import contextlib
import json
import os
import warnings
from collections import Counter, defaultdict
from collections.abc import Iterator
from typing import Any

import boto3
import pytest
from botocore.config import Config
from hypothesis import HealthCheck, Phase, settings

from workspaces_fake import _hook

# Hypothesis explains a failure with a patch built by libcst, whose import warns (a DeprecationWarning from
# mypy_extensions); under ``filterwarnings = error`` that warning would turn a failing example into a
# pytest INTERNALERROR. Importing libcst here, quietly, keeps failure reports readable.
with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    with contextlib.suppress(ImportError):  # libcst only matters when Hypothesis can use it
        import libcst  # noqa: F401

_SLOW_OK = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]

settings.register_profile(
    "ci", max_examples=40, stateful_step_count=50, deadline=None, derandomize=True, database=None,
    suppress_health_check=_SLOW_OK, print_blob=True,
)  # fmt: skip
settings.register_profile(
    "dev", max_examples=150, stateful_step_count=60, deadline=None, suppress_health_check=_SLOW_OK,
    print_blob=True,
)  # fmt: skip
settings.register_profile(
    "explore", parent=settings.get_profile("dev"), phases=[Phase.explicit, Phase.reuse, Phase.generate]
)
settings.register_profile(
    "long", max_examples=3000, stateful_step_count=100, deadline=None, suppress_health_check=_SLOW_OK,
    print_blob=True,
)  # fmt: skip
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

REGION = "us-east-1"
NO_RETRIES = {"max_attempts": 0, "mode": "standard"}


def make_client(*, validating: bool = True, wire: bool = False) -> Any:
    """A real boto3 client. ``validating=False`` turns off botocore's client-side checks, so broken
    values reach the fake; ``wire=True`` takes the fast door away, so every answer crosses the wire door
    and botocore's own parser (the differential view of the same engine)."""
    config = Config(retries=NO_RETRIES, parameter_validation=validating)
    client = boto3.client("workspaces", region_name=REGION, config=config)
    if wire:
        _hook.wire_only(client)
    return client


@pytest.fixture(scope="session")
def clients() -> dict[str, Any]:
    """The three client flavours the fuzzer alternates between, built once per session."""
    return {
        "validating": make_client(),
        "raw": make_client(validating=False),
        "wire": make_client(wire=True),
    }


class FuzzStats:
    """How many generated calls ran per operation, and how they ended (for the terminal summary)."""

    def __init__(self) -> None:
        self.outcomes: dict[str, Counter[str]] = defaultdict(Counter)
        self.not_supported: dict[str, Counter[str]] = defaultdict(Counter)
        self.examples: Counter[str] = Counter()

    def record(self, operation: str, outcome: str) -> None:
        self.outcomes[operation][outcome] += 1

    def lines(self) -> Iterator[str]:
        for operation in sorted(self.outcomes):
            counts = self.outcomes[operation]
            ends = ", ".join(f"{name} {n}" for name, n in counts.most_common())
            yield f"{operation}: {self.examples[operation]} examples, {sum(counts.values())} calls ({ends})"
        for operation, members in sorted(self.not_supported.items()):
            yield f"{operation}: WorkspacesFakeNotSupported for {dict(members)}"


STATS = FuzzStats()


@pytest.fixture(scope="session")
def fuzz_stats() -> FuzzStats:
    """The session's fuzz statistics."""
    return STATS


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Print what the fuzzers ran; ``FUZZ_STATS=path`` also writes it as JSON (one file per process)."""
    if not STATS.outcomes:
        return
    terminalreporter.section("workspaces_fake fuzz statistics")
    for line in STATS.lines():
        terminalreporter.write_line(line)
    target = os.environ.get("FUZZ_STATS")
    if target:
        data = {op: {"examples": STATS.examples[op], **dict(c)} for op, c in STATS.outcomes.items()}
        with open(target, "w", encoding="utf-8") as handle:
            json.dump(data, handle, indent=2, sort_keys=True)
