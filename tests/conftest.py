"""Shared fixtures: a boto3 client bound to the active fake, and the self-check of every result."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import boto3
import pytest

from workspaces_fake import WorkspacesBackend, _dispatch

_dispatch.self_check = True


@pytest.fixture
def client(workspaces_backend: WorkspacesBackend) -> Iterator[Any]:
    """A real boto3 WorkSpaces client in the fixture backend's region, retries off unless a test asks."""
    from botocore.config import Config

    config = Config(retries={"max_attempts": 0, "mode": "standard"})
    yield boto3.client("workspaces", region_name=workspaces_backend.region_name, config=config)
