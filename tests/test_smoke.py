"""The engine end to end: one call through a real boto3 client, on an empty world."""

from __future__ import annotations

from typing import Any


def test_describe_workspaces_empty_world_returns_no_workspaces(client: Any) -> None:
    response = client.describe_workspaces()
    assert response["Workspaces"] == []
    assert "NextToken" not in response
    assert response["ResponseMetadata"]["HTTPStatusCode"] == 200
