"""Handlers for images: capture one from a WorkSpace, and list the account's images."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Optional

from .._registry import Result, operation
from .._service import operation_model
from .._wire import attr_name
from ..backend import WorkspacesBackend
from ..errors import InvalidResourceStateException, ResourceAlreadyExistsException
from ..models.applications import model as _apps
from ..models.images import IMAGE, Image
from ..models.quotas import IMAGES
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
    if any(i.name == name for i in _own_images(backend)):
        raise ResourceAlreadyExistsException(f"An image named {name} already exists in this account.")
    backend.settings.quotas.check(IMAGES, len(_own_images(backend)), what="images")
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
    """The account's own images, oldest first; SHARED lists none (no image sharing is modelled)."""
    items = [] if image_type == "SHARED" else _own_images(backend)
    if image_ids is not None:
        items = [image for image in items if image.image_id in image_ids]
    page, token = backend.paginator.page(
        items,
        operation="DescribeWorkspaceImages",
        filters={"ImageIds": image_ids, "ImageType": image_type},
        limit=max_results,
        token=next_token,
    )
    return {"Images": page, "NextToken": token}


def _own_images(backend: WorkspacesBackend) -> list[Image]:
    return [i for i in backend.images.values_unobserved() if i.owner_account_id == backend.account_id]
