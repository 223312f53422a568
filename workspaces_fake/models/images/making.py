"""New images from old ones or from outside: CreateUpdatedWorkspaceImage, CopyWorkspaceImage and the two
BYOL imports, each with the spec's checks in its order (spec 3.3 to 3.6).

Every new image starts PENDING in the caller's backend (for a copy: the destination Region, where the
call is made [M]) and moves through the lifecycle engine to AVAILABLE, or to ERROR with BYOL findings.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Optional

from ...errors import (
    InvalidParameterValuesException,
    InvalidResourceStateException,
    OperationNotSupportedException,
    ResourceNotFoundException,
    ResourceUnavailableException,
    ValidationException,
)
from ..applications import model as _apps
from ..applications.catalog import OFFICE_2016, OFFICE_2019, catalog_id
from .arrange import ImportSource, findings
from .imports import CUSTOM_IMPORT, CustomImageImport
from .model import (
    CUSTOM_IMPORTED_IMAGE,
    IMAGE,
    IMPORTED_IMAGE,
    UPDATABLE_OPERATING_SYSTEMS,
    ErrorDetail,
    Image,
)
from .rules import byol_ready, check_name_and_quota, visible_image
from .sharing import not_found, require_own

if TYPE_CHECKING:
    from ...backend import WorkspacesBackend

BYOL_NOT_ENABLED = "WorkspacesBYOLAccountNotFound"
"""The finding an import ends with when the account is not enabled for BYOL [A] (spec Q5)."""

OFFICE = {"Microsoft_Office_2016": OFFICE_2016, "Microsoft_Office_2019": OFFICE_2019}


def _new_image(
    backend: WorkspacesBackend, name: str, description: Optional[str], like: Image, **extra: object
) -> Image:
    image = Image(
        image_id=backend.ids.mint("wsi", 9),
        name=name,
        description=description,
        operating_system_name=like.operating_system_name,
        owner_account_id=backend.account_id,
        created=backend.clock.now(),
        required_tenancy=like.required_tenancy,
        ingestion_process=like.ingestion_process,
    )
    for attribute, value in extra.items():
        setattr(image, attribute, value)
    return backend.images.put(image.image_id, image)


def _application_ids(backend: WorkspacesBackend, image: Image) -> list[str]:
    return [row.application_id for row in _apps.image_rows(backend, image.image_id)]


def create_updated(backend: WorkspacesBackend, name: str, description: str, source_id: str) -> Image:
    """CreateUpdatedWorkspaceImage: a PENDING copy of an updatable image with its updates applied."""
    source = require_own(backend, source_id)
    if source.state != "AVAILABLE":
        raise InvalidResourceStateException(f"The image {source_id} is {source.state}, not AVAILABLE.")
    if source.operating_system_name not in UPDATABLE_OPERATING_SYSTEMS:
        raise OperationNotSupportedException(
            "Only Windows 10, Windows Server 2016 and Windows Server 2019 images can be updated this way."
        )
    if not source.updates_available:
        raise OperationNotSupportedException(f"The image {source_id} has no updates available.")
    check_name_and_quota(backend, name)
    apps = _application_ids(backend, source)
    image = _new_image(backend, name, description, source, preinstalled_application_ids=apps)
    backend.lifecycle.enter(image, IMAGE, "PENDING")
    return image


@functools.cache
def _regions(partition: str) -> tuple[str, ...]:
    """The Regions botocore's endpoint data lists for WorkSpaces in ``partition`` (read once)."""
    import botocore.session

    return tuple(botocore.session.get_session().get_available_regions("workspaces", partition))


def _check_region_pair(source_region: str, destination: str) -> None:
    """SourceRegion must be a WorkSpaces Region; China and GovCloud copy within the Region only [A]."""
    known = [*_regions("aws"), *_regions("aws-cn"), *_regions("aws-us-gov")]
    if source_region not in known:
        raise InvalidParameterValuesException(f"{source_region} is not a Region where WorkSpaces is offered.")
    if source_region != destination and any(
        r == "cn-northwest-1" or r.startswith("us-gov-") for r in (source_region, destination)
    ):
        raise OperationNotSupportedException(
            f"Images cannot be copied from {source_region} to {destination}; copy within the Region instead."
        )


def copy_image(
    backend: WorkspacesBackend, name: str, description: Optional[str], source_id: str, source_region: str
) -> Image:
    """CopyWorkspaceImage: the caller's Region gets a PENDING copy of an own or shared image."""
    _check_region_pair(source_region, backend.region_name)
    there = backend.in_region(source_region)
    source = visible_image(there, source_id)
    if source is None:
        raise not_found(source_id)
    if source.state != "AVAILABLE":
        raise ResourceUnavailableException(f"The image {source_id} is {source.state}, not AVAILABLE.")
    if source.required_tenancy == "DEDICATED" and not byol_ready(backend):
        raise OperationNotSupportedException(
            "BYOL images can be copied only into a Region where the account is enabled for BYOL."
        )
    check_name_and_quota(backend, name)
    apps = _application_ids(backend.in_account(source.owner_account_id, source_region), source)
    image = _new_image(backend, name, description, source, preinstalled_application_ids=apps)
    backend.lifecycle.enter(image, IMAGE, "PENDING")
    return image


# ------------------------------------------------------------------------------------------- imports
def _source(backend: WorkspacesBackend, source_id: str) -> ImportSource:
    """What the test declared about a source; an undeclared well-formed id exists (Windows 10) [A]."""
    return backend.import_sources.get(source_id) or ImportSource(source_id)


def _require_sources(backend: WorkspacesBackend, *source_ids: str) -> ImportSource:
    for source_id in source_ids:
        if not _source(backend, source_id).exists:
            raise ResourceNotFoundException(
                f"The import source {source_id} could not be found.", resource_id=source_id
            )
    return _source(backend, source_ids[0])


def _failure(backend: WorkspacesBackend, source: ImportSource) -> Optional[list[ErrorDetail]]:
    """The findings the import ends with: the account's BYOL switch first, then the source's [A]."""
    found = findings(source.failure_codes)
    if not byol_ready(backend):
        found.insert(0, ErrorDetail(BYOL_NOT_ENABLED, "The account is not enabled for BYOL in this Region."))
    return found or None


def _imported_image(
    backend: WorkspacesBackend,
    name: str,
    description: str,
    operating_system_name: str,
    process: Optional[str],
) -> Image:
    image = Image(
        image_id=backend.ids.mint("wsi", 9),
        name=name,
        description=description,
        operating_system_name=operating_system_name,
        owner_account_id=backend.account_id,
        created=backend.clock.now(),
        required_tenancy="DEDICATED",
        ingestion_process=process,
    )
    return backend.images.put(image.image_id, image)


def _check_byol_request(
    backend: WorkspacesBackend, process: str, apps: Sequence[str], source_os: str
) -> None:
    if len(apps) > 1:
        raise InvalidParameterValuesException("Only one item is allowed in Applications.")
    if process.endswith("_BYOP") and not backend.settings.byop_allowed:
        raise InvalidParameterValuesException(
            f"The ingestion process {process} is available only to accounts allow-listed for BYOP."
        )
    if "Microsoft_Office_2016" in apps and "G4DN" in process:
        raise InvalidParameterValuesException("g4dn BYOL images support only Microsoft Office 2019.")
    if apps and process == "BYOL_GRAPHICS_G4DN_WSP" and source_os == "WINDOWS_11":
        raise InvalidParameterValuesException("GPU DCV Windows 11 BYOL images support no Microsoft Office.")


def import_byol(
    backend: WorkspacesBackend,
    ami_id: str,
    process: str,
    name: str,
    description: str,
    applications: Sequence[str],
) -> Image:
    """ImportWorkspaceImage: a DEDICATED image from an AMI, PENDING for the ingestion (spec 3.5)."""
    _check_byol_request(backend, process, applications, _source(backend, ami_id).operating_system_name)
    source = _require_sources(backend, ami_id)
    check_name_and_quota(backend, name)
    if process in ("BYOL_GRAPHICS", "BYOL_GRAPHICSPRO") and not backend.settings.graphics_byol_allowed:
        raise OperationNotSupportedException(f"The account is not allow-listed for {process} ingestion.")
    image = _imported_image(backend, name, description, source.operating_system_name, process)
    image.preinstalled_application_ids = [catalog_id(OFFICE[app]) for app in applications]
    image.failure = _failure(backend, source)
    backend.lifecycle.enter(image, IMPORTED_IMAGE, "PENDING")
    return image


def _union_member(image_source: Mapping[str, str]) -> str:
    """The one member of the tagged union ``ImageSource``; botocore checks this, raw requests may not."""
    values = [value for value in image_source.values() if value is not None]
    if len(values) != 1:
        raise ValidationException(
            "ImageSource must set exactly one of Ec2ImportTaskId, ImageBuildVersionArn and Ec2ImageId."
        )
    return values[0]


CUSTOM_PROCESS = {"BASE": "BYOL_REGULAR", "GRAPHICS_G4DN": "BYOL_GRAPHICS_G4DN"}
"""The ingestion process a custom import's ComputeType stands for, for bundle compatibility [A]."""


def import_custom(
    backend: WorkspacesBackend,
    name: str,
    description: str,
    compute_type: str,
    protocol: str,
    image_source: Mapping[str, str],
    infrastructure_configuration_arn: str,
    os_version: str,
) -> CustomImageImport:
    """ImportCustomWorkspaceImage: a PENDING image and the import record that moves it (spec 3.6)."""
    if protocol == "PCOIP" and os_version == "Windows_11":
        raise InvalidParameterValuesException("Windows 11 does not support PCOIP protocol.")
    if protocol == "BYOP" and not backend.settings.byop_allowed:
        raise InvalidParameterValuesException(
            "Protocol BYOP is available only to accounts allow-listed for it."
        )
    source_id = _union_member(image_source)
    source = _require_sources(backend, source_id, infrastructure_configuration_arn)
    check_name_and_quota(backend, name)
    process = CUSTOM_PROCESS.get(compute_type)
    if process is not None and protocol == "DCV":
        process += "_WSP"
    image = _imported_image(backend, name, description, os_version.upper(), process)
    record = CustomImageImport(
        image_id=image.image_id,
        infrastructure_configuration_arn=infrastructure_configuration_arn,
        image_source=dict(image_source),
        created=image.created,
        failure=_failure(backend, source),
    )
    backend.custom_imports.put(image.image_id, record)
    backend.lifecycle.enter(image, CUSTOM_IMPORTED_IMAGE, "PENDING", at=image.created)
    backend.lifecycle.enter(record, CUSTOM_IMPORT, "PENDING", at=image.created)
    return record
