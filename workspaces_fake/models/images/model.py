"""Images: what a bundle boots, either Amazon's (behind public bundles) or the account's own.

The model and its lifecycle tables. An image is captured from a WorkSpace, updated, copied or imported;
each way in starts PENDING and ends AVAILABLE, or ERROR when a failure was arranged or the BYOL checks fail.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Optional

from ...lifecycle import NEVER, Step, Table, minutes

if TYPE_CHECKING:
    from ...backend import WorkspacesBackend


AMAZON_IMAGE_OWNER_ACCOUNT = "817647356582"
"""The account id the fake gives Amazon's images (the real one is not published); they are never listed
by DescribeWorkspaceImages, which shows only the caller's own images and those shared with it."""

UPDATABLE_OPERATING_SYSTEMS = ("WINDOWS_10", "WINDOWS_SERVER_2016", "WINDOWS_SERVER_2019")
"""The only images CreateUpdatedWorkspaceImage can update (the operation's model doc): Windows 10 and
Windows Server 2016 / 2019. Only these images carry ``Updates`` in DescribeWorkspaceImages."""

NO_UPDATES = "This WorkSpace image does not have updates available"
UPDATES = "This WorkSpace image has updates available"  # [A]: no real sample of the text is published


@dataclass(frozen=True)
class OperatingSystem:
    """API shape ``OperatingSystem``."""

    type: str


@dataclass(frozen=True)
class UpdateResult:
    """API shape ``UpdateResult`` (the ``Updates`` member of an image)."""

    update_available: bool
    description: str


@dataclass(frozen=True)
class ErrorDetail:
    """API shapes ``ErrorDetails`` (images) and ``CustomWorkspaceImageImportErrorDetails`` (imports)."""

    error_code: str
    error_message: str


@dataclass
class Image:
    """API shape ``WorkspaceImage``, plus the full ``OperatingSystemName`` WorkSpaces inherit.

    ``preinstalled_application_ids`` names the catalog applications baked into the image; the
    applications family turns them into IMAGE associations. ``shared_with`` lists the accounts the owner
    shared the image with, in the order they were added. ``failure`` is what the image turns ERROR with
    when its PENDING step ends (set by an arranged failure or by the BYOL checks); ``ingestion_process``
    is the BYOL import's, which fixes the compute types bundles of the image may use.
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
    updates_available: bool = False
    shared_with: list[str] = field(default_factory=list)
    failure: Optional[list[ErrorDetail]] = None
    error_code: Optional[str] = None
    error_message: Optional[str] = None
    error_details: Optional[list[ErrorDetail]] = None
    ingestion_process: Optional[str] = None

    @property
    def operating_system(self) -> OperatingSystem:
        """``OperatingSystem.Type``: WINDOWS for every Windows member of the enum, LINUX otherwise."""
        return OperatingSystem(operating_system_type(self.operating_system_name))

    @property
    def updates(self) -> Optional[UpdateResult]:
        """``Updates``: only for images whose operating system can be updated programmatically."""
        if self.operating_system_name not in UPDATABLE_OPERATING_SYSTEMS:
            return None
        return UpdateResult(self.updates_available, UPDATES if self.updates_available else NO_UPDATES)


def operating_system_type(operating_system_name: str) -> str:
    """WINDOWS or LINUX for an ``OperatingSystemName`` (UNKNOWN counts as Windows, as BYOL imports are)."""
    windows = operating_system_name.startswith("WINDOWS") or operating_system_name == "UNKNOWN"
    return "WINDOWS" if windows else "LINUX"


def outcome(image: Image) -> str:
    """AVAILABLE, or ERROR with the image's pending failure (the first finding is ErrorCode/ErrorMessage)."""
    if not image.failure:
        return "AVAILABLE"
    image.error_details = list(image.failure)
    image.error_code = image.failure[0].error_code
    image.error_message = image.failure[0].error_message
    return "ERROR"


def _finish(backend: WorkspacesBackend, image: Image, at: datetime) -> str:
    return outcome(image)


IMAGE = Table("image", steps={"PENDING": Step(_finish, minutes(25))})
"""An image captured, updated or copied is PENDING for 25 minutes (capture takes up to 45 [D]; updates and
copies are not published, [A]), then AVAILABLE, or ERROR when a failure was arranged."""

IMPORTED_IMAGE = Table("image (BYOL import)", steps={"PENDING": Step(_finish, minutes(90))})
"""An image imported from an AMI: ingestion takes at least 90 minutes [D], then AVAILABLE or ERROR."""

CUSTOM_IMPORTED_IMAGE = Table("image (custom import)", steps={})
"""An image made by ImportCustomWorkspaceImage waits in PENDING for its import, which moves it."""
