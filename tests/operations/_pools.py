"""What the pool tests share: a pool directory and a WSP bundle, and a create request built from them."""

from __future__ import annotations

from typing import Any

from workspaces_fake import WorkspacesBackend


def pool_parts(backend: WorkspacesBackend, compute: str = "STANDARD") -> tuple[str, str]:
    """A REGISTERED POOLS directory and a Windows bundle that streams over WSP: (directory, bundle)."""
    directory = backend.add_directory(workspace_type="POOLS")
    bundle = backend.add_bundle(f"{compute} pool bundle", compute_type_name=compute, protocols=("WSP",))
    return directory.directory_id, bundle.bundle_id


def create_request(backend: WorkspacesBackend, name: str = "pool-one", **extra: Any) -> dict[str, Any]:
    """A CreateWorkspacesPool request that succeeds, with ``extra`` members added or replaced."""
    directory_id, bundle_id = pool_parts(backend)
    request: dict[str, Any] = {
        "PoolName": name,
        "Description": "Call centre pool",
        "BundleId": bundle_id,
        "DirectoryId": directory_id,
        "Capacity": {"DesiredUserSessions": 2},
    }
    return {**request, **extra}


def describe(client: Any, pool_id: str) -> dict[str, Any]:
    """The pool as DescribeWorkspacesPools shows it."""
    found: dict[str, Any] = client.describe_workspaces_pools(PoolIds=[pool_id])["WorkspacesPools"][0]
    return found


def state(client: Any, pool_id: str) -> str:
    """The pool's state, or GONE once DescribeWorkspacesPools no longer knows it."""
    try:
        return str(describe(client, pool_id)["State"])
    except client.exceptions.ResourceNotFoundException:
        return "GONE"
