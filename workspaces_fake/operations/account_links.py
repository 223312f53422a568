"""Handlers for account links: the source invites and deletes, the target accepts or rejects, both read.

The calling account is the backend's; the other side is another account of the same world, in the same
region (``backend.in_account``). The state machine, the checks and their order are the spec's
assumptions (C.3, C.5, C.6 [A]); docs/behavior.md lists them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Optional

from .._registry import Result, operation
from ..backend import WorkspacesBackend
from ..errors import AccessDeniedException, ConflictException, ResourceNotFoundException, ValidationException
from ..models.account import byol_ready, linked_source
from ..models.account_links import (
    PENDING,
    AccountLink,
    create_link,
    delete_link,
    link_with,
    open_links,
    require_link,
)


@operation("CreateAccountLinkInvitation")
def create_account_link_invitation(
    backend: WorkspacesBackend, *, target_account_id: str, client_token: Optional[str] = None
) -> Result:
    """Invite another account of the organization to share this account's BYOL configuration."""
    _check_invitable(backend, target_account_id)

    def invite() -> AccountLink:
        if open_links(backend.in_account(target_account_id)):
            raise ConflictException(f"The TargetAccountId {target_account_id} is already linked or invited.")
        return create_link(backend, target_account_id)

    request = {"TargetAccountId": target_account_id}
    link = backend.client_tokens.once(
        backend, "CreateAccountLinkInvitation", client_token, request, invite, ConflictException
    )
    return {"AccountLink": link}


def _check_invitable(backend: WorkspacesBackend, target_account_id: str) -> None:
    if target_account_id == backend.account_id:
        raise ValidationException(
            "You either haven't provided a TargetAccountId or are using the same value for TargetAccountId "
            "and SourceAccountId."
        )
    if backend.in_account(target_account_id).settings.organization_id != backend.settings.organization_id:
        raise ValidationException(
            f"The account {target_account_id} is not in the organization of the source account."
        )
    if linked_source(backend) is not None:
        raise AccessDeniedException("A target account of an account link cannot invite other accounts.")
    if not byol_ready(backend):
        raise AccessDeniedException("Only an account with BYOL enabled can invite accounts to link.")


@operation("AcceptAccountLinkInvitation")
def accept_account_link_invitation(
    backend: WorkspacesBackend, *, link_id: str, client_token: Optional[str] = None
) -> Result:
    """The target accepts a pending invitation: LINKED at once (LINKING_FAILED when a test arranged it)."""
    return {"AccountLink": _answer(backend, "AcceptAccountLinkInvitation", link_id, client_token, _accept)}


def _accept(backend: WorkspacesBackend, link: AccountLink) -> None:
    _require_pending_for_target(backend, link)
    if any(other is not link for other in open_links(backend)):
        raise ConflictException(
            f"The account {backend.account_id} is already linked, invited by another account, or a source."
        )
    if backend.account_link_failures:
        backend.account_link_failures -= 1
        link.account_link_status = "LINKING_FAILED"
    else:
        link.account_link_status = "LINKED"


@operation("RejectAccountLinkInvitation")
def reject_account_link_invitation(
    backend: WorkspacesBackend, *, link_id: str, client_token: Optional[str] = None
) -> Result:
    """The target turns down a pending invitation: REJECTED (the source may invite it again)."""
    return {"AccountLink": _answer(backend, "RejectAccountLinkInvitation", link_id, client_token, _reject)}


def _reject(backend: WorkspacesBackend, link: AccountLink) -> None:
    _require_pending_for_target(backend, link)
    link.account_link_status = "REJECTED"


def _require_pending_for_target(backend: WorkspacesBackend, link: AccountLink) -> None:
    if link.target_account_id != backend.account_id:
        raise ValidationException(
            f"The caller is not the target account of the account link {link.account_link_id}."
        )
    if link.account_link_status != PENDING:
        raise ConflictException(
            f"The account link {link.account_link_id} is {link.account_link_status}; only an invitation "
            f"pending acceptance can be accepted or rejected."
        )


@operation("DeleteAccountLinkInvitation")
def delete_account_link_invitation(
    backend: WorkspacesBackend, *, link_id: str, client_token: Optional[str] = None
) -> Result:
    """The source withdraws an invitation that is not LINKED; the answer reads LINK_NOT_FOUND."""
    return {"AccountLink": _answer(backend, "DeleteAccountLinkInvitation", link_id, client_token, _delete)}


def _delete(backend: WorkspacesBackend, link: AccountLink) -> None:
    if link.source_account_id != backend.account_id:
        raise ValidationException(
            f"The caller is not the source account of the account link {link.account_link_id}."
        )
    if link.account_link_status == "LINKED":
        raise ConflictException(
            f"The account link {link.account_link_id} is LINKED; a linked account cannot be unlinked."
        )
    delete_link(backend, link)


def _answer(
    backend: WorkspacesBackend,
    operation_name: str,
    link_id: str,
    client_token: Optional[str],
    change: Callable[[WorkspacesBackend, AccountLink], None],
) -> AccountLink:
    """Replay a retried call (same ClientToken), or find the link and change it."""

    def act() -> AccountLink:
        link = require_link(backend, link_id)
        change(backend, link)
        return link

    request = {"LinkId": link_id}
    return backend.client_tokens.once(backend, operation_name, client_token, request, act, ConflictException)


@operation("GetAccountLink")
def get_account_link(
    backend: WorkspacesBackend, *, link_id: Optional[str] = None, linked_account_id: Optional[str] = None
) -> Result:
    """One of the caller's links, by its id, by the account on its other side, or by both (agreeing)."""
    if link_id is None and linked_account_id is None:
        raise ValidationException("Specify a LinkId or a LinkedAccountId.")
    if link_id is not None:
        link = require_link(backend, link_id)
        if linked_account_id is not None and link.counterpart(backend.account_id) != linked_account_id:
            raise ValidationException(
                f"The account link {link_id} does not link this account with {linked_account_id}."
            )
        return {"AccountLink": link}
    found = link_with(backend, str(linked_account_id))
    if found is None:
        raise ResourceNotFoundException(
            f"This account has no account link with {linked_account_id}.", resource_id=linked_account_id
        )
    return {"AccountLink": found}


@operation("ListAccountLinks")
def list_account_links(
    backend: WorkspacesBackend,
    *,
    link_status_filter: Optional[list[str]] = None,
    next_token: Optional[str] = None,
    max_results: Optional[int] = None,
) -> Result:
    """The caller's links on either side, oldest first; an empty filter is no filter."""
    wanted = set(link_status_filter or ())
    links = [
        link
        for link in backend.account_links.values_unobserved()
        if not wanted or link.account_link_status in wanted
    ]
    page, token = backend.paginator.page(
        links,
        operation="ListAccountLinks",
        filters={"LinkStatusFilter": sorted(wanted)},
        limit=max_results,
        token=next_token,
    )
    return {"AccountLinks": page, "NextToken": token}
