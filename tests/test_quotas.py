"""Service quotas: off by default, AWS's table on request, fixed ones only on or off, and their errors."""

from __future__ import annotations

from typing import Any

import pytest

from workspaces_fake import WorkspacesBackend
from workspaces_fake.models.quotas import TABLE, Quotas


def test_quotas_low_ones_start_off_and_high_fixed_ones_on(workspaces_backend: WorkspacesBackend) -> None:
    quotas = workspaces_backend.settings.quotas
    assert set(quotas) == {quota.name for quota in TABLE}
    assert quotas["WorkSpaces"] is quotas["WorkSpaces Pools"] is quotas["Directories registered"] is None
    assert (quotas["Bundles"], quotas["Images"], quotas["Connection aliases"]) == (50, 40, 20)


def test_quotas_use_aws_quotas_sets_aws_defaults(workspaces_backend: WorkspacesBackend) -> None:
    settings = workspaces_backend.settings.use_aws_quotas()
    assert settings.quotas["WorkSpaces"] == settings.workspace_quota == 1
    assert settings.quotas["WorkSpaces Pools"] == 10
    assert settings.quotas["Directories registered"] == settings.directory_quota == 50
    assert settings.quotas["Standby WorkSpaces"] == settings.standby_workspace_quota == 5
    assert settings.quotas["Graphics.g4dn xlarge streaming instances for WorkSpaces Pools"] == 0
    settings.quotas.off()
    assert settings.workspace_quota is settings.bundle_quota is settings.image_quota is None
    assert settings.quotas["IP access control groups"] == 100


def test_quotas_older_setting_names_are_the_table_rows(workspaces_backend: WorkspacesBackend) -> None:
    settings = workspaces_backend.settings
    settings.bundle_quota, settings.image_quota = 2, 3
    assert (settings.quotas["Bundles"], settings.quotas["Images"]) == (2, 3)


def test_quotas_any_whole_limit_or_none(workspaces_backend: WorkspacesBackend) -> None:
    quotas = workspaces_backend.settings.quotas
    quotas["Directories registered"] = 2
    assert quotas["Directories registered"] == 2
    quotas["Directories registered"] = None
    with pytest.raises(ValueError, match="whole number"):
        quotas["Images"] = -1


def test_quotas_always_enforced_ones_are_not_settable(workspaces_backend: WorkspacesBackend) -> None:
    with pytest.raises(ValueError, match="always enforced"):
        workspaces_backend.settings.quotas["Connection aliases"] = 5


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
    workspaces_backend.settings.quotas["Directories registered"] = 2
    workspaces_backend.add_directory()
    client.register_workspace_directory(DirectoryId="d-0123456789")
    with pytest.raises(client.exceptions.ResourceLimitExceededException, match="limit of 2 directories"):
        client.register_workspace_directory(DirectoryId="d-0123456788")
    assert len(workspaces_backend.directories) == 2


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
