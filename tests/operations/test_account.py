"""DescribeAccount, ModifyAccount, DescribeAccountModifications, ListAvailableManagementCidrRanges."""

from __future__ import annotations

from typing import Any

import pytest

from workspaces_fake import WorkspacesBackend
from workspaces_fake.models.account import byol_ready

CIDR = "10.0.0.0/16"


def _enable(client: Any, cidr: str = CIDR) -> dict[str, Any]:
    return dict(
        client.modify_account(DedicatedTenancySupport="ENABLED", DedicatedTenancyManagementCidrRange=cidr)
    )


def _account(client: Any) -> dict[str, Any]:
    found = dict(client.describe_account())
    found.pop("ResponseMetadata")
    return found


def _modifications(client: Any) -> list[dict[str, Any]]:
    return list(client.describe_account_modifications()["AccountModifications"])


def _ranges(client: Any, constraint: str, **more: Any) -> list[str]:
    return list(
        client.list_available_management_cidr_ranges(ManagementCidrRangeConstraint=constraint, **more)[
            "ManagementCidrRanges"
        ]
    )


@pytest.fixture
def eligible(workspaces_backend: WorkspacesBackend) -> WorkspacesBackend:
    workspaces_backend.settings.byol_eligible = True
    return workspaces_backend


# ------------------------------------------------------------------------------------ DescribeAccount
def test_describe_account_fresh_account_is_disabled(client: Any) -> None:
    assert _account(client) == {"DedicatedTenancySupport": "DISABLED"}


def test_describe_account_arranged_byol_shows_enabled_and_range(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    workspaces_backend.enable_byol("172.16.0.0/16")
    assert _account(client) == {
        "DedicatedTenancySupport": "ENABLED",
        "DedicatedTenancyManagementCidrRange": "172.16.0.0/16",
    }
    assert byol_ready(workspaces_backend)


# ------------------------------------------------------------------------------------ ModifyAccount
def test_modify_account_instant_mode_completes_by_next_call(client: Any, eligible: WorkspacesBackend) -> None:
    assert _enable(client)["Message"] == "BYOL enablement request has been submitted."
    assert _account(client) == {
        "DedicatedTenancySupport": "ENABLED",
        "DedicatedTenancyManagementCidrRange": CIDR,
    }
    [done] = _modifications(client)
    assert (done["ModificationState"], done["DedicatedTenancySupport"]) == ("COMPLETED", "ENABLED")
    assert done["DedicatedTenancyManagementCidrRange"] == CIDR
    assert "ErrorCode" not in done
    assert byol_ready(eligible)


@pytest.mark.workspaces(lifecycle="timed")
def test_modify_account_timed_mode_pending_for_thirty_minutes(
    client: Any, eligible: WorkspacesBackend
) -> None:
    _enable(client)
    assert _account(client) == {
        "DedicatedTenancySupport": "DISABLED",
        "Message": "BYOL enablement is in progress.",
    }
    assert _modifications(client)[0]["ModificationState"] == "PENDING"
    assert not byol_ready(eligible)
    eligible.clock.advance(minutes=29)
    assert _modifications(client)[0]["ModificationState"] == "PENDING"
    started = _modifications(client)[0]["StartTime"]
    eligible.clock.advance(minutes=1)
    assert _modifications(client)[0]["ModificationState"] == "COMPLETED"
    assert _modifications(client)[0]["StartTime"] == started
    assert _account(client)["DedicatedTenancySupport"] == "ENABLED"


@pytest.mark.workspaces(lifecycle="manual")
def test_modify_account_manual_mode_waits_for_settle(client: Any, eligible: WorkspacesBackend) -> None:
    _enable(client)
    eligible.clock.advance(hours=10)
    assert _modifications(client)[0]["ModificationState"] == "PENDING"
    eligible.settle()
    assert _modifications(client)[0]["ModificationState"] == "COMPLETED"


def test_modify_account_arranged_failure_ends_failed_and_frees_the_range(
    client: Any, eligible: WorkspacesBackend
) -> None:
    eligible.fail_next_account_modification("InternalFailure", "The dedicated hardware is not ready.")
    _enable(client)
    [failed] = _modifications(client)
    assert (failed["ModificationState"], failed["ErrorCode"]) == ("FAILED", "InternalFailure")
    assert failed["ErrorMessage"] == "The dedicated hardware is not ready."
    assert _account(client) == {"DedicatedTenancySupport": "DISABLED"}
    assert CIDR in _ranges(client, "10.0.0.0/15")
    _enable(client)  # a second try succeeds
    assert [m["ModificationState"] for m in _modifications(client)] == ["COMPLETED", "FAILED"]


def test_modify_account_not_eligible_answers_access_denied(client: Any) -> None:
    with pytest.raises(client.exceptions.AccessDeniedException):
        _enable(client)
    assert _modifications(client) == []


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"DedicatedTenancyManagementCidrRange": CIDR},
        {"DedicatedTenancySupport": "ENABLED"},
    ],
    ids=["nothing", "range-without-enabled", "enabled-without-range"],
)
def test_modify_account_nothing_to_do_answers_invalid_parameter_values(
    client: Any, eligible: WorkspacesBackend, params: dict[str, str]
) -> None:
    with pytest.raises(client.exceptions.InvalidParameterValuesException):
        client.modify_account(**params)


@pytest.mark.parametrize("cidr", ["10.0.0.0/24", "10.0.1.0/16", "10.0.0.0"])
def test_modify_account_malformed_range_answers_validation_before_eligibility(client: Any, cidr: str) -> None:
    with pytest.raises(client.exceptions.ValidationException):
        _enable(client, cidr)


def test_modify_account_disabled_answers_validation(client: Any) -> None:
    with pytest.raises(client.exceptions.ValidationException):
        client.modify_account(DedicatedTenancySupport="DISABLED", DedicatedTenancyManagementCidrRange=CIDR)


@pytest.mark.parametrize("cidr", ["8.8.0.0/16", "172.32.0.0/16", "192.169.0.0/16"])
def test_modify_account_range_outside_private_ranges_answers_invalid_parameter_values(
    client: Any, eligible: WorkspacesBackend, cidr: str
) -> None:
    with pytest.raises(client.exceptions.InvalidParameterValuesException, match=cidr):
        _enable(client, cidr)


def test_modify_account_range_marked_used_answers_invalid_parameter_values(
    client: Any, eligible: WorkspacesBackend
) -> None:
    eligible.settings.used_management_cidrs.append(CIDR)
    with pytest.raises(client.exceptions.InvalidParameterValuesException):
        _enable(client)


@pytest.mark.workspaces(lifecycle="manual")
def test_modify_account_while_pending_answers_invalid_resource_state(
    client: Any, eligible: WorkspacesBackend
) -> None:
    _enable(client)
    with pytest.raises(client.exceptions.InvalidResourceStateException, match="in progress"):
        _enable(client, "10.1.0.0/16")
    assert len(_modifications(client)) == 1


def test_modify_account_other_range_once_enabled_answers_invalid_resource_state(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    workspaces_backend.enable_byol(CIDR)
    with pytest.raises(client.exceptions.InvalidResourceStateException, match="cannot be changed"):
        _enable(client, "10.1.0.0/16")


@pytest.mark.parametrize(
    "params", [{"DedicatedTenancyManagementCidrRange": CIDR}, {}], ids=["same-range", "none"]
)
def test_modify_account_once_enabled_again_is_a_no_op(
    client: Any, workspaces_backend: WorkspacesBackend, params: dict[str, str]
) -> None:
    workspaces_backend.enable_byol(CIDR)
    answer = client.modify_account(DedicatedTenancySupport="ENABLED", **params)
    assert "already enabled" in answer["Message"]
    assert len(_modifications(client)) == 1


def test_modify_account_linked_target_answers_invalid_resource_state(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    workspaces_backend.settings.byol_eligible = True
    workspaces_backend.add_account_link(source_account_id="210987654321", account_link_status="LINKED")
    with pytest.raises(client.exceptions.InvalidResourceStateException, match="target"):
        _enable(client, "10.9.0.0/16")


def test_modify_account_injected_resource_unavailable_reaches_the_client(
    client: Any, eligible: WorkspacesBackend
) -> None:
    eligible.faults.on("ModifyAccount").fail("ResourceUnavailableException")
    with pytest.raises(client.exceptions.ResourceUnavailableException):
        _enable(client)


# ---------------------------------------------------------------------- DescribeAccountModifications
def test_describe_account_modifications_newest_first_and_paged_by_25(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    for n in range(26):
        workspaces_backend.add_account_modification(f"10.{n}.0.0/16", modification_state="FAILED")
    first = client.describe_account_modifications()
    assert len(first["AccountModifications"]) == 25
    assert first["AccountModifications"][0]["DedicatedTenancyManagementCidrRange"] == "10.25.0.0/16"
    rest = client.describe_account_modifications(NextToken=first["NextToken"])
    assert [m["DedicatedTenancyManagementCidrRange"] for m in rest["AccountModifications"]] == ["10.0.0.0/16"]
    assert "NextToken" not in rest
    pages = client.get_paginator("describe_account_modifications").paginate()
    assert sum(len(page["AccountModifications"]) for page in pages) == 26


def test_describe_account_modifications_forged_token_answers_validation(client: Any) -> None:
    with pytest.raises(client.exceptions.ValidationException):
        client.describe_account_modifications(NextToken="forged")


def test_add_account_modification_failed_carries_its_error(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    workspaces_backend.add_account_modification(
        "10.3.0.0/16",
        modification_state="FAILED",
        error_code="ResourceLimitExceeded",
        error_message="no hosts",
    )
    [failed] = _modifications(client)
    assert (failed["ErrorCode"], failed["ErrorMessage"]) == ("ResourceLimitExceeded", "no hosts")
    assert _account(client)["DedicatedTenancySupport"] == "DISABLED"


def test_add_account_modification_checks_the_model(workspaces_backend: WorkspacesBackend) -> None:
    with pytest.raises(ValueError, match="DedicatedTenancyManagementCidrRange"):
        workspaces_backend.add_account_modification("10.0.0.0/24")
    with pytest.raises(ValueError, match="modification_state"):
        workspaces_backend.add_account_modification(modification_state="DONE")


# ----------------------------------------------------------------- ListAvailableManagementCidrRanges
@pytest.mark.parametrize(
    ("constraint", "count", "first"),
    [
        ("10.0.0.0/8", 256, "10.0.0.0/16"),
        ("10.1.2.3/8", 256, "10.0.0.0/16"),
        ("172.16.0.0/12", 16, "172.16.0.0/16"),
        ("192.168.0.0/16", 1, "192.168.0.0/16"),
        ("100.64.0.0/10", 64, "100.64.0.0/16"),
        ("198.18.0.0/15", 2, "198.18.0.0/16"),
        ("8.0.0.0/8", 0, None),
        ("10.0.0.0/17", 0, None),
        ("0.0.0.0/0", 339, "10.0.0.0/16"),
    ],
)
def test_list_available_management_cidr_ranges_candidates_within_constraint(
    client: Any, eligible: WorkspacesBackend, constraint: str, count: int, first: Any
) -> None:
    pages = client.get_paginator("list_available_management_cidr_ranges").paginate(
        ManagementCidrRangeConstraint=constraint
    )
    found = [cidr for page in pages for cidr in page["ManagementCidrRanges"]]
    assert len(found) == count
    assert (found[0] if found else None) == first


def test_list_available_management_cidr_ranges_pages_of_five_by_default(
    client: Any, eligible: WorkspacesBackend
) -> None:
    first = client.list_available_management_cidr_ranges(ManagementCidrRangeConstraint="172.16.0.0/12")
    assert first["ManagementCidrRanges"] == [f"172.{n}.0.0/16" for n in range(16, 21)]
    second = client.list_available_management_cidr_ranges(
        ManagementCidrRangeConstraint="172.16.0.0/12", MaxResults=2, NextToken=first["NextToken"]
    )
    assert second["ManagementCidrRanges"] == ["172.21.0.0/16", "172.22.0.0/16"]


def test_list_available_management_cidr_ranges_withholds_used_and_own(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    workspaces_backend.enable_byol("192.168.0.0/16")
    workspaces_backend.settings.used_management_cidrs.append("198.18.0.0/16")
    assert _ranges(client, "192.168.0.0/16") == []
    assert _ranges(client, "198.18.0.0/15") == ["198.19.0.0/16"]


def test_list_available_management_cidr_ranges_not_eligible_answers_access_denied(client: Any) -> None:
    with pytest.raises(client.exceptions.AccessDeniedException):
        _ranges(client, "10.0.0.0/8")


def test_list_available_management_cidr_ranges_max_results_over_five_answers_validation(
    client: Any, eligible: WorkspacesBackend
) -> None:
    with pytest.raises(client.exceptions.ValidationException, match="maxResults"):
        _ranges(client, "10.0.0.0/8", MaxResults=6)


def test_list_available_management_cidr_ranges_token_for_other_constraint_is_refused(
    client: Any, eligible: WorkspacesBackend
) -> None:
    token = client.list_available_management_cidr_ranges(ManagementCidrRangeConstraint="10.0.0.0/8")[
        "NextToken"
    ]
    with pytest.raises(client.exceptions.InvalidParameterValuesException):
        _ranges(client, "172.16.0.0/12", NextToken=token)


@pytest.mark.workspaces(lifecycle="timed")
def test_add_account_modification_pending_moves_on_with_the_clock(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    workspaces_backend.add_account_modification("10.7.0.0/16", modification_state="PENDING")
    assert _account(client) == {
        "DedicatedTenancySupport": "DISABLED",
        "Message": "BYOL enablement is in progress.",
    }
    with pytest.raises(client.exceptions.InvalidResourceStateException):
        _enable(client, "10.8.0.0/16")
    workspaces_backend.clock.advance(minutes=30)
    assert _account(client) == {
        "DedicatedTenancySupport": "ENABLED",
        "DedicatedTenancyManagementCidrRange": "10.7.0.0/16",
    }


@pytest.mark.workspaces(lifecycle="timed")
def test_modify_account_arranged_failure_fails_only_when_due(
    client: Any, eligible: WorkspacesBackend
) -> None:
    eligible.fail_next_account_modification()
    _enable(client)
    assert _modifications(client)[0]["ModificationState"] == "PENDING"
    eligible.clock.advance(minutes=30)
    [failed] = _modifications(client)
    assert (failed["ModificationState"], failed["ErrorCode"]) == ("FAILED", "InternalFailure")
