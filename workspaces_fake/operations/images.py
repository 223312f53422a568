"""Handlers for images: capture, update, copy and import them, list, share and delete them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Optional

from .._registry import Result, operation
from .._service import operation_model
from .._wire import attr_name
from ..backend import WorkspacesBackend
from ..errors import InvalidResourceStateException
from ..models.applications import model as _apps
from ..models.images import IMAGE, Image, making, sharing
from ..models.images.rules import check_name_and_quota, own_images, shared_with_me
from ..models.tags import add_tags, tags_from_request
from ..models.workspaces.model import WORKSPACE, Workspace


@operation("CreateWorkspaceImage")
def create_workspace_image(
    backend: WorkspacesBackend,
    *,
    name: str,
    description: str,
    workspace_id: str,
    tags: Optional[list[Mapping[str, Any]]] = None,
) -> Result:
    """Capture an image of an AVAILABLE WorkSpace: the WorkSpace is SUSPENDED, the image PENDING."""
    ws = backend.workspaces.require(workspace_id)
    if ws.state != "AVAILABLE":
        raise InvalidResourceStateException(
            f"The WorkSpace {workspace_id} is {ws.state}; an image can only be created from an AVAILABLE "
            "WorkSpace."
        )
    check_name_and_quota(backend, name, taken=f"An image named {name} already exists in this account.")
    tag_values = tags_from_request(tags or [])
    image = _captured_image(backend, ws, name, description)
    add_tags(backend, image.image_id, tag_values)
    backend.lifecycle.enter(image, IMAGE, "PENDING")
    backend.lifecycle.enter(ws, WORKSPACE, "SUSPENDED")
    _apps.on_image_created_from_workspace(backend, workspace_id, image.image_id)
    return _members("CreateWorkspaceImage", image)


def _captured_image(backend: WorkspacesBackend, ws: Workspace, name: str, description: str) -> Image:
    image = Image(
        image_id=backend.ids.mint("wsi", 9),
        name=name,
        description=description,
        operating_system_name=ws.workspace_properties.operating_system_name,
        owner_account_id=backend.account_id,
        created=backend.clock.now(),
        source_workspace_id=ws.workspace_id,
    )
    return backend.images.put(image.image_id, image)


def _members(operation_name: str, model: Any) -> dict[str, Any]:
    """A flat output shape read off one model (the encoder does this for nested members)."""
    shape = operation_model(operation_name).output_shape
    return {member: getattr(model, attr_name(member), None) for member in shape.members}


@operation("DescribeWorkspaceImages")
def describe_workspace_images(
    backend: WorkspacesBackend,
    *,
    image_ids: Optional[list[str]] = None,
    image_type: Optional[str] = None,
    next_token: Optional[str] = None,
    max_results: Optional[int] = None,
) -> Result:
    """Own images (no type, or OWNED), those shared with the caller (SHARED), or either by id [A]."""
    if image_ids is not None and image_type is None:
        items = [i for i in [*own_images(backend), *shared_with_me(backend)] if i.image_id in image_ids]
    else:
        items = list(shared_with_me(backend)) if image_type == "SHARED" else own_images(backend)
        items = items if image_ids is None else [i for i in items if i.image_id in image_ids]
    page, token = backend.paginator.page(
        items,
        operation="DescribeWorkspaceImages",
        filters={"ImageIds": image_ids, "ImageType": image_type},
        limit=max_results,
        token=next_token,
    )
    return {"Images": page, "NextToken": token}


@operation("DeleteWorkspaceImage")
def delete_workspace_image(backend: WorkspacesBackend, *, image_id: str) -> Result:
    """Delete an AVAILABLE or ERROR image no bundle uses and nobody shares; copies elsewhere stay."""
    sharing.delete_image(backend, image_id)
    return {}


@operation("UpdateWorkspaceImagePermission")
def update_workspace_image_permission(
    backend: WorkspacesBackend, *, image_id: str, allow_copy_image: bool, shared_account_id: str
) -> Result:
    """Share the image with another account in this Region (true) or stop sharing it (false)."""
    sharing.set_permission(backend, image_id, allow_copy_image, shared_account_id)
    return {}


@operation("DescribeWorkspaceImagePermissions")
def describe_workspace_image_permissions(
    backend: WorkspacesBackend,
    *,
    image_id: str,
    next_token: Optional[str] = None,
    max_results: Optional[int] = None,
) -> Result:
    """The accounts the owner shared the image with; a recipient gets ResourceNotFoundException [A]."""
    page, token = backend.paginator.page(
        sharing.permissions(backend, image_id),
        operation="DescribeWorkspaceImagePermissions",
        filters={"ImageId": image_id},
        limit=max_results,
        token=next_token,
    )
    return {"ImageId": image_id, "ImagePermissions": page, "NextToken": token}


@operation("CreateUpdatedWorkspaceImage")
def create_updated_workspace_image(
    backend: WorkspacesBackend,
    *,
    name: str,
    description: str,
    source_image_id: str,
    tags: Optional[list[Mapping[str, Any]]] = None,
) -> Result:
    """A new PENDING image with the source's updates applied; the source stays as it is."""
    tag_values = tags_from_request(tags or [])
    image = making.create_updated(backend, name, description, source_image_id)
    add_tags(backend, image.image_id, tag_values)
    return {"ImageId": image.image_id}


@operation("CopyWorkspaceImage")
def copy_workspace_image(
    backend: WorkspacesBackend,
    *,
    name: str,
    source_image_id: str,
    source_region: str,
    description: Optional[str] = None,
    tags: Optional[list[Mapping[str, Any]]] = None,
) -> Result:
    """Copy an own or shared image from ``source_region`` into this Region: PENDING, then AVAILABLE."""
    tag_values = tags_from_request(tags or [])
    image = making.copy_image(backend, name, description, source_image_id, source_region)
    add_tags(backend, image.image_id, tag_values)
    return {"ImageId": image.image_id}


@operation("ImportWorkspaceImage")
def import_workspace_image(
    backend: WorkspacesBackend,
    *,
    ec2_image_id: str,
    ingestion_process: str,
    image_name: str,
    image_description: str,
    tags: Optional[list[Mapping[str, Any]]] = None,
    applications: Optional[list[str]] = None,
) -> Result:
    """A BYOL image from an AMI: PENDING while ingested, then AVAILABLE or ERROR with findings."""
    tag_values = tags_from_request(tags or [])
    image = making.import_byol(
        backend, ec2_image_id, ingestion_process, image_name, image_description, applications or []
    )
    add_tags(backend, image.image_id, tag_values)
    return {"ImageId": image.image_id}


@operation("ImportCustomWorkspaceImage")
def import_custom_workspace_image(
    backend: WorkspacesBackend,
    *,
    image_name: str,
    image_description: str,
    compute_type: str,
    protocol: str,
    image_source: Mapping[str, str],
    infrastructure_configuration_arn: str,
    platform: str,
    os_version: str,
    tags: Optional[list[Mapping[str, Any]]] = None,
    image_validation_mode: Optional[str] = None,
) -> Result:
    """A BYOL image through EC2 Image Builder; DescribeCustomWorkspaceImageImport follows its progress.

    ``ImageValidationMode`` (CUSTOMER_MANAGED / SERVICE_MANAGED) is accepted and both run the same
    workflow [A]: AWS documents no difference an API caller could observe.
    """
    tag_values = tags_from_request(tags or [])
    record = making.import_custom(
        backend, image_name, image_description, compute_type, protocol, image_source,
        infrastructure_configuration_arn, os_version,
    )  # fmt: skip
    add_tags(backend, record.image_id, tag_values)
    return {"ImageId": record.image_id, "State": "PENDING"}


@operation("DescribeCustomWorkspaceImageImport")
def describe_custom_workspace_image_import(backend: WorkspacesBackend, *, image_id: str) -> Result:
    """The import's state, progress and findings; images not made by ImportCustomWorkspaceImage: not found."""
    record = backend.custom_imports.peek(image_id)
    if record is None:
        raise sharing.not_found(image_id)
    return _members("DescribeCustomWorkspaceImageImport", record)
