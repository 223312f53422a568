"""Service quotas: off by default, AWS's table on request, fixed ones only on or off, and their errors."""

from __future__ import annotations

from typing import Any

import pytest

from workspaces_fake import WorkspacesBackend
from workspaces_fake.models.quotas import TABLE, Quotas


def test_quotas_are_all_off_by_default(workspaces_backend: WorkspacesBackend) -> None:
    quotas = workspaces_backend.settings.quotas
    assert set(quotas) == {quota.name for quota in TABLE}
    assert set(quotas.values()) == {None}


def test_quotas_use_aws_quotas_sets_aws_defaults(workspaces_backend: WorkspacesBackend) -> None:
    settings = workspaces_backend.settings.use_aws_quotas()
    assert settings.quotas["WorkSpaces"] == settings.workspace_quota == 1
    assert settings.quotas["WorkSpaces Pools"] == 10
    assert settings.quotas["Directories registered"] == 50
    assert settings.quotas["Graphics.g4dn xlarge streaming instances for WorkSpaces Pools"] == 0
    settings.quotas.off()
    assert settings.workspace_quota is None


def test_quotas_adjustable_quota_takes_any_limit(workspaces_backend: WorkspacesBackend) -> None:
    workspaces_backend.settings.quotas["Images"] = 2
    assert workspaces_backend.settings.quotas["Images"] == 2


@pytest.mark.parametrize("limit", [49, 51, -1])
def test_quotas_fixed_quota_only_at_aws_value_or_off(
    workspaces_backend: WorkspacesBackend, limit: int
) -> None:
    quotas = workspaces_backend.settings.quotas
    with pytest.raises(ValueError, match="Directories registered"):
        quotas["Directories registered"] = limit
    quotas["Directories registered"] = 50
    quotas["Directories registered"] = None


def test_quotas_unknown_name_is_refused() -> None:
    with pytest.raises(KeyError, match="unknown quota 'Pools'"):
        Quotas()["Pools"] = 1


def test_quotas_survive_reset(workspaces_backend: WorkspacesBackend) -> None:
    workspaces_backend.settings.quotas["Images"] = 3
    workspaces_backend.reset()
    assert workspaces_backend.settings.quotas["Images"] == 3


def test_quotas_directories_registered_limits_register_workspace_directory(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    workspaces_backend.settings.quotas["Directories registered"] = 50
    for _ in range(49):
        workspaces_backend.add_directory()
    client.register_workspace_directory(DirectoryId="d-0123456789")
    with pytest.raises(client.exceptions.ResourceLimitExceededException, match="Directories registered"):
        client.register_workspace_directory(DirectoryId="d-0123456788")
    assert len(workspaces_backend.directories) == 50


def test_quotas_images_limits_create_workspace_image(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    workspaces_backend.settings.quotas["Images"] = 1
    first, second = workspaces_backend.add_workspace(), workspaces_backend.add_workspace()
    client.create_workspace_image(Name="one", Description="d", WorkspaceId=first.workspace_id)
    with pytest.raises(client.exceptions.ResourceLimitExceededException, match="'Images' \\(1\\)"):
        client.create_workspace_image(Name="two", Description="d", WorkspaceId=second.workspace_id)


def test_quotas_workspaces_quota_is_the_workspace_quota_setting(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    workspaces_backend.settings.quotas["WorkSpaces"] = 1
    workspaces_backend.add_workspace()
    directory = workspaces_backend.add_directory()
    request = {"DirectoryId": directory.directory_id, "UserName": "jane", "BundleId": "wsb-1jrdil83v"}
    failed = client.create_workspaces(Workspaces=[request])["FailedRequests"]
    assert [f["ErrorCode"] for f in failed] == ["ResourceLimitExceeded"]
