"""The pytest plugin (entry point ``pytest11``): the ``workspaces_backend`` fixture and its marker.

Importing this module imports ``workspaces_fake`` (cheap), so botocore sessions created while test modules
are collected already carry the fake's handlers. The fixture activates the fake for one test and yields the
backend of the marker's account and region; at teardown it fails the test if a fault rule never fired,
unless the marker says ``assert_all_faults_fired=False`` (the pytest_httpx convention).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest

import workspaces_fake

if TYPE_CHECKING:
    from workspaces_fake import WorkspacesBackend

_MARKER_DOC = (
    "workspaces(region=None, account_id='123456789012', lifecycle='instant', seed=0, "
    "real_backoff=False, any_region=False, moto_bridge=True, assert_all_faults_fired=True): "
    "configure the workspaces_backend fixture"
)
_OPTIONS = (
    "region",
    "account_id",
    "lifecycle",
    "seed",
    "real_backoff",
    "any_region",
    "moto_bridge",
    "assert_all_faults_fired",
)


def pytest_configure(config: pytest.Config) -> None:
    """Register the ``workspaces`` marker so ``--strict-markers`` accepts it."""
    config.addinivalue_line("markers", _MARKER_DOC)


def _marker_options(request: pytest.FixtureRequest) -> dict[str, Any]:
    options: dict[str, Any] = {}
    for marker in reversed(list(request.node.iter_markers("workspaces"))):
        if marker.args:
            pytest.fail("@pytest.mark.workspaces takes keyword arguments only", pytrace=False)
        unknown = set(marker.kwargs) - set(_OPTIONS)
        if unknown:
            pytest.fail(
                f"@pytest.mark.workspaces got unknown option(s) {sorted(unknown)}; known: {list(_OPTIONS)}",
                pytrace=False,
            )
        options.update(marker.kwargs)
    return options


@pytest.fixture
def workspaces_backend(request: pytest.FixtureRequest) -> Iterator[WorkspacesBackend]:
    """The fake is active for the test; this is the backend of the marker's account and region."""
    options = _marker_options(request)
    check_faults = options.pop("assert_all_faults_fired", True)
    region = options.pop("region", None) or os.environ.get("AWS_DEFAULT_REGION") or "us-east-1"
    mock = workspaces_fake.mock_workspaces(region=region, **options)
    backend = mock.start()
    try:
        yield backend
    finally:
        pending = backend.world.pending_faults()
        mock.stop()
    if check_faults and pending:
        listed = "\n  ".join(pending)
        pytest.fail(
            "workspaces_backend: these fault rules never fired (a call the test expected did not happen):\n  "
            f"{listed}\nUse @pytest.mark.workspaces(assert_all_faults_fired=False) if that is intended.",
            pytrace=False,
        )


@pytest.fixture
def workspaces_server(request: pytest.FixtureRequest) -> Iterator[Any]:
    """A WorkSpaces server on a free port for this test (docs/server.md): ``.url``, ``.control``.

    The ``workspaces`` marker configures it as it configures ``workspaces_backend`` (lifecycle, account,
    region, seed) and, likewise, the test fails at teardown if a fault rule never fired. Safe under
    pytest-xdist: every server binds a port the system picks. The server package loads only when a test
    asks for this fixture, so the plugin stays cheap for sessions that never do.
    """
    from workspaces_fake.server import WorkspacesServer

    options = _marker_options(request)
    check_faults = options.pop("assert_all_faults_fired", True)
    settings = {key: options[key] for key in ("region", "account_id", "lifecycle", "seed") if key in options}
    with WorkspacesServer(**settings) as server:
        yield server
        pending = server.pending_faults()
    if check_faults and pending:
        listed = "\n  ".join(pending)
        pytest.fail(
            "workspaces_server: these fault rules never fired (a call the test expected did not happen):\n  "
            f"{listed}\nUse @pytest.mark.workspaces(assert_all_faults_fired=False) if that is intended.",
            pytrace=False,
        )
