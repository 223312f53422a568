"""Handlers for the account's BYOL state: describe it, enable it, its history, the ranges on offer.

Eligibility (``backend.settings.byol_eligible``) is AWS's verdict and invisible in the API; without it
ModifyAccount and ListAvailableManagementCidrRanges answer AccessDeniedException. See
:mod:`..models.account` for the state and docs/behavior.md for the choices the spec leaves open.
"""

from __future__ import annotations

from typing import Any, Optional

from .._registry import Result, operation
from ..backend import WorkspacesBackend
from ..errors import AccessDeniedException, InvalidParameterValuesException, InvalidResourceStateException
from ..models.account import (
    ALREADY_ENABLED,
    IN_PROGRESS,
    SUBMITTED,
    available_ranges,
    dedicated_tenancy,
    in_allowed_range,
    is_linked_source,
    linked_source,
    submit_modification,
    taken_ranges,
)

CIDR_PAGE = 5
"""ListAvailableManagementCidrRanges' page when MaxResults is not given (its maximum)."""


@operation("DescribeAccount")
def describe_account(backend: WorkspacesBackend) -> Result:
    """DISABLED until an enablement COMPLETES; a linked target shows its source's configuration."""
    support, cidr = dedicated_tenancy(backend)
    result: dict[str, Any] = {"DedicatedTenancySupport": support}
    if support == "ENABLED":
        result["DedicatedTenancyManagementCidrRange"] = cidr
    if linked_source(backend) is not None:
        result["DedicatedTenancyAccountType"] = "TARGET_ACCOUNT"
    elif is_linked_source(backend):
        result["DedicatedTenancyAccountType"] = "SOURCE_ACCOUNT"
    if backend.account.pending() is not None:
        result["Message"] = IN_PROGRESS
    return result


@operation("ModifyAccount")
def modify_account(
    backend: WorkspacesBackend,
    *,
    dedicated_tenancy_support: Optional[str] = None,
    dedicated_tenancy_management_cidr_range: Optional[str] = None,
) -> Result:
    """Start enabling BYOL with a /16 management range: PENDING now, COMPLETED or FAILED later.

    Checked in the spec's order (B.3, [A]): eligibility, something to do, the account's state, the range.
    """
    _require_eligible(backend)
    cidr = dedicated_tenancy_management_cidr_range
    account = backend.account
    if dedicated_tenancy_support is None or (cidr is None and account.dedicated_tenancy_support != "ENABLED"):
        raise InvalidParameterValuesException(
            "Specify DedicatedTenancySupport ENABLED together with a DedicatedTenancyManagementCidrRange."
        )
    _require_modifiable(backend, cidr)
    if account.dedicated_tenancy_support == "ENABLED":
        return {"Message": ALREADY_ENABLED}
    assert cidr is not None  # an account without a range needs one (checked above)
    if not in_allowed_range(cidr) or cidr in taken_ranges(backend):
        raise InvalidParameterValuesException(
            f"The management network range {cidr} is not available; choose one that "
            "ListAvailableManagementCidrRanges offers."
        )
    submit_modification(backend, cidr)
    return {"Message": SUBMITTED}


def _require_eligible(backend: WorkspacesBackend) -> None:
    if not backend.settings.byol_eligible:
        raise AccessDeniedException(
            "This account is not enabled for BYOL. Contact AWS to have its eligibility verified."
        )


def _require_modifiable(backend: WorkspacesBackend, cidr: Optional[str]) -> None:
    """A linked target, a running enablement, or an attempt to change the range cannot go on."""
    account = backend.account
    if linked_source(backend) is not None:
        raise InvalidResourceStateException(
            "This account is the target of an account link and uses its source account's BYOL configuration."
        )
    if account.pending() is not None:
        raise InvalidResourceStateException("A BYOL enablement is already in progress for this account.")
    enabled_with = account.dedicated_tenancy_management_cidr_range
    if account.dedicated_tenancy_support == "ENABLED" and cidr not in (None, enabled_with):
        raise InvalidResourceStateException(
            f"BYOL is already enabled with the management network range {enabled_with}, "
            "which cannot be changed."
        )


@operation("DescribeAccountModifications")
def describe_account_modifications(backend: WorkspacesBackend, *, next_token: Optional[str] = None) -> Result:
    """Every BYOL enablement this account asked for, newest first, 25 to a page."""
    page, token = backend.paginator.page(
        backend.account.modifications,
        operation="DescribeAccountModifications",
        filters={},
        limit=None,
        token=next_token,
    )
    return {"AccountModifications": page, "NextToken": token}


@operation("ListAvailableManagementCidrRanges")
def list_available_management_cidr_ranges(
    backend: WorkspacesBackend,
    *,
    management_cidr_range_constraint: str,
    max_results: Optional[int] = None,
    next_token: Optional[str] = None,
) -> Result:
    """The free /16 ranges inside the constraint and the five allowed private ranges, in ascending order."""
    _require_eligible(backend)
    page, token = backend.paginator.page(
        available_ranges(backend, management_cidr_range_constraint),
        operation="ListAvailableManagementCidrRanges",
        filters={"Constraint": management_cidr_range_constraint},
        limit=max_results,
        token=next_token,
        default=CIDR_PAGE,
    )
    return {"ManagementCidrRanges": page, "NextToken": token}
