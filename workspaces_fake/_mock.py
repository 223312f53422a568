"""``mock_workspaces``: one object that is a decorator (sync, async, class) and a context manager.

It touches neither credentials, nor ``os.environ``, nor boto3's default session: activation only pushes an
entry on the activation stack that the botocore handlers read. Nested activations join the outermost
one's world; leaving the outermost throws that world away.
"""

from __future__ import annotations

import functools
import inspect
import os
import sys
from types import TracebackType
from typing import TYPE_CHECKING, Any, Callable, Optional, TypeVar, overload

from ._defaults import DEFAULT_ACCOUNT_ID, FALLBACK_REGION
from ._hook import ACTIVE, Config

if TYPE_CHECKING:
    import unittest

    from .backend import WorkspacesBackend

T = TypeVar("T")


class MockWorkspaces:
    """An activation of the fake; see :func:`mock_workspaces`."""

    def __init__(
        self,
        *,
        account_id: Optional[str] = None,
        region: Optional[str] = None,
        lifecycle: Optional[str] = None,
        seed: int = 0,
        real_backoff: bool = False,
        any_region: bool = False,
        moto_bridge: bool = True,
    ) -> None:
        if lifecycle is not None:
            _check_mode(lifecycle)
        self._config = Config(account_id, region, lifecycle, seed, real_backoff, any_region, moto_bridge)
        self._started: list[Config] = []

    @property
    def backend(self) -> WorkspacesBackend:
        """The backend of this activation's account in its default region (while active)."""
        world = ACTIVE.world
        if world is None or not self._started:
            raise RuntimeError("mock_workspaces is not active; call start() or use it as a context manager")
        config = self._started[-1]
        return world.backend(config.account_id or DEFAULT_ACCOUNT_ID, config.region or FALLBACK_REGION)

    def _joined(self) -> Config:
        """This activation's settings, what it leaves open taken from the activation it joins.

        So ``with mock_workspaces():`` inside ``@mock_workspaces(region="eu-west-1", account_id=...)`` is
        the same account and region, not a switch to the defaults.
        """
        asked, outer = self._config, ACTIVE.top()
        account_id = asked.account_id or (outer.account_id if outer else None) or DEFAULT_ACCOUNT_ID
        region = (
            asked.region
            or (outer.region if outer else None)
            or os.environ.get("AWS_DEFAULT_REGION")
            or FALLBACK_REGION
        )
        real_backoff = asked.real_backoff or (outer.real_backoff if outer else False)
        any_region = asked.any_region or (outer.any_region if outer else False)
        moto_bridge = asked.moto_bridge and (outer.moto_bridge if outer else True)
        return Config(account_id, region, asked.lifecycle, asked.seed, real_backoff, any_region, moto_bridge)

    def start(self) -> WorkspacesBackend:
        """Activate (joining an outer activation if there is one) and return the default backend."""
        config = self._joined()
        ACTIVE.push(config)
        self._started.append(config)
        backend = self.backend
        if config.lifecycle is not None:
            backend.lifecycle.mode = config.lifecycle
        return backend

    def stop(self) -> None:
        """Deactivate; the outermost stop throws the world away. Stopping an inactive mock is an error."""
        if not self._started:
            raise RuntimeError("mock_workspaces.stop() called without a matching start()")
        ACTIVE.pop(self._started.pop())

    def __enter__(self) -> WorkspacesBackend:
        return self.start()

    def __exit__(
        self,
        exc_type: Optional[type[BaseException]],
        exc: Optional[BaseException],
        tb: Optional[TracebackType],
    ) -> None:
        self.stop()

    async def __aenter__(self) -> WorkspacesBackend:
        return self.start()

    async def __aexit__(
        self,
        exc_type: Optional[type[BaseException]],
        exc: Optional[BaseException],
        tb: Optional[TracebackType],
    ) -> None:
        self.stop()

    def __call__(self, target: T) -> T:
        """Decorate a function, a coroutine function or a class."""
        if inspect.isclass(target):
            return self._decorate_class(target)  # type: ignore[return-value]
        if not callable(target):
            raise TypeError(f"mock_workspaces decorates functions and classes, not {type(target).__name__}")
        return self._decorate_callable(target)  # type: ignore[return-value]

    def _fresh(self) -> MockWorkspaces:
        return MockWorkspaces(
            account_id=self._config.account_id,
            region=self._config.region,
            lifecycle=self._config.lifecycle,
            seed=self._config.seed,
            real_backoff=self._config.real_backoff,
            any_region=self._config.any_region,
            moto_bridge=self._config.moto_bridge,
        )

    def _decorate_callable(self, func: Callable[..., Any]) -> Callable[..., Any]:
        if inspect.iscoroutinefunction(func):

            @functools.wraps(func)
            async def async_wrapper(*args: Any, **kwargs: Any) -> Any:
                with self._fresh():
                    return await func(*args, **kwargs)

            return async_wrapper

        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            with self._fresh():
                return func(*args, **kwargs)

        return wrapper

    def _decorate_class(self, cls: type[Any]) -> type[Any]:
        if _is_testcase(cls):
            return self._decorate_testcase(cls)
        for name in dir(cls):
            attr = inspect.getattr_static(cls, name)
            # Plain functions only (inherited ones too); static and class methods are left alone.
            if name.startswith("test") and inspect.isfunction(attr):
                setattr(cls, name, self._decorate_callable(attr))
        return cls

    def _decorate_testcase(self, cls: type[unittest.TestCase]) -> type[unittest.TestCase]:
        """A TestCase's setUp, test and tearDown share one activation, as moto's class decorator does."""
        original = cls.setUp
        factory = self._fresh

        @functools.wraps(original)
        def set_up(case: unittest.TestCase) -> None:
            mock = factory()
            mock.start()
            case.addCleanup(mock.stop)
            original(case)

        cls.setUp = set_up  # type: ignore[method-assign,assignment]
        return cls


def _check_mode(lifecycle: str) -> None:
    from .lifecycle import MODES  # imported here: ``import workspaces_fake`` leaves the engine unloaded

    if lifecycle not in MODES:
        raise ValueError(f"lifecycle must be one of {', '.join(MODES)}; got {lifecycle!r}")


def _is_testcase(cls: type[Any]) -> bool:
    """True for a unittest.TestCase subclass, without importing unittest (no TestCase exists without it)."""
    module = sys.modules.get("unittest")
    return module is not None and issubclass(cls, module.TestCase)


@overload
def mock_workspaces(target: T) -> T: ...


@overload
def mock_workspaces(
    target: None = None,
    *,
    account_id: Optional[str] = ...,
    region: Optional[str] = ...,
    lifecycle: Optional[str] = ...,
    seed: int = ...,
    real_backoff: bool = ...,
    any_region: bool = ...,
    moto_bridge: bool = ...,
) -> MockWorkspaces: ...


def mock_workspaces(
    target: Any = None,
    *,
    account_id: Optional[str] = None,
    region: Optional[str] = None,
    lifecycle: Optional[str] = None,
    seed: int = 0,
    real_backoff: bool = False,
    any_region: bool = False,
    moto_bridge: bool = True,
) -> Any:
    """Answer every WorkSpaces call in-process while active.

    Use it bare (``@mock_workspaces``), with arguments (``@mock_workspaces(lifecycle="timed")``), on a
    function, a coroutine function or a class, or as ``with mock_workspaces() as backend:``.
    ``account_id`` defaults to 123456789012 and ``region`` to AWS_DEFAULT_REGION, else us-east-1; a nested
    activation joins the outer one's world and inherits the settings it does not give.

    botocore's retry back-off costs no wall-clock time for WorkSpaces calls: the fake's clock moves by the
    delay botocore asked for, recorded as ``Call.backoff``. ``real_backoff=True`` sleeps for real.

    A client in a region where WorkSpaces is not offered (botocore's endpoint data) gets the
    EndpointConnectionError the real client would get; ``any_region=True`` answers it anyway.

    When moto's mock is active too, the calls that concern other services (RegisterWorkspaceDirectory's
    directory and subnets) are checked against moto's Directory Service and EC2 (docs/usage.md "With moto");
    ``moto_bridge=False`` turns that off and the fake behaves as without moto.
    """
    mock = MockWorkspaces(
        account_id=account_id,
        region=region,
        lifecycle=lifecycle,
        seed=seed,
        real_backoff=real_backoff,
        any_region=any_region,
        moto_bridge=moto_bridge,
    )
    return mock if target is None else mock(target)
