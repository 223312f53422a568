"""Switches for service rules that get in the way of most tests, so they are off unless turned on.

One :class:`Settings` per backend (``backend.settings``). Settings are configuration, not state:
``backend.reset()`` keeps them. Every family reads the switches that concern it from here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from typing import Optional

from .quotas import BUNDLES, DIRECTORIES, IMAGES, STANDBY, WORKSPACES, Quotas


def _quota(name: str) -> property:
    """A settings attribute that is the quota ``name`` of ``settings.quotas`` (None: off)."""

    def get(settings: Settings) -> Optional[int]:
        return settings.quotas[name]

    def set_(settings: Settings, limit: Optional[int]) -> None:
        settings.quotas[name] = limit

    return property(get, set_, doc=f"The quota {name!r} (settings.quotas); None for no limit.")


@dataclass
class Settings:
    """The opt-in rules of the real service.

    The cool-downs are AWS's documented ones when enabled with :meth:`use_aws_cooldowns`: each volume may
    grow once per 6 hours; compute may be upsized once per 6 hours and downsized once per 30 days; a new
    WorkSpace waits 6 hours before its first upsize.
    """

    volume_cooldown: Optional[timedelta] = None
    compute_upsize_cooldown: Optional[timedelta] = None
    compute_downsize_cooldown: Optional[timedelta] = None
    new_workspace_upsize_wait: Optional[timedelta] = None
    manual_running_mode_allowed: bool = False
    default_role_exists: bool = True
    """False: the account has no workspaces_DefaultRole, so registering a directory fails."""
    byol_enabled: bool = False
    """Interim: the account is enabled for BYOL (read only through ``models.images.rules.byol_ready``)."""
    byop_allowed: bool = False
    """The account is allow-listed for bring-your-own-protocol (``*_BYOP`` imports, Protocol BYOP)."""
    graphics_byol_allowed: bool = True
    """The account is allow-listed for Graphics / GraphicsPro BYOL ingestion."""
    quotas: Quotas = field(default_factory=Quotas)
    """AWS's service quotas by name (None: off); see docs/quotas.md."""
    pools_open_to_new_customers: bool = True
    """False: CreateWorkspacesPool answers AccessDeniedException, as for accounts new to Pools after
    AWS closed them to new customers (2026-07-31)."""
    byol_eligible: bool = False
    """Whether AWS has verified this account for BYOL (invisible in the API): ModifyAccount and
    ListAvailableManagementCidrRanges answer AccessDeniedException until a test turns it on."""
    used_management_cidrs: list[str] = field(default_factory=list)
    """/16 ranges ListAvailableManagementCidrRanges withholds and ModifyAccount refuses (in use elsewhere)."""
    organization_id: str = "o-default"
    """Accounts link only within one organization; every account is in the same one unless a test says."""

    # The quotas under the names the families gave them first; each reads and sets its table row.
    workspace_quota = _quota(WORKSPACES)
    directory_quota = _quota(DIRECTORIES)
    standby_workspace_quota = _quota(STANDBY)
    bundle_quota = _quota(BUNDLES)
    image_quota = _quota(IMAGES)

    def use_aws_quotas(self) -> Settings:
        """Turn on every quota at AWS's default for a new account; returns self for chaining."""
        self.quotas.use_aws()
        return self

    def use_aws_cooldowns(self) -> Settings:
        """Turn on every cool-down window with AWS's durations; returns self for chaining."""
        self.volume_cooldown = timedelta(hours=6)
        self.compute_upsize_cooldown = timedelta(hours=6)
        self.compute_downsize_cooldown = timedelta(days=30)
        self.new_workspace_upsize_wait = timedelta(hours=6)
        return self
