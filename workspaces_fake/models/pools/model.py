"""WorkSpaces Pools and their user sessions: the dataclasses, and the capacity they add up to.

A pool is a fleet of streaming instances, one per user session, built on the AppStream 2.0 fleet engine
(its error codes, timeouts and capacity members are AppStream's). A pool owns its live sessions, so a
pool that goes away takes them with it; ``CapacityStatus`` is worked out from the pool's state and its
sessions whenever it is read, so it can never disagree with them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Optional

from ...lifecycle import NEVER

GONE = "GONE"

RUNNING = "RUNNING"
STOPPED = "STOPPED"
TRANSITIONAL = frozenset({"CREATING", "STARTING", "STOPPING", "UPDATING", "DELETING"})

LIVE = "LIVE"
TERMINATING = "TERMINATING"
"""A session's own states (not API members): streaming, or being ended by TerminateWorkspacesPoolSession."""


@dataclass(frozen=True)
class CapacityStatus:
    """API shape ``CapacityStatus``: Available = Actual - Active."""

    available_user_sessions: int
    desired_user_sessions: int
    actual_user_sessions: int
    active_user_sessions: int


@dataclass
class TimeoutSettings:
    """API shape ``TimeoutSettings``; 0 is what AWS reads back for a member never set: "no limit"."""

    disconnect_timeout_in_seconds: int = 0
    idle_disconnect_timeout_in_seconds: int = 0
    max_user_duration_in_seconds: int = 0


@dataclass
class ApplicationSettingsResponse:
    """API shape ``ApplicationSettingsResponse``."""

    status: str = "DISABLED"
    settings_group: Optional[str] = None
    s3_bucket_name: Optional[str] = None


@dataclass(frozen=True)
class WorkspacesPoolError:
    """API shape ``WorkspacesPoolError``: why the pool's last start failed."""

    error_code: str
    error_message: str


@dataclass(frozen=True)
class NetworkAccessConfiguration:
    """API shape ``NetworkAccessConfiguration``: the session's streaming instance's network interface."""

    eni_private_ip_address: str
    eni_id: str


@dataclass
class PoolSession:
    """API shape ``WorkspacesPoolSession``, plus the clock marks its timeouts run from.

    ``active_since`` is the user's last input (connect, reconnect, or input a test records): the idle
    timeout runs from it. ``disconnected_at`` starts the disconnect timeout.
    """

    session_id: str
    pool_id: str
    user_id: str
    instance_id: str
    start_time: datetime
    network_access_configuration: NetworkAccessConfiguration
    expiration_time: Optional[datetime] = None
    authentication_type: str = "SAML"
    connection_state: str = "CONNECTED"
    state: str = LIVE
    state_since: datetime = NEVER
    active_since: datetime = NEVER
    disconnected_at: Optional[datetime] = None


@dataclass
class Pool:
    """API shape ``WorkspacesPool``; ``desired`` is the last DesiredUserSessions asked for.

    ``resume_state`` is where an UPDATING pool returns to; ``terminating`` sends a STOPPING pool on to
    DELETING; ``failing_start`` is a start failure a test arranged for the next STARTING.
    """

    pool_id: str
    pool_arn: str
    pool_name: str
    description: str
    bundle_id: str
    directory_id: str
    created_at: datetime
    desired: int
    running_mode: str = "AUTO_STOP"
    state: str = ""
    state_since: datetime = NEVER
    errors: Optional[list[WorkspacesPoolError]] = None
    application_settings: ApplicationSettingsResponse = field(default_factory=ApplicationSettingsResponse)
    timeout_settings: TimeoutSettings = field(default_factory=TimeoutSettings)
    sessions: dict[str, PoolSession] = field(default_factory=dict, repr=False)
    resume_state: str = RUNNING
    terminating: bool = False
    failing_start: Optional[WorkspacesPoolError] = None
    sessions_started: int = 0
    refused_connections: int = 0

    @property
    def capacity_status(self) -> CapacityStatus:
        """Instances run only while the pool runs (or updates on its way back to running); scale-in
        never takes an instance a user is on, so Actual is at least Active."""
        active = len(self.sessions)
        running = self.state == RUNNING or (self.state == "UPDATING" and self.resume_state == RUNNING)
        actual = max(self.desired, active) if running else 0
        return CapacityStatus(actual - active, self.desired, actual, active)

    @property
    def holds_instances(self) -> bool:
        """True while the pool's desired instances count against its streaming-instance quota."""
        return self.state not in {STOPPED, "STOPPING", "DELETING", GONE}

    def session_of(self, user_id: str) -> Optional[PoolSession]:
        """The user's live session in this pool, if any (a user streams one session per pool)."""
        return next((s for s in self.sessions.values() if s.user_id == user_id), None)

    def max_duration(self) -> Optional[timedelta]:
        """How long a session may last at most; None when unlimited."""
        seconds = self.timeout_settings.max_user_duration_in_seconds
        return timedelta(seconds=seconds) if seconds else None
