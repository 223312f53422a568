"""Handlers for connection aliases: create, delete, describe, associate, disassociate, share.

An alias belongs to the account that created it; the owner may share it with one other account of the
same Region, which may then associate it with a directory of its own (see :mod:`..models.aliases`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Optional

from .._registry import OBSERVED_BELOW_MIN, Result, operation
from .._service import service_model
from .._validate import value_violations
from ..backend import WorkspacesBackend
from ..errors import (
    InvalidParameterValuesException,
    InvalidResourceStateException,
    OperationNotSupportedException,
    ResourceAssociatedException,
)
from ..models.aliases import (
    ALIAS,
    ASSOCIATION,
    ConnectionAlias,
    ConnectionAliasAssociation,
    check_can_create,
    check_fqdn,
    check_region,
    connection_identifier,
    find_owned,
    find_visible,
    new_alias,
    share,
    shared_with_me,
)
from ..models.directories import require_directory
from ..models.tags import add_tags, tags_from_request


@operation("CreateConnectionAlias")
def create_connection_alias(
    backend: WorkspacesBackend, *, connection_string: str, tags: Optional[list[Mapping[str, Any]]] = None
) -> Result:
    """A new alias, CREATING until it settles at CREATED; the string stays reserved for the account."""
    check_fqdn(connection_string)
    tag_values = tags_from_request(tags or [])
    check_region(backend)
    check_can_create(backend, connection_string)
    alias = new_alias(backend, connection_string)
    add_tags(backend, alias.alias_id, tag_values)
    backend.lifecycle.enter(alias, ALIAS, "CREATING")
    return {"AliasId": alias.alias_id}


@operation("DeleteConnectionAlias")
def delete_connection_alias(backend: WorkspacesBackend, *, alias_id: str) -> Result:
    """Start deleting a CREATED alias that is neither associated nor shared (only its owner may)."""
    check_region(backend)
    alias = find_owned(backend, alias_id, "delete")
    _require_created(alias)
    if alias.links:
        directories = " ".join(link.resource_id for link in alias.links)
        raise ResourceAssociatedException(
            f"The connection alias {alias_id} is associated with {directories}; disassociate it first."
        )
    if alias.shared_with:
        raise ResourceAssociatedException(
            f"The connection alias {alias_id} is shared with {alias.shared_with}; stop sharing it first."
        )
    backend.lifecycle.enter(alias, ALIAS, "DELETING")
    return {}


OBSERVED_BELOW_MIN.update(ConnectionAliases=[])  # an account without aliases gets [] (observed; model: min 1)


@operation("DescribeConnectionAliases")
def describe_connection_aliases(
    backend: WorkspacesBackend,
    *,
    alias_ids: Optional[list[str]] = None,
    resource_id: Optional[str] = None,
    limit: Optional[int] = None,
    next_token: Optional[str] = None,
) -> Result:
    """The caller's aliases, then those shared with it; by id, or by the directory they are associated
    with. Unknown ids and directories select nothing. **[A]**"""
    if alias_ids is not None and resource_id is not None:
        raise InvalidParameterValuesException("AliasIds and ResourceId cannot be used together.")
    check_region(backend)
    items = [*backend.connection_aliases.values_unobserved(), *(a for _, a in shared_with_me(backend))]
    if alias_ids is not None:
        items = [a for a in items if a.alias_id in alias_ids]
    if resource_id is not None:
        items = [a for a in items if any(link.resource_id == resource_id for link in a.links)]
    page, token = backend.paginator.page(
        items,
        operation="DescribeConnectionAliases",
        filters={"AliasIds": alias_ids, "ResourceId": resource_id},
        limit=limit,
        token=next_token,
    )
    return {"ConnectionAliases": page, "NextToken": token}


@operation("AssociateConnectionAlias")
def associate_connection_alias(backend: WorkspacesBackend, *, alias_id: str, resource_id: str) -> Result:
    """Associate a CREATED alias with one of the caller's REGISTERED directories: PENDING_ASSOCIATION,
    then ASSOCIATED_WITH_OWNER_ACCOUNT or ASSOCIATED_WITH_SHARED_ACCOUNT. One association per Region."""
    if value_violations(service_model().shape_for("DirectoryId"), resource_id, "ResourceId"):
        raise InvalidParameterValuesException(f"The resource id {resource_id} is not a directory id.")
    check_region(backend)
    owner, alias = find_visible(backend, alias_id)
    directory = require_directory(backend, resource_id)
    _require_created(alias)
    if directory.state != "REGISTERED":
        raise InvalidResourceStateException(
            f"The directory {resource_id} is {directory.state}, not REGISTERED."
        )
    if alias.links:
        raise ResourceAssociatedException(
            f"The connection alias {alias_id} is already associated with a directory in this Region."
        )
    settles_to = "ASSOCIATED_WITH_OWNER_ACCOUNT" if owner is backend else "ASSOCIATED_WITH_SHARED_ACCOUNT"
    link = ConnectionAliasAssociation(
        backend.account_id, resource_id, connection_identifier(directory), settles_to, alias
    )
    with owner.lock:  # the alias and the engine are the owner's, even when the caller is not
        alias.links.append(link)
        owner.lifecycle.enter(link, ASSOCIATION, "PENDING_ASSOCIATION")
    return {"ConnectionIdentifier": link.connection_identifier}


@operation("DisassociateConnectionAlias")
def disassociate_connection_alias(backend: WorkspacesBackend, *, alias_id: str) -> Result:
    """Start removing the alias's association, which only the account that made it may do."""
    check_region(backend)
    owner, alias = find_visible(backend, alias_id)
    _require_created(alias)
    link = alias.links[0] if alias.links else None
    if link is None or link.state == "PENDING_DISASSOCIATION":
        raise InvalidResourceStateException(f"The connection alias {alias_id} is not associated.")
    if link.associated_account_id != backend.account_id:
        raise OperationNotSupportedException(
            f"The connection alias {alias_id} was associated by account {link.associated_account_id}; "
            "only that account can disassociate it.",
            reason="The association belongs to another AWS account.",
        )
    if link.state == "PENDING_ASSOCIATION":
        raise InvalidResourceStateException(f"The connection alias {alias_id} is still being associated.")
    with owner.lock:
        owner.lifecycle.enter(link, ASSOCIATION, "PENDING_DISASSOCIATION")
    return {}


@operation("UpdateConnectionAliasPermission")
def update_connection_alias_permission(
    backend: WorkspacesBackend, *, alias_id: str, connection_alias_permission: Mapping[str, Any]
) -> Result:
    """Share a CREATED alias with one other account (``true``) or stop sharing it (``false``)."""
    account, allow = (
        connection_alias_permission["SharedAccountId"],
        connection_alias_permission["AllowAssociation"],
    )
    check_region(backend)
    alias = find_owned(backend, alias_id, "share")
    _require_created(alias)
    share(alias, account, allow)
    return {}


@operation("DescribeConnectionAliasPermissions")
def describe_connection_alias_permissions(
    backend: WorkspacesBackend,
    *,
    alias_id: str,
    next_token: Optional[str] = None,
    max_results: Optional[int] = None,
) -> Result:
    """The account the alias is shared with; only the owner may ask. Omitted when not shared. **[A]**"""
    check_region(backend)
    alias = find_owned(backend, alias_id, "describe the permissions of")
    page, token = backend.paginator.page(
        alias.permissions,
        operation="DescribeConnectionAliasPermissions",
        filters={"AliasId": alias_id},
        limit=max_results,
        token=next_token,
    )
    return {"AliasId": alias_id, "ConnectionAliasPermissions": page or None, "NextToken": token}


def _require_created(alias: ConnectionAlias) -> None:
    if alias.state != "CREATED":
        raise InvalidResourceStateException(
            f"The connection alias {alias.alias_id} is {alias.state}; it must be CREATED."
        )
