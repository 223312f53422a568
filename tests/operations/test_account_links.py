"""CreateAccountLinkInvitation, AcceptAccountLinkInvitation, RejectAccountLinkInvitation,
DeleteAccountLinkInvitation, GetAccountLink, ListAccountLinks: two accounts of one world."""

from __future__ import annotations

from typing import Any

import pytest

from workspaces_fake import WorkspacesBackend, mock_workspaces
from workspaces_fake.models.account import byol_ready

TARGET = "210987654321"
OTHER = "333333333333"
PENDING = "PENDING_ACCEPTANCE_BY_TARGET_ACCOUNT"


@pytest.fixture
def source(workspaces_backend: WorkspacesBackend) -> WorkspacesBackend:
    """The fixture's account, BYOL-enabled, so it may invite."""
    workspaces_backend.enable_byol("10.0.0.0/16")
    return workspaces_backend


def _invite(client: Any, target: str = TARGET, **more: Any) -> dict[str, Any]:
    return dict(client.create_account_link_invitation(TargetAccountId=target, **more)["AccountLink"])


def _links(client: Any, **more: Any) -> list[dict[str, Any]]:
    return list(client.list_account_links(**more)["AccountLinks"])


def _account(client: Any) -> dict[str, Any]:
    found = dict(client.describe_account())
    found.pop("ResponseMetadata")
    return found


# ------------------------------------------------------------------------------------ the whole flow
def test_create_account_link_invitation_seen_from_both_sides(client: Any, source: WorkspacesBackend) -> None:
    link = _invite(client)
    assert link["AccountLinkId"].startswith("link-") and len(link["AccountLinkId"]) == 14
    assert (link["AccountLinkStatus"], link["SourceAccountId"], link["TargetAccountId"]) == (
        PENDING,
        source.account_id,
        TARGET,
    )
    assert _links(client) == [link]
    with mock_workspaces(account_id=TARGET):
        assert _links(client) == [link]
        assert client.get_account_link(LinkId=link["AccountLinkId"])["AccountLink"] == link
    with mock_workspaces(account_id=OTHER), pytest.raises(client.exceptions.ResourceNotFoundException):
        client.get_account_link(LinkId=link["AccountLinkId"])


def test_accept_account_link_invitation_links_and_shares_byol(client: Any, source: WorkspacesBackend) -> None:
    link_id = _invite(client)["AccountLinkId"]
    with mock_workspaces(account_id=TARGET):
        accepted = client.accept_account_link_invitation(LinkId=link_id)["AccountLink"]
        assert accepted["AccountLinkStatus"] == "LINKED"
        assert _account(client) == {
            "DedicatedTenancySupport": "ENABLED",
            "DedicatedTenancyManagementCidrRange": "10.0.0.0/16",
            "DedicatedTenancyAccountType": "TARGET_ACCOUNT",
        }
    assert _account(client)["DedicatedTenancyAccountType"] == "SOURCE_ACCOUNT"
    assert byol_ready(source.in_account(TARGET))
    assert client.get_account_link(LinkedAccountId=TARGET)["AccountLink"]["AccountLinkStatus"] == "LINKED"


def test_reject_account_link_invitation_rejects_and_allows_a_new_invitation(
    client: Any, source: WorkspacesBackend
) -> None:
    first = _invite(client)["AccountLinkId"]
    with mock_workspaces(account_id=TARGET):
        rejected = client.reject_account_link_invitation(LinkId=first)["AccountLink"]
        assert rejected["AccountLinkStatus"] == "REJECTED"
        assert _account(client) == {"DedicatedTenancySupport": "DISABLED"}
    second = _invite(client)
    assert second["AccountLinkId"] != first
    assert [link["AccountLinkStatus"] for link in _links(client)] == ["REJECTED", PENDING]
    assert client.get_account_link(LinkedAccountId=TARGET)["AccountLink"] == second


@pytest.mark.parametrize("status", [PENDING, "REJECTED", "LINKING_FAILED"])
def test_delete_account_link_invitation_answers_link_not_found_and_removes_it(
    client: Any, source: WorkspacesBackend, status: str
) -> None:
    link = source.add_account_link(target_account_id=TARGET, account_link_status=status)
    deleted = client.delete_account_link_invitation(LinkId=link.account_link_id)["AccountLink"]
    assert deleted["AccountLinkStatus"] == "LINK_NOT_FOUND"
    assert _links(client) == []
    with mock_workspaces(account_id=TARGET):
        assert _links(client) == []
        with pytest.raises(client.exceptions.ResourceNotFoundException):
            client.get_account_link(LinkId=link.account_link_id)


def test_delete_account_link_invitation_linked_answers_conflict(
    client: Any, source: WorkspacesBackend
) -> None:
    link = source.add_account_link(target_account_id=TARGET, account_link_status="LINKED")
    with pytest.raises(client.exceptions.ConflictException, match="unlinked"):
        client.delete_account_link_invitation(LinkId=link.account_link_id)
    assert _links(client)[0]["AccountLinkStatus"] == "LINKED"


# ------------------------------------------------------------------------------------ Create's checks
def test_create_account_link_invitation_to_itself_answers_validation(
    client: Any, source: WorkspacesBackend
) -> None:
    with pytest.raises(client.exceptions.ValidationException, match="same value"):
        _invite(client, source.account_id)


def test_create_account_link_invitation_other_organization_answers_validation(
    client: Any, source: WorkspacesBackend
) -> None:
    source.in_account(TARGET).settings.organization_id = "o-elsewhere"
    with pytest.raises(client.exceptions.ValidationException, match="organization"):
        _invite(client)


@pytest.mark.parametrize("target", ["123", "2109876543210"])
def test_create_account_link_invitation_malformed_target_answers_validation(
    client: Any, source: WorkspacesBackend, target: str
) -> None:
    with pytest.raises(client.exceptions.ValidationException, match="targetAccountId"):
        _invite(client, target)


def test_create_account_link_invitation_without_byol_answers_access_denied(client: Any) -> None:
    with pytest.raises(client.exceptions.AccessDeniedException, match="BYOL"):
        _invite(client)
    assert _links(client) == []


def test_create_account_link_invitation_by_a_linked_target_answers_access_denied(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    workspaces_backend.add_account_link(source_account_id=OTHER, account_link_status="LINKED")
    with pytest.raises(client.exceptions.AccessDeniedException, match="target"):
        _invite(client)


@pytest.mark.parametrize("status", [PENDING, "LINKED"])
def test_create_account_link_invitation_target_already_invited_answers_conflict(
    client: Any, source: WorkspacesBackend, status: str
) -> None:
    source.in_account(TARGET).add_account_link(source_account_id=OTHER, account_link_status=status)
    with pytest.raises(client.exceptions.ConflictException, match="already linked or invited"):
        _invite(client)


def test_create_account_link_invitation_twice_without_token_answers_conflict(
    client: Any, source: WorkspacesBackend
) -> None:
    _invite(client)
    with pytest.raises(client.exceptions.ConflictException):
        _invite(client)


def test_create_account_link_invitation_target_that_is_a_source_answers_conflict(
    client: Any, source: WorkspacesBackend
) -> None:
    source.in_account(TARGET).add_account_link(target_account_id=OTHER)
    with pytest.raises(client.exceptions.ConflictException):
        _invite(client)


def test_create_account_link_invitation_injected_internal_error_reaches_the_client(
    client: Any, source: WorkspacesBackend
) -> None:
    source.faults.on("CreateAccountLinkInvitation").fail("InternalServerException")
    with pytest.raises(client.exceptions.InternalServerException):
        _invite(client)
    assert _links(client) == []


# ------------------------------------------------------------------------------------ ClientToken
def test_create_account_link_invitation_same_token_replays_the_link(
    client: Any, source: WorkspacesBackend
) -> None:
    first = _invite(client, ClientToken="token-1")
    assert _invite(client, ClientToken="token-1") == first
    assert len(_links(client)) == 1


def test_create_account_link_invitation_token_with_other_target_answers_conflict(
    client: Any, source: WorkspacesBackend
) -> None:
    _invite(client, ClientToken="token-1")
    with pytest.raises(client.exceptions.ConflictException, match="client token"):
        _invite(client, OTHER, ClientToken="token-1")


def test_create_account_link_invitation_token_expires_after_a_day(
    client: Any, source: WorkspacesBackend
) -> None:
    _invite(client, ClientToken="token-1")
    source.clock.advance(hours=24, seconds=1)
    with pytest.raises(client.exceptions.ConflictException, match="already linked or invited"):
        _invite(client, ClientToken="token-1")


def test_accept_account_link_invitation_retried_with_token_does_not_conflict(
    client: Any, source: WorkspacesBackend
) -> None:
    link_id = _invite(client)["AccountLinkId"]
    with mock_workspaces(account_id=TARGET):
        first = client.accept_account_link_invitation(LinkId=link_id, ClientToken="accept-1")["AccountLink"]
        again = client.accept_account_link_invitation(LinkId=link_id, ClientToken="accept-1")["AccountLink"]
        assert first == again and again["AccountLinkStatus"] == "LINKED"
        with pytest.raises(client.exceptions.ConflictException):
            client.accept_account_link_invitation(LinkId=link_id, ClientToken="accept-2")


def test_delete_account_link_invitation_retried_with_token_replays_link_not_found(
    client: Any, source: WorkspacesBackend
) -> None:
    link_id = _invite(client)["AccountLinkId"]
    client.delete_account_link_invitation(LinkId=link_id, ClientToken="delete-1")
    again = client.delete_account_link_invitation(LinkId=link_id, ClientToken="delete-1")["AccountLink"]
    assert again["AccountLinkStatus"] == "LINK_NOT_FOUND"
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.delete_account_link_invitation(LinkId=link_id)


@pytest.mark.parametrize("token", ["x" * 65, "line\u2028break"])
def test_create_account_link_invitation_malformed_token_answers_validation(
    client: Any, source: WorkspacesBackend, token: str
) -> None:
    with pytest.raises(client.exceptions.ValidationException, match="clientToken"):
        _invite(client, ClientToken=token)


# ------------------------------------------------------------------------------------ the wrong side
def test_accept_account_link_invitation_by_the_source_answers_validation(
    client: Any, source: WorkspacesBackend
) -> None:
    link_id = _invite(client)["AccountLinkId"]
    with pytest.raises(client.exceptions.ValidationException, match="not the target"):
        client.accept_account_link_invitation(LinkId=link_id)
    with pytest.raises(client.exceptions.ValidationException, match="not the target"):
        client.reject_account_link_invitation(LinkId=link_id)


def test_delete_account_link_invitation_by_the_target_answers_validation(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    link = workspaces_backend.add_account_link(source_account_id=OTHER)
    with pytest.raises(client.exceptions.ValidationException, match="not the source"):
        client.delete_account_link_invitation(LinkId=link.account_link_id)


@pytest.mark.parametrize("status", ["LINKED", "REJECTED", "LINKING_FAILED"])
def test_accept_or_reject_not_pending_answers_conflict(
    client: Any, workspaces_backend: WorkspacesBackend, status: str
) -> None:
    link = workspaces_backend.add_account_link(source_account_id=OTHER, account_link_status=status)
    with pytest.raises(client.exceptions.ConflictException, match=status):
        client.accept_account_link_invitation(LinkId=link.account_link_id)
    with pytest.raises(client.exceptions.ConflictException, match=status):
        client.reject_account_link_invitation(LinkId=link.account_link_id)


def test_accept_account_link_invitation_while_a_source_answers_conflict(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    invitation = workspaces_backend.add_account_link(source_account_id=OTHER)
    workspaces_backend.add_account_link(target_account_id=TARGET)
    with pytest.raises(client.exceptions.ConflictException):
        client.accept_account_link_invitation(LinkId=invitation.account_link_id)


def test_accept_account_link_invitation_arranged_failure_ends_linking_failed(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    link = workspaces_backend.add_account_link(source_account_id=OTHER)
    workspaces_backend.fail_next_link_acceptance()
    answer = client.accept_account_link_invitation(LinkId=link.account_link_id)["AccountLink"]
    assert answer["AccountLinkStatus"] == "LINKING_FAILED"
    assert _account(client) == {"DedicatedTenancySupport": "DISABLED"}


@pytest.mark.parametrize(
    "operation",
    ["accept_account_link_invitation", "reject_account_link_invitation", "delete_account_link_invitation"],
)
def test_link_change_unknown_link_answers_resource_not_found(client: Any, operation: str) -> None:
    with pytest.raises(client.exceptions.ResourceNotFoundException) as caught:
        getattr(client, operation)(LinkId="link-000000000")
    assert caught.value.response["ResourceId"] == "link-000000000"


# ------------------------------------------------------------------------------------ GetAccountLink
def test_get_account_link_without_either_member_answers_validation(client: Any) -> None:
    with pytest.raises(client.exceptions.ValidationException, match="LinkId or a LinkedAccountId"):
        client.get_account_link()


def test_get_account_link_both_members_must_agree(client: Any, workspaces_backend: WorkspacesBackend) -> None:
    link = workspaces_backend.add_account_link(source_account_id=OTHER)
    found = client.get_account_link(LinkId=link.account_link_id, LinkedAccountId=OTHER)["AccountLink"]
    assert found["AccountLinkId"] == link.account_link_id
    with pytest.raises(client.exceptions.ValidationException, match=TARGET):
        client.get_account_link(LinkId=link.account_link_id, LinkedAccountId=TARGET)


def test_get_account_link_no_link_with_account_answers_resource_not_found(client: Any) -> None:
    with pytest.raises(client.exceptions.ResourceNotFoundException, match=TARGET):
        client.get_account_link(LinkedAccountId=TARGET)


# ------------------------------------------------------------------------------------ ListAccountLinks
def test_list_account_links_filters_by_status_and_pages(client: Any, source: WorkspacesBackend) -> None:
    targets = [f"2000000000{n:02d}" for n in range(5)]
    for n, target in enumerate(targets):
        source.add_account_link(target_account_id=target, account_link_status="LINKED" if n % 2 else PENDING)
    assert len(_links(client)) == 5
    assert len(_links(client, LinkStatusFilter=[])) == 5
    linked = _links(client, LinkStatusFilter=["LINKED"])
    assert [link["TargetAccountId"] for link in linked] == targets[1::2]
    first = client.list_account_links(MaxResults=2)
    assert len(first["AccountLinks"]) == 2
    pages = client.get_paginator("list_account_links").paginate(PaginationConfig={"PageSize": 2})
    assert [link["TargetAccountId"] for page in pages for link in page["AccountLinks"]] == targets


def test_list_account_links_token_for_other_filter_answers_validation(
    client: Any, source: WorkspacesBackend
) -> None:
    for n in range(3):
        source.add_account_link(target_account_id=f"20000000000{n}")
    token = client.list_account_links(MaxResults=1)["NextToken"]
    with pytest.raises(client.exceptions.ValidationException):
        client.list_account_links(MaxResults=1, NextToken=token, LinkStatusFilter=["LINKED"])


@pytest.mark.parametrize("more", [{"LinkStatusFilter": ["FOO"]}, {"MaxResults": 26}])
def test_list_account_links_out_of_model_answers_validation(client: Any, more: dict[str, Any]) -> None:
    with pytest.raises(client.exceptions.ValidationException):
        _links(client, **more)


# ------------------------------------------------------------------------------------ arrange helper
def test_add_account_link_enables_the_source_and_checks_its_arguments(
    workspaces_backend: WorkspacesBackend,
) -> None:
    link = workspaces_backend.add_account_link(source_account_id=OTHER, account_link_status="LINKED")
    assert workspaces_backend.in_account(OTHER).account.dedicated_tenancy_support == "ENABLED"
    assert workspaces_backend.account_links.ids() == [link.account_link_id]
    with pytest.raises(ValueError, match="exactly one"):
        workspaces_backend.add_account_link()
    with pytest.raises(ValueError, match="account_link_status"):
        workspaces_backend.add_account_link(target_account_id=TARGET, account_link_status="DONE")
    with pytest.raises(ValueError, match="target_account_id"):
        workspaces_backend.add_account_link(target_account_id="123")
