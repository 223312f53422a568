"""Images: what a bundle boots, either Amazon's (behind public bundles) or captured from a WorkSpace.

Amazon's public images are seeded with the public bundles they back (:mod:`.bundles`); this module holds
the model, its lifecycle and the arrange helper for the account's own images.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any, Optional, Union

from ..lifecycle import Step, Table, minutes
from ._arrange import arrange

if TYPE_CHECKING:
    from ..backend import WorkspacesBackend

NEVER = datetime(1970, 1, 1, tzinfo=timezone.utc)
"""Placeholder ``state_since`` until the lifecycle engine first sets it."""

AMAZON_IMAGE_OWNER_ACCOUNT = "817647356582"
"""The account id the fake gives Amazon's images (the real one is not published); they are never listed
by DescribeWorkspaceImages, which shows only the caller's own images."""


@dataclass(frozen=True)
class OperatingSystem:
    """API shape ``OperatingSystem``."""

    type: str


@dataclass
class Image:
    """API shape ``WorkspaceImage``, plus the full ``OperatingSystemName`` WorkSpaces inherit.

    ``preinstalled_application_ids`` names the catalog applications baked into the image; the
    applications family turns them into IMAGE associations.
    """

    image_id: str
    name: str
    operating_system_name: str
    owner_account_id: str
    created: datetime
    description: Optional[str] = None
    state: str = ""
    state_since: datetime = NEVER
    required_tenancy: str = "DEFAULT"
    preinstalled_application_ids: list[str] = field(default_factory=list)
    source_workspace_id: Optional[str] = None

    @property
    def operating_system(self) -> OperatingSystem:
        """``OperatingSystem.Type``: WINDOWS for every Windows member of the enum, LINUX otherwise."""
        return OperatingSystem(operating_system_type(self.operating_system_name))


def operating_system_type(operating_system_name: str) -> str:
    """WINDOWS or LINUX for an ``OperatingSystemName`` (UNKNOWN counts as Windows, as BYOL imports are)."""
    windows = operating_system_name.startswith("WINDOWS") or operating_system_name == "UNKNOWN"
    return "WINDOWS" if windows else "LINUX"


IMAGE = Table("image", steps={"PENDING": Step("AVAILABLE", minutes(25))})
"""An image captured from a WorkSpace is PENDING for 25 minutes, then AVAILABLE."""


@arrange("WorkspaceImage", operating_system_name="OperatingSystemName")
def add_image(
    backend: WorkspacesBackend,
    name: str,
    *,
    operating_system_name: str = "WINDOWS_SERVER_2022",
    applications: Iterable[Any] = (),
    description: str = "",
    state: str = "AVAILABLE",
) -> Image:
    """An image owned by this account; ``applications`` (ids or Application models) are preinstalled."""
    image = Image(
        image_id=backend.ids.mint("wsi", 9),
        name=name,
        operating_system_name=operating_system_name,
        owner_account_id=backend.account_id,
        created=backend.clock.now(),
        description=description or None,
        preinstalled_application_ids=[_application_id(app) for app in applications],
    )
    backend.images.put(image.image_id, image)
    backend.lifecycle.enter(image, IMAGE, state)
    return image


def _application_id(app: Union[str, Any]) -> str:
    return app if isinstance(app, str) else str(app.application_id)
