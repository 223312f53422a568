"""Account links: a BYOL source account shares its configuration with target accounts of its organization.

A link has two sides, two accounts of one world. The same :class:`AccountLink` object sits in the
``account_links`` store of both the source's and the target's backend (same region), so each sees it
from its side and a third account does not see it at all. Invitations are synchronous (no lifecycle):
the source creates (PENDING_ACCEPTANCE_BY_TARGET_ACCOUNT) and deletes, the target accepts (LINKED, or
LINKING_FAILED when a test arranged it) or rejects (REJECTED); a LINKED link cannot be deleted, as there is
no unlinking. All of it is decided without an AWS source describing it (spec C.3, [A]).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Optional

from ..errors import ResourceNotFoundException
from ._arrange import arrange
from .account import available_ranges, enable_byol

if TYPE_CHECKING:
    from ..backend import WorkspacesBackend

PENDING = "PENDING_ACCEPTANCE_BY_TARGET_ACCOUNT"
OPEN = (PENDING, "LINKED")
"""Statuses that hold a target: it cannot be invited again while it has one."""


@dataclass
class AccountLink:
    """API shape ``AccountLink``; ``created`` orders ListAccountLinks."""

    account_link_id: str
    account_link_status: str
    source_account_id: str
    target_account_id: str
    created: datetime

    def counterpart(self, account_id: str) -> str:
        """The account on the other side from ``account_id``."""
        return self.target_account_id if account_id == self.source_account_id else self.source_account_id


def open_links(backend: WorkspacesBackend) -> list[AccountLink]:
    """The account's PENDING and LINKED links, on either side."""
    return [link for link in backend.account_links.values_unobserved() if link.account_link_status in OPEN]


def create_link(backend: WorkspacesBackend, target_account_id: str, status: str = PENDING) -> AccountLink:
    """A new link from this account to ``target_account_id``, visible to both."""
    link = AccountLink(
        backend.ids.mint("link", 9), status, backend.account_id, target_account_id, backend.clock.now()
    )
    backend.account_links.put(link.account_link_id, link)
    backend.in_account(target_account_id).account_links.put(link.account_link_id, link)
    return link


def delete_link(backend: WorkspacesBackend, link: AccountLink) -> None:
    """Remove the link from both sides; a held reference reads LINK_NOT_FOUND."""
    link.account_link_status = "LINK_NOT_FOUND"
    for account_id in (link.source_account_id, link.target_account_id):
        backend.in_account(account_id).account_links.remove(link.account_link_id)


def require_link(backend: WorkspacesBackend, link_id: str) -> AccountLink:
    """The link, if this account is one of its sides; else ResourceNotFoundException."""
    link = backend.account_links.peek(link_id)
    if link is None:
        raise ResourceNotFoundException(
            f"The account link {link_id} could not be found.", resource_id=link_id
        )
    return link


def link_with(backend: WorkspacesBackend, account_id: str) -> Optional[AccountLink]:
    """The newest link between this account and ``account_id``, if there is one."""
    found = [
        link
        for link in backend.account_links.values_unobserved()
        if link.counterpart(backend.account_id) == account_id
    ]
    return found[-1] if found else None


# ------------------------------------------------------------------------------------ ClientToken
# ------------------------------------------------------------------------------------ arrange
@arrange("AccountLink")
def add_account_link(
    backend: WorkspacesBackend,
    *,
    source_account_id: Optional[str] = None,
    target_account_id: Optional[str] = None,
    account_link_status: str = PENDING,
) -> AccountLink:
    """A link between this account and another, in any status: name the other side with
    ``source_account_id`` (an invitation *to* this account) or ``target_account_id`` (one *from* it).

    The source is made BYOL-enabled first if it is not (with the lowest free range in 10.0.0.0/8), as
    CreateAccountLinkInvitation would have required.
    """
    if (source_account_id is None) == (target_account_id is None):
        raise ValueError(
            "add_account_link: name exactly one other account, source_account_id or target_account_id"
        )
    if account_link_status == "LINK_NOT_FOUND":
        raise ValueError(
            "add_account_link: LINK_NOT_FOUND is what a deleted link reads; there is nothing to add"
        )
    source = backend.in_account(source_account_id) if source_account_id else backend
    target_id = target_account_id or backend.account_id
    if source.account_id == target_id:
        raise ValueError("add_account_link: the source and the target must be different accounts")
    with source.lock:
        if source.account.dedicated_tenancy_support != "ENABLED":
            enable_byol(source, available_ranges(source, "10.0.0.0/8")[0])
        return create_link(source, target_id, account_link_status)


def fail_next_link_acceptance(backend: WorkspacesBackend) -> None:
    """The next AcceptAccountLinkInvitation this account makes ends in LINKING_FAILED."""
    with backend.lock:
        backend.account_link_failures += 1
