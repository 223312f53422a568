"""Switches for service rules that get in the way of most tests, so they are off unless turned on.

One :class:`Settings` per backend (``backend.settings``). Settings are configuration, not state:
``backend.reset()`` keeps them. Every family reads the switches that concern it from here.
"""

from __future__ import annotations

from dataclasses import dataclass
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
    default_role_exists: bool = True
    """False: the account has no workspaces_DefaultRole, so registering a directory fails."""
    directory_quota: Optional[int] = None
    """Directories registered per Region (AWS: 50, not adjustable); None: no limit."""
    standby_workspace_quota: Optional[int] = None
    """Standby WorkSpaces per Region (AWS's default quota is 5); None: no limit."""
    # Bundles and images (models/bundles/, models/images/)
    bundle_quota: int = 50
    """Custom bundles per Region (AWS: 50, not adjustable)."""
    image_quota: int = 40
    """Images per Region (AWS: 40, adjustable)."""
    byol_enabled: bool = False
    """Interim: the account is enabled for BYOL (read only through ``models.images.rules.byol_ready``)."""
    byop_allowed: bool = False
    """The account is allow-listed for bring-your-own-protocol (``*_BYOP`` imports, Protocol BYOP)."""
    graphics_byol_allowed: bool = True
    """The account is allow-listed for Graphics / GraphicsPro BYOL ingestion."""

    def use_aws_cooldowns(self) -> Settings:
        """Turn on every cool-down window with AWS's durations; returns self for chaining."""
        self.volume_cooldown = timedelta(hours=6)
        self.compute_upsize_cooldown = timedelta(hours=6)
        self.compute_downsize_cooldown = timedelta(days=30)
        self.new_workspace_upsize_wait = timedelta(hours=6)
        return self
