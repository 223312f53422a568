"""The WorkSpaces family's arrange side: ``add_workspace``, and the steps CreateWorkspaces shares with it.

A WorkSpace comes into being in two steps, whether a test arranges it or CreateWorkspaces makes it:
:func:`new_workspace` builds the object with a fresh id, :func:`admit_workspace` stores and indexes it, puts
it into its first state and tells the applications family (its bundle's applications come with it).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Optional

from ...lifecycle import Table
from .._arrange import arrange
from ..applications import model as _apps
from ..bundles.arrange import visible_bundle
from ..bundles.catalog import DEFAULT_BUNDLE_NAME, public_bundle_id
from ..bundles.model import Bundle
from ..directories import Directory, add_directory
from ..tags import add_tags
from .lifecycle_ops import REPAIR
from .model import WORKSPACE, Workspace, WorkspaceProperties
from .rules import DEFAULT_AUTO_STOP_MINUTES
from .snapshots import EVERY, Snapshots, to_millis

if TYPE_CHECKING:
    from ...backend import WorkspacesBackend


def default_properties(
    bundle: Bundle, running_mode: str = "ALWAYS_ON", timeout: Optional[int] = None
) -> WorkspaceProperties:
    """What a WorkSpace created from ``bundle`` starts with when the request leaves properties out."""
    if running_mode == "AUTO_STOP" and timeout is None:
        timeout = DEFAULT_AUTO_STOP_MINUTES
    return WorkspaceProperties(
        running_mode=running_mode,
        running_mode_auto_stop_timeout_in_minutes=timeout,
        root_volume_size_gib=bundle.root_volume_size_gib,
        user_volume_size_gib=bundle.user_volume_size_gib,
        compute_type_name=bundle.compute_type_name,
        operating_system_name=bundle.operating_system_name,
        protocols=bundle.protocols,
    )


def new_workspace(
    backend: WorkspacesBackend,
    *,
    directory_id: str,
    user_name: str,
    bundle: Bundle,
    properties: WorkspaceProperties,
) -> Workspace:
    """A WorkSpace object with a fresh id; :func:`admit_workspace` makes it exist."""
    ws = Workspace(
        workspace_id=backend.ids.mint("ws", 9),
        directory_id=directory_id,
        user_name=user_name,
        bundle_id=bundle.bundle_id,
        properties=properties,
        created=backend.clock.now(),
        order=backend.workspace_index.next_order(),
    )
    directory = backend.directories.peek(directory_id)
    if directory is not None:  # shared, never changed in place: ModifyWorkspaceCreationProperties replaces it
        ws.creation_properties = directory.workspace_creation_properties
    return ws


def admit_workspace(
    backend: WorkspacesBackend,
    ws: Workspace,
    state: str,
    tags: Optional[Mapping[str, str]] = None,
    at: Optional[datetime] = None,
    table: Table = WORKSPACE,
) -> Workspace:
    """Store and index ``ws``, put it into ``state`` (now, or ``at``) and tell the applications family."""
    backend.workspaces.put(ws.workspace_id, ws)
    backend.workspace_index.add(ws)
    if tags:
        add_tags(backend, ws.workspace_id, tags)
    backend.lifecycle.enter(ws, table, state, at)
    _apps.on_workspace_created(backend, ws)
    return ws


@arrange("Workspace", "WorkspaceProperties")
def add_workspace(
    backend: WorkspacesBackend,
    *,
    user_name: Optional[str] = None,
    directory_id: Optional[str] = None,
    bundle_id: Optional[str] = None,
    compute_type_name: Optional[str] = None,
    running_mode: str = "ALWAYS_ON",
    state: str = "AVAILABLE",
    tags: Optional[Mapping[str, str]] = None,
    root_volume_size_gib: Optional[int] = None,
    user_volume_size_gib: Optional[int] = None,
    running_mode_auto_stop_timeout_in_minutes: Optional[int] = None,
    workspace_name: Optional[str] = None,
    snapshots: Optional[bool] = None,
) -> Workspace:
    """A WorkSpace straight in ``state`` (AVAILABLE by default), in one line.

    Defaults: the default directory (made on first use; an unknown ``directory_id`` is registered),
    the public "Standard with Windows 10 (Server 2022 based)" bundle, a generated user name.
    ``snapshots`` (default: every state but PENDING and ERROR) says whether the WorkSpace has been
    AVAILABLE and has a snapshot pair stamped at its creation, so rebuild, restore and migrate work at
    once; an ERROR WorkSpace without snapshots is one whose creation failed.
    """
    directory = directory_for_arrange(backend, directory_id)
    bundle = _bundle_for_arrange(backend, bundle_id)
    name = user_name or _free_user_name(backend, directory.directory_id)
    if backend.workspace_index.live_of_user(directory.directory_id, name) is not None:
        raise ValueError(f"add_workspace: {name!r} already has a WorkSpace in {directory.directory_id}")
    props = default_properties(bundle, running_mode, running_mode_auto_stop_timeout_in_minutes)
    if compute_type_name is not None:
        props.compute_type_name = compute_type_name
    if root_volume_size_gib is not None:
        props.root_volume_size_gib = root_volume_size_gib
    if user_volume_size_gib is not None:
        props.user_volume_size_gib = user_volume_size_gib
    ws = new_workspace(
        backend, directory_id=directory.directory_id, user_name=name, bundle=bundle, properties=props
    )
    ws.workspace_name = workspace_name
    admit_workspace(backend, ws, state, tags, table=REPAIR if REPAIR.is_transitional(state) else WORKSPACE)
    _arrange_snapshots(ws, state, snapshots)
    return ws


def _arrange_snapshots(ws: Workspace, state: str, wanted: Optional[bool]) -> None:
    if state == "PENDING":
        return
    if wanted is None:
        wanted = state != "ERROR"
    if wanted and ws.snapshots is not None:
        ws.snapshots.anchor = to_millis(ws.created)  # made when it entered AVAILABLE: stamp creation
    elif wanted:
        ws.snapshots = Snapshots(to_millis(ws.created))
    elif state == "ERROR":
        ws.snapshots = None  # never AVAILABLE: its creation failed
    else:  # it has been AVAILABLE, but no snapshot yet: the schedule takes the first in 12 hours
        ws.snapshots = Snapshots(to_millis(ws.created + EVERY))


def directory_for_arrange(backend: WorkspacesBackend, directory_id: Optional[str]) -> Directory:
    """The named directory (registered if unknown) or the backend's default one (made on first use)."""
    if directory_id is not None:
        return backend.directories.peek(directory_id) or add_directory(backend, directory_id)
    found = backend.directories.peek(backend.default_directory_id or "")
    if found is None:
        found = add_directory(backend)
        backend.default_directory_id = found.directory_id
    return found


def _bundle_for_arrange(backend: WorkspacesBackend, bundle_id: Optional[str]) -> Bundle:
    wanted = bundle_id or public_bundle_id(DEFAULT_BUNDLE_NAME)
    bundle = visible_bundle(backend, wanted)
    if bundle is None:
        raise ValueError(f"add_workspace: there is no bundle {wanted} in this account")
    return bundle


def _free_user_name(backend: WorkspacesBackend, directory_id: str) -> str:
    while True:
        backend.user_counter += 1
        candidate = f"user{backend.user_counter:05d}"
        if not backend.workspace_index.of_user(directory_id, candidate):
            return candidate
