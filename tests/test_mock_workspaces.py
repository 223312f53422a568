"""``mock_workspaces``: decorator (bare, with arguments, async, class, TestCase), context manager, start/stop.

Also what activation must not do: touch ``os.environ``, credentials or boto3's default session.
"""

from __future__ import annotations

import asyncio
import os
import unittest
from typing import Any

import boto3
import pytest

from workspaces_fake import WorkspacesBackend, _hook, mock_workspaces
from workspaces_fake.backend import DEFAULT_ACCOUNT_ID


def _call(region: str = "us-east-1") -> dict[str, Any]:
    response: dict[str, Any] = boto3.client("workspaces", region_name=region).describe_workspaces()
    return response


def _current() -> WorkspacesBackend:
    """The default backend of the world that is active now (joining it, as a nested block would)."""
    with mock_workspaces() as backend:
        return backend


def _active() -> bool:
    return _hook.ACTIVE.world is not None


# ----------------------------------------------------------------------------------------- decorator
def test_decorator_bare_activates_during_the_call_only() -> None:
    seen: list[int] = []

    @mock_workspaces
    def body(x: int) -> int:
        _call()
        seen.append(len(_current().calls))
        return x + 1

    assert not _active()
    assert body(1) == 2
    assert seen == [1]
    assert not _active()
    assert body.__name__ == "body"


def test_decorator_with_arguments_configures_the_activation() -> None:
    @mock_workspaces(account_id="111122223333", region="eu-west-1", lifecycle="timed", seed=7)
    def body() -> WorkspacesBackend:
        _call("eu-west-1")
        return _current()

    backend = body()
    assert (backend.account_id, backend.region_name) == ("111122223333", "eu-west-1")
    assert backend.lifecycle.mode == "timed"
    assert backend.world.seed == 7
    assert len(backend.calls) == 1


def test_decorator_each_call_gets_a_fresh_world() -> None:
    @mock_workspaces
    def body() -> int:
        _call()
        return len(_current().calls)

    assert [body(), body()] == [1, 1]


def test_decorator_async_is_active_while_the_coroutine_runs() -> None:
    @mock_workspaces
    async def body() -> int:
        await asyncio.sleep(0)  # yields to the loop: still active afterwards
        _call()
        return len(_current().calls)

    coroutine = body()
    assert not _active()  # creating the coroutine does not activate
    assert asyncio.run(coroutine) == 1
    assert not _active()


def test_decorator_async_with_arguments() -> None:
    @mock_workspaces(region="ap-southeast-2")
    async def body() -> str:
        return _current().region_name

    assert asyncio.run(body()) == "ap-southeast-2"


def test_async_context_manager() -> None:
    async def body() -> int:
        async with mock_workspaces() as backend:
            _call()
            return len(backend.calls)

    assert asyncio.run(body()) == 1
    assert not _active()


def test_decorator_rejects_non_callables() -> None:
    with pytest.raises(TypeError):
        mock_workspaces()(42)


def test_lifecycle_argument_unknown_raises() -> None:
    with pytest.raises(ValueError, match="lifecycle must be one of"):
        mock_workspaces(lifecycle="eventually")


# ----------------------------------------------------------------------------------------- classes
class _Base:
    def test_inherited(self) -> int:
        _call()
        return len(_current().calls)


def test_class_decorator_wraps_every_test_method_including_inherited() -> None:
    @mock_workspaces
    class Suite(_Base):
        def test_own(self) -> int:
            _call()
            _call()
            return len(_current().calls)

        def helper(self) -> bool:
            return _active()

        @staticmethod
        def test_static() -> bool:
            return _active()

    suite = Suite()
    assert suite.test_own() == 2
    assert suite.test_inherited() == 1  # a fresh world per test method
    assert suite.helper() is False
    assert Suite.test_static() is False
    assert _Base().test_inherited.__qualname__ == "_Base.test_inherited"  # the base is untouched


def test_class_decorator_testcase_setup_test_teardown_share_one_activation() -> None:
    observed: list[tuple[str, int]] = []

    @mock_workspaces(region="eu-central-1")
    class Case(unittest.TestCase):
        def setUp(self) -> None:
            _call("eu-central-1")
            observed.append(("setUp", len(_current().calls)))

        def tearDown(self) -> None:
            observed.append(("tearDown", len(_current().calls)))

        def test_one(self) -> None:
            _call("eu-central-1")
            observed.append(("test", len(_current().calls)))

    result = unittest.TestResult()
    unittest.defaultTestLoader.loadTestsFromTestCase(Case).run(result)
    assert result.wasSuccessful(), result.errors + result.failures
    assert observed == [("setUp", 1), ("test", 2), ("tearDown", 2)]
    assert not _active()


def test_class_decorator_testcase_each_test_starts_fresh() -> None:
    counts: list[int] = []

    @mock_workspaces
    class Case(unittest.TestCase):
        def test_a(self) -> None:
            _call()
            counts.append(len(_current().calls))

        def test_b(self) -> None:
            _call()
            counts.append(len(_current().calls))

    result = unittest.TestResult()
    unittest.defaultTestLoader.loadTestsFromTestCase(Case).run(result)
    assert result.wasSuccessful(), result.errors + result.failures
    assert counts == [1, 1]


@mock_workspaces
class TestClassDecoratorWithFixture:
    """A class decorator and the fixture in one test: one world (the fixture's, joined by the decorator)."""

    def test_class_decorator_and_fixture_share_one_world(self, workspaces_backend: WorkspacesBackend) -> None:
        _call(workspaces_backend.region_name)
        assert _current() is workspaces_backend
        assert len(workspaces_backend.calls) == 1


# ----------------------------------------------------------------------------------------- context manager
def test_context_manager_yields_default_backend() -> None:
    with mock_workspaces() as backend:
        assert backend.account_id == DEFAULT_ACCOUNT_ID == "123456789012"
        assert backend.region_name == (os.environ.get("AWS_DEFAULT_REGION") or "us-east-1")
        assert backend.lifecycle.mode == "instant"
        _call(backend.region_name)
        assert len(backend.calls) == 1
    assert not _active()


def test_context_manager_region_is_default_backend_and_siblings_are_per_region() -> None:
    with mock_workspaces(region="eu-west-1") as backend:
        _call("eu-west-1")
        _call("us-west-2")
        sibling = backend.in_region("us-west-2")
        assert len(backend.calls) == 1
        assert len(sibling.calls) == 1
        assert sibling.account_id == backend.account_id
        assert sibling.in_region("eu-west-1") is backend


def test_start_stop() -> None:
    mock = mock_workspaces()
    backend = mock.start()
    try:
        _call(backend.region_name)
        assert mock.backend is backend
        assert len(backend.calls) == 1
    finally:
        mock.stop()
    assert not _active()
    with pytest.raises(RuntimeError, match="not active"):
        _ = mock.backend


def test_stop_without_start_raises() -> None:
    with pytest.raises(RuntimeError, match="without a matching start"):
        mock_workspaces().stop()


def test_same_mock_started_twice_needs_two_stops() -> None:
    mock = mock_workspaces()
    mock.start()
    mock.start()
    mock.stop()
    assert _active()
    mock.stop()
    assert not _active()


def test_seed_makes_ids_deterministic() -> None:
    def minted(seed: int) -> list[str]:
        with mock_workspaces(seed=seed) as backend:
            return [backend.ids.mint("ws"), backend.ids.mint("ws")]

    assert minted(1) == minted(1)
    assert minted(1) != minted(2)


def test_account_id_routes_calls_to_that_account() -> None:
    with mock_workspaces(account_id="444455556666") as backend:
        _call(backend.region_name)
        assert len(backend.calls) == 1
        assert len(backend.in_account(DEFAULT_ACCOUNT_ID).calls) == 0


# ----------------------------------------------------------------------------------------- nesting
def test_nested_blocks_see_one_world_and_only_outermost_exit_discards_it() -> None:
    with mock_workspaces() as outer:
        _call(outer.region_name)
        with mock_workspaces() as inner:
            assert inner is outer
            _call(outer.region_name)
        assert _active()
        _call(outer.region_name)
        assert len(outer.calls) == 3
    assert not _active()
    with mock_workspaces() as fresh:
        assert fresh is not outer
        assert len(fresh.calls) == 0


def test_nested_inner_account_applies_while_inner_is_active() -> None:
    with mock_workspaces() as outer:
        with mock_workspaces(account_id="777788889999") as inner:
            _call(outer.region_name)
        _call(outer.region_name)
    assert inner.account_id == "777788889999"
    assert (len(inner.calls), len(outer.calls)) == (1, 1)


def test_nested_out_of_order_stop_keeps_the_world_until_the_last_stop() -> None:
    first, second = mock_workspaces(), mock_workspaces(region="eu-west-1")
    backend = first.start()
    second.start()
    first.stop()  # out of order: the world survives while ``second`` is active
    assert _active()
    assert _current().in_region(backend.region_name) is backend
    second.stop()
    assert not _active()


# ----------------------------------------------------------------------------------------- side effects
def test_activation_leaves_environment_exactly_as_found(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("AWS_ACCESS_KEY_ID", raising=False)
    before = dict(os.environ)
    with mock_workspaces() as backend:
        assert dict(os.environ) == before
        _call(backend.region_name)
        assert dict(os.environ) == before

    @mock_workspaces
    def decorated() -> None:
        _call()

    decorated()
    assert dict(os.environ) == before


def test_activation_keeps_boto3_default_session() -> None:
    boto3.setup_default_session()
    session = boto3.DEFAULT_SESSION
    with mock_workspaces():
        boto3.client("workspaces", region_name="us-east-1").describe_workspaces()
    assert boto3.DEFAULT_SESSION is session


def test_activation_creates_no_boto3_default_session(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(boto3, "DEFAULT_SESSION", None)
    with mock_workspaces() as backend:
        assert boto3.DEFAULT_SESSION is None
        assert backend.region_name
    assert boto3.DEFAULT_SESSION is None
