"""Handlers for IP access control groups: create, delete, describe, rules, and links to directories.

Every change takes effect at once (groups have no lifecycle). Checks run in the family's order: the
request's own structure, then the resources it names, their state, their links, the values, uniqueness,
and last the quotas.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Optional

from .._registry import Result, operation
from ..backend import WorkspacesBackend
from ..errors import (
    InvalidParameterValuesException,
    InvalidResourceStateException,
    ResourceAssociatedException,
    ResourceLimitExceededException,
)
from ..models.directories import Directory, require_directory
from ..models.ip_groups import (
    GROUPS_PER_DIRECTORY,
    check_can_create,
    check_group_text,
    check_no_repeats,
    check_rule_count,
    directories_using,
    directory_group_ids,
    link,
    new_group,
    rules_from_request,
)
from ..models.tags import add_tags, tags_from_request


@operation("CreateIpGroup")
def create_ip_group(
    backend: WorkspacesBackend,
    *,
    group_name: str,
    group_desc: Optional[str] = None,
    user_rules: Optional[list[Mapping[str, Any]]] = None,
    tags: Optional[list[Mapping[str, Any]]] = None,
) -> Result:
    """A new group holding ``UserRules`` in the order sent; its tags land with it."""
    check_group_text(group_name, group_desc)
    rules = rules_from_request(user_rules or [])
    tag_values = tags_from_request(tags or [])
    check_can_create(backend, group_name)
    check_rule_count(group_name, len(rules))
    group = new_group(backend, group_name, group_desc, rules)
    add_tags(backend, group.group_id, tag_values)
    return {"GroupId": group.group_id}


@operation("DeleteIpGroup")
def delete_ip_group(backend: WorkspacesBackend, *, group_id: str) -> Result:
    """Delete a group no directory uses (it is never disassociated implicitly); its tags go with it."""
    backend.ip_groups.require(group_id)
    using = directories_using(backend, group_id)
    if using:
        raise ResourceAssociatedException(
            f"Can not delete IP Group with GroupId - {group_id} because its attached with these "
            f"Directories {' '.join(using)}"
        )
    backend.ip_groups.remove(group_id)
    backend.tags.pop(group_id, None)
    return {}


@operation("DescribeIpGroups")
def describe_ip_groups(
    backend: WorkspacesBackend,
    *,
    group_ids: Optional[list[str]] = None,
    next_token: Optional[str] = None,
    max_results: Optional[int] = None,
) -> Result:
    """The account's groups in creation order; unknown ids are left out, and ``GroupIds=[]`` filters
    nothing. **[A]**"""
    items = [g for g in backend.ip_groups.values_unobserved() if not group_ids or g.group_id in group_ids]
    page, token = backend.paginator.page(
        items,
        operation="DescribeIpGroups",
        filters={"GroupIds": group_ids or None},
        limit=max_results,
        token=next_token,
    )
    return {"Result": page, "NextToken": token}


@operation("AuthorizeIpRules")
def authorize_ip_rules(
    backend: WorkspacesBackend, *, group_id: str, user_rules: list[Mapping[str, Any]]
) -> Result:
    """Append rules to a group; a rule already there, or an eleventh rule, is refused."""
    _require_some(user_rules, "UserRules")
    group = backend.ip_groups.require(group_id)
    rules = rules_from_request(user_rules)
    check_no_repeats([r.ip_rule for r in (*group.user_rules, *rules)])
    check_rule_count(group_id, len(group.user_rules) + len(rules))
    group.user_rules.extend(rules)
    return {}


@operation("RevokeIpRules")
def revoke_ip_rules(backend: WorkspacesBackend, *, group_id: str, user_rules: list[str]) -> Result:
    """Remove the rules whose ``ipRule`` is one of the strings exactly; strings not there are ignored.
    **[A]**"""
    _require_some(user_rules, "UserRules")
    group = backend.ip_groups.require(group_id)
    group.user_rules = [r for r in group.user_rules if r.ip_rule not in user_rules]
    return {}


@operation("UpdateRulesOfIpGroup")
def update_rules_of_ip_group(
    backend: WorkspacesBackend, *, group_id: str, user_rules: list[Mapping[str, Any]]
) -> Result:
    """Replace every rule of the group; ``[]`` leaves it empty (which blocks all access). **[A]**"""
    group = backend.ip_groups.require(group_id)
    rules = rules_from_request(user_rules)
    check_rule_count(group_id, len(rules))
    group.user_rules = rules
    return {}


@operation("AssociateIpGroups")
def associate_ip_groups(backend: WorkspacesBackend, *, directory_id: str, group_ids: list[str]) -> Result:
    """Add groups to a REGISTERED directory's ``ipGroupIds``; ones already there stay where they are."""
    directory = _linkable_directory(backend, directory_id, group_ids)
    current = directory_group_ids(directory)
    added = [g for g in dict.fromkeys(group_ids) if g not in current]
    if len(current) + len(added) > GROUPS_PER_DIRECTORY:
        raise ResourceLimitExceededException(
            f"The directory {directory_id} would have {len(current) + len(added)} IP access control "
            f"groups; the limit is {GROUPS_PER_DIRECTORY}."
        )
    link(directory, [*current, *added])
    return {}


@operation("DisassociateIpGroups")
def disassociate_ip_groups(backend: WorkspacesBackend, *, directory_id: str, group_ids: list[str]) -> Result:
    """Remove groups from a directory; a group that is not associated with it is a no-op. **[A]**"""
    directory = _linkable_directory(backend, directory_id, group_ids)
    link(directory, [g for g in directory_group_ids(directory) if g not in group_ids])
    return {}


def _linkable_directory(backend: WorkspacesBackend, directory_id: str, group_ids: list[str]) -> Directory:
    """The REGISTERED directory, once every group named exists (otherwise nothing changes)."""
    _require_some(group_ids, "GroupIds")
    directory = require_directory(backend, directory_id)
    for group_id in group_ids:
        backend.ip_groups.require(group_id)
    if directory.state != "REGISTERED":
        raise InvalidResourceStateException(
            f"The directory {directory_id} is {directory.state}; IP access control groups can only be "
            "changed on a REGISTERED directory."
        )
    return directory


def _require_some(values: list[Any], member: str) -> None:
    """An empty list is refused with HTTP 400 (Terraform met this on DisassociateIpGroups). **[A]**"""
    if not values:
        raise InvalidParameterValuesException(f"{member} must name at least one item.")
