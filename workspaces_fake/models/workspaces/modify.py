"""ModifyWorkspaceProperties (spec 2.4): check the request against the rules, then apply it.

Planning reads the WorkSpace and the request and decides what changes, raising :class:`RuleBroken` for
any broken rule, so a rejected request changes nothing. Applying sets the new values at once (they show
in DescribeWorkspaces immediately), starts one ``ModificationStates`` entry per changed resource, and
reboots an AVAILABLE WorkSpace whose compute type changed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, Optional

from ...errors import UnsupportedWorkspaceConfigurationException
from ..bundles.model import is_graphics
from .model import MODIFICATION, WORKSPACE, Modification, Workspace
from .rules import (
    COMPUTE_RANK,
    INVALID,
    RuleBroken,
    check_compute_switch,
    check_cooldown,
    check_os,
    check_protocols,
    check_volume_pair,
    running_mode,
)

if TYPE_CHECKING:
    from ...backend import WorkspacesBackend
    from ..settings import Settings

VOLUMES = (("ROOT_VOLUME", "RootVolumeSizeGib"), ("USER_VOLUME", "UserVolumeSizeGib"))
UPSIZE, DOWNSIZE = "COMPUTE_UPSIZE", "COMPUTE_DOWNSIZE"


@dataclass
class ModifyPlan:
    """What a valid request changes: new property values and the resources whose change takes time."""

    values: dict[str, Any] = field(default_factory=dict)
    changed: list[str] = field(default_factory=list)
    stamps: list[str] = field(default_factory=list)


def plan_modification(
    settings: Settings, ws: Workspace, pcoip_bundle: bool, requested: Mapping[str, Any], now: datetime
) -> ModifyPlan:
    """Check ``requested`` against every rule; RuleBroken for the first one it breaks."""
    props = ws.workspace_properties
    check_os(props.operating_system_name, requested.get("OperatingSystemName"))
    plan = ModifyPlan()
    _plan_running_mode(settings, ws, requested, plan)
    growing = [res for res, member in VOLUMES if requested.get(member, _size(ws, res)) != _size(ws, res)]
    compute = requested.get("ComputeTypeName", props.compute_type_name)
    if growing and compute != props.compute_type_name:
        raise RuleBroken(INVALID, "Volume sizes and the compute type cannot be changed in the same request.")
    if growing:
        _plan_volumes(settings, ws, requested, growing, now, plan)
    if compute != props.compute_type_name:
        _plan_compute(settings, ws, compute, now, plan)
    _plan_protocols(ws, pcoip_bundle, requested, plan)
    _plan_flags(ws, requested, plan)
    return plan


def _size(ws: Workspace, resource: str) -> int:
    props = ws.workspace_properties
    return props.root_volume_size_gib if resource == "ROOT_VOLUME" else props.user_volume_size_gib


def _plan_running_mode(
    settings: Settings, ws: Workspace, requested: Mapping[str, Any], plan: ModifyPlan
) -> None:
    if "RunningMode" not in requested and "RunningModeAutoStopTimeoutInMinutes" not in requested:
        return
    props = ws.workspace_properties
    mode = requested.get("RunningMode", props.running_mode)
    timeout = requested.get("RunningModeAutoStopTimeoutInMinutes")
    if timeout is None and mode == props.running_mode:
        timeout = props.running_mode_auto_stop_timeout_in_minutes
    mode, timeout = running_mode(settings, mode, timeout)
    plan.values["running_mode"] = mode
    plan.values["running_mode_auto_stop_timeout_in_minutes"] = timeout


def _plan_volumes(
    settings: Settings,
    ws: Workspace,
    requested: Mapping[str, Any],
    growing: list[str],
    now: datetime,
    plan: ModifyPlan,
) -> None:
    sizes = {res: requested.get(member, _size(ws, res)) for res, member in VOLUMES}
    for res in growing:
        if sizes[res] < _size(ws, res):
            raise RuleBroken(INVALID, f"The {_label(res)} can only grow: it is {_size(ws, res)} GiB.")
    if len(growing) == 2:
        raise RuleBroken(INVALID, "The root and user volumes cannot be increased in the same request.")
    check_volume_pair(sizes["ROOT_VOLUME"], sizes["USER_VOLUME"])
    resource = growing[0]
    check_cooldown(f"expansion of the {_label(resource)}", ws.last(resource), settings.volume_cooldown, now)
    plan.values["root_volume_size_gib"] = sizes["ROOT_VOLUME"]
    plan.values["user_volume_size_gib"] = sizes["USER_VOLUME"]
    plan.changed.append(resource)
    plan.stamps.append(resource)


def _label(resource: str) -> str:
    return "root volume" if resource == "ROOT_VOLUME" else "user volume"


def _plan_compute(settings: Settings, ws: Workspace, wanted: str, now: datetime, plan: ModifyPlan) -> None:
    current = ws.workspace_properties.compute_type_name
    check_compute_switch(current, wanted)
    if COMPUTE_RANK[wanted] > COMPUTE_RANK[current]:
        check_cooldown(
            "first compute upsize of a new WorkSpace", ws.created, settings.new_workspace_upsize_wait, now
        )
        check_cooldown("compute upsize", ws.last(UPSIZE), settings.compute_upsize_cooldown, now)
        plan.stamps.append(UPSIZE)
    else:
        check_cooldown("compute downsize", ws.last(DOWNSIZE), settings.compute_downsize_cooldown, now)
        plan.stamps.append(DOWNSIZE)
    plan.values["compute_type_name"] = wanted
    plan.changed.append("COMPUTE_TYPE")


def _plan_protocols(
    ws: Workspace, pcoip_bundle: bool, requested: Mapping[str, Any], plan: ModifyPlan
) -> None:
    if "Protocols" not in requested:
        return
    wanted = check_protocols(requested["Protocols"])
    props = ws.workspace_properties
    if wanted == tuple(props.protocols):
        return
    if not pcoip_bundle or is_graphics(props.compute_type_name):
        raise RuleBroken(
            "UnsupportedWorkspaceConfiguration",
            "The protocol can only be changed on WorkSpaces created from PCoIP bundles, and never on "
            "graphics WorkSpaces.",
            UnsupportedWorkspaceConfigurationException,
        )
    plan.values["protocols"] = wanted
    plan.changed.append("PROTOCOL")


def _plan_flags(ws: Workspace, requested: Mapping[str, Any], plan: ModifyPlan) -> None:
    props = ws.workspace_properties
    nested: Optional[bool] = requested.get("NestedVirtualizationEnabled")
    if nested is not None and nested != bool(props.nested_virtualization_enabled):
        plan.values["nested_virtualization_enabled"] = nested
        plan.changed.append("NESTED_VIRTUALIZATION")
    if "GlobalAccelerator" in requested:
        plan.values["global_accelerator"] = dict(requested["GlobalAccelerator"])


def apply_modification(backend: WorkspacesBackend, ws: Workspace, plan: ModifyPlan) -> None:
    """Set the new values, start the modifications, and reboot for a compute change."""
    now = backend.clock.now()
    for attr, value in plan.values.items():
        setattr(ws.workspace_properties, attr, value)
    for what in plan.stamps:
        ws.stamp(what, now)
    for resource in plan.changed:
        modification = Modification(ws, resource)
        ws.add_modification(modification)
        backend.lifecycle.enter(modification, MODIFICATION, "UPDATE_INITIATED", now)
    if "COMPUTE_TYPE" in plan.changed and ws.state == "AVAILABLE":
        backend.lifecycle.enter(ws, WORKSPACE, "REBOOTING", now)
