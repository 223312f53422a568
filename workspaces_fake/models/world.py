"""WorkSpaces, directories, bundles and images: the world the application operations act on.

(Skeleton: the resource models and the arrange API are filled in by the WorkSpaces-behaviour work.)
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Workspace:
    """A WorkSpace (API shape ``Workspace``)."""

    workspace_id: str
    state: str


@dataclass
class Directory:
    """A registered directory (API shape ``WorkspaceDirectory``)."""

    directory_id: str


@dataclass
class Bundle:
    """A bundle (API shape ``WorkspaceBundle``)."""

    bundle_id: str


@dataclass
class Image:
    """An image (API shape ``WorkspaceImage``)."""

    image_id: str


class WorldArrange:
    """The arrange API for WorkSpaces, directories, bundles and images (mixed into the backend)."""

    def _seed_world(self) -> None:
        """Load the public Amazon bundles and images into a fresh backend."""
