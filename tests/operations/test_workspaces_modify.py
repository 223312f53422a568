"""ModifyWorkspaceProperties (spec 2.4): the rules, ModificationStates through the lifecycle, cool-downs."""

from __future__ import annotations

from typing import Any

import pytest

from workspaces_fake import WorkspacesBackend
from workspaces_fake.models.bundles.catalog import public_bundle_id

PERFORMANCE = public_bundle_id("Performance with Windows 10 (Server 2022 based)")
UBUNTU = public_bundle_id("Standard with Ubuntu 22.04")
GRAPHICS = public_bundle_id("Graphics.g4dn with Windows Server 2022")
IN_PROGRESS = (
    "The properties of this WorkSpace are currently under modification. Please try again in a moment."
)


def _modify(client: Any, workspace_id: str, **properties: Any) -> None:
    client.modify_workspace_properties(WorkspaceId=workspace_id, WorkspaceProperties=properties)


def _describe(client: Any, workspace_id: str) -> dict[str, Any]:
    found: dict[str, Any] = client.describe_workspaces(WorkspaceIds=[workspace_id])["Workspaces"][0]
    return found


def _rejects(client: Any, error: str, workspace_id: str, **properties: Any) -> str:
    with pytest.raises(getattr(client.exceptions, error)) as caught:
        _modify(client, workspace_id, **properties)
    return str(caught.value.response["Error"]["Message"])


def test_modify_workspace_properties_unknown_workspace_raises_not_found(client: Any) -> None:
    with pytest.raises(client.exceptions.ResourceNotFoundException) as caught:
        _modify(client, "ws-000000000", RunningMode="AUTO_STOP")
    assert caught.value.response["ResourceId"] == "ws-000000000"


@pytest.mark.parametrize("state", ["PENDING", "REBOOTING", "STOPPING", "SUSPENDED", "ERROR", "TERMINATING"])
def test_modify_workspace_properties_wrong_state_raises_invalid_resource_state(
    client: Any, workspaces_backend: WorkspacesBackend, state: str
) -> None:
    workspaces_backend.lifecycle.mode = "manual"
    ws = workspaces_backend.add_workspace(state=state)
    assert state in _rejects(
        client, "InvalidResourceStateException", ws.workspace_id, RunningMode="AUTO_STOP"
    )


@pytest.mark.parametrize(
    "properties",
    [
        {"RootVolumeSizeGib": 175, "ComputeTypeName": "POWER"},
        {"RootVolumeSizeGib": 175, "UserVolumeSizeGib": 200},
        {"UserVolumeSizeGib": 50},
        {"RootVolumeSizeGib": 100},
        {"UserVolumeSizeGib": 2001, "RootVolumeSizeGib": 80},
        {"OperatingSystemName": "WINDOWS_11"},
        {"RunningModeAutoStopTimeoutInMinutes": 60},
        {"RunningMode": "AUTO_STOP", "RunningModeAutoStopTimeoutInMinutes": 90},
        {"RunningMode": "MANUAL"},
        {"Protocols": ["PCOIP", "WSP"]},
    ],
    ids=["volume+compute", "both-volumes", "shrink", "bad-pair", "too-big", "os", "timeout-always-on",
         "timeout-not-hours", "manual", "two-protocols"],
)  # fmt: skip
def test_modify_workspace_properties_rule_broken_raises_invalid_parameter_values(
    client: Any, workspaces_backend: WorkspacesBackend, properties: dict[str, Any]
) -> None:
    ws = workspaces_backend.add_workspace(bundle_id=PERFORMANCE)
    before = _describe(client, ws.workspace_id)["WorkspaceProperties"]
    _rejects(client, "InvalidParameterValuesException", ws.workspace_id, **properties)
    assert _describe(client, ws.workspace_id)["WorkspaceProperties"] == before


@pytest.mark.parametrize(
    ("bundle", "properties"),
    [
        (None, {"ComputeTypeName": "GRAPHICS_G4DN"}),
        (GRAPHICS, {"ComputeTypeName": "POWER"}),
        (GRAPHICS, {"Protocols": ["WSP"]}),
        (UBUNTU, {"Protocols": ["PCOIP"]}),
    ],
)
def test_modify_workspace_properties_unsupported_change_raises(
    client: Any, workspaces_backend: WorkspacesBackend, bundle: Any, properties: dict[str, Any]
) -> None:
    ws = workspaces_backend.add_workspace(bundle_id=bundle)
    _rejects(client, "UnsupportedWorkspaceConfigurationException", ws.workspace_id, **properties)


def test_modify_workspace_properties_values_show_at_once(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    workspaces_backend.lifecycle.mode = "manual"
    ws = workspaces_backend.add_workspace()
    _modify(client, ws.workspace_id, UserVolumeSizeGib=100, RunningMode="AUTO_STOP")
    props = _describe(client, ws.workspace_id)["WorkspaceProperties"]
    assert (props["UserVolumeSizeGib"], props["RunningMode"]) == (100, "AUTO_STOP")
    assert props["RunningModeAutoStopTimeoutInMinutes"] == 60


@pytest.mark.workspaces(lifecycle="timed")
def test_modify_workspace_properties_modification_states_flow_through_lifecycle(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    ws = workspaces_backend.add_workspace(bundle_id=PERFORMANCE)
    _modify(client, ws.workspace_id, RootVolumeSizeGib=175)
    states = _describe(client, ws.workspace_id)["ModificationStates"]
    assert states == [{"Resource": "ROOT_VOLUME", "State": "UPDATE_INITIATED"}]
    workspaces_backend.clock.advance(minutes=1)
    states = _describe(client, ws.workspace_id)["ModificationStates"]
    assert states == [{"Resource": "ROOT_VOLUME", "State": "UPDATE_IN_PROGRESS"}]
    assert (
        _rejects(client, "OperationInProgressException", ws.workspace_id, UserVolumeSizeGib=200)
        == IN_PROGRESS
    )
    workspaces_backend.clock.advance(minutes=9)
    assert _describe(client, ws.workspace_id)["ModificationStates"] == []
    _modify(client, ws.workspace_id, UserVolumeSizeGib=200)


@pytest.mark.workspaces(lifecycle="manual")
def test_modify_workspace_properties_compute_change_reboots_available_workspace(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    ws = workspaces_backend.add_workspace()
    _modify(client, ws.workspace_id, ComputeTypeName="POWER")
    found = _describe(client, ws.workspace_id)
    assert found["State"] == "REBOOTING"
    assert found["ModificationStates"] == [{"Resource": "COMPUTE_TYPE", "State": "UPDATE_INITIATED"}]
    assert found["WorkspaceProperties"]["ComputeTypeName"] == "POWER"
    workspaces_backend.settle()
    found = _describe(client, ws.workspace_id)
    assert (found["State"], found["ModificationStates"]) == ("AVAILABLE", [])


@pytest.mark.workspaces(lifecycle="manual")
def test_modify_workspace_properties_compute_change_keeps_stopped_workspace_stopped(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    ws = workspaces_backend.add_workspace(state="STOPPED", running_mode="AUTO_STOP")
    _modify(client, ws.workspace_id, ComputeTypeName="VALUE")
    assert _describe(client, ws.workspace_id)["State"] == "STOPPED"


def test_modify_workspace_properties_protocol_switch_on_pcoip_windows(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    workspaces_backend.lifecycle.mode = "manual"
    ws = workspaces_backend.add_workspace()
    _modify(client, ws.workspace_id, Protocols=["WSP"])
    found = _describe(client, ws.workspace_id)
    assert found["WorkspaceProperties"]["Protocols"] == ["WSP"]
    assert found["ModificationStates"] == [{"Resource": "PROTOCOL", "State": "UPDATE_INITIATED"}]


@pytest.mark.parametrize(
    ("start", "change", "expected_timeout"),
    [
        ("ALWAYS_ON", {"RunningMode": "AUTO_STOP"}, 60),
        ("ALWAYS_ON", {"RunningMode": "AUTO_STOP", "RunningModeAutoStopTimeoutInMinutes": 120}, 120),
        ("AUTO_STOP", {"RunningModeAutoStopTimeoutInMinutes": 180}, 180),
        ("AUTO_STOP", {"RunningMode": "ALWAYS_ON"}, None),
    ],
)
def test_modify_workspace_properties_running_mode_switches_without_state_change(
    client: Any,
    workspaces_backend: WorkspacesBackend,
    start: str,
    change: dict[str, Any],
    expected_timeout: Any,
) -> None:
    ws = workspaces_backend.add_workspace(running_mode=start)
    _modify(client, ws.workspace_id, **change)
    found = _describe(client, ws.workspace_id)
    assert found["WorkspaceProperties"].get("RunningModeAutoStopTimeoutInMinutes") == expected_timeout
    assert (found["State"], found["ModificationStates"]) == ("AVAILABLE", [])


def test_modify_workspace_properties_manual_mode_allowed_when_enabled(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    workspaces_backend.settings.manual_running_mode_allowed = True
    ws = workspaces_backend.add_workspace(running_mode="AUTO_STOP")
    _modify(client, ws.workspace_id, RunningMode="MANUAL")
    props = _describe(client, ws.workspace_id)["WorkspaceProperties"]
    assert (props["RunningMode"], props.get("RunningModeAutoStopTimeoutInMinutes")) == ("MANUAL", None)


def test_modify_workspace_properties_unchanged_os_and_nothing_else_is_a_no_op(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    ws = workspaces_backend.add_workspace()
    before = _describe(client, ws.workspace_id)
    _modify(client, ws.workspace_id, OperatingSystemName="WINDOWS_SERVER_2022", ComputeTypeName="STANDARD")
    client.modify_workspace_properties(WorkspaceId=ws.workspace_id, DataReplication="NO_REPLICATION")
    assert _describe(client, ws.workspace_id) == before


def test_modify_workspace_properties_primary_as_source_without_standby_raises(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    ws = workspaces_backend.add_workspace()
    with pytest.raises(client.exceptions.InvalidParameterValuesException):
        client.modify_workspace_properties(WorkspaceId=ws.workspace_id, DataReplication="PRIMARY_AS_SOURCE")


def test_modify_workspace_properties_cooldowns_off_by_default(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    ws = workspaces_backend.add_workspace(bundle_id=PERFORMANCE)
    _modify(client, ws.workspace_id, RootVolumeSizeGib=175)
    _modify(client, ws.workspace_id, RootVolumeSizeGib=200)
    _modify(client, ws.workspace_id, ComputeTypeName="POWER")
    _modify(client, ws.workspace_id, ComputeTypeName="VALUE")
    _modify(client, ws.workspace_id, ComputeTypeName="STANDARD")
    assert _describe(client, ws.workspace_id)["WorkspaceProperties"]["RootVolumeSizeGib"] == 200


def test_modify_workspace_properties_volume_cooldown_when_enabled(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    workspaces_backend.settings.use_aws_cooldowns()
    ws = workspaces_backend.add_workspace(bundle_id=PERFORMANCE)
    _modify(client, ws.workspace_id, RootVolumeSizeGib=175)
    assert "6 hours" in _rejects(
        client, "InvalidParameterValuesException", ws.workspace_id, RootVolumeSizeGib=200
    )
    _modify(client, ws.workspace_id, UserVolumeSizeGib=200)  # each volume has its own window
    workspaces_backend.clock.advance(hours=6)
    _modify(client, ws.workspace_id, RootVolumeSizeGib=200)


def test_modify_workspace_properties_compute_cooldowns_when_enabled(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    workspaces_backend.settings.use_aws_cooldowns()
    ws = workspaces_backend.add_workspace()
    invalid = "InvalidParameterValuesException"
    assert "new WorkSpace" in _rejects(client, invalid, ws.workspace_id, ComputeTypeName="POWER")
    _modify(client, ws.workspace_id, ComputeTypeName="VALUE")
    workspaces_backend.clock.advance(hours=6)
    _modify(client, ws.workspace_id, ComputeTypeName="STANDARD")
    assert "6 hours" in _rejects(client, invalid, ws.workspace_id, ComputeTypeName="POWER")
    assert "30 days" in _rejects(client, invalid, ws.workspace_id, ComputeTypeName="VALUE")
    workspaces_backend.clock.advance(hours=30 * 24)
    _modify(client, ws.workspace_id, ComputeTypeName="VALUE")
    assert _describe(client, ws.workspace_id)["WorkspaceProperties"]["ComputeTypeName"] == "VALUE"


def test_settings_survive_reset(workspaces_backend: WorkspacesBackend) -> None:
    workspaces_backend.settings.use_aws_cooldowns().workspace_quota = 3
    workspaces_backend.reset()
    assert workspaces_backend.settings.workspace_quota == 3
    assert workspaces_backend.settings.volume_cooldown is not None
