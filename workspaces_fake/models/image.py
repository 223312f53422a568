"""Images: what a bundle boots, either Amazon's (behind public bundles) or captured from a WorkSpace."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Optional

from ..lifecycle import Step, Table, minutes

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
