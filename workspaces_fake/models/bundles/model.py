"""Bundles: an image plus compute and storage, either Amazon's public ones or the account's own."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Optional

AMAZON_OWNER = "Amazon"
"""How DescribeWorkspaceBundles spells the owner of public bundles (the request filter is ``AMAZON``)."""

GRAPHICS_PREFIX = "GRAPHICS"


def is_windows(operating_system_name: str) -> bool:
    """True for every Windows member of the ``OperatingSystemName`` enum (bundles and images carry it)."""
    return operating_system_name.startswith("WINDOWS")


@dataclass(frozen=True)
class Capacity:
    """API shapes ``RootStorage`` / ``UserStorage``: a size in GiB, as a string."""

    capacity: str


@dataclass(frozen=True)
class ComputeType:
    """API shape ``ComputeType``."""

    name: str


@dataclass
class Bundle:
    """API shape ``WorkspaceBundle``, plus what a WorkSpace created from it inherits."""

    bundle_id: str
    name: str
    owner: str
    image_id: str
    compute_type_name: str
    root_volume_size_gib: int
    user_volume_size_gib: int
    operating_system_name: str
    protocols: tuple[str, ...]
    creation_time: datetime
    description: Optional[str] = None
    state: str = "AVAILABLE"
    bundle_type: str = "REGULAR"
    last_updated_time: Optional[datetime] = None
    used_by_pool: bool = False
    """Arranged until the pools family exists: a WorkSpaces Pool runs this bundle, so it cannot go."""

    @property
    def is_public(self) -> bool:
        """True for Amazon's public bundles."""
        return self.owner == AMAZON_OWNER

    @property
    def root_storage(self) -> Capacity:
        """``RootStorage`` as the API shows it."""
        return Capacity(str(self.root_volume_size_gib))

    @property
    def user_storage(self) -> Capacity:
        """``UserStorage`` as the API shows it."""
        return Capacity(str(self.user_volume_size_gib))

    @property
    def compute_type(self) -> ComputeType:
        """``ComputeType`` as the API shows it."""
        return ComputeType(self.compute_type_name)


def is_graphics(compute_type_name: str) -> bool:
    """True for the GPU compute families (Graphics, GraphicsPro and their g4dn/g6/g7 successors)."""
    return compute_type_name.startswith(GRAPHICS_PREFIX)
