"""MigrateWorkspace (spec lifecycle 2.4): a new WorkSpace from another bundle replaces the source.

The call mints the target at once, PENDING, in its own lifecycle table :data:`MIGRATION_TARGET`. When
its 45 minutes are up the step decides: the target becomes AVAILABLE and the source is terminated
(its tags and application rows go with it), or, when a test arranged ``fail_migration``, the target is
terminated and the source stays as it was. While the migration runs the source keeps its state but is
locked: start, stop, reboot, rebuild, restore, the maintenance switch and property changes are refused;
TerminateWorkspaces still wins.

Decisions [A]: the target carries over the user, directory, running mode, encryption settings and tags;
compute, protocols and OS come from the target bundle; volumes follow the documented growth rules; the
source needs a user-volume (rebuild) snapshot; the target does not count against the WorkSpaces quota.
BYOL and Windows 7 bundle rules are not modelled (the fake has neither kind of bundle).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from ...errors import (
    InvalidParameterValuesException,
    OperationInProgressException,
    OperationNotSupportedException,
    ResourceNotFoundException,
)
from ...lifecycle import Step, Table, minutes
from ..bundles.arrange import visible_bundle
from ..bundles.model import Bundle, is_graphics, is_windows
from .arrange import admit_workspace, new_workspace
from .model import (
    UNDEFINED_USER,
    WORKSPACE,
    WORKSPACE_STEPS,
    Workspace,
    WorkspaceProperties,
    workspace_entered,
)
from .snapshots import latest_snapshot

if TYPE_CHECKING:
    from ...backend import WorkspacesBackend

MIGRATE_FROM = frozenset({"AVAILABLE", "STOPPED", "ERROR"})


class Migration:
    """A migration in flight: the source (locked) and the target (PENDING)."""

    __slots__ = ("source", "target")

    def __init__(self, source: Workspace, target: Workspace) -> None:
        self.source = source
        self.target = target


def _migrated(backend: WorkspacesBackend, target: Workspace, at: datetime) -> str:
    """The target's provisioning ends: it replaces the source, or it is thrown away (arranged failure)."""
    migration = target.migration
    target.migration = None
    if migration is None:
        return "AVAILABLE"
    source = migration.source
    source.migration = None
    if source.take_fate("migrate") is not None:
        return "TERMINATING"
    if source.state not in ("TERMINATING", "TERMINATED"):
        backend.lifecycle.enter(source, WORKSPACE, "TERMINATING", at)
    return "AVAILABLE"


MIGRATION_TARGET = Table(
    "workspace-migration-target",
    steps={
        "PENDING": Step(_migrated, minutes(45)),
        "TERMINATING": WORKSPACE_STEPS["TERMINATING"],
        "TERMINATED": WORKSPACE_STEPS["TERMINATED"],
    },
    on_enter=workspace_entered,
)
"""A migration target: PENDING for 45 minutes, then AVAILABLE (the source is terminated) or, when the
migration fails, TERMINATING and gone."""


def check_migration(backend: WorkspacesBackend, source: Workspace, bundle_id: str) -> Bundle:
    """MigrateWorkspace's rules in the spec's order; the target bundle when they all hold."""
    bundle = visible_bundle(backend, bundle_id)
    if bundle is None:
        raise ResourceNotFoundException("The specified bundle could not be found.", resource_id=bundle_id)
    if source.state not in MIGRATE_FROM:
        raise OperationNotSupportedException(
            f"The WorkSpace {source.workspace_id} is {source.state}; it can be migrated only while it is "
            f"{', '.join(sorted(MIGRATE_FROM))}.",
            reason="InvalidResourceState",
        )
    if source.is_modifying() or source.migration is not None:
        raise OperationInProgressException(
            f"The WorkSpace {source.workspace_id} is being modified or migrated. Try again when it ends."
        )
    if bundle.bundle_id == source.bundle_id:
        raise InvalidParameterValuesException("The target bundle must differ from the WorkSpace's bundle.")
    _check_platform(source, bundle)
    if latest_snapshot(source, "rebuild", backend.clock.now()) is None:
        raise OperationNotSupportedException(
            f"No user volume snapshot is available for WorkSpace {source.workspace_id}.", reason="NoSnapshot"
        )
    return bundle


def _check_platform(source: Workspace, bundle: Bundle) -> None:
    if not is_windows(source.workspace_properties.operating_system_name):
        raise OperationNotSupportedException("Migrating Linux WorkSpaces is not currently supported.")
    if is_graphics(source.workspace_properties.compute_type_name) and bundle.protocols == ("WSP",):
        raise InvalidParameterValuesException("Graphics WorkSpaces cannot be migrated to a WSP bundle.")
    if source.user_name == UNDEFINED_USER or source.standby is not None:
        raise OperationNotSupportedException(
            f"The WorkSpace {source.workspace_id} is user-decoupled or has a standby relationship; "
            "it cannot be migrated."
        )


def migrate(backend: WorkspacesBackend, source: Workspace, bundle: Bundle) -> Workspace:
    """Mint the target, PENDING, and lock the source until the target's step ends."""
    target = new_workspace(
        backend,
        directory_id=source.directory_id,
        user_name=source.user_name,
        bundle=bundle,
        properties=_target_properties(backend, source, bundle),
    )
    target.volume_encryption_key = source.volume_encryption_key
    target.user_volume_encryption_enabled = source.user_volume_encryption_enabled
    target.root_volume_encryption_enabled = source.root_volume_encryption_enabled
    migration = Migration(source, target)
    source.migration = target.migration = migration
    tags = dict(backend.tags.get(source.workspace_id) or {})
    return admit_workspace(backend, target, "PENDING", tags, at=target.created, table=MIGRATION_TARGET)


def _target_properties(backend: WorkspacesBackend, source: Workspace, bundle: Bundle) -> WorkspaceProperties:
    old = source.workspace_properties
    old_bundle = backend.bundles.peek(source.bundle_id)
    user = old.user_volume_size_gib
    if old_bundle is None or user == old_bundle.user_volume_size_gib:
        user = max(user, bundle.user_volume_size_gib)
    return WorkspaceProperties(
        running_mode=old.running_mode,
        running_mode_auto_stop_timeout_in_minutes=old.running_mode_auto_stop_timeout_in_minutes,
        root_volume_size_gib=max(old.root_volume_size_gib, bundle.root_volume_size_gib),
        user_volume_size_gib=user,
        compute_type_name=bundle.compute_type_name,
        operating_system_name=bundle.operating_system_name,
        protocols=bundle.protocols,
    )
