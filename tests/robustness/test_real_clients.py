"""Clients nobody here wrote: the AWS CLI (driven in-process) and aiobotocore run a whole scenario.

The CLI builds its own botocore session, parses its own arguments, paginates with its own code and prints
JSON; aiobotocore awaits every call. Both must see the same world a boto3 client sees.
"""

from __future__ import annotations

import asyncio
import json
import os
from typing import Any

import awscli  # type: ignore[import-untyped]
import pytest
from aiobotocore.session import get_session
from awscli.clidriver import create_clidriver  # type: ignore[import-untyped]
from botocore.config import Config

from workspaces_fake import WorkspacesBackend

from . import _world


@pytest.fixture
def cli_env(no_aws_config: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """No AWS configuration, except the CLI's own data path (set by ``import awscli``, removed with the
    other AWS_* variables by ``no_aws_config``)."""
    monkeypatch.setenv("AWS_DATA_PATH", os.pathsep.join(awscli._awscli_data_path))


def aws(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, Any, str]:
    """Run ``aws workspaces <args>`` in-process: (exit code, parsed JSON stdout or None, stderr)."""
    capsys.readouterr()
    code = create_clidriver().main(["workspaces", *args, "--region", "us-east-1", "--output", "json"])
    out, err = capsys.readouterr()
    return code, json.loads(out) if out.strip() else None, err


@pytest.mark.usefixtures("cli_env")
def test_aws_cli_manage_applications_scenario_prints_the_fake_world(
    workspaces_backend: WorkspacesBackend, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = workspaces_backend.add_workspace().workspace_id
    office = _world.app_id(workspaces_backend, _world.OFFICE_PRO)

    code, apps, _ = aws(capsys, "describe-applications", "--owner", "AMAZON")
    assert code == 0 and office in {app["ApplicationId"] for app in apps["Applications"]}

    code, out, _ = aws(
        capsys, "associate-workspace-application", "--workspace-id", ws, "--application-id", office
    )
    assert code == 0
    assert out["Association"]["State"] == "PENDING_INSTALL_DEPLOYMENT"
    assert out["Association"]["AssociatedResourceId"] == office

    code, out, _ = aws(capsys, "deploy-workspace-applications", "--workspace-id", ws, "--force")
    assert code == 0
    assert [row["State"] for row in out["Deployment"]["Associations"]] == ["PENDING_INSTALL"]

    code, out, _ = aws(
        capsys,
        "describe-workspace-associations",
        "--workspace-id",
        ws,
        "--associated-resource-types",
        "APPLICATION",
    )
    assert code == 0
    (row,) = out["Associations"]
    assert row["State"] == "COMPLETED"
    assert isinstance(row["Created"], str) and row["Created"] <= row["LastUpdatedTime"]

    code, out, err = aws(
        capsys, "associate-workspace-application", "--workspace-id", ws, "--application-id", office
    )
    assert code == 255 and out is None
    assert "ResourceAlreadyExistsException" in err


@pytest.mark.usefixtures("cli_env")
def test_aws_cli_describe_workspaces_paginates_over_every_workspace(
    workspaces_backend: WorkspacesBackend, capsys: pytest.CaptureFixture[str]
) -> None:
    made = {workspaces_backend.add_workspace().workspace_id for _ in range(12)}
    code, out, _ = aws(capsys, "describe-workspaces", "--page-size", "5")
    assert code == 0
    listed = [ws["WorkspaceId"] for ws in out["Workspaces"]]
    assert sorted(listed) == sorted(made)
    code, out, err = aws(capsys, "describe-workspaces", "--workspace-ids", "not-an-id")
    assert code == 255 and "ValidationException" in err


@pytest.mark.usefixtures("fake_credentials")
def test_aiobotocore_manage_applications_scenario(workspaces_backend: WorkspacesBackend) -> None:
    ws = workspaces_backend.add_workspace(state="STOPPED").workspace_id
    office = _world.app_id(workspaces_backend, _world.OFFICE_PRO)
    workspaces_backend.faults.on_deployment(workspace_id=ws, application_id=office).fail(
        "DeploymentError.InternalServerError"
    )

    async def rows(client: Any) -> list[tuple[str, str]]:
        listed = await client.describe_workspace_associations(
            WorkspaceId=ws, AssociatedResourceTypes=["APPLICATION"]
        )
        return [
            (row["State"], row.get("StateReason", {}).get("ErrorCode", "")) for row in listed["Associations"]
        ]

    async def scenario() -> list[list[tuple[str, str]]]:
        config = Config(retries={"mode": "standard", "total_max_attempts": 1})
        async with get_session().create_client(
            "workspaces", region_name="us-east-1", config=config
        ) as client:
            await client.associate_workspace_application(WorkspaceId=ws, ApplicationId=office)
            deployed = await client.deploy_workspace_applications(WorkspaceId=ws)
            assert [row["AssociatedResourceId"] for row in deployed["Deployment"]["Associations"]] == [office]
            injected = await rows(client)
            with pytest.raises(client.exceptions.ResourceAlreadyExistsException):
                await client.associate_workspace_application(WorkspaceId=ws, ApplicationId=office)
            await client.deploy_workspace_applications(WorkspaceId=ws, Force=True)
            return [injected, await rows(client)]

    injected, retried = asyncio.run(scenario())
    assert injected == [("ERROR", "DeploymentError.InternalServerError")]
    assert retried == [("ERROR", "DeploymentError.WorkspaceUnreachable")]  # still STOPPED: spec 1.5
