"""Applications and their associations with WorkSpaces, bundles and images.

(Skeleton: filled in by the Manage-applications work. The ``on_*`` functions are the contract with the
WorkSpaces family, which calls them when WorkSpaces, images and bundles come and go.)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..backend import WorkspacesBackend


@dataclass
class Application:
    """A catalog application (API shape ``WorkSpaceApplication``)."""

    application_id: str


class AssociationBook:
    """Every application association of one backend."""


class ApplicationsArrange:
    """The test-facing arrange API for applications (mixed into the backend)."""

    def _seed_applications(self) -> None:
        """Load the Amazon application catalog into a fresh backend."""


def on_workspace_created(backend: WorkspacesBackend, workspace: Any) -> None:
    """A WorkSpace was created from a bundle: its bundle's applications become COMPLETED rows on it."""


def on_workspace_terminated(backend: WorkspacesBackend, workspace_id: str) -> None:
    """A WorkSpace is gone: its association rows disappear with it."""


def on_image_created_from_workspace(backend: WorkspacesBackend, workspace_id: str, image_id: str) -> None:
    """An image was captured from a WorkSpace: its COMPLETED application rows are copied onto the image."""


def on_bundle_created(backend: WorkspacesBackend, bundle: Any) -> None:
    """A bundle was created or updated: its associations mirror those of its image."""
