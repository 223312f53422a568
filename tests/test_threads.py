"""Concurrency: threads sharing one client lose nothing; backends are created once per (account, region).

The switch interval is made tiny so threads interleave inside handlers; a read-modify-write handler
would lose updates if the pipeline did not hold the backend's lock for the whole call.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable

import boto3
import pytest
from botocore.exceptions import ClientError

from workspaces_fake import WorkspacesBackend, _validate, mock_workspaces
from workspaces_fake.backend import World

THREADS = 8
CALLS = 25

FakeHandler = Callable[[str], Callable[[Callable[..., Any]], Callable[..., Any]]]


@pytest.fixture(autouse=True)
def _eager_switching() -> Iterator[None]:
    previous = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    yield
    sys.setswitchinterval(previous)


@pytest.fixture
def counter(fake_handler: FakeHandler) -> None:
    """CreateTags increments a per-resource counter by reading, yielding the GIL, and writing back."""

    @fake_handler("CreateTags")
    def create_tags(backend: WorkspacesBackend, *, resource_id: str, tags: list[Any]) -> Any:
        current = backend.tags.setdefault(resource_id, {})
        seen = int(current.get("count", "0"))
        time.sleep(0)  # a zero-length yield of the GIL (no waiting): other threads run between read and write
        for item in tags:
            current[item["Key"]] = item["Value"]
        current["count"] = str(seen + 1)
        return {}


def _hammer(client: Any, thread: int) -> None:
    for call in range(CALLS):
        tag = {"Key": f"t{thread}-{call}", "Value": "x"}
        client.create_tags(ResourceId="ws-abcdefgh1", Tags=[tag])


def test_threads_sharing_one_client_lose_nothing(
    client: Any, workspaces_backend: WorkspacesBackend, counter: None
) -> None:
    with ThreadPoolExecutor(THREADS) as pool:
        list(pool.map(lambda n: _hammer(client, n), range(THREADS)))
    tags = workspaces_backend.tags["ws-abcdefgh1"]
    assert tags["count"] == str(THREADS * CALLS)
    assert len(tags) == THREADS * CALLS + 1
    assert len(workspaces_backend.calls.of("CreateTags")) == THREADS * CALLS
    assert len({call.request_id for call in workspaces_backend.calls}) == THREADS * CALLS


def test_threads_in_many_regions_each_region_created_once(counter: None) -> None:
    regions = ["us-east-1", "us-west-2", "eu-west-1", "eu-central-1"]
    with mock_workspaces() as backend:
        clients = [boto3.client("workspaces", region_name=r) for r in regions]
        with ThreadPoolExecutor(THREADS) as pool:
            list(pool.map(lambda n: _hammer(clients[n % len(regions)], n), range(THREADS)))
        world = backend.world
        assert sorted(b.region_name for b in world.backends()) == sorted(regions)
        for region in regions:
            sibling = backend.in_region(region)
            assert len(sibling.calls) == CALLS * THREADS // len(regions)
            assert sibling.tags["ws-abcdefgh1"]["count"] == str(CALLS * THREADS // len(regions))


def test_world_backend_created_lazily_once_under_contention() -> None:
    world = World()
    start = threading.Barrier(THREADS)
    found: list[WorkspacesBackend] = []

    def get() -> None:
        start.wait()
        found.append(world.backend("123456789012", "sa-east-1"))

    threads = [threading.Thread(target=get) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len({id(b) for b in found}) == 1
    assert world.backends() == [found[0]]


def test_fault_rule_fires_exactly_times_under_contention(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    workspaces_backend.faults.on("DescribeWorkspaces").fail("AccessDeniedException", times=10)
    denied: list[int] = []

    def call(_: int) -> None:
        # Matched by code, not by client.exceptions: botocore builds that attribute lazily without a lock,
        # so threads touching it first can each get their own classes and miss one another's raises.
        try:
            client.describe_workspaces()
        except ClientError as error:
            if error.response["Error"]["Code"] != "AccessDeniedException":
                raise
            denied.append(1)

    with ThreadPoolExecutor(THREADS) as pool:
        list(pool.map(call, range(40)))
    assert len(denied) == 10
    assert workspaces_backend.faults.pending() == []


def test_a_request_shape_compiled_in_one_thread_is_not_used_half_made_by_another(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Two regions' backends answer at once, so two threads can validate the same new shape together.

    The first thread is held in the middle of compiling CreateTagsRequest's predicate; the second must
    wait for it, not pick up the unfinished entry (that once recursed until RecursionError, and CI saw a
    WorkspacesFakeInternalError from CreateTags).
    """
    monkeypatch.setattr(_validate, "_PREDICATES", {})  # every shape compiles afresh in this test
    compiling, release = threading.Event(), threading.Event()
    compile_predicate = _validate._compile_predicate

    def held(shape: Any) -> Any:
        if shape.name == "CreateTagsRequest":
            compiling.set()
            release.wait(10)
        return compile_predicate(shape)

    monkeypatch.setattr(_validate, "_compile_predicate", held)
    failures: list[BaseException] = []

    def tag(client: Any, workspace_id: str) -> None:
        try:
            client.create_tags(ResourceId=workspace_id, Tags=[{"Key": "k", "Value": "v"}])
        except BaseException as error:  # reported by the assertion below, not lost in the thread
            failures.append(error)

    regions = ("us-east-1", "us-west-2")
    with mock_workspaces() as backend:
        threads = [
            threading.Thread(
                target=tag,
                args=(
                    boto3.client("workspaces", region_name=region),
                    backend.in_region(region).add_workspace().workspace_id,
                ),
            )
            for region in regions
        ]
        threads[0].start()
        assert compiling.wait(10)
        threads[1].start()
        threads[1].join(0.5)  # with the old registry the second call failed at once; now it waits
        release.set()
        for thread in threads:
            thread.join(10)
        assert failures == []
        assert [len(backend.in_region(r).calls.of("CreateTags")) for r in regions] == [1, 1]
