"""Regression tests for what the fuzzers and the stateful model found, one test per finding, in plain
boto3 calls so each reads as the reproduction it is."""

from __future__ import annotations

from typing import Any

import pytest

from workspaces_fake import WorkspacesBackend

from . import _world


@pytest.mark.workspaces(lifecycle="timed")
def test_describe_application_associations_terminated_workspace_rows_hidden(
    workspaces_backend: WorkspacesBackend, client: Any
) -> None:
    # Found by the stateful model: while a terminated WorkSpace is still listed as TERMINATED, the
    # WorkSpace view answers ResourceNotFound but the application view kept listing its rows (T19).
    office = _world.app_id(workspaces_backend, _world.OFFICE_2019)
    plus = workspaces_backend.add_workspace(bundle_id=_world.bundle_with(workspaces_backend, "Office 2019"))
    client.terminate_workspaces(TerminateWorkspaceRequests=[{"WorkspaceId": plus.workspace_id}])
    workspaces_backend.clock.advance(minutes=6)
    (listed,) = client.describe_workspaces(WorkspaceIds=[plus.workspace_id])["Workspaces"]
    assert listed["State"] == "TERMINATED"
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.describe_workspace_associations(
            WorkspaceId=plus.workspace_id, AssociatedResourceTypes=["APPLICATION"]
        )
    rows = client.describe_application_associations(
        ApplicationId=office, AssociatedResourceTypes=["WORKSPACE"]
    )
    assert [row["AssociatedResourceId"] for row in rows["Associations"]] == []


def test_describe_workspace_images_forged_token_answers_a_modeled_error(client: Any) -> None:
    # Found by the fuzzer: DescribeWorkspaceImages models only AccessDeniedException, yet a forged
    # NextToken answered InvalidParameterValuesException; ValidationException is service-wide.
    with pytest.raises(client.exceptions.ValidationException):
        client.describe_workspace_images(NextToken="d-cbc72df342")
