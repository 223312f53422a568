"""Connection aliases: Create/Delete/DescribeConnectionAliases, Associate/DisassociateConnectionAlias,
UpdateConnectionAliasPermission, DescribeConnectionAliasPermissions, within one account and across two."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import boto3
import pytest

from workspaces_fake import WorkspacesBackend, mock_workspaces

OTHER = "210987654321"
THIRD = "333333333333"


@contextmanager
def as_account(account_id: str) -> Iterator[WorkspacesBackend]:
    """Calls made inside are made as ``account_id`` (same world, same region)."""
    with mock_workspaces(account_id=account_id) as backend:
        yield backend


def _aliases(client: Any, **params: Any) -> list[dict[str, Any]]:
    return list(client.describe_connection_aliases(**params)["ConnectionAliases"])


def _alias(client: Any, alias_id: str) -> dict[str, Any]:
    found = _aliases(client, AliasIds=[alias_id])
    assert len(found) == 1
    return found[0]


def _share(client: Any, alias_id: str, account: str, allow: bool = True) -> None:
    permission = {"SharedAccountId": account, "AllowAssociation": allow}
    client.update_connection_alias_permission(AliasId=alias_id, ConnectionAliasPermission=permission)


# ---------------------------------------------------------------------------- CreateConnectionAlias
def test_create_connection_alias_answers_an_id_then_creating_settles_created(client: Any) -> None:
    alias_id = client.create_connection_alias(ConnectionString="www.Example.com")["AliasId"]
    assert re.fullmatch(r"wsca-[0-9a-z]{9}", alias_id)
    assert _alias(client, alias_id) == {
        "ConnectionString": "www.Example.com",
        "AliasId": alias_id,
        "State": "CREATED",
        "OwnerAccountId": "123456789012",
    }


@pytest.mark.workspaces(lifecycle="timed")
def test_create_connection_alias_timed_is_creating_for_thirty_seconds(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    alias_id = client.create_connection_alias(ConnectionString="www.example.com")["AliasId"]
    workspaces_backend.clock.advance(seconds=29)
    assert _alias(client, alias_id)["State"] == "CREATING"
    workspaces_backend.clock.advance(seconds=1)
    assert _alias(client, alias_id)["State"] == "CREATED"


@pytest.mark.workspaces(lifecycle="manual")
def test_create_connection_alias_manual_waits_for_settle(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    alias_id = client.create_connection_alias(ConnectionString="www.example.com")["AliasId"]
    workspaces_backend.clock.advance(hours=1)
    assert _alias(client, alias_id)["State"] == "CREATING"
    workspaces_backend.settle()
    assert _alias(client, alias_id)["State"] == "CREATED"


def test_create_connection_alias_tags_land_on_the_alias(client: Any) -> None:
    alias_id = client.create_connection_alias(
        ConnectionString="www.example.com", Tags=[{"Key": "env", "Value": "prod"}]
    )["AliasId"]
    assert client.describe_tags(ResourceId=alias_id)["TagList"] == [{"Key": "env", "Value": "prod"}]
    client.create_tags(ResourceId=alias_id, Tags=[{"Key": "team", "Value": "x"}])
    assert len(client.describe_tags(ResourceId=alias_id)["TagList"]) == 2


@pytest.mark.parametrize(
    "value", ["localhost", "a..b.com", "-a.example.com", "a-.example.com", "example.com.", "x" * 64 + ".com"]
)
def test_create_connection_alias_not_an_fqdn_raises_invalid_parameter_values(client: Any, value: str) -> None:
    with pytest.raises(client.exceptions.InvalidParameterValuesException):
        client.create_connection_alias(ConnectionString=value)


def test_create_connection_alias_off_pattern_raises_validation(client: Any) -> None:
    with pytest.raises(client.exceptions.ValidationException):
        client.create_connection_alias(ConnectionString="bad_string!.com")


def test_create_connection_alias_same_string_in_region_raises_already_exists(client: Any) -> None:
    client.create_connection_alias(ConnectionString="www.example.com")
    with pytest.raises(client.exceptions.ResourceAlreadyExistsException):
        client.create_connection_alias(ConnectionString="WWW.EXAMPLE.COM")


def test_create_connection_alias_same_string_in_another_region_of_the_account_is_allowed(
    workspaces_backend: WorkspacesBackend,
) -> None:
    workspaces_backend.add_connection_alias("www.example.com")
    dublin = boto3.client("workspaces", region_name="eu-west-1")
    assert dublin.create_connection_alias(ConnectionString="www.example.com")["AliasId"]


def test_create_connection_alias_string_of_another_account_raises_already_exists_even_after_delete(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    theirs = workspaces_backend.in_account(OTHER, "eu-west-1").add_connection_alias("www.example.com")
    with pytest.raises(client.exceptions.ResourceAlreadyExistsException, match="another AWS account"):
        client.create_connection_alias(ConnectionString="www.example.com")
    with as_account(OTHER):
        dublin = boto3.client("workspaces", region_name="eu-west-1")
        dublin.delete_connection_alias(AliasId=theirs.alias_id)
        assert dublin.describe_connection_aliases()["ConnectionAliases"] == []
    with pytest.raises(client.exceptions.ResourceAlreadyExistsException):
        client.create_connection_alias(ConnectionString="www.example.com")


def test_create_connection_alias_own_deleted_string_can_be_reused(client: Any) -> None:
    alias_id = client.create_connection_alias(ConnectionString="www.example.com")["AliasId"]
    client.delete_connection_alias(AliasId=alias_id)
    assert client.create_connection_alias(ConnectionString="www.example.com")["AliasId"] != alias_id


def test_create_connection_alias_twenty_first_raises_limit_exceeded(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    for n in range(20):
        workspaces_backend.add_connection_alias(f"host{n}.example.com")
    with pytest.raises(client.exceptions.ResourceLimitExceededException):
        client.create_connection_alias(ConnectionString="host20.example.com")


def test_connection_alias_calls_in_a_region_without_redirection_raise_operation_not_supported() -> None:
    china = boto3.client("workspaces", region_name="cn-northwest-1")
    with mock_workspaces():
        with pytest.raises(china.exceptions.OperationNotSupportedException):
            china.create_connection_alias(ConnectionString="www.example.com")
        with pytest.raises(china.exceptions.OperationNotSupportedException):
            china.describe_connection_aliases()


# ---------------------------------------------------------------------------- DeleteConnectionAlias
def test_delete_connection_alias_is_deleting_then_gone_with_its_tags(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    alias = workspaces_backend.add_connection_alias("www.example.com", tags={"a": "b"})
    workspaces_backend.lifecycle.mode = "manual"
    client.delete_connection_alias(AliasId=alias.alias_id)
    assert _alias(client, alias.alias_id)["State"] == "DELETING"
    workspaces_backend.settle()
    assert _aliases(client, AliasIds=[alias.alias_id]) == []
    assert alias.alias_id not in workspaces_backend.tags


def test_delete_connection_alias_unknown_raises_not_found(client: Any) -> None:
    with pytest.raises(client.exceptions.ResourceNotFoundException) as caught:
        client.delete_connection_alias(AliasId="wsca-000000000")
    assert caught.value.response["ResourceId"] == "wsca-000000000"


@pytest.mark.parametrize("state", ["CREATING", "DELETING"])
def test_delete_connection_alias_in_transition_raises_invalid_state(
    client: Any, workspaces_backend: WorkspacesBackend, state: str
) -> None:
    workspaces_backend.lifecycle.mode = "manual"
    alias = workspaces_backend.add_connection_alias("www.example.com", state=state)
    with pytest.raises(client.exceptions.InvalidResourceStateException):
        client.delete_connection_alias(AliasId=alias.alias_id)


def test_delete_connection_alias_associated_raises_resource_associated(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    directory = workspaces_backend.add_directory().directory_id
    alias = workspaces_backend.add_connection_alias("www.example.com", directory_id=directory)
    with pytest.raises(client.exceptions.ResourceAssociatedException):
        client.delete_connection_alias(AliasId=alias.alias_id)


def test_delete_connection_alias_shared_raises_resource_associated(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    alias = workspaces_backend.add_connection_alias("www.example.com", shared_with=OTHER)
    with pytest.raises(client.exceptions.ResourceAssociatedException, match="shared"):
        client.delete_connection_alias(AliasId=alias.alias_id)
    _share(client, alias.alias_id, OTHER, allow=False)
    client.delete_connection_alias(AliasId=alias.alias_id)


# ------------------------------------------------------------------------- DescribeConnectionAliases
def test_describe_connection_aliases_empty_account_answers_an_empty_list(client: Any) -> None:
    assert client.describe_connection_aliases()["ConnectionAliases"] == []


def test_describe_connection_aliases_by_directory_and_by_id(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    directory = workspaces_backend.add_directory().directory_id
    linked = workspaces_backend.add_connection_alias("a.example.com", directory_id=directory)
    plain = workspaces_backend.add_connection_alias("b.example.com")
    assert [a["AliasId"] for a in _aliases(client, ResourceId=directory)] == [linked.alias_id]
    assert _aliases(client, ResourceId="d-0000000000") == []
    assert [a["AliasId"] for a in _aliases(client, AliasIds=[plain.alias_id, "wsca-000000000"])] == [
        plain.alias_id
    ]


def test_describe_connection_aliases_ids_with_resource_id_raises_invalid_parameter_values(
    client: Any,
) -> None:
    with pytest.raises(client.exceptions.InvalidParameterValuesException):
        client.describe_connection_aliases(AliasIds=["wsca-000000000"], ResourceId="d-0123456789")


def test_describe_connection_aliases_pages_with_limit(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    made = [workspaces_backend.add_connection_alias(f"h{n}.example.com").alias_id for n in range(12)]
    first = client.describe_connection_aliases(Limit=5)
    second = client.describe_connection_aliases(Limit=5, NextToken=first["NextToken"])
    third = client.describe_connection_aliases(Limit=5, NextToken=second["NextToken"])
    assert "NextToken" not in third
    seen = [a["AliasId"] for page in (first, second, third) for a in page["ConnectionAliases"]]
    assert seen == made
    with pytest.raises(client.exceptions.InvalidParameterValuesException):
        client.describe_connection_aliases(Limit=5, NextToken=first["NextToken"], ResourceId="d-0123456789")


# -------------------------------------------------------------------------- AssociateConnectionAlias
def test_associate_connection_alias_pending_then_associated_with_owner(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    directory = workspaces_backend.add_directory()
    alias = workspaces_backend.add_connection_alias("www.example.com")
    workspaces_backend.lifecycle.mode = "manual"
    identifier = client.associate_connection_alias(AliasId=alias.alias_id, ResourceId=directory.directory_id)[
        "ConnectionIdentifier"
    ]
    assert re.fullmatch(r"[a-zA-Z0-9]{1,20}", identifier)
    assert identifier == directory.registration_code.split("+")[0] == "SLiad"
    association = {
        "AssociationStatus": "PENDING_ASSOCIATION",
        "AssociatedAccountId": "123456789012",
        "ResourceId": directory.directory_id,
        "ConnectionIdentifier": identifier,
    }
    assert _alias(client, alias.alias_id)["Associations"] == [association]
    workspaces_backend.settle()
    association["AssociationStatus"] = "ASSOCIATED_WITH_OWNER_ACCOUNT"
    assert _alias(client, alias.alias_id)["Associations"] == [association]


def test_associate_connection_alias_malformed_directory_raises_invalid_parameter_values(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    alias = workspaces_backend.add_connection_alias("www.example.com")
    with pytest.raises(client.exceptions.InvalidParameterValuesException):
        client.associate_connection_alias(AliasId=alias.alias_id, ResourceId="not-a-directory")


def test_associate_connection_alias_unknown_alias_or_directory_raises_not_found(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    directory = workspaces_backend.add_directory().directory_id
    alias = workspaces_backend.add_connection_alias("www.example.com")
    with pytest.raises(client.exceptions.ResourceNotFoundException) as caught:
        client.associate_connection_alias(AliasId="wsca-000000000", ResourceId=directory)
    assert caught.value.response["ResourceId"] == "wsca-000000000"
    with pytest.raises(client.exceptions.ResourceNotFoundException) as caught:
        client.associate_connection_alias(AliasId=alias.alias_id, ResourceId="d-0000000000")
    assert caught.value.response["ResourceId"] == "d-0000000000"


def test_associate_connection_alias_not_created_raises_invalid_state(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    directory = workspaces_backend.add_directory().directory_id
    workspaces_backend.lifecycle.mode = "manual"
    alias = workspaces_backend.add_connection_alias("www.example.com", state="CREATING")
    with pytest.raises(client.exceptions.InvalidResourceStateException):
        client.associate_connection_alias(AliasId=alias.alias_id, ResourceId=directory)


def test_associate_connection_alias_directory_not_registered_raises_invalid_state(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    alias = workspaces_backend.add_connection_alias("www.example.com")
    workspaces_backend.lifecycle.mode = "manual"
    client.register_workspace_directory(DirectoryId="d-0123456789")
    with pytest.raises(client.exceptions.InvalidResourceStateException):
        client.associate_connection_alias(AliasId=alias.alias_id, ResourceId="d-0123456789")


def test_associate_connection_alias_second_directory_raises_resource_associated(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    first, second = (
        workspaces_backend.add_directory().directory_id,
        workspaces_backend.add_directory().directory_id,
    )
    alias = workspaces_backend.add_connection_alias("www.example.com", directory_id=first)
    with pytest.raises(client.exceptions.ResourceAssociatedException):
        client.associate_connection_alias(AliasId=alias.alias_id, ResourceId=second)


def test_associate_connection_alias_two_aliases_on_one_directory_are_allowed(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    directory = workspaces_backend.add_directory().directory_id
    for name in ("a.example.com", "b.example.com"):
        alias = workspaces_backend.add_connection_alias(name)
        client.associate_connection_alias(AliasId=alias.alias_id, ResourceId=directory)
    assert len(_aliases(client, ResourceId=directory)) == 2


# ----------------------------------------------------------------------- DisassociateConnectionAlias
def test_disassociate_connection_alias_pending_then_removed(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    directory = workspaces_backend.add_directory().directory_id
    alias = workspaces_backend.add_connection_alias("www.example.com", directory_id=directory)
    workspaces_backend.lifecycle.mode = "manual"
    client.disassociate_connection_alias(AliasId=alias.alias_id)
    assert _alias(client, alias.alias_id)["Associations"][0]["AssociationStatus"] == "PENDING_DISASSOCIATION"
    with pytest.raises(client.exceptions.InvalidResourceStateException):
        client.disassociate_connection_alias(AliasId=alias.alias_id)
    workspaces_backend.settle()
    assert "Associations" not in _alias(client, alias.alias_id)
    client.delete_connection_alias(AliasId=alias.alias_id)


@pytest.mark.workspaces(lifecycle="timed")
def test_disassociate_connection_alias_timed_takes_a_minute(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    directory = workspaces_backend.add_directory().directory_id
    alias = workspaces_backend.add_connection_alias("www.example.com", directory_id=directory)
    client.disassociate_connection_alias(AliasId=alias.alias_id)
    workspaces_backend.clock.advance(seconds=59)
    assert "Associations" in _alias(client, alias.alias_id)
    workspaces_backend.clock.advance(seconds=1)
    assert "Associations" not in _alias(client, alias.alias_id)


def test_disassociate_connection_alias_not_associated_raises_invalid_state(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    alias = workspaces_backend.add_connection_alias("www.example.com")
    with pytest.raises(client.exceptions.InvalidResourceStateException):
        client.disassociate_connection_alias(AliasId=alias.alias_id)


def test_disassociate_connection_alias_while_pending_association_raises_invalid_state(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    directory = workspaces_backend.add_directory().directory_id
    workspaces_backend.lifecycle.mode = "manual"
    alias = workspaces_backend.add_connection_alias(
        "www.example.com", directory_id=directory, association_status="PENDING_ASSOCIATION"
    )
    with pytest.raises(client.exceptions.InvalidResourceStateException, match="still being associated"):
        client.disassociate_connection_alias(AliasId=alias.alias_id)


def test_disassociate_connection_alias_unknown_raises_not_found(client: Any) -> None:
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.disassociate_connection_alias(AliasId="wsca-000000000")


# ------------------------------------------------------------------------------- sharing, two accounts
def test_shared_alias_is_visible_to_and_associable_by_the_shared_account(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    alias_id = client.create_connection_alias(ConnectionString="www.example.com")["AliasId"]
    _share(client, alias_id, OTHER)
    with as_account(OTHER) as other:
        directory = other.add_directory().directory_id
        assert [a["OwnerAccountId"] for a in _aliases(client)] == ["123456789012"]
        identifier = client.associate_connection_alias(AliasId=alias_id, ResourceId=directory)[
            "ConnectionIdentifier"
        ]
        seen_by_them = _alias(client, alias_id)
    assert _alias(client, alias_id) == seen_by_them
    assert seen_by_them["Associations"] == [
        {
            "AssociationStatus": "ASSOCIATED_WITH_SHARED_ACCOUNT",
            "AssociatedAccountId": OTHER,
            "ResourceId": directory,
            "ConnectionIdentifier": identifier,
        }
    ]


def test_shared_alias_owner_cannot_disassociate_or_unshare_while_shared_account_associated(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    other = workspaces_backend.in_account(OTHER)
    directory = other.add_directory().directory_id
    alias = workspaces_backend.add_connection_alias(
        "www.example.com", shared_with=OTHER, directory_id=directory, associated_account_id=OTHER
    )
    with pytest.raises(client.exceptions.OperationNotSupportedException):
        client.disassociate_connection_alias(AliasId=alias.alias_id)
    with pytest.raises(client.exceptions.ResourceAssociatedException):
        _share(client, alias.alias_id, OTHER, allow=False)
    with as_account(OTHER):
        client.disassociate_connection_alias(AliasId=alias.alias_id)
    _share(client, alias.alias_id, OTHER, allow=False)
    with as_account(OTHER):
        assert _aliases(client) == []
        with pytest.raises(client.exceptions.ResourceNotFoundException):
            client.associate_connection_alias(AliasId=alias.alias_id, ResourceId=directory)


def test_shared_alias_shared_account_cannot_delete_share_or_read_permissions(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    alias = workspaces_backend.add_connection_alias("www.example.com", shared_with=OTHER)
    with as_account(OTHER):
        with pytest.raises(client.exceptions.OperationNotSupportedException):
            client.delete_connection_alias(AliasId=alias.alias_id)
        with pytest.raises(client.exceptions.OperationNotSupportedException):
            _share(client, alias.alias_id, THIRD)
        with pytest.raises(client.exceptions.OperationNotSupportedException):
            client.describe_connection_alias_permissions(AliasId=alias.alias_id)


def test_alias_of_another_account_not_shared_is_not_found(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    theirs = workspaces_backend.in_account(OTHER).add_connection_alias("www.example.com")
    directory = workspaces_backend.add_directory().directory_id
    assert _aliases(client) == []
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.associate_connection_alias(AliasId=theirs.alias_id, ResourceId=directory)
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.describe_tags(ResourceId=theirs.alias_id)


def test_shared_alias_in_another_region_is_not_visible(workspaces_backend: WorkspacesBackend) -> None:
    workspaces_backend.in_account(OTHER, "eu-west-1").add_connection_alias(
        "www.example.com", shared_with="123456789012"
    )
    here = boto3.client("workspaces", region_name=workspaces_backend.region_name)
    assert here.describe_connection_aliases()["ConnectionAliases"] == []
    dublin = boto3.client("workspaces", region_name="eu-west-1")
    assert len(dublin.describe_connection_aliases()["ConnectionAliases"]) == 1


@pytest.mark.workspaces(lifecycle="timed")
def test_shared_alias_association_by_shared_account_moves_on_the_owners_clock(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    alias = workspaces_backend.add_connection_alias("www.example.com", shared_with=OTHER)
    with as_account(OTHER) as other:
        directory = other.add_directory().directory_id
        client.associate_connection_alias(AliasId=alias.alias_id, ResourceId=directory)
        assert _alias(client, alias.alias_id)["Associations"][0]["AssociationStatus"] == "PENDING_ASSOCIATION"
        workspaces_backend.clock.advance(minutes=1)
        status = _alias(client, alias.alias_id)["Associations"][0]["AssociationStatus"]
    assert status == "ASSOCIATED_WITH_SHARED_ACCOUNT"


# ------------------------------------------------------------------ UpdateConnectionAliasPermission
def test_update_connection_alias_permission_shares_and_unshares(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    alias = workspaces_backend.add_connection_alias("www.example.com")
    assert "ConnectionAliasPermissions" not in client.describe_connection_alias_permissions(
        AliasId=alias.alias_id
    )
    _share(client, alias.alias_id, OTHER)
    _share(client, alias.alias_id, OTHER)  # repeating is a no-op
    answer = client.describe_connection_alias_permissions(AliasId=alias.alias_id)
    assert answer["AliasId"] == alias.alias_id
    assert answer["ConnectionAliasPermissions"] == [{"SharedAccountId": OTHER, "AllowAssociation": True}]
    _share(client, alias.alias_id, THIRD, allow=False)  # never shared with: a no-op
    _share(client, alias.alias_id, OTHER, allow=False)
    assert "ConnectionAliasPermissions" not in client.describe_connection_alias_permissions(
        AliasId=alias.alias_id
    )


def test_update_connection_alias_permission_second_account_raises_limit_exceeded(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    alias = workspaces_backend.add_connection_alias("www.example.com", shared_with=OTHER)
    with pytest.raises(client.exceptions.ResourceLimitExceededException):
        _share(client, alias.alias_id, THIRD)


def test_update_connection_alias_permission_with_owner_raises_invalid_parameter_values(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    alias = workspaces_backend.add_connection_alias("www.example.com")
    with pytest.raises(client.exceptions.InvalidParameterValuesException):
        _share(client, alias.alias_id, workspaces_backend.account_id)


def test_update_connection_alias_permission_not_created_raises_invalid_state(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    workspaces_backend.lifecycle.mode = "manual"
    alias = workspaces_backend.add_connection_alias("www.example.com", state="CREATING")
    with pytest.raises(client.exceptions.InvalidResourceStateException):
        _share(client, alias.alias_id, OTHER)


@pytest.mark.parametrize("call", ["update", "describe"])
def test_connection_alias_permissions_unknown_alias_raises_not_found(client: Any, call: str) -> None:
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        if call == "update":
            _share(client, "wsca-000000000", OTHER)
        else:
            client.describe_connection_alias_permissions(AliasId="wsca-000000000")


# ------------------------------------------------------------------------------------ arrange helper
@pytest.mark.parametrize(
    "kwargs",
    [
        {"connection_string": "localhost"},
        {"connection_string": "x.example.com", "state": "READY"},
        {"connection_string": "x.example.com", "shared_with": "123456789012"},
        {"connection_string": "x.example.com", "directory_id": "d-0000000000"},
        {
            "connection_string": "x.example.com",
            "directory_id": "d-0000000000",
            "associated_account_id": OTHER,
        },
    ],
)
def test_add_connection_alias_refuses_what_the_api_would(
    workspaces_backend: WorkspacesBackend, kwargs: Any
) -> None:
    with pytest.raises(ValueError, match="add_connection_alias"):
        workspaces_backend.add_connection_alias(**kwargs)
    assert len(workspaces_backend.connection_aliases) == 0


def test_associate_connection_alias_identifier_follows_the_regions_registration_code() -> None:
    with mock_workspaces(region="us-west-2") as backend:
        oregon = boto3.client("workspaces", region_name="us-west-2")
        directory = backend.add_directory()
        alias = backend.add_connection_alias("www.example.com")
        answer = oregon.associate_connection_alias(AliasId=alias.alias_id, ResourceId=directory.directory_id)
        assert answer["ConnectionIdentifier"] == "WSpdx"


def test_delete_tags_on_an_alias_and_gone_after_delete(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    alias = workspaces_backend.add_connection_alias("www.example.com", tags={"a": "1", "b": "2"})
    client.delete_tags(ResourceId=alias.alias_id, TagKeys=["a"])
    assert client.describe_tags(ResourceId=alias.alias_id)["TagList"] == [{"Key": "b", "Value": "2"}]
    client.delete_connection_alias(AliasId=alias.alias_id)
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.describe_tags(ResourceId=alias.alias_id)
