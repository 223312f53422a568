"""Fixtures of the server tests: a boto3 client and the control handle of the test's server."""

from __future__ import annotations

from typing import Any

import pytest
from _kit import client_for

from workspaces_fake.server import RemoteBackend, WorkspacesServer


@pytest.fixture
def server_client(workspaces_server: WorkspacesServer) -> Any:
    """A boto3 client in us-east-1 against the test's server, retries off."""
    return client_for(workspaces_server)


@pytest.fixture
def remote(workspaces_server: WorkspacesServer) -> RemoteBackend:
    """The control handle of the server's default backend (123456789012, us-east-1)."""
    backend: RemoteBackend = workspaces_server.control.backend()
    return backend
