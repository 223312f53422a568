"""IP access control groups: Create/Delete/DescribeIpGroups, Authorize/Revoke/UpdateRulesOfIpGroup,
Associate/DisassociateIpGroups, and the directory's ``ipGroupIds``."""

from __future__ import annotations

from typing import Any

import pytest

from workspaces_fake import WorkspacesBackend


def _groups(client: Any, **params: Any) -> list[dict[str, Any]]:
    return list(client.describe_ip_groups(**params)["Result"])


def _rules(client: Any, group_id: str) -> list[dict[str, Any]]:
    return list(_groups(client, GroupIds=[group_id])[0]["userRules"])


def _directory_groups(client: Any, directory_id: str) -> Any:
    found = client.describe_workspace_directories(DirectoryIds=[directory_id])["Directories"][0]
    return found.get("ipGroupIds")


def _rule_items(count: int, start: int = 0) -> list[dict[str, str]]:
    return [{"ipRule": f"10.0.{n}.0/24", "ruleDesc": f"rule {n}"} for n in range(start, start + count)]


# ------------------------------------------------------------------------------------ CreateIpGroup
def test_create_ip_group_describes_lower_camel_members_with_rules_as_sent(client: Any) -> None:
    rules = [
        {"ipRule": "10.0.0.0/16", "ruleDesc": "office"},
        {"ipRule": "10.0.0.1/16", "ruleDesc": ""},
        {"ipRule": "192.0.2.7"},
    ]
    group_id = client.create_ip_group(GroupName="office", GroupDesc="", UserRules=rules)["GroupId"]
    assert group_id.startswith("wsipg-") and len(group_id) == len("wsipg-") + 9
    assert _groups(client) == [
        {"groupId": group_id, "groupName": "office", "groupDesc": "", "userRules": rules}
    ]


def test_create_ip_group_without_rules_has_an_empty_rule_list(client: Any) -> None:
    group_id = client.create_ip_group(GroupName="empty")["GroupId"]
    assert _groups(client) == [{"groupId": group_id, "groupName": "empty", "userRules": []}]


def test_create_ip_group_tags_land_on_the_group(client: Any) -> None:
    group_id = client.create_ip_group(GroupName="g", Tags=[{"Key": "team", "Value": "net"}])["GroupId"]
    assert client.describe_tags(ResourceId=group_id)["TagList"] == [{"Key": "team", "Value": "net"}]


@pytest.mark.parametrize(
    "rule", ["not-a-cidr", "10.0.0.0/33", "256.0.0.1", "10.0.0/8", "2001:db8::/32", "10.0.0.0/255.0.0.0", ""]
)
def test_create_ip_group_invalid_rule_raises_invalid_parameter_values(client: Any, rule: str) -> None:
    with pytest.raises(client.exceptions.InvalidParameterValuesException, match="not a valid IPv4 CIDR"):
        client.create_ip_group(GroupName="g", UserRules=[{"ipRule": rule}])
    assert _groups(client) == []


@pytest.mark.parametrize(
    "params",
    [
        {"GroupName": ""},
        {"GroupName": "x" * 256},
        {"GroupName": "g", "GroupDesc": "x" * 256},
        {"GroupName": "g", "UserRules": [{"ipRule": "10.0.0.0/8", "ruleDesc": "x" * 256}]},
        {"GroupName": "g", "UserRules": [{"ipRule": "10.0.0.0/8"}, {"ipRule": "10.0.0.0/8"}]},
        {"GroupName": "g", "Tags": [{"Key": "aws:reserved", "Value": "v"}]},
    ],
)
def test_create_ip_group_bad_values_raise_invalid_parameter_values(client: Any, params: Any) -> None:
    with pytest.raises(client.exceptions.InvalidParameterValuesException):
        client.create_ip_group(**params)


def test_create_ip_group_name_taken_raises_already_exists(client: Any) -> None:
    client.create_ip_group(GroupName="g")
    with pytest.raises(client.exceptions.ResourceAlreadyExistsException):
        client.create_ip_group(GroupName="g")


def test_create_ip_group_eleven_rules_raise_limit_exceeded(client: Any) -> None:
    client.create_ip_group(GroupName="ten", UserRules=_rule_items(10))
    with pytest.raises(client.exceptions.ResourceLimitExceededException):
        client.create_ip_group(GroupName="eleven", UserRules=_rule_items(11))


def test_create_ip_group_hundred_and_first_in_region_raises_limit_exceeded(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    for n in range(99):
        workspaces_backend.add_ip_group(f"g{n}")
    client.create_ip_group(GroupName="g99")
    with pytest.raises(client.exceptions.ResourceLimitExceededException):
        client.create_ip_group(GroupName="g100")
    assert len(workspaces_backend.ip_groups) == 100


def test_create_ip_group_same_name_in_another_region_is_allowed(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    workspaces_backend.in_region("eu-west-1").add_ip_group("g")
    assert client.create_ip_group(GroupName="g")["GroupId"].startswith("wsipg-")


# ------------------------------------------------------------------------------------ DeleteIpGroup
def test_delete_ip_group_removes_it_and_its_tags(client: Any, workspaces_backend: WorkspacesBackend) -> None:
    group = workspaces_backend.add_ip_group("g", tags={"a": "b"})
    client.delete_ip_group(GroupId=group.group_id)
    assert _groups(client, GroupIds=[group.group_id]) == []
    assert group.group_id not in workspaces_backend.tags
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.describe_tags(ResourceId=group.group_id)


def test_delete_ip_group_unknown_raises_not_found(client: Any) -> None:
    with pytest.raises(client.exceptions.ResourceNotFoundException) as caught:
        client.delete_ip_group(GroupId="wsipg-000000000")
    assert caught.value.response["ResourceId"] == "wsipg-000000000"


def test_delete_ip_group_associated_raises_resource_associated_naming_directories(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    first, second = workspaces_backend.add_directory(), workspaces_backend.add_directory()
    group = workspaces_backend.add_ip_group("g", directories=[first.directory_id, second.directory_id])
    with pytest.raises(client.exceptions.ResourceAssociatedException) as caught:
        client.delete_ip_group(GroupId=group.group_id)
    assert caught.value.response["Error"]["Message"] == (
        f"Can not delete IP Group with GroupId - {group.group_id} because its attached with these "
        f"Directories {first.directory_id} {second.directory_id}"
    )
    assert _directory_groups(client, first.directory_id) == [group.group_id]


def test_delete_ip_group_after_directory_deregistered_succeeds(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    directory = workspaces_backend.add_directory()
    group = workspaces_backend.add_ip_group("g", directories=[directory.directory_id])
    client.deregister_workspace_directory(DirectoryId=directory.directory_id)
    workspaces_backend.settle()
    client.delete_ip_group(GroupId=group.group_id)
    assert _groups(client) == []


# ---------------------------------------------------------------------------------- DescribeIpGroups
def test_describe_ip_groups_filters_by_id_and_omits_unknown(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    a, b = workspaces_backend.add_ip_group("a"), workspaces_backend.add_ip_group("b")
    assert [g["groupId"] for g in _groups(client, GroupIds=[b.group_id, "wsipg-000000000"])] == [b.group_id]
    assert [g["groupId"] for g in _groups(client, GroupIds=[])] == [a.group_id, b.group_id]


def test_describe_ip_groups_pages_with_max_results_and_the_paginator(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    made = [workspaces_backend.add_ip_group(f"g{n}").group_id for n in range(30)]
    first = client.describe_ip_groups(MaxResults=7)
    assert [g["groupId"] for g in first["Result"]] == made[:7]
    second = client.describe_ip_groups(MaxResults=7, NextToken=first["NextToken"])
    assert [g["groupId"] for g in second["Result"]] == made[7:14]
    assert len(client.describe_ip_groups()["Result"]) == 25
    pages = list(client.get_paginator("describe_ip_groups").paginate())
    assert [len(p["Result"]) for p in pages] == [25, 5]
    assert [g["groupId"] for p in pages for g in p["Result"]] == made


def test_describe_ip_groups_foreign_token_raises_invalid_parameter_values(client: Any) -> None:
    with pytest.raises(client.exceptions.InvalidParameterValuesException):
        client.describe_ip_groups(NextToken="bm90LWEtdG9rZW4=")


def test_describe_ip_groups_max_results_over_25_raises_validation(client: Any) -> None:
    with pytest.raises(client.exceptions.ValidationException):
        client.describe_ip_groups(MaxResults=26)


# ------------------------------------------------------------------------------- Authorize / Revoke
def test_authorize_ip_rules_appends_rules(client: Any, workspaces_backend: WorkspacesBackend) -> None:
    group = workspaces_backend.add_ip_group("g", rules=[("10.0.0.0/8", "first")])
    client.authorize_ip_rules(GroupId=group.group_id, UserRules=[{"ipRule": "172.16.0.0/12"}])
    assert _rules(client, group.group_id) == [
        {"ipRule": "10.0.0.0/8", "ruleDesc": "first"},
        {"ipRule": "172.16.0.0/12"},
    ]


def test_authorize_ip_rules_existing_rule_raises_invalid_parameter_values(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    group = workspaces_backend.add_ip_group("g", rules=["10.0.0.0/8"])
    with pytest.raises(client.exceptions.InvalidParameterValuesException):
        client.authorize_ip_rules(GroupId=group.group_id, UserRules=[{"ipRule": "10.0.0.0/8"}])


def test_authorize_ip_rules_past_ten_raises_limit_exceeded_and_changes_nothing(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    group_id = client.create_ip_group(GroupName="g", UserRules=_rule_items(9))["GroupId"]
    with pytest.raises(client.exceptions.ResourceLimitExceededException):
        client.authorize_ip_rules(GroupId=group_id, UserRules=_rule_items(2, start=9))
    assert len(_rules(client, group_id)) == 9
    client.authorize_ip_rules(GroupId=group_id, UserRules=_rule_items(1, start=9))
    assert len(_rules(client, group_id)) == 10


@pytest.mark.parametrize("call", ["authorize_ip_rules", "revoke_ip_rules"])
def test_ip_rules_empty_list_raises_invalid_parameter_values(
    client: Any, workspaces_backend: WorkspacesBackend, call: str
) -> None:
    group = workspaces_backend.add_ip_group("g")
    with pytest.raises(client.exceptions.InvalidParameterValuesException):
        getattr(client, call)(GroupId=group.group_id, UserRules=[])


@pytest.mark.parametrize(
    ("call", "rules"),
    [
        ("authorize_ip_rules", [{"ipRule": "10.0.0.0/8"}]),
        ("revoke_ip_rules", ["10.0.0.0/8"]),
        ("update_rules_of_ip_group", []),
    ],
)
def test_ip_rules_unknown_group_raises_not_found(client: Any, call: str, rules: Any) -> None:
    with pytest.raises(client.exceptions.ResourceNotFoundException) as caught:
        getattr(client, call)(GroupId="wsipg-000000000", UserRules=rules)
    assert caught.value.response["ResourceId"] == "wsipg-000000000"


def test_revoke_ip_rules_removes_exact_matches_and_ignores_others(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    group = workspaces_backend.add_ip_group("g", rules=["10.0.0.0/8", "10.0.0.1/16", "192.0.2.0/24"])
    client.revoke_ip_rules(GroupId=group.group_id, UserRules=["10.0.0.0/8", "10.0.0.0/16", "203.0.113.0/24"])
    assert [r["ipRule"] for r in _rules(client, group.group_id)] == ["10.0.0.1/16", "192.0.2.0/24"]


# ----------------------------------------------------------------------------- UpdateRulesOfIpGroup
def test_update_rules_of_ip_group_replaces_all_rules(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    group = workspaces_backend.add_ip_group("g", rules=["10.0.0.0/8", "172.16.0.0/12"])
    client.update_rules_of_ip_group(
        GroupId=group.group_id, UserRules=[{"ipRule": "192.0.2.0/24", "ruleDesc": "x"}]
    )
    assert _rules(client, group.group_id) == [{"ipRule": "192.0.2.0/24", "ruleDesc": "x"}]
    client.update_rules_of_ip_group(GroupId=group.group_id, UserRules=[])
    assert _rules(client, group.group_id) == []


def test_update_rules_of_ip_group_checks_rules_and_count(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    group = workspaces_backend.add_ip_group("g", rules=["10.0.0.0/8"])
    with pytest.raises(client.exceptions.InvalidParameterValuesException):
        client.update_rules_of_ip_group(GroupId=group.group_id, UserRules=[{"ipRule": "10.0.0.0/40"}])
    with pytest.raises(client.exceptions.ResourceLimitExceededException):
        client.update_rules_of_ip_group(GroupId=group.group_id, UserRules=_rule_items(11))
    assert [r["ipRule"] for r in _rules(client, group.group_id)] == ["10.0.0.0/8"]


# ---------------------------------------------------------------------- Associate / Disassociate
def test_associate_ip_groups_shows_ip_group_ids_in_association_order(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    directory = workspaces_backend.add_directory()
    a, b, c = (workspaces_backend.add_ip_group(name).group_id for name in "abc")
    assert _directory_groups(client, directory.directory_id) is None
    client.associate_ip_groups(DirectoryId=directory.directory_id, GroupIds=[b])
    client.associate_ip_groups(DirectoryId=directory.directory_id, GroupIds=[a, b, c])
    assert _directory_groups(client, directory.directory_id) == [b, a, c]
    client.disassociate_ip_groups(DirectoryId=directory.directory_id, GroupIds=[a, b, c])
    found = client.describe_workspace_directories(DirectoryIds=[directory.directory_id])["Directories"][0]
    assert "ipGroupIds" not in found


def test_arrange_directory_with_three_ip_groups(client: Any, workspaces_backend: WorkspacesBackend) -> None:
    directory = workspaces_backend.add_directory()
    ids = [
        workspaces_backend.add_ip_group(f"g{n}", directories=[directory.directory_id]).group_id
        for n in range(3)
    ]
    assert _directory_groups(client, directory.directory_id) == ids


def test_disassociate_ip_groups_not_associated_group_is_a_no_op(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    directory = workspaces_backend.add_directory()
    kept = workspaces_backend.add_ip_group("kept", directories=[directory.directory_id]).group_id
    other = workspaces_backend.add_ip_group("other").group_id
    client.disassociate_ip_groups(DirectoryId=directory.directory_id, GroupIds=[other])
    assert _directory_groups(client, directory.directory_id) == [kept]


@pytest.mark.parametrize("call", ["associate_ip_groups", "disassociate_ip_groups"])
def test_ip_groups_link_empty_group_ids_raises_invalid_parameter_values(
    client: Any, workspaces_backend: WorkspacesBackend, call: str
) -> None:
    directory = workspaces_backend.add_directory()
    with pytest.raises(client.exceptions.InvalidParameterValuesException):
        getattr(client, call)(DirectoryId=directory.directory_id, GroupIds=[])


@pytest.mark.parametrize("call", ["associate_ip_groups", "disassociate_ip_groups"])
def test_ip_groups_link_unknown_directory_or_group_raises_not_found(
    client: Any, workspaces_backend: WorkspacesBackend, call: str
) -> None:
    directory = workspaces_backend.add_directory()
    group = workspaces_backend.add_ip_group("g").group_id
    with pytest.raises(client.exceptions.ResourceNotFoundException) as caught:
        getattr(client, call)(DirectoryId="d-0000000000", GroupIds=[group])
    assert caught.value.response["ResourceId"] == "d-0000000000"
    with pytest.raises(client.exceptions.ResourceNotFoundException) as caught:
        getattr(client, call)(DirectoryId=directory.directory_id, GroupIds=[group, "wsipg-000000000"])
    assert caught.value.response["ResourceId"] == "wsipg-000000000"
    assert _directory_groups(client, directory.directory_id) is None


@pytest.mark.workspaces(lifecycle="manual")
def test_associate_ip_groups_registering_directory_raises_invalid_state(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    group = workspaces_backend.add_ip_group("g").group_id
    client.register_workspace_directory(DirectoryId="d-0123456789")
    with pytest.raises(client.exceptions.InvalidResourceStateException):
        client.associate_ip_groups(DirectoryId="d-0123456789", GroupIds=[group])
    workspaces_backend.settle()
    client.associate_ip_groups(DirectoryId="d-0123456789", GroupIds=[group])
    assert _directory_groups(client, "d-0123456789") == [group]


def test_associate_ip_groups_twenty_sixth_raises_limit_exceeded(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    directory = workspaces_backend.add_directory().directory_id
    for n in range(24):
        workspaces_backend.add_ip_group(f"g{n}", directories=[directory])
    extra = [workspaces_backend.add_ip_group(f"x{n}").group_id for n in range(2)]
    with pytest.raises(client.exceptions.ResourceLimitExceededException):
        client.associate_ip_groups(DirectoryId=directory, GroupIds=extra)
    assert len(_directory_groups(client, directory)) == 24
    client.associate_ip_groups(DirectoryId=directory, GroupIds=extra[:1])
    assert len(_directory_groups(client, directory)) == 25


def test_ip_group_shared_by_several_directories(client: Any, workspaces_backend: WorkspacesBackend) -> None:
    first, second = (
        workspaces_backend.add_directory().directory_id,
        workspaces_backend.add_directory().directory_id,
    )
    group = workspaces_backend.add_ip_group("g").group_id
    for directory in (first, second):
        client.associate_ip_groups(DirectoryId=directory, GroupIds=[group])
    assert _directory_groups(client, first) == _directory_groups(client, second) == [group]


# ------------------------------------------------------------------------------------- arrange helper
@pytest.mark.parametrize(
    "kwargs",
    [
        {"rules": ["nonsense"]},
        {"rules": [f"10.0.{n}.0/24" for n in range(11)]},
        {"directories": ["d-0000000000"]},
        {"group_desc": "x" * 256},
    ],
)
def test_add_ip_group_refuses_what_the_api_would(workspaces_backend: WorkspacesBackend, kwargs: Any) -> None:
    with pytest.raises(ValueError, match="add_ip_group"):
        workspaces_backend.add_ip_group("g", **kwargs)
    assert len(workspaces_backend.ip_groups) == 0


def test_add_ip_group_name_taken_raises_value_error(workspaces_backend: WorkspacesBackend) -> None:
    workspaces_backend.add_ip_group("g")
    with pytest.raises(ValueError, match="already exists"):
        workspaces_backend.add_ip_group("g")
