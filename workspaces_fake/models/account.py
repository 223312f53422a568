"""The account's BYOL (dedicated tenancy) state: eligibility, enablement, its history and the /16 ranges.

BYOL has two flags. *Eligible* is AWS's verdict, invisible in the API: ``backend.settings.byol_eligible``.
*Enabled* (``DedicatedTenancySupport=ENABLED``) is what ModifyAccount asks for: it records an
:class:`AccountModification` that is PENDING, then COMPLETED (the account switches to ENABLED with its
management range, which can never change again) or FAILED (the account stays DISABLED and the range is free
again). An account that is the target of a LINKED account link uses its source's configuration.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Optional

from ..lifecycle import NEVER, Step, Table, minutes
from ._arrange import arrange

if TYPE_CHECKING:
    from ..backend import WorkspacesBackend
    from .account_links import AccountLink


ALLOWED_RANGES = tuple(
    ipaddress.IPv4Network(net)
    for net in ("10.0.0.0/8", "100.64.0.0/10", "172.16.0.0/12", "192.168.0.0/16", "198.18.0.0/15")
)
"""Where a management range may lie (AWS admin guide, "Bring Your Own Windows desktop licenses")."""

IN_PROGRESS = "BYOL enablement is in progress."
SUBMITTED = "BYOL enablement request has been submitted."
ALREADY_ENABLED = "BYOL is already enabled for this account with this management network range."


@dataclass
class AccountModification:
    """API shape ``AccountModification``; ``state`` is its ``ModificationState`` for the lifecycle engine."""

    dedicated_tenancy_management_cidr_range: str
    start_time: datetime
    dedicated_tenancy_support: str = "ENABLED"
    error_code: Optional[str] = None
    error_message: Optional[str] = None
    state: str = ""
    state_since: datetime = NEVER
    fails_with: Optional[tuple[str, str]] = field(default=None, repr=False)
    """(ErrorCode, ErrorMessage) it will end FAILED with, decided when it was submitted."""

    @property
    def modification_state(self) -> str:
        """``ModificationState``: PENDING, COMPLETED or FAILED."""
        return self.state


@dataclass
class Account:
    """One account's own BYOL state in one region (the API has no shape for it: DescribeAccount is flat)."""

    dedicated_tenancy_support: str = "DISABLED"
    dedicated_tenancy_management_cidr_range: Optional[str] = None
    modifications: list[AccountModification] = field(default_factory=list)
    """Newest first, as DescribeAccountModifications lists them."""
    next_failure: Optional[tuple[str, str]] = None
    """Set by ``fail_next_account_modification``: the next ModifyAccount ends FAILED with it."""

    def pending(self) -> Optional[AccountModification]:
        """The modification still running, if any."""
        return next((m for m in self.modifications if m.state == "PENDING"), None)


def _resolve(backend: WorkspacesBackend, modification: AccountModification, at: datetime) -> str:
    """FAILED when the modification was set to fail when submitted, else COMPLETED."""
    return "FAILED" if modification.fails_with is not None else "COMPLETED"


def _entered(backend: WorkspacesBackend, modification: AccountModification, state: str, at: datetime) -> None:
    """COMPLETED switches the account to ENABLED with the range; FAILED records why and leaves it alone."""
    if state == "COMPLETED":
        backend.account.dedicated_tenancy_support = "ENABLED"
        backend.account.dedicated_tenancy_management_cidr_range = (
            modification.dedicated_tenancy_management_cidr_range
        )
    elif state == "FAILED" and modification.fails_with is not None:
        modification.error_code, modification.error_message = modification.fails_with


ACCOUNT_MODIFICATION = Table(
    "account-modification", steps={"PENDING": Step(_resolve, minutes(30))}, on_enter=_entered
)
"""A BYOL enablement is PENDING for 30 minutes (AWS: "may take several hours"), then COMPLETED or FAILED."""


# ------------------------------------------------------------------------------------ the account's view
def linked_source(backend: WorkspacesBackend) -> Optional[AccountLink]:
    """The LINKED link in which this account is the target, if any (it then uses the source's BYOL)."""
    return next(
        (
            link
            for link in backend.account_links.values_unobserved()
            if link.account_link_status == "LINKED" and link.target_account_id == backend.account_id
        ),
        None,
    )


def is_linked_source(backend: WorkspacesBackend) -> bool:
    """True when this account is the source of at least one LINKED link."""
    return any(
        link.account_link_status == "LINKED" and link.source_account_id == backend.account_id
        for link in backend.account_links.values_unobserved()
    )


def dedicated_tenancy(backend: WorkspacesBackend) -> tuple[str, Optional[str]]:
    """(DedicatedTenancySupport, DedicatedTenancyManagementCidrRange) as the account sees them: a linked
    target sees its source's."""
    link = linked_source(backend)
    account = backend.in_account(link.source_account_id).account if link else backend.account
    return account.dedicated_tenancy_support, account.dedicated_tenancy_management_cidr_range


def byol_ready(backend: WorkspacesBackend) -> bool:
    """True when the account may use BYOL (images, DEDICATED directories): its own enablement COMPLETED,
    or it is the target of a LINKED link whose source's has."""
    return dedicated_tenancy(backend)[0] == "ENABLED"


# ------------------------------------------------------------------------------------ management ranges
def candidate_ranges(constraint: str) -> Iterator[str]:
    """Every /16 inside both ``constraint`` (normalised to its network) and one of the allowed ranges,
    in ascending order; none for a constraint narrower than /16."""
    wanted = ipaddress.IPv4Network(constraint, strict=False)
    for allowed in ALLOWED_RANGES:
        if wanted.subnet_of(allowed):
            region = wanted
        elif allowed.subnet_of(wanted):
            region = allowed
        else:
            continue
        if region.prefixlen <= 16:
            yield from (str(net) for net in region.subnets(new_prefix=16))


def in_allowed_range(cidr: str) -> bool:
    """True when the /16 ``cidr`` lies in one of the five allowed ranges."""
    return any(ipaddress.IPv4Network(cidr).subnet_of(allowed) for allowed in ALLOWED_RANGES)


def taken_ranges(backend: WorkspacesBackend) -> set[str]:
    """Ranges not on offer: marked used by the test, this account's own (pending or enabled), and those
    of the accounts linked to it."""
    taken = set(backend.settings.used_management_cidrs)
    pending = backend.account.pending()
    own = [
        backend.account.dedicated_tenancy_management_cidr_range,
        pending and pending.dedicated_tenancy_management_cidr_range,
    ]
    for link in backend.account_links.values_unobserved():
        if link.account_link_status == "LINKED":
            other = backend.in_account(link.counterpart(backend.account_id)).account
            own.append(other.dedicated_tenancy_management_cidr_range)
    return taken | {cidr for cidr in own if cidr}


def available_ranges(backend: WorkspacesBackend, constraint: str) -> list[str]:
    """What ListAvailableManagementCidrRanges offers for ``constraint``."""
    taken = taken_ranges(backend)
    return [cidr for cidr in candidate_ranges(constraint) if cidr not in taken]


# ------------------------------------------------------------------------------------ changes
DEFAULT_FAILURE = ("InternalFailure", "BYOL enablement failed because of an internal error. Try again.")


def submit_modification(
    backend: WorkspacesBackend,
    cidr: str,
    state: str = "PENDING",
    failure: Optional[tuple[str, str]] = None,
) -> AccountModification:
    """Record a BYOL enablement of ``cidr`` in the history and start it (or put it straight into
    ``state``); it ends FAILED with ``failure``, or with one queued by ``fail_next_account_modification``."""
    account = backend.account
    if failure is None and state != "COMPLETED":
        failure, account.next_failure = account.next_failure, None
    if state == "FAILED" and failure is None:
        failure = DEFAULT_FAILURE
    modification = AccountModification(cidr, backend.clock.now(), fails_with=failure)
    account.modifications.insert(0, modification)
    backend.lifecycle.enter(modification, ACCOUNT_MODIFICATION, state)
    return modification


@arrange("AccountModification")
def add_account_modification(
    backend: WorkspacesBackend,
    dedicated_tenancy_management_cidr_range: str = "10.0.0.0/16",
    *,
    modification_state: str = "COMPLETED",
    error_code: Optional[str] = None,
    error_message: Optional[str] = None,
) -> AccountModification:
    """A BYOL enablement in the account's history: COMPLETED (the default: the account is BYOL-enabled with
    the range, and eligible), PENDING (moving on through the lifecycle) or FAILED (with the error given)."""
    if modification_state == "COMPLETED" and backend.account.dedicated_tenancy_support == "ENABLED":
        raise ValueError("add_account_modification: BYOL is already enabled for this account")
    backend.settings.byol_eligible = True
    failure = None
    if modification_state == "FAILED":
        failure = (error_code or DEFAULT_FAILURE[0], error_message or DEFAULT_FAILURE[1])
    return submit_modification(backend, dedicated_tenancy_management_cidr_range, modification_state, failure)


@arrange(cidr="DedicatedTenancyManagementCidrRange")
def enable_byol(backend: WorkspacesBackend, cidr: str = "10.0.0.0/16") -> AccountModification:
    """The account is BYOL-eligible and already enabled with the management range ``cidr``."""
    return add_account_modification(backend, cidr)


def fail_next_account_modification(
    backend: WorkspacesBackend, error_code: str = DEFAULT_FAILURE[0], error_message: str = DEFAULT_FAILURE[1]
) -> None:
    """The next ModifyAccount is accepted (PENDING) but ends FAILED with this ErrorCode and ErrorMessage."""
    with backend.lock:
        backend.account.next_failure = (error_code, error_message)
