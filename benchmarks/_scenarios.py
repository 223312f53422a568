"""What is measured: the scenarios, the contenders, and the world sizes of a full and a smoke run."""

from __future__ import annotations

from dataclasses import dataclass

CALL = "call"
"""A steady-state unit of work, timed in blocks after a warm-up, all in one interpreter."""
COLD = "cold"
"""One fresh interpreter per repetition: import, activation, client creation, first call."""
MEMORY = "memory"
"""Resident memory per WorkSpace once a large world exists."""

FAKE = "workspaces_fake"
STUBBER = "stubber"
MOTO = "moto"
CONTENDERS = (FAKE, STUBBER, MOTO)
"""In running order: the fake first, because the Stubber replays the fake's recorded answers."""

LABELS = {FAKE: "workspaces_fake", STUBBER: "Stubber", MOTO: "moto"}


@dataclass(frozen=True)
class Scenario:
    """One row of the report. ``title`` may use ``{size}``, the WorkSpaces present in this run."""

    key: str
    title: str
    kind: str = CALL
    size: int = 0
    smoke_size: int = 0

    def size_for(self, smoke: bool) -> int:
        """How many WorkSpaces the world holds in a full or in a smoke run."""
        return self.smoke_size if smoke else self.size

    def label(self, smoke: bool) -> str:
        """The title with the size of this run filled in."""
        return self.title.format(size=f"{self.size_for(smoke):,}")


SCENARIOS = (
    Scenario("describe-empty", "DescribeWorkspaces, empty world"),
    Scenario("create-one", "CreateWorkspaces of one"),
    Scenario("page-25", "DescribeWorkspaces page of 25, {size} present", size=25, smoke_size=25),
    Scenario("page-1000", "DescribeWorkspaces page of 25, {size} present", size=1_000, smoke_size=60),
    Scenario("page-10000", "DescribeWorkspaces page of 25, {size} present", size=10_000, smoke_size=120),
    Scenario("id-25", "DescribeWorkspaces by one id, {size} present", size=25, smoke_size=25),
    Scenario("id-10000", "DescribeWorkspaces by one id, {size} present", size=10_000, smoke_size=120),
    Scenario("app-cycle", "Associate + deploy + describe associations (3 calls)"),
    Scenario("describe-applications", "DescribeApplications, first page"),
    Scenario("minimal-test", "Minimal test: activate, boto3.client, one call, deactivate"),
    Scenario("cold-start", "Fresh interpreter, boto3 already imported", kind=COLD),
    Scenario(
        "memory", "Resident memory per WorkSpace, {size} present", kind=MEMORY, size=100_000, smoke_size=500
    ),
)

BY_KEY = {scenario.key: scenario for scenario in SCENARIOS}

COLD_PHASES = ("import", "activate", "client", "first_call")
"""The phases a cold interpreter times, in the order the fake and moto go through them."""
