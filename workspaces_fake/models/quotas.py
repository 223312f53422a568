"""Service quotas: AWS's table, off by default, and the one check every family uses to apply them.

AWS publishes a default for each quota and says which ones an account may have raised. Quotas get in the
way of most tests, so the fake starts with every quota off (unlimited); ``backend.settings.quotas`` turns
them on one by one, or all at once with AWS's defaults (``settings.use_aws_quotas()``). An adjustable
quota may be set to any limit; a fixed one only on (at AWS's value) or off, as AWS allows. The names are
AWS's own, so a test reads like the quota page it is about. docs/quotas.md lists which operation applies
which quota and the error each breach gives.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Optional

from ..errors import ResourceLimitExceededException


@dataclass(frozen=True)
class Quota:
    """One row of AWS's quota table: its name, AWS's default, and whether an account may change it."""

    name: str
    aws_default: int
    adjustable: bool


WORKSPACES = "WorkSpaces"
DIRECTORIES = "Directories registered"
IMAGES = "Images"
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
    Quota("Standby WorkSpaces", 0, True),
    Quota("Bundles", 50, False),
    Quota(IMAGES, 40, True),
    Quota("Connection aliases", 20, False),
    Quota(DIRECTORIES, 50, False),
    Quota("IP access control groups", 100, False),
    Quota("Rules per IP access control group", 10, False),
    Quota("IP access control groups per directory", 25, False),
    Quota(POOLS, 10, True),
    *(Quota(name, 10, True) for name in list(POOL_INSTANCES.values())[:5]),
    *(Quota(name, 0, False) for name in list(POOL_INSTANCES.values())[5:]),
)
"""AWS's quotas (General Reference and Admin Guide quota pages), by AWS's names."""

_BY_NAME = {quota.name: quota for quota in TABLE}


class Quotas(Mapping[str, Optional[int]]):
    """The limit each quota has in one backend: ``None`` is off (unlimited), the default for all."""

    def __init__(self) -> None:
        self._limits: dict[str, Optional[int]] = dict.fromkeys(_BY_NAME)

    def __getitem__(self, name: str) -> Optional[int]:
        self._quota(name)
        return self._limits[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._limits)

    def __len__(self) -> int:
        return len(self._limits)

    def __setitem__(self, name: str, limit: Optional[int]) -> None:
        """Turn a quota on at ``limit`` or off with None; a fixed quota only at AWS's value."""
        quota = self._quota(name)
        if limit is not None and (not isinstance(limit, int) or limit < 0):
            raise ValueError(f"quota {name!r}: a limit is a whole number >= 0, or None for no limit")
        if limit is not None and not quota.adjustable and limit != quota.aws_default:
            raise ValueError(
                f"quota {name!r} is not adjustable at AWS: set it to {quota.aws_default} or None (off)"
            )
        self._limits[name] = limit

    def use_aws(self) -> None:
        """Every quota at AWS's default for a new account."""
        for quota in TABLE:
            self._limits[quota.name] = quota.aws_default

    def off(self) -> None:
        """Every quota off (the fake's default)."""
        for name in self._limits:
            self._limits[name] = None

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
