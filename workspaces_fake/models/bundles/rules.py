"""What a custom bundle may hold: volume sizes per compute type, and which images fit which compute.

The sizes are the console's [D] (AG-BUNDLE): non-GPU compute takes root 80 GiB with user 10, 50 or 100,
or root 175..2000 with user 100..2000; GPU compute takes at least 100 of each, at most 2000.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Optional

from ...errors import InvalidParameterValuesException
from ..images.model import Image
from .model import Bundle, is_graphics, is_windows

MAX_GIB = 2000
BIG_ROOT = ("POWER", "POWERPRO")
"""Compute types whose default root volume is 175 GiB (with GENERALPURPOSE_*) [A]."""

GRAPHICS_VOLUMES = (
    "Graphics: Invalid root and user volume size selected. Root and user volume size (GB) "
    "must be (100+|100+)."
)
"""The real wording for the GPU volume rule (seen on CreateWorkspaces) [O]."""

WINDOWS_ONLY_GPU = ("GRAPHICS", "GRAPHICSPRO")
"""The first GPU generations run Windows only [A]."""


def capacity(storage: Mapping[str, Any], member: str) -> int:
    """A ``Capacity`` string as GiB; InvalidParameterValuesException unless a positive integer."""
    raw = str(storage.get("Capacity", ""))
    if not raw.isdigit() or int(raw) <= 0:
        raise InvalidParameterValuesException(
            f"The {member} capacity {raw!r} is not a positive number of GiB."
        )
    return int(raw)


def default_root(compute: str) -> int:
    """The root volume a bundle gets when RootStorage is left out [A]."""
    if is_graphics(compute):
        return 100
    return 175 if compute in BIG_ROOT or compute.startswith("GENERALPURPOSE") else 80


def check_volumes(compute: str, root: int, user: int) -> None:
    """The documented size combinations; InvalidParameterValuesException otherwise."""
    if root > MAX_GIB or user > MAX_GIB:
        raise InvalidParameterValuesException(f"Volumes can be at most {MAX_GIB} GiB.")
    if is_graphics(compute):
        if root < 100 or user < 100:
            raise InvalidParameterValuesException(GRAPHICS_VOLUMES)
        return
    if (root == 80 and user in (10, 50, 100)) or (root >= 175 and user >= 100):
        return
    raise InvalidParameterValuesException(
        f"Invalid root and user volume size selected ({root} and {user} GiB). Root and user volume size (GB) "
        "must be 80 with 10, 50 or 100, or 175 to 2000 with 100 to 2000."
    )


def fits(image: Image, compute: str) -> Optional[str]:
    """Why ``compute`` cannot run ``image``, or None when it can [A]."""
    process = image.ingestion_process or ""
    if "G4DN" in process and compute not in ("GRAPHICS_G4DN", "GRAPHICSPRO_G4DN"):
        return "a g4dn BYOL image needs a Graphics.g4dn or GraphicsPro.g4dn compute type"
    if process.startswith("BYOL_REGULAR") and is_graphics(compute):
        return "a regular BYOL image cannot run on a graphics compute type"
    if process in ("BYOL_GRAPHICS", "BYOL_GRAPHICSPRO") and compute != process.removeprefix("BYOL_"):
        return f"a {process} image needs the {process.removeprefix('BYOL_')} compute type"
    if compute in WINDOWS_ONLY_GPU and not is_windows(image.operating_system_name):
        return f"the {compute} compute type runs Windows images only"
    return None


def swap_problem(bundle: Bundle, old: Optional[Image], new: Image) -> Optional[str]:
    """Why ``bundle`` cannot switch to ``new`` (operating system family, tenancy, compute) [A]."""
    if is_windows(bundle.operating_system_name) != is_windows(new.operating_system_name):
        return "the new image's operating system family differs from the bundle's"
    if old is not None and old.required_tenancy != new.required_tenancy:
        return "the new image's tenancy differs from the bundle's image"
    return fits(new, bundle.compute_type_name)
