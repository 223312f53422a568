"""Arrange helpers refuse what AWS would never hold, naming the argument and what the model allows."""

from __future__ import annotations

from typing import Any

import boto3
import pytest

from workspaces_fake import WorkspacesBackend


@pytest.mark.parametrize(
    ("kwargs", "fragments"),
    [
        ({"running_mode": "ALWAYS_ONN"}, ["running_mode='ALWAYS_ONN'", "AUTO_STOP, ALWAYS_ON, MANUAL"]),
        ({"compute_type_name": "HUGE"}, ["compute_type_name='HUGE'", "VALUE, STANDARD, PERFORMANCE"]),
        ({"state": "RUNNING"}, ["state='RUNNING'", "PENDING, AVAILABLE"]),
        ({"directory_id": "directory-1"}, ["directory_id='directory-1'", "pattern"]),
        ({"bundle_id": "bundle-1"}, ["bundle_id='bundle-1'", "^wsb-[0-9a-z]{8,63}$"]),
        ({"user_name": "u" * 64}, ["user_name=", "length less than or equal to 63"]),
        ({"workspace_name": "bad name!"}, ["workspace_name='bad name!'", "WorkspaceName"]),
        ({"root_volume_size_gib": "80"}, ["root_volume_size_gib='80'", "be a integer"]),
    ],
)
def test_add_workspace_rejects_values_outside_the_model(
    workspaces_backend: WorkspacesBackend, kwargs: dict[str, Any], fragments: list[str]
) -> None:
    with pytest.raises(ValueError) as caught:
        workspaces_backend.add_workspace(**kwargs)
    message = str(caught.value)
    assert message.startswith("add_workspace(")
    for fragment in fragments:
        assert fragment in message
    client = boto3.client("workspaces", region_name=workspaces_backend.region_name)
    assert client.describe_workspaces()["Workspaces"] == []


def test_add_workspace_issue_example_is_refused(workspaces_backend: WorkspacesBackend) -> None:
    with pytest.raises(ValueError, match="state='RUNNING'"):
        workspaces_backend.add_workspace(state="RUNNING", running_mode="ALWAYS_ONN", compute_type_name="HUGE")


@pytest.mark.parametrize(
    ("tags", "fragment"),
    [
        ({"": "empty"}, "tags key=''"),
        ({"team": "v" * 257}, "tags['team']="),
        ([("team", "a")], "tags is a mapping"),
    ],
)
def test_add_workspace_rejects_tags_outside_the_model(
    workspaces_backend: WorkspacesBackend, tags: Any, fragment: str
) -> None:
    with pytest.raises(ValueError, match=fragment.replace("[", r"\[").replace("(", r"\(")):
        workspaces_backend.add_workspace(tags=tags)


def test_add_directory_rejects_unknown_type_and_three_subnets(
    workspaces_backend: WorkspacesBackend,
) -> None:
    with pytest.raises(ValueError, match=r"directory_type='ACTIVE_DIRECTORY'.*SIMPLE_AD, AD_CONNECTOR"):
        workspaces_backend.add_directory(directory_type="ACTIVE_DIRECTORY")
    subnets = ["subnet-0a1b2c3d", "subnet-4e5f6a7b", "subnet-8c9d0e1f"]
    with pytest.raises(ValueError, match=r"subnet_ids=.*length less than or equal to 2"):
        workspaces_backend.add_directory(subnet_ids=subnets)
    assert list(workspaces_backend.directories) == []


def test_add_bundle_and_add_image_reject_values_off_the_model(
    workspaces_backend: WorkspacesBackend,
) -> None:
    with pytest.raises(ValueError, match="compute_type_name='LARGE'"):
        workspaces_backend.add_bundle("mine", compute_type_name="LARGE")
    with pytest.raises(ValueError, match=r"protocols=.*PCOIP, WSP"):
        workspaces_backend.add_bundle("mine", protocols=("RDP",))
    with pytest.raises(ValueError, match="operating_system_name='WINDOWS_95'"):
        workspaces_backend.add_image("img", operating_system_name="WINDOWS_95")
    with pytest.raises(ValueError, match="state='BROKEN'"):
        workspaces_backend.add_image("img", state="BROKEN")


def test_add_application_rejects_values_outside_the_model(workspaces_backend: WorkspacesBackend) -> None:
    with pytest.raises(ValueError, match="license_type='FREE'"):
        workspaces_backend.add_application(
            "Tool", supported_operating_system_names=["WINDOWS_11"], supported_compute_type_names=["VALUE"],
            license_type="FREE",
        )  # fmt: skip


def test_valid_arguments_are_accepted_and_served(workspaces_backend: WorkspacesBackend) -> None:
    ws = workspaces_backend.add_workspace(
        running_mode="AUTO_STOP", compute_type_name="POWER", state="STOPPED", tags={"team": "blue"}
    )
    client = boto3.client("workspaces", region_name=workspaces_backend.region_name)
    (served,) = client.describe_workspaces(WorkspaceIds=[ws.workspace_id])["Workspaces"]
    assert served["State"] == "STOPPED"
    assert served["WorkspaceProperties"]["ComputeTypeName"] == "POWER"
    assert served["WorkspaceProperties"]["RunningMode"] == "AUTO_STOP"
