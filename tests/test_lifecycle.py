"""The lifecycle engine and the clock, on a tiny test-only table (independent of the resource families).

A fake CreateWorkspaces puts a dummy resource into PENDING; a fake DescribeWorkspaces lists the dummies.
Every call observes the backend first, so what the client sees is what the engine allows at that moment.

    PENDING --20 min--> STARTING --5 min--> AVAILABLE (or ERROR, decided by a resolver when it happens)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any, Callable

import pytest

from workspaces_fake import WorkspacesBackend, errors, mock_workspaces
from workspaces_fake._store import Store
from workspaces_fake.clock import Clock
from workspaces_fake.lifecycle import Step, Table, minutes

T0 = datetime(2026, 5, 4, 9, 0, 0, tzinfo=timezone.utc)

FakeHandler = Callable[[str], Callable[[Callable[..., Any]], Callable[..., Any]]]


@dataclass
class _Dummy:
    workspace_id: str
    fail: bool = False
    state: str = ""
    state_since: datetime = field(default_factory=lambda: T0)


ENTERED: list[tuple[str, str, datetime]] = []


def _finish(backend: WorkspacesBackend, resource: _Dummy, at: datetime) -> str:
    return "ERROR" if resource.fail else "AVAILABLE"


def _record(backend: WorkspacesBackend, resource: _Dummy, state: str, at: datetime) -> None:
    ENTERED.append((resource.workspace_id, state, at))


TABLE = Table(
    "Dummy",
    steps={"PENDING": Step("STARTING", minutes(20)), "STARTING": Step(_finish, minutes(5))},
    on_enter=_record,
)


@pytest.fixture
def dummies(fake_handler: FakeHandler) -> dict[str, _Dummy]:
    """Test-only Create/Describe handlers over a dict of dummy resources."""
    store: dict[str, _Dummy] = {}
    ENTERED.clear()

    @fake_handler("CreateWorkspaces")
    def create_workspaces(backend: WorkspacesBackend, *, workspaces: list[Any]) -> Any:
        created = []
        for request in workspaces:
            dummy = _Dummy(backend.ids.mint("ws"), fail=request["UserName"] == "fail")
            backend.lifecycle.enter(dummy, TABLE, "PENDING")
            store[dummy.workspace_id] = dummy
            created.append(dummy)
        return {"FailedRequests": [], "PendingRequests": created}

    @fake_handler("DescribeWorkspaces")
    def describe_workspaces(backend: WorkspacesBackend) -> Any:
        return {"Workspaces": list(store.values())}

    return store


def _create(client: Any, user: str = "alice") -> tuple[str, str]:
    request = {"DirectoryId": "d-1234567890", "UserName": user, "BundleId": "wsb-abcdefgh1"}
    (pending,) = client.create_workspaces(Workspaces=[request])["PendingRequests"]
    return pending["WorkspaceId"], pending["State"]


def _states(client: Any) -> list[str]:
    return [w["State"] for w in client.describe_workspaces()["Workspaces"]]


# ----------------------------------------------------------------------------------------- instant
def test_instant_creating_call_answers_transitional_state_next_call_sees_final(
    client: Any, dummies: dict[str, _Dummy], workspaces_backend: WorkspacesBackend
) -> None:
    assert workspaces_backend.lifecycle.mode == "instant"
    _, state = _create(client)
    assert state == "PENDING"
    assert workspaces_backend.lifecycle.pending() == 1
    assert _states(client) == ["AVAILABLE"]
    assert workspaces_backend.lifecycle.pending() == 0
    assert [state for _, state, _ in ENTERED] == ["PENDING", "STARTING", "AVAILABLE"]


def test_instant_resolver_decides_the_outcome(client: Any, dummies: dict[str, _Dummy]) -> None:
    _create(client, "fail")
    _create(client, "bob")
    assert _states(client) == ["ERROR", "AVAILABLE"]


# ----------------------------------------------------------------------------------------- timed
@pytest.mark.workspaces(lifecycle="timed")
def test_timed_steps_follow_clock_advance(
    client: Any, dummies: dict[str, _Dummy], workspaces_backend: WorkspacesBackend
) -> None:
    wid, _ = _create(client)
    created = dummies[wid].state_since
    workspaces_backend.clock.advance(minutes=19, seconds=59)
    assert _states(client) == ["PENDING"]
    workspaces_backend.clock.advance(seconds=1)
    assert _states(client) == ["STARTING"]
    assert dummies[wid].state_since == created + timedelta(minutes=20)
    workspaces_backend.clock.advance(minutes=5)
    assert _states(client) == ["AVAILABLE"]


@pytest.mark.workspaces(lifecycle="timed")
def test_timed_large_jump_crosses_several_states_stamped_with_due_times(
    client: Any, dummies: dict[str, _Dummy], workspaces_backend: WorkspacesBackend
) -> None:
    wid, _ = _create(client)
    created = dummies[wid].state_since
    workspaces_backend.clock.advance(hours=3)
    assert _states(client) == ["AVAILABLE"]
    assert [
        (wid, "PENDING", created),
        (wid, "STARTING", created + timedelta(minutes=20)),
        (wid, "AVAILABLE", created + timedelta(minutes=25)),
    ] == ENTERED


@pytest.mark.workspaces(lifecycle="timed")
def test_timed_with_time_libraries(
    client: Any,
    dummies: dict[str, _Dummy],
    workspaces_backend: WorkspacesBackend,
    time_travel: Callable[[datetime], Any],
) -> None:
    traveller = time_travel(T0)
    wid, _ = _create(client)
    assert dummies[wid].state_since == T0
    assert workspaces_backend.clock.now() == T0
    traveller.move_to(T0 + timedelta(minutes=21))
    assert _states(client) == ["STARTING"]
    traveller.move_to(T0 + timedelta(hours=2))
    assert _states(client) == ["AVAILABLE"]
    assert dummies[wid].state_since == T0 + timedelta(minutes=25)


# ----------------------------------------------------------------------------------------- manual
@pytest.mark.workspaces(lifecycle="manual")
def test_manual_only_settle_moves_state(
    client: Any, dummies: dict[str, _Dummy], workspaces_backend: WorkspacesBackend
) -> None:
    _create(client)
    workspaces_backend.clock.advance(hours=10)
    assert _states(client) == ["PENDING"]
    workspaces_backend.settle()
    assert _states(client) == ["AVAILABLE"]


@pytest.mark.workspaces(lifecycle="manual")
def test_mode_switch_to_timed_applies_overdue_steps(
    client: Any, dummies: dict[str, _Dummy], workspaces_backend: WorkspacesBackend
) -> None:
    _create(client)
    workspaces_backend.clock.advance(minutes=21)
    assert _states(client) == ["PENDING"]
    workspaces_backend.lifecycle.mode = "timed"
    assert _states(client) == ["STARTING"]


def test_mock_workspaces_lifecycle_argument_sets_mode() -> None:
    with mock_workspaces(lifecycle="manual") as backend:
        assert backend.lifecycle.mode == "manual"
        assert backend.in_region("eu-west-1").lifecycle.mode == "manual"
        with pytest.raises(ValueError, match="lifecycle mode must be one of"):
            backend.lifecycle.mode = "sometimes"


# ----------------------------------------------------------------------------------------- engine details
def test_forget_stops_moving_a_resource() -> None:
    with mock_workspaces() as backend:
        dummy = _Dummy("ws-forgotten1")
        backend.lifecycle.enter(dummy, TABLE, "PENDING")
        backend.lifecycle.forget(dummy)
        backend.settle()
        assert dummy.state == "PENDING"
        assert backend.lifecycle.pending() == 0


def test_reenter_supersedes_the_scheduled_step() -> None:
    with mock_workspaces(lifecycle="timed") as backend:
        dummy = _Dummy("ws-reentered")
        backend.lifecycle.enter(dummy, TABLE, "PENDING")
        backend.lifecycle.enter(dummy, TABLE, "STOPPED")  # a stable state: nothing scheduled any more
        backend.clock.advance(hours=1)
        backend.observe()
        assert dummy.state == "STOPPED"


def test_reset_forgets_scheduled_steps_and_state() -> None:
    with mock_workspaces() as backend:
        backend.lifecycle.enter(_Dummy("ws-resetting1"), TABLE, "PENDING")
        backend.faults.on("DescribeWorkspaces").fail("ThrottlingException")
        backend.reset()
        assert backend.lifecycle.pending() == 0
        assert backend.faults.pending() == []
        assert len(backend.calls) == 0


def test_store_read_observes_and_require_names_the_id() -> None:
    with mock_workspaces() as backend:
        store: Store[_Dummy] = Store(backend, "dummy")
        dummy = store.put("ws-stored001", _Dummy("ws-stored001"))
        backend.lifecycle.enter(dummy, TABLE, "PENDING")
        assert store.get("ws-stored001") is dummy
        assert dummy.state == "AVAILABLE"  # reading let time catch up (instant mode)
        assert "ws-stored001" in store and len(store) == 1 and store.ids() == ["ws-stored001"]
        assert list(store) == [dummy] and store["ws-stored001"] is dummy
        with pytest.raises(errors.ResourceNotFoundException) as caught:
            store.require("ws-missing01")
        assert caught.value.fields == {"resource_id": "ws-missing01"}
        assert caught.value.message == "The dummy ws-missing01 could not be found."
        assert store.remove("ws-stored001") is dummy and store.get("ws-stored001") is None


# ----------------------------------------------------------------------------------------- clock
def test_clock_reads_wall_clock_at_each_call(time_travel: Callable[[datetime], Any]) -> None:
    clock = Clock()
    traveller = time_travel(T0)
    assert clock.now() == T0
    traveller.move_to(T0 + timedelta(days=1))
    assert clock.now() == T0 + timedelta(days=1)
    assert clock.now().tzinfo is not None


def test_clock_advance_moves_forward_only(time_travel: Callable[[datetime], Any]) -> None:
    time_travel(T0)
    clock = Clock()
    assert clock.advance(minutes=90) == T0 + timedelta(minutes=90)
    assert clock.offset == timedelta(minutes=90)
    with pytest.raises(ValueError, match="only moves forward"):
        clock.advance(seconds=-1)
    clock.reset()
    assert clock.now() == T0


def test_clock_is_shared_by_every_region() -> None:
    with mock_workspaces() as backend:
        assert backend.in_region("eu-west-1").clock is backend.clock
