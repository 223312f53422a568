"""Switches for service rules that get in the way of most tests, so they are off unless turned on.

One :class:`Settings` per backend (``backend.settings``). Settings are configuration, not state:
``backend.reset()`` keeps them. Every family reads the switches that concern it from here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from typing import Optional


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
    workspace_quota: Optional[int] = None
    byol_eligible: bool = False
    """Whether AWS has verified this account for BYOL (invisible in the API): ModifyAccount and
    ListAvailableManagementCidrRanges answer AccessDeniedException until a test turns it on."""
    used_management_cidrs: list[str] = field(default_factory=list)
    """/16 ranges ListAvailableManagementCidrRanges withholds and ModifyAccount refuses (in use elsewhere)."""
    organization_id: str = "o-default"
    """Accounts link only within one organization; every account is in the same one unless a test says."""

    def use_aws_cooldowns(self) -> Settings:
        """Turn on every cool-down window with AWS's durations; returns self for chaining."""
        self.volume_cooldown = timedelta(hours=6)
        self.compute_upsize_cooldown = timedelta(hours=6)
        self.compute_downsize_cooldown = timedelta(days=30)
        self.new_workspace_upsize_wait = timedelta(hours=6)
        return self
