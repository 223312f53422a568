"""ImportCustomWorkspaceImage's import record and its workflow, read by DescribeCustomWorkspaceImageImport.

The model declares fourteen import states; the fake walks them in declaration order, which reads as a
workflow [A], ten minutes a step in the timed mode [A] (AWS publishes no durations). Any step may end in
ERROR when the import carries a failure; COMPLETED makes the image AVAILABLE and ERROR makes it ERROR.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Optional

from ...lifecycle import NEVER, Step, Table, minutes
from .model import CUSTOM_IMPORTED_IMAGE, ErrorDetail, outcome

if TYPE_CHECKING:
    from ...backend import WorkspacesBackend

WORKFLOW = (
    "PENDING",
    "IN_PROGRESS",
    "PROCESSING_SOURCE_IMAGE",
    "IMAGE_TESTING_START",
    "UPDATING_OPERATING_SYSTEM",
    "IMAGE_COMPATIBILITY_CHECKING",
    "IMAGE_TESTING_GENERALIZATION",
    "CREATING_TEST_INSTANCE",
    "INSTALLING_COMPONENTS",
    "GENERALIZING",
    "VALIDATING",
    "PUBLISHING",
    "COMPLETED",
)
"""The non-error states in the model's order; ``tests`` check it against the model's enum."""

FAILS_AT = "IMAGE_COMPATIBILITY_CHECKING"
"""Where a failing import stops by default: the compatibility checks are what find BYOL problems [A]."""

_INSTANCE_FROM = WORKFLOW.index("CREATING_TEST_INSTANCE")

MESSAGES = {
    "PENDING": "The import request was received.",
    "IN_PROGRESS": "The import has started.",
    "PROCESSING_SOURCE_IMAGE": "Processing the source image.",
    "IMAGE_TESTING_START": "Starting the image tests.",
    "UPDATING_OPERATING_SYSTEM": "Updating the operating system.",
    "IMAGE_COMPATIBILITY_CHECKING": "Checking the image for compatibility with WorkSpaces.",
    "IMAGE_TESTING_GENERALIZATION": "Testing the generalization of the image.",
    "CREATING_TEST_INSTANCE": "Creating a test instance.",
    "INSTALLING_COMPONENTS": "Installing the WorkSpaces components.",
    "GENERALIZING": "Generalizing the image.",
    "VALIDATING": "Validating the image.",
    "PUBLISHING": "Publishing the image.",
    "COMPLETED": "The image was imported.",
    "ERROR": "The import failed; see ErrorDetails.",
}
"""A short sentence per state for ``StateMessage`` [A]."""


@dataclass
class CustomImageImport:
    """API shape ``DescribeCustomWorkspaceImageImportResult``: one ImportCustomWorkspaceImage call.

    ``failure`` (when set) is what the import stops with at ``fails_at``.
    """

    image_id: str
    infrastructure_configuration_arn: str
    image_source: Mapping[str, str]
    created: datetime
    state: str = ""
    state_since: datetime = NEVER
    failure: Optional[list[ErrorDetail]] = None
    fails_at: str = FAILS_AT
    error_details: Optional[list[ErrorDetail]] = None
    progress_percentage: int = 0

    @property
    def state_message(self) -> str:
        """``StateMessage``: one sentence per state."""
        return MESSAGES[self.state]

    @property
    def last_updated_time(self) -> datetime:
        """``LastUpdatedTime``: when the import entered its current state."""
        return self.state_since

    image_builder_instance_id: Optional[str] = None
    """``ImageBuilderInstanceId``: the test instance, set from CREATING_TEST_INSTANCE on [A]."""


def _next(backend: WorkspacesBackend, record: CustomImageImport, at: datetime) -> str:
    if record.failure and record.state == record.fails_at:
        return "ERROR"
    return WORKFLOW[WORKFLOW.index(record.state) + 1]


def _entered(backend: WorkspacesBackend, record: CustomImageImport, state: str, at: datetime) -> None:
    """Progress, message and test instance follow the state; the end states settle the image."""
    if state in WORKFLOW:
        record.progress_percentage = round(WORKFLOW.index(state) * 100 / (len(WORKFLOW) - 1))
    if state == "CREATING_TEST_INSTANCE":
        record.image_builder_instance_id = backend.ids.hex("i", 17)
    if state not in ("COMPLETED", "ERROR"):
        return
    image = backend.images.peek(record.image_id)
    if state == "ERROR":
        record.error_details = list(record.failure or [])
    if image is not None:
        image.failure = record.error_details
        backend.lifecycle.enter(image, CUSTOM_IMPORTED_IMAGE, outcome(image), at)


CUSTOM_IMPORT = Table(
    "custom image import",
    steps={state: Step(_next, minutes(10)) for state in WORKFLOW[:-1]},
    on_enter=_entered,
)
"""PENDING -> ... -> COMPLETED, ten minutes a step in the timed mode [A]; ERROR from any step."""
