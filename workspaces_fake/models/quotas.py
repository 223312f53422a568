"""Service quotas: AWS's table, the limits the fake starts with, and one check families apply them with.

AWS publishes a default for each quota and says which ones an account may have raised. Low quotas get in
the way of most tests (a new account may have one WorkSpace), so the fake starts with those off
(unlimited) and with the high, fixed ones on; ``backend.settings.quotas`` sets any of them by AWS's name,
or all at once at AWS's defaults (``settings.use_aws_quotas()``). docs/quotas.md lists which operation
applies which quota and the error each breach gives.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Optional

from ..errors import ResourceLimitExceededException


@dataclass(frozen=True)
class Quota:
    """One row of AWS's quota table: its name, AWS's default, whether an account may have it changed,
    the limit the fake starts with (None: off), and whether a test may set it."""

    name: str
    aws_default: int
    adjustable: bool
    starts_at: Optional[int] = None
    settable: bool = True


WORKSPACES = "WorkSpaces"
STANDBY = "Standby WorkSpaces"
BUNDLES = "Bundles"
IMAGES = "Images"
DIRECTORIES = "Directories registered"
POOLS = "WorkSpaces Pools"

POOL_INSTANCES = {
    "VALUE": "General Purpose Value streaming instances for WorkSpaces Pools",
    "STANDARD": "General Purpose Standard streaming instances for WorkSpaces Pools",
    "PERFORMANCE": "General Purpose Performance streaming instances for WorkSpaces Pools",
    "POWER": "General Purpose Power streaming instances for WorkSpaces Pools",
    "POWERPRO": "General Purpose PowerPro streaming instances for WorkSpaces Pools",
    "GRAPHICS_G4DN": "Graphics.g4dn xlarge streaming instances for WorkSpaces Pools",
    "GRAPHICSPRO_G4DN": "Graphics.g4dn 4xlarge streaming instances for WorkSpaces Pools",
}
"""The streaming-instance quota a pool's bundle compute type draws on; a compute type missing here
cannot run a pool at all [A]."""

TABLE: tuple[Quota, ...] = (
    Quota(WORKSPACES, 1, True),
    Quota("Graphics WorkSpaces", 0, True),
    Quota("GraphicsPro WorkSpaces", 0, True),
    Quota("Graphics.g4dn WorkSpaces", 0, True),
    Quota("GraphicsPro.g4dn WorkSpaces", 0, True),
    Quota("GeneralPurpose.4xlarge WorkSpaces", 1, True),
    Quota("GeneralPurpose.8xlarge WorkSpaces", 1, True),
    Quota(STANDBY, 5, True),
    Quota(BUNDLES, 50, False, starts_at=50),
    Quota(IMAGES, 40, True, starts_at=40),
    Quota("Connection aliases", 20, False, starts_at=20, settable=False),
    Quota(DIRECTORIES, 50, False),
    Quota("IP access control groups", 100, False, starts_at=100, settable=False),
    Quota("Rules per IP access control group", 10, False, starts_at=10, settable=False),
    Quota("IP access control groups per directory", 25, False, starts_at=25, settable=False),
    Quota(POOLS, 10, True),
    *(Quota(name, 10, True) for name in list(POOL_INSTANCES.values())[:5]),
    *(Quota(name, 0, False) for name in list(POOL_INSTANCES.values())[5:]),
)
"""AWS's quotas (General Reference and Admin Guide quota pages), by AWS's names. The IP-group and alias
quotas are enforced by their families at AWS's value, always: they are listed, not settable."""

_BY_NAME = {quota.name: quota for quota in TABLE}


class Quotas(Mapping[str, Optional[int]]):
    """The limit each quota has in one backend: ``None`` is off (unlimited)."""

    def __init__(self) -> None:
        self._limits: dict[str, Optional[int]] = {quota.name: quota.starts_at for quota in TABLE}

    def __getitem__(self, name: str) -> Optional[int]:
        self._quota(name)
        return self._limits[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._limits)

    def __len__(self) -> int:
        return len(self._limits)

    def __setitem__(self, name: str, limit: Optional[int]) -> None:
        """Turn a quota on at ``limit`` (any, so a test need not make 50 resources) or off with None."""
        quota = self._quota(name)
        if not quota.settable:
            raise ValueError(f"quota {name!r} is always enforced at AWS's value ({quota.aws_default})")
        if limit is not None and (not isinstance(limit, int) or limit < 0):
            raise ValueError(f"quota {name!r}: a limit is a whole number >= 0, or None for no limit")
        self._limits[name] = limit

    def use_aws(self) -> None:
        """Every quota at AWS's default for a new account."""
        for quota in TABLE:
            self._limits[quota.name] = quota.aws_default

    def off(self) -> None:
        """Every settable quota off."""
        for quota in TABLE:
            if quota.settable:
                self._limits[quota.name] = None

    def check(self, name: str, used: int, adding: int = 1, *, what: str = "") -> None:
        """ResourceLimitExceededException when ``used + adding`` would pass the quota (if it is on)."""
        limit = self[name]
        if limit is not None and used + adding > limit:
            raise ResourceLimitExceededException(
                f"The quota '{name}' ({limit}) would be exceeded{': ' + what if what else ''}."
            )

    @staticmethod
    def _quota(name: str) -> Quota:
        found = _BY_NAME.get(name)
        if found is None:
            raise KeyError(f"unknown quota {name!r}; the quotas are: {', '.join(_BY_NAME)}")
        return found
