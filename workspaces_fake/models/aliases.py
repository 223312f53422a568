"""Connection aliases (cross-Region redirection): the model, its two lifecycles, sharing, the arrange helper.

An alias lives in its owner's backend (account, Region). The owner may share it with one other account,
whose calls then see it and may associate it with that account's own directory; both accounts' calls
read the same object. Every transition of an alias and of its association runs on the owner's lifecycle
engine, so a call made as the shared account lets the owner's backend catch up first
(:func:`find_visible`), and a change it makes to the alias holds the owner's lock as well as its own.
(Two accounts that share aliases with each other, calling alias operations from two threads at once,
could therefore wait on each other for good: a known limit.)

A connection string, once created by an account, stays reserved for that account in every Region, even
after the alias is deleted; each backend keeps the strings its account created in ``alias_reservations``
and the World is the union of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Optional

from ..errors import (
    InvalidParameterValuesException,
    OperationNotSupportedException,
    ResourceAlreadyExistsException,
    ResourceAssociatedException,
    ResourceLimitExceededException,
    ResourceNotFoundException,
)
from ..lifecycle import NEVER, Step, Table, minutes
from ._arrange import arrange
from .tags import add_tags

if TYPE_CHECKING:
    from ..backend import WorkspacesBackend
    from .directories import Directory

GONE = "GONE"

ALIASES_PER_REGION = 20
"""AWS's quota of connection aliases in a Region (not adjustable), always enforced."""

UNSUPPORTED_REGIONS = frozenset({"us-gov-west-1", "cn-northwest-1"})
"""Regions without cross-Region redirection (the admin guide's list); every alias call there answers
OperationNotSupportedException. **[A]**"""

_LABEL = re.compile(r"^[0-9a-zA-Z]([0-9a-zA-Z-]{0,61}[0-9a-zA-Z])?$")


@dataclass
class ConnectionAliasAssociation:
    """API shape ``ConnectionAliasAssociation``; ``state`` is its ``AssociationStatus`` as the lifecycle
    engine moves it."""

    associated_account_id: str
    resource_id: str
    connection_identifier: str
    settles_to: str
    """ASSOCIATED_WITH_OWNER_ACCOUNT or ASSOCIATED_WITH_SHARED_ACCOUNT: where PENDING_ASSOCIATION leads."""
    alias: ConnectionAlias = field(repr=False)
    state: str = ""
    state_since: datetime = NEVER

    @property
    def association_status(self) -> str:
        """The API's ``AssociationStatus``."""
        return self.state


@dataclass
class ConnectionAliasPermission:
    """API shape ``ConnectionAliasPermission``: the one account an alias is shared with."""

    shared_account_id: str
    allow_association: bool = True


@dataclass
class ConnectionAlias:
    """API shape ``ConnectionAlias``; ``Associations`` is left out while there is none."""

    alias_id: str
    connection_string: str
    owner_account_id: str
    state: str = ""
    state_since: datetime = NEVER
    links: list[ConnectionAliasAssociation] = field(default_factory=list)
    shared_with: Optional[str] = None
    """The account the owner shares the alias with (AllowAssociation true), if any."""

    @property
    def associations(self) -> Optional[list[ConnectionAliasAssociation]]:
        """The API's ``Associations`` (at most one per Region), absent while empty."""
        return list(self.links) or None

    @property
    def permissions(self) -> list[ConnectionAliasPermission]:
        """What DescribeConnectionAliasPermissions lists."""
        return [ConnectionAliasPermission(self.shared_with)] if self.shared_with else []


def _alias_entered(backend: WorkspacesBackend, alias: ConnectionAlias, state: str, at: datetime) -> None:
    if state == GONE:
        alias.state = "DELETING"  # a held reference reads the last state the API showed
        backend.connection_aliases.remove(alias.alias_id)
        backend.tags.pop(alias.alias_id, None)


ALIAS = Table(
    "connection alias",
    steps={"CREATING": Step("CREATED", minutes(0.5)), "DELETING": Step(GONE, minutes(0.5))},
    on_enter=_alias_entered,
)
"""CREATING -> CREATED in 30 seconds; DELETING for 30 seconds, then the alias is gone. **[A]**"""


def _settled(backend: WorkspacesBackend, link: ConnectionAliasAssociation, at: datetime) -> str:
    return link.settles_to


def _link_entered(
    backend: WorkspacesBackend, link: ConnectionAliasAssociation, state: str, at: datetime
) -> None:
    if state == GONE and link in link.alias.links:
        link.alias.links.remove(link)


ASSOCIATION = Table(
    "connection alias association",
    steps={
        "PENDING_ASSOCIATION": Step(_settled, minutes(1)),
        "PENDING_DISASSOCIATION": Step(GONE, minutes(1)),
    },
    on_enter=_link_entered,
)
"""PENDING_ASSOCIATION -> ASSOCIATED_WITH_OWNER_ACCOUNT or _SHARED_ACCOUNT in a minute;
PENDING_DISASSOCIATION for a minute, then the association is removed. **[A]**"""


# ------------------------------------------------------------------------------------------ rules
def check_region(backend: WorkspacesBackend) -> None:
    """Cross-Region redirection is not offered in every Region. **[A]**"""
    if backend.region_name in UNSUPPORTED_REGIONS:
        raise OperationNotSupportedException(
            f"Connection aliases are not supported in {backend.region_name}.",
            reason="Cross-Region redirection is not available in this Region.",
        )


def check_fqdn(connection_string: str) -> None:
    """A fully qualified domain name: two labels or more, each 1-63 characters, no edge hyphens. **[A]**"""
    labels = connection_string.split(".")
    if len(labels) < 2 or not all(_LABEL.match(label) for label in labels):
        raise InvalidParameterValuesException(
            f"The connection string {connection_string} is not a fully qualified domain name."
        )


def check_can_create(backend: WorkspacesBackend, connection_string: str) -> None:
    """Strings are reserved per account (compared case-insensitively); 20 aliases per Region."""
    key = connection_string.lower()
    for other in backend.world.backends():
        if other.account_id != backend.account_id and key in other.alias_reservations:
            raise ResourceAlreadyExistsException(
                f"The connection string {connection_string} is reserved by another AWS account."
            )
    if any(a.connection_string.lower() == key for a in backend.connection_aliases.values_unobserved()):
        raise ResourceAlreadyExistsException(
            f"A connection alias for {connection_string} already exists in this Region."
        )
    if len(backend.connection_aliases) >= ALIASES_PER_REGION:
        raise ResourceLimitExceededException(
            f"The Region already has {ALIASES_PER_REGION} connection aliases, the limit."
        )


def share(alias: ConnectionAlias, account: str, allow: bool) -> None:
    """Share with ``account`` or stop sharing with it: one account at a time, never the owner, and not
    unshared while that account's association stands. Repeating either is a no-op. **[A]**"""
    if account == alias.owner_account_id:
        raise InvalidParameterValuesException("A connection alias cannot be shared with its owner.")
    if allow and alias.shared_with not in (None, account):
        raise ResourceLimitExceededException(
            f"The connection alias {alias.alias_id} is already shared with {alias.shared_with}; an alias "
            "can be shared with one account."
        )
    if not allow and any(link.associated_account_id == account for link in alias.links):
        raise ResourceAssociatedException(
            f"Account {account} has associated the connection alias {alias.alias_id}; it must "
            "disassociate it first."
        )
    if allow:
        alias.shared_with = account
    elif alias.shared_with == account:
        alias.shared_with = None


def new_alias(backend: WorkspacesBackend, connection_string: str) -> ConnectionAlias:
    """Store a new alias (its state is for the caller to enter) and reserve its string for the account."""
    alias = ConnectionAlias(backend.ids.mint("wsca", 9), connection_string, backend.account_id)
    backend.alias_reservations.add(connection_string.lower())
    return backend.connection_aliases.put(alias.alias_id, alias)


# ------------------------------------------------------------------------------------- visibility
def shared_with_me(backend: WorkspacesBackend) -> Iterator[tuple[WorkspacesBackend, ConnectionAlias]]:
    """Aliases other accounts in this Region share with this backend's account, after their owners'
    backends have caught up with the clock."""
    for owner in backend.world.backends():
        if owner is backend or owner.region_name != backend.region_name:
            continue
        if not any(a.shared_with == backend.account_id for a in owner.connection_aliases.values_unobserved()):
            continue
        for alias in owner.connection_aliases:  # iterating the store observes the owner's backend
            if alias.shared_with == backend.account_id:
                yield owner, alias


def find_visible(backend: WorkspacesBackend, alias_id: str) -> tuple[WorkspacesBackend, ConnectionAlias]:
    """The alias and its owner's backend: the caller's own, or one shared with the caller; else
    ResourceNotFoundException."""
    own = backend.connection_aliases.peek(alias_id)
    if own is not None:
        return backend, own
    for owner, alias in shared_with_me(backend):
        if alias.alias_id == alias_id:
            return owner, alias
    raise ResourceNotFoundException(
        f"The connection alias {alias_id} could not be found.", resource_id=alias_id
    )


def find_owned(backend: WorkspacesBackend, alias_id: str, action: str) -> ConnectionAlias:
    """The caller's own alias; OperationNotSupportedException when it is only shared with the caller."""
    owner, alias = find_visible(backend, alias_id)
    if owner is not backend:
        raise OperationNotSupportedException(
            f"Only the owner of the connection alias {alias_id} can {action} it.",
            reason="The connection alias is owned by another AWS account.",
        )
    return alias


def connection_identifier(directory: Directory) -> str:
    """What goes in the DNS TXT record: the Region part of the directory's registration code (``SLiad``
    for ``SLiad+CTS5ZC``, as observed). **[A]**"""
    prefix = "".join(ch for ch in directory.registration_code.split("+")[0] if ch.isalnum())
    return (prefix or "WSreg")[:20]


# ---------------------------------------------------------------------------------------- arrange
@arrange(
    "ConnectionAlias",
    "ConnectionAliasAssociation",
    shared_with="AwsAccount",
    directory_id="DirectoryId",
)
def add_connection_alias(
    backend: WorkspacesBackend,
    connection_string: str,
    *,
    state: str = "CREATED",
    shared_with: Optional[str] = None,
    directory_id: Optional[str] = None,
    associated_account_id: Optional[str] = None,
    association_status: Optional[str] = None,
    tags: Optional[Mapping[str, str]] = None,
) -> ConnectionAlias:
    """An alias owned by this backend's account, in ``state`` (a transitional one moves on).

    ``shared_with`` shares it with another account. ``directory_id`` associates it with that directory of
    ``associated_account_id`` (this account by default; another must be ``shared_with``), in
    ``association_status`` (ASSOCIATED_WITH_OWNER_ACCOUNT or _SHARED_ACCOUNT by default). The API's
    rules apply (FQDN, reserved strings, 20 a Region); a breach raises ValueError.
    """
    try:
        check_fqdn(connection_string)
        check_can_create(backend, connection_string)
    except (
        InvalidParameterValuesException,
        ResourceAlreadyExistsException,
        ResourceLimitExceededException,
    ) as e:
        raise ValueError(f"add_connection_alias({connection_string!r}): {e.message}") from e
    if shared_with == backend.account_id:
        raise ValueError("add_connection_alias(shared_with=...): an alias is shared with another account")
    link = _arranged_link(backend, directory_id, associated_account_id or backend.account_id, shared_with)
    alias = new_alias(backend, connection_string)
    alias.shared_with = shared_with
    add_tags(backend, alias.alias_id, tags or {})
    backend.lifecycle.enter(alias, ALIAS, state)
    if link is not None:
        link.alias = alias
        alias.links.append(link)
        backend.lifecycle.enter(link, ASSOCIATION, association_status or link.settles_to)
    return alias


def _arranged_link(
    backend: WorkspacesBackend, directory_id: Optional[str], account_id: str, shared_with: Optional[str]
) -> Optional[ConnectionAliasAssociation]:
    if directory_id is None:
        return None
    if account_id not in (backend.account_id, shared_with):
        raise ValueError(f"add_connection_alias: the alias is not shared with {account_id}")
    directory = backend.in_account(account_id).directories.peek(directory_id)
    if directory is None:
        raise ValueError(f"add_connection_alias: no directory {directory_id} is registered in {account_id}")
    owner = account_id == backend.account_id
    status = "ASSOCIATED_WITH_OWNER_ACCOUNT" if owner else "ASSOCIATED_WITH_SHARED_ACCOUNT"
    placeholder = ConnectionAlias("", "", "")
    return ConnectionAliasAssociation(
        account_id, directory_id, connection_identifier(directory), status, placeholder
    )
