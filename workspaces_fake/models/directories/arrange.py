"""Arrange helpers for directories: any variant, in any state, with any settings already applied."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Optional

from .._arrange import arrange
from ..tags import add_tags
from .model import DIRECTORY, HELD, Directory, new_directory
from .register import idc_config, managed_directory

if TYPE_CHECKING:
    from ...backend import WorkspacesBackend

STATES = ("REGISTERING", "REGISTERED", "DEREGISTERING", "ERROR")


@arrange("WorkspaceDirectory")
def add_directory(
    backend: WorkspacesBackend,
    directory_id: Optional[str] = None,
    *,
    directory_name: str = "corp.example.com",
    alias: Optional[str] = None,
    directory_type: str = "SIMPLE_AD",
    subnet_ids: Optional[list[str]] = None,
    tags: Optional[Mapping[str, str]] = None,
    state: str = "REGISTERED",
    stuck: bool = False,
    error_message: Optional[str] = None,
    workspace_type: str = "PERSONAL",
    user_identity_type: Optional[str] = None,
    workspace_directory_name: Optional[str] = None,
    workspace_directory_description: Optional[str] = None,
    idc_instance_arn: Optional[str] = None,
    active_directory_config: Optional[Mapping[str, Any]] = None,
    customer_user_name: Optional[str] = None,
    tenancy: Optional[str] = None,
) -> Directory:
    """A directory registered with WorkSpaces, REGISTERED unless ``state`` says otherwise.

    By default a Directory Service ``d-`` directory (a fresh id unless ``directory_id`` is given). With
    ``workspace_type="POOLS"``, or ``user_identity_type="AWS_IAM_IDENTITY_CENTER"``, a WorkSpaces-managed
    ``wsd-`` directory as RegisterWorkspaceDirectory makes it (named ``workspace_directory_name``).
    ``state="REGISTERING"`` or ``"DEREGISTERING"`` moves on through the lifecycle, unless ``stuck`` keeps it
    there in every mode; ``error_message`` with REGISTERING makes the registration end in ERROR, and with
    ``state="ERROR"`` is the directory's ErrorMessage.
    """
    if state not in STATES:
        raise ValueError(f"add_directory(state={state!r}): one of {', '.join(STATES)}")
    directory = _new(
        backend,
        directory_id,
        workspace_type=workspace_type,
        identity=user_identity_type,
        name=workspace_directory_name,
        active_directory_config=active_directory_config,
        subnet_ids=subnet_ids,
    )
    if not directory.is_managed:
        directory.directory_name, directory.directory_type = directory_name, directory_type
        directory.alias = alias or directory.directory_id
    if idc_instance_arn is not None:
        directory.idc_config = idc_config(backend, idc_instance_arn)
    directory.workspace_directory_description = workspace_directory_description or (
        "WorkSpaces Pools directory" if workspace_type == "POOLS" else None
    )
    directory.customer_user_name = customer_user_name or directory.customer_user_name
    directory.tenancy = tenancy or directory.tenancy
    backend.directories.put(directory.directory_id, directory)
    add_tags(backend, directory.directory_id, tags or {})
    _enter(backend, directory, state, stuck=stuck, error_message=error_message)
    return directory


def _new(
    backend: WorkspacesBackend,
    directory_id: Optional[str],
    *,
    workspace_type: str,
    identity: Optional[str],
    name: Optional[str],
    active_directory_config: Optional[Mapping[str, Any]],
    subnet_ids: Optional[list[str]],
) -> Directory:
    managed = workspace_type == "POOLS" or identity in ("AWS_IAM_IDENTITY_CENTER", "CUSTOMER_MANAGED")
    if not managed:
        if directory_id is not None and not directory_id.startswith("d-"):
            raise ValueError(f"add_directory({directory_id!r}): a Directory Service directory id starts d-")
        return new_directory(backend, directory_id or backend.ids.hex("d", 10), subnet_ids=subnet_ids)
    if directory_id is not None:
        raise ValueError("add_directory: a WorkSpaces-managed directory gets its own wsd- id")
    return managed_directory(
        backend,
        workspace_type=workspace_type,
        name=name or ("pool-directory" if workspace_type == "POOLS" else "identity-center-directory"),
        subnet_ids=subnet_ids,
        active_directory_config=active_directory_config,
    )


def _enter(
    backend: WorkspacesBackend, directory: Directory, state: str, *, stuck: bool, error_message: Optional[str]
) -> None:
    if state == "ERROR":
        directory.error_message = error_message or "The directory could not be registered."
    elif state == "REGISTERING":
        directory.fails_with = error_message
    backend.lifecycle.enter(directory, HELD if stuck else DIRECTORY, state)


@arrange("WorkspaceDirectory")
def fail_directory_registration(
    backend: WorkspacesBackend,
    directory_id: str,
    error_message: str = "The directory could not be registered.",
) -> Directory:
    """Make a registration in progress (REGISTERING, from the API or arranged) end in ERROR with
    ``error_message`` when its step is due, instead of REGISTERED."""
    directory = backend.directories.peek(directory_id)
    if directory is None or directory.state != "REGISTERING":
        found = directory.state if directory is not None else "not registered"
        raise ValueError(f"fail_directory_registration({directory_id!r}): the directory is {found}")
    directory.fails_with = error_message
    return directory
