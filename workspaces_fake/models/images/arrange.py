"""The images family's arrange side: images in any state, shared images, and the sources imports read.

``add_image`` makes an image of this account (AVAILABLE by default; PENDING or ERROR on request, with the
BYOL checker's findings); ``share_image`` shares one with another account of the world;
``add_import_source`` declares an AMI, EC2 import task, Image Builder image or infrastructure
configuration that imports read (unknown well-formed ids are accepted; ``exists=False`` makes one
missing, ``failure_codes`` makes the import fail with those findings).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Optional, Union

from .._arrange import arrange, model_enum
from .model import IMAGE, ErrorDetail, Image, outcome

if TYPE_CHECKING:
    from ...backend import WorkspacesBackend

FINDING_MESSAGE = "The image failed the WorkSpaces BYOL checks: {code}."
"""ErrorMessage of an arranged finding [A] (the real texts are not published)."""


@dataclass
class ImportSource:
    """What the fake knows of an import's source (AMI, import task, Image Builder ARN, configuration)."""

    source_id: str
    exists: bool = True
    operating_system_name: str = "WINDOWS_10"
    failure_codes: list[str] = field(default_factory=list)


def findings(codes: Iterable[str]) -> list[ErrorDetail]:
    """ErrorDetails for BYOL checker codes, each checked against the model's enum."""
    allowed = model_enum("WorkspaceImageErrorDetailCode")
    details = []
    for code in codes:
        if code not in allowed:
            raise ValueError(f"{code!r} is not a WorkspaceImageErrorDetailCode; the model allows {allowed}")
        details.append(ErrorDetail(code, FINDING_MESSAGE.format(code=code)))
    return details


@arrange(
    "WorkspaceImage",
    operating_system_name="OperatingSystemName",
    shared_with="AwsAccount",
)
def add_image(
    backend: WorkspacesBackend,
    name: str,
    *,
    operating_system_name: str = "WINDOWS_SERVER_2022",
    applications: Iterable[Any] = (),
    description: str = "",
    state: str = "AVAILABLE",
    required_tenancy: str = "DEFAULT",
    updates_available: bool = False,
    failure_codes: Sequence[str] = (),
    shared_with: Optional[str] = None,
) -> Image:
    """An image owned by this account; ``applications`` (ids or Application models) are preinstalled.

    ``state="ERROR"`` gives an image that failed (``failure_codes``, default ``UnknownError``);
    ``state="PENDING"`` with ``failure_codes`` one that will fail when its step ends.
    ``updates_available`` makes ``Updates.UpdateAvailable`` true (Windows 10 / Server 2016 / 2019 images
    only). ``shared_with`` shares the AVAILABLE image with that account at once.
    """
    codes = list(failure_codes) or (["UnknownError"] if state == "ERROR" else [])
    image = Image(
        image_id=backend.ids.mint("wsi", 9),
        name=name,
        operating_system_name=operating_system_name,
        owner_account_id=backend.account_id,
        created=backend.clock.now(),
        description=description or None,
        required_tenancy=required_tenancy,
        updates_available=updates_available,
        preinstalled_application_ids=[_application_id(app) for app in applications],
        failure=findings(codes) or None,
    )
    backend.images.put(image.image_id, image)
    backend.lifecycle.enter(image, IMAGE, outcome(image) if state == "ERROR" else state)
    if shared_with is not None:
        image.shared_with.append(shared_with)
    return image


def _application_id(app: Union[str, Any]) -> str:
    return app if isinstance(app, str) else str(app.application_id)


@arrange(account_id="AwsAccount")
def share_image(backend: WorkspacesBackend, image_id: str, account_id: str) -> Image:
    """Share this account's image with ``account_id`` (what UpdateWorkspaceImagePermission true does)."""
    image = backend.images.peek(image_id)
    if image is None or image.owner_account_id != backend.account_id:
        raise ValueError(f"share_image: this account has no image {image_id} in {backend.region_name}")
    if account_id not in image.shared_with:
        image.shared_with.append(account_id)
    return image


@arrange(operating_system_name="OperatingSystemName")
def add_import_source(
    backend: WorkspacesBackend,
    source_id: str,
    *,
    exists: bool = True,
    operating_system_name: str = "WINDOWS_10",
    failure_codes: Sequence[str] = (),
) -> ImportSource:
    """Declare an import source: an AMI id, EC2 import task id, Image Builder image or configuration ARN.

    ``exists=False`` makes imports from it answer ResourceNotFoundException; ``failure_codes`` (BYOL checker
    findings, the model's ``WorkspaceImageErrorDetailCode`` values) make the import end in ERROR.
    """
    findings(failure_codes)  # checked now, not at import time
    source = ImportSource(source_id, exists, operating_system_name, list(failure_codes))
    backend.import_sources[source_id] = source
    return source


@arrange()
def fail_image(
    backend: WorkspacesBackend, image_id: str, failure_codes: Sequence[str] = ("UnknownError",)
) -> Image:
    """Make a PENDING image (or the custom import behind it) end in ERROR with these BYOL findings.

    The failure shows when the pending step ends, as the lifecycle mode moves it (at once in instant mode,
    after the step's duration in timed mode, at ``settle()`` in manual mode).
    """
    image = backend.images.peek(image_id)
    if image is None or image.owner_account_id != backend.account_id or image.state != "PENDING":
        raise ValueError(f"fail_image: this account has no PENDING image {image_id}")
    details = findings(failure_codes)
    record = backend.custom_imports.peek(image_id)
    if record is not None:
        record.failure, record.fails_at = details, record.state
    else:
        image.failure = details
    return image
