"""Applications and their associations with WorkSpaces, bundles and images.

(Skeleton: filled in by the Manage-applications work.)
"""

from __future__ import annotations

from dataclasses import dataclass


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
