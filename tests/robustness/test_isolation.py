"""Isolation: every activation starts from a clean world, and leaving it gives everything back.

The parametrized test below dirties the world in every way a test can (WorkSpaces, rows, tags, faults,
time) and checks first that nothing of that is there; under pytest-randomly its cases run in any order,
so a leak from one case into the next fails whichever runs second. See docs/testing.md for running the
whole suite in random order and under pytest-xdist.
"""

from __future__ import annotations

import gc
import tracemalloc
import weakref
from typing import Any, Callable

import pytest

from workspaces_fake import WorkspacesBackend, mock_workspaces
from workspaces_fake._hook import ACTIVE

from . import _world
from .conftest import REGION

ACTIVATIONS = 1000
ALLOWED_GROWTH = 256 * 1024  # bytes; a leak of one small world per activation would be ~100x this


def _dirty(backend: WorkspacesBackend, client: Any) -> None:
    made = _world.arrange(backend, client)
    backend.tags[made["windows"]] = {"leak": "yes"}
    backend.faults.on("DescribeWorkspaces").fail("ThrottlingException", times=5)
    backend.clock.advance(hours=5)


@pytest.mark.workspaces(assert_all_faults_fired=False)
@pytest.mark.parametrize("turn", range(3))
def test_isolation_each_test_starts_from_a_clean_world(
    turn: int, workspaces_backend: WorkspacesBackend, clients: dict[str, Any]
) -> None:
    client = clients["validating"]
    assert ACTIVE.depth == 1
    assert client.describe_workspaces()["Workspaces"] == []
    assert workspaces_backend.faults.pending() == []
    assert workspaces_backend.clock.offset.total_seconds() == 0
    assert len(workspaces_backend.calls) == 1
    _dirty(workspaces_backend, client)


def test_isolation_leaving_the_outermost_activation_frees_the_world(clients: dict[str, Any]) -> None:
    depth = ACTIVE.depth
    with mock_workspaces(region=REGION) as backend:
        _dirty(backend, clients["validating"])
        ref = weakref.ref(backend)
        del backend
    gc.collect()
    assert ref() is None, "a world outlived its activation"
    assert ACTIVE.depth == depth


def _light_activation(client: Any) -> None:
    with mock_workspaces(region=REGION) as backend:
        client.describe_workspaces()
        backend.tags["ws-0000000000"] = {"k": "v"}


def _full_activation(client: Any) -> None:
    """An activation that builds the catalogs, a WorkSpace and its rows (about 20 times the work)."""
    with mock_workspaces(region=REGION) as backend:
        backend.add_workspace()
        client.describe_workspaces()
        client.describe_applications()


@pytest.mark.parametrize(("activation", "count"), [(_light_activation, ACTIVATIONS), (_full_activation, 100)])
def test_isolation_repeated_activations_do_not_grow_memory(
    activation: Callable[[Any], None], count: int, clients: dict[str, Any]
) -> None:
    client = clients["validating"]
    for _ in range(50):  # warm every cache (botocore's, the codec's, the catalog's) first
        activation(client)
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.take_snapshot()
        for _ in range(count):
            activation(client)
        gc.collect()
        after = tracemalloc.take_snapshot()
    finally:
        tracemalloc.stop()
    growth = sum(stat.size_diff for stat in after.compare_to(before, "filename"))
    top = "\n".join(str(stat) for stat in after.compare_to(before, "lineno")[:5])
    assert growth < ALLOWED_GROWTH, f"{count} activations grew memory by {growth} bytes:\n{top}"
