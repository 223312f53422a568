"""IP access control groups: the model, the rule checks, the directory links, the arrange helper.

Groups have no lifecycle: every change takes effect at once (Terraform waits for none). Rules are kept
exactly as sent, host bits included, because real groups return ``10.0.0.1/16`` unchanged. The fake
never filters calls by IP: groups govern streaming connections, which it does not model.

Which groups a directory uses is kept on the directory itself (``Directory.ip_group_ids``, the API
member, ``None`` while it has none, so ``ipGroupIds`` is absent as AWS leaves it out); a directory that
is deregistered takes its links with it. :func:`directory_group_ids` and :func:`link` are the only code
that reads or writes that member.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Optional, Union

from ..errors import (
    InvalidParameterValuesException,
    ResourceAlreadyExistsException,
    ResourceLimitExceededException,
    WorkspacesError,
)
from ._arrange import arrange
from .tags import add_tags

if TYPE_CHECKING:
    from ..backend import WorkspacesBackend
    from .directories import Directory

GROUPS_PER_REGION = 100
RULES_PER_GROUP = 10
GROUPS_PER_DIRECTORY = 25
"""AWS's quotas for IP access control groups (none adjustable), always enforced."""

MAX_TEXT = 255
"""Longest group name, group description or rule description accepted. **[A]**"""

_DOTTED = re.compile(r"^\d{1,3}(\.\d{1,3}){3}(/\d{1,2})?$")


@dataclass
class IpRuleItem:
    """API shape ``IpRuleItem`` (lowerCamel members ``ipRule`` and ``ruleDesc``)."""

    ip_rule: str
    rule_desc: Optional[str] = None


@dataclass
class IpGroup:
    """API shape ``WorkspacesIpGroup`` (lowerCamel members ``groupId``, ``groupName``, ...)."""

    group_id: str
    group_name: str
    group_desc: Optional[str] = None
    user_rules: list[IpRuleItem] = field(default_factory=list)


def rules_from_request(items: Iterable[Mapping[str, Any]]) -> list[IpRuleItem]:
    """The request's ``IpRuleItem``s, checked; InvalidParameterValuesException for a bad or repeated rule."""
    rules = [IpRuleItem(str(item.get("ipRule", "")), item.get("ruleDesc")) for item in items]
    for rule in rules:
        check_rule(rule)
    check_no_repeats([r.ip_rule for r in rules])
    return rules


def check_rule(rule: IpRuleItem) -> None:
    """An IPv4 CIDR or a single IPv4 address, and a description of at most 255 characters. **[A]**"""
    if not _is_ipv4_cidr(rule.ip_rule):
        raise InvalidParameterValuesException(f"The IP rule {rule.ip_rule} is not a valid IPv4 CIDR.")
    if rule.rule_desc is not None and len(rule.rule_desc) > MAX_TEXT:
        raise InvalidParameterValuesException(
            f"The description of the IP rule {rule.ip_rule} is longer than {MAX_TEXT} characters."
        )


def _is_ipv4_cidr(value: str) -> bool:
    if not _DOTTED.match(value):
        return False
    try:
        ipaddress.IPv4Network(value, strict=False)  # host bits may be set; they are kept as sent
    except ValueError:
        return False
    return True


def check_no_repeats(ip_rules: Sequence[str]) -> None:
    """The same ``ipRule`` string may appear once in a group. **[A]**"""
    seen: set[str] = set()
    for ip_rule in ip_rules:
        if ip_rule in seen:
            raise InvalidParameterValuesException(
                f"The IP rule {ip_rule} appears more than once in the group."
            )
        seen.add(ip_rule)


def check_rule_count(group_id: str, count: int) -> None:
    """A group holds at most 10 rules."""
    if count > RULES_PER_GROUP:
        raise ResourceLimitExceededException(
            f"The IP access control group {group_id} would have {count} rules; "
            f"the limit is {RULES_PER_GROUP}."
        )


def check_group_text(group_name: str, group_desc: Optional[str]) -> None:
    """A non-empty name and a description of at most 255 characters each. **[A]**"""
    if not group_name or len(group_name) > MAX_TEXT:
        raise InvalidParameterValuesException(
            f"The group name must be between 1 and {MAX_TEXT} characters long."
        )
    if group_desc is not None and len(group_desc) > MAX_TEXT:
        raise InvalidParameterValuesException(f"The group description is longer than {MAX_TEXT} characters.")


def check_can_create(backend: WorkspacesBackend, group_name: str) -> None:
    """Names are unique in the account and Region; a Region holds at most 100 groups."""
    if any(g.group_name == group_name for g in backend.ip_groups.values_unobserved()):
        raise ResourceAlreadyExistsException(f"An IP access control group named {group_name} already exists.")
    if len(backend.ip_groups) >= GROUPS_PER_REGION:
        raise ResourceLimitExceededException(
            f"The Region already has {GROUPS_PER_REGION} IP access control groups, the limit."
        )


def new_group(
    backend: WorkspacesBackend, group_name: str, group_desc: Optional[str], rules: list[IpRuleItem]
) -> IpGroup:
    """Store a new group with a fresh ``wsipg-`` id."""
    group = IpGroup(backend.ids.mint("wsipg", 9), group_name, group_desc, rules)
    return backend.ip_groups.put(group.group_id, group)


def directory_group_ids(directory: Directory) -> list[str]:
    """The groups associated with ``directory``, in association order."""
    return list(directory.ip_group_ids or ())


def link(directory: Directory, group_ids: Sequence[str]) -> None:
    """Set the directory's groups (the member is left out of answers while there are none)."""
    directory.ip_group_ids = list(group_ids) or None


def directories_using(backend: WorkspacesBackend, group_id: str) -> list[str]:
    """The registered directories the group is associated with, in registration order."""
    return [
        d.directory_id for d in backend.directories.values_unobserved() if group_id in directory_group_ids(d)
    ]


Rule = Union[str, tuple[str, str]]
"""An arranged rule: ``"10.0.0.0/16"`` or ``("10.0.0.0/16", "office")``."""


@arrange("WorkspacesIpGroup")
def add_ip_group(
    backend: WorkspacesBackend,
    group_name: str,
    *,
    group_desc: Optional[str] = None,
    rules: Iterable[Rule] = (),
    directories: Iterable[str] = (),
    tags: Optional[Mapping[str, str]] = None,
) -> IpGroup:
    """An IP access control group with ``rules``, associated with the registered ``directories``.

    The API's rules apply (valid CIDRs, no repeats, at most 10 rules, unique names, 25 groups a
    directory); a breach raises ValueError naming the rule.
    """
    items = [{"ipRule": r} if isinstance(r, str) else {"ipRule": r[0], "ruleDesc": r[1]} for r in rules]
    directory_ids = list(directories)
    targets = [backend.directories.peek(d) for d in directory_ids]
    try:
        check_group_text(group_name, group_desc)
        parsed = rules_from_request(items)
        check_rule_count(group_name, len(parsed))
        check_can_create(backend, group_name)
        for directory_id, directory in zip(directory_ids, targets):
            if directory is None:
                raise ValueError(f"add_ip_group(directories=...): no directory {directory_id} is registered")
            if len(directory_group_ids(directory)) >= GROUPS_PER_DIRECTORY:
                raise ValueError(f"add_ip_group: the directory {directory_id} already has 25 IP groups")
    except WorkspacesError as error:
        raise ValueError(f"add_ip_group({group_name!r}): {error.message}") from error
    group = new_group(backend, group_name, group_desc, parsed)
    add_tags(backend, group.group_id, tags or {})
    for directory in targets:
        if directory is not None:
            link(directory, [*directory_group_ids(directory), group.group_id])
    return group
