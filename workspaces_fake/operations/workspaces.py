"""Handlers for WorkSpaces themselves: create, describe, modify, start, stop, reboot, terminate."""

from __future__ import annotations

from typing import Any, Optional

from .._dispatch import Result, operation
from ..backend import WorkspacesBackend


@operation("DescribeWorkspaces")
def describe_workspaces(
    backend: WorkspacesBackend,
    *,
    workspace_ids: Optional[list[str]] = None,
    directory_id: Optional[str] = None,
    user_name: Optional[str] = None,
    bundle_id: Optional[str] = None,
    limit: Optional[int] = None,
    next_token: Optional[str] = None,
    workspace_name: Optional[str] = None,
) -> Result:
    """List WorkSpaces (placeholder until the WorkSpaces family lands: filters are not applied yet)."""
    items: list[Any] = list(backend.workspaces.values_unobserved())
    page, token = backend.paginator.page(
        items, operation="DescribeWorkspaces", filters={}, limit=limit, token=next_token
    )
    return {"Workspaces": page, "NextToken": token}
