"""The moto bridge: WorkSpaces agrees with moto's Directory Service and EC2 while both mocks are active."""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import Any

from moto import mock_aws

from workspaces_fake import WorkspacesBackend, mock_workspaces
from workspaces_fake.models.moto_bridge import moto_active, moto_client


def _pair(order: str, **options: Any) -> tuple[AbstractContextManager[Any], AbstractContextManager[Any]]:
    ours, theirs = mock_workspaces(**options), mock_aws()
    return (theirs, ours) if order == "moto-outside" else (ours, theirs)


def _ours(first: Any, second: Any) -> WorkspacesBackend:
    return first if isinstance(first, WorkspacesBackend) else second


def test_the_bridge_follows_motos_mock_and_the_option() -> None:
    with mock_workspaces() as backend:
        assert not moto_active()
        assert moto_client(backend, "ds") is None
        with mock_aws():
            assert moto_active()
            assert moto_client(backend, "ds") is not None
            with mock_workspaces(moto_bridge=False):
                assert moto_client(backend, "ds") is None
            assert moto_client(backend, "ds") is not None
        assert moto_client(backend, "ds") is None


def test_moto_bridge_false_on_the_outer_mock_holds_for_inner_ones() -> None:
    with mock_aws(), mock_workspaces(moto_bridge=False), mock_workspaces() as backend:
        assert moto_client(backend, "ds") is None
