"""DescribeApplications and the four Describe*Associations calls: filters, pagination, derived rows."""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest
from _apps import OFFICE, OFFICE_2016, OFFICE_2019, PLUS_BUNDLE, VISIO, VS_ENT, VS_PRO

from workspaces_fake import WorkspacesBackend
from workspaces_fake.models.applications.catalog import AMAZON_CATALOG, CATALOG_CREATED, catalog_id
from workspaces_fake.models.bundles.catalog import public_bundle_id

ALL_IDS = [catalog_id(entry.name) for entry in AMAZON_CATALOG]


def _ids(response: dict[str, Any]) -> list[str]:
    return [app["ApplicationId"] for app in response["Applications"]]


def _all_pages(client: Any, **params: Any) -> list[str]:
    ids, token = [], None
    while True:
        page = client.describe_applications(**params, **({"NextToken": token} if token else {}))
        ids.extend(_ids(page))
        token = page.get("NextToken")
        if token is None:
            return ids


# ---------------------------------------------------------------------------------- DescribeApplications
def test_describe_applications_default_lists_amazon_catalog(client: Any) -> None:
    response = client.describe_applications()
    assert _ids(response) == ALL_IDS
    assert "NextToken" not in response
    office = response["Applications"][0]
    assert office["Name"] == "Microsoft Office LTSC Professional Plus 2021"
    assert (office["Owner"], office["LicenseType"], office["State"]) == ("AMAZON", "LICENSED", "AVAILABLE")
    assert office["Created"] == CATALOG_CREATED
    assert office["SupportedOperatingSystemNames"] == [
        "WINDOWS_10",
        "WINDOWS_11",
        "WINDOWS_SERVER_2019",
        "WINDOWS_SERVER_2022",
    ]
    assert "GRAPHICS" not in office["SupportedComputeTypeNames"]
    assert "VALUE" in office["SupportedComputeTypeNames"]
    states = {app["Name"]: app["State"] for app in response["Applications"]}
    assert states["Microsoft Office 2016"] == states["Microsoft Office 2019"] == "UNINSTALL_ONLY"


def test_describe_applications_ids_are_stable_across_backends(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    other = workspaces_backend.in_region("eu-west-1")
    assert [app.application_id for app in other.applications] == ALL_IDS
    assert all(len(app_id) == 13 and app_id.startswith("wsa-") for app_id in ALL_IDS)


def test_describe_applications_application_ids_filter_omits_unknown(client: Any) -> None:
    response = client.describe_applications(ApplicationIds=[VISIO, "wsa-000000000", OFFICE])
    assert _ids(response) == [OFFICE, VISIO]


def test_describe_applications_compute_filter_matches_any_listed(client: Any) -> None:
    value = _ids(client.describe_applications(ComputeTypeNames=["VALUE"]))
    assert VS_PRO not in value and VS_ENT not in value and OFFICE in value
    assert _ids(client.describe_applications(ComputeTypeNames=["VALUE", "POWER"])) == ALL_IDS


def test_describe_applications_operating_system_filter(client: Any) -> None:
    assert _ids(client.describe_applications(OperatingSystemNames=["WINDOWS_SERVER_2016"])) == [
        VS_PRO,
        VS_ENT,
        OFFICE_2016,
    ]
    assert _ids(client.describe_applications(OperatingSystemNames=["UBUNTU_22_04"])) == []


def test_describe_applications_filters_are_anded(client: Any) -> None:
    found = _ids(
        client.describe_applications(OperatingSystemNames=["WINDOWS_SERVER_2016"], ComputeTypeNames=["VALUE"])
    )
    assert found == [OFFICE_2016]


def test_describe_applications_license_and_owner_filters(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    mine = workspaces_backend.add_application(
        "In-house tool",
        supported_operating_system_names=["WINDOWS_11"],
        supported_compute_type_names=["STANDARD"],
        license_type="UNLICENSED",
        owner=workspaces_backend.account_id,
    )
    assert _ids(client.describe_applications(LicenseType="UNLICENSED")) == [mine.application_id]
    assert _ids(client.describe_applications(Owner=workspaces_backend.account_id)) == [mine.application_id]
    assert _ids(client.describe_applications(Owner="AMAZON")) == ALL_IDS
    assert _ids(client.describe_applications()) == [*ALL_IDS, mine.application_id]


def test_describe_applications_other_owner_raises_not_found(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    workspaces_backend.add_application(
        "Someone else's",
        supported_operating_system_names=["WINDOWS_11"],
        supported_compute_type_names=["STANDARD"],
        owner="210987654321",
    )
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.describe_applications(Owner="210987654321")
    assert len(_ids(client.describe_applications())) == len(ALL_IDS)


@pytest.mark.parametrize(
    ("params", "fragment"),
    [
        ({"Owner": "123456789012abc"}, "'owner'"),
        ({"LicenseType": "FREE"}, "enum value set"),
        ({"MaxResults": 26}, "less than or equal to 25"),
        ({"ApplicationIds": ["wsa-abcdefghi"] * 26}, "length less than or equal to 25"),
        ({"OperatingSystemNames": ["WINDOWS_95"]}, "enum value set"),
    ],
)
def test_describe_applications_invalid_values_raise_validation_exception(
    client: Any, params: dict[str, Any], fragment: str
) -> None:
    with pytest.raises(client.exceptions.ValidationException) as caught:
        client.describe_applications(**params)
    assert fragment in caught.value.response["Error"]["Message"]


def test_describe_applications_pages_with_max_results(client: Any) -> None:
    first = client.describe_applications(MaxResults=4)
    assert len(first["Applications"]) == 4 and first["NextToken"]
    assert _all_pages(client, MaxResults=4) == ALL_IDS
    assert _all_pages(client, MaxResults=1) == ALL_IDS
    last = client.describe_applications(MaxResults=10)
    assert "NextToken" not in last and len(last["Applications"]) == 10


def test_describe_applications_default_page_is_25(client: Any, workspaces_backend: WorkspacesBackend) -> None:
    for number in range(20):
        workspaces_backend.add_application(
            f"Tool {number}",
            supported_operating_system_names=["WINDOWS_11"],
            supported_compute_type_names=["VALUE"],
        )
    first = client.describe_applications()
    assert len(first["Applications"]) == 25
    second = client.describe_applications(NextToken=first["NextToken"])
    assert len(second["Applications"]) == 5 and "NextToken" not in second


def test_describe_applications_token_replayed_with_other_filters_is_rejected(client: Any) -> None:
    token = client.describe_applications(MaxResults=2, ComputeTypeNames=["POWER"])["NextToken"]
    with pytest.raises(client.exceptions.InvalidParameterValuesException):
        client.describe_applications(MaxResults=2, ComputeTypeNames=["VALUE"], NextToken=token)
    assert client.describe_applications(MaxResults=2, ComputeTypeNames=["POWER"], NextToken=token)[
        "Applications"
    ]


@pytest.mark.parametrize(
    "token", ["garbage", base64.urlsafe_b64encode(json.dumps([2, "0" * 24]).encode()).decode()]
)
def test_describe_applications_forged_token_is_rejected(client: Any, token: str) -> None:
    with pytest.raises(client.exceptions.InvalidParameterValuesException):
        client.describe_applications(NextToken=token)


def test_describe_applications_catalog_can_be_replaced(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    workspaces_backend.clear_applications()
    assert _ids(client.describe_applications()) == []
    app = workspaces_backend.add_application(
        "Only app",
        supported_operating_system_names=["WINDOWS_11"],
        supported_compute_type_names=["VALUE"],
        description="the one",
    )
    listed = client.describe_applications()["Applications"]
    assert [(a["ApplicationId"], a["Name"], a["Description"]) for a in listed] == [
        (app.application_id, "Only app", "the one")
    ]


def test_add_application_rejects_values_outside_the_model(workspaces_backend: WorkspacesBackend) -> None:
    with pytest.raises(ValueError, match="OperatingSystemName"):
        workspaces_backend.add_application(
            "x", supported_operating_system_names=["DOS"], supported_compute_type_names=[]
        )
    with pytest.raises(ValueError, match="owner"):
        workspaces_backend.add_application(
            "x", supported_operating_system_names=[], supported_compute_type_names=[], owner="me"
        )
    with pytest.raises(ValueError, match="already in the catalog"):
        workspaces_backend.add_application(
            "Microsoft Office 2019", supported_operating_system_names=[], supported_compute_type_names=[]
        )


# ------------------------------------------------------------------------ DescribeApplicationAssociations
def test_describe_application_associations_lists_workspaces_bundles_images(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    ws = workspaces_backend.add_workspace(bundle_id=PLUS_BUNDLE)
    rows = client.describe_application_associations(
        ApplicationId=OFFICE_2019, AssociatedResourceTypes=["WORKSPACE", "BUNDLE", "IMAGE"]
    )["Associations"]
    kinds = {(row["AssociatedResourceType"], row["AssociatedResourceId"]) for row in rows}
    image_id = workspaces_backend.bundles[PLUS_BUNDLE].image_id
    assert ("WORKSPACE", ws.workspace_id) in kinds
    assert ("BUNDLE", PLUS_BUNDLE) in kinds
    assert ("IMAGE", image_id) in kinds
    assert all(row["ApplicationId"] == OFFICE_2019 and row["State"] == "COMPLETED" for row in rows)
    only_ws = client.describe_application_associations(
        ApplicationId=OFFICE_2019, AssociatedResourceTypes=["WORKSPACE"]
    )
    assert [row["AssociatedResourceId"] for row in only_ws["Associations"]] == [ws.workspace_id]


def test_describe_application_associations_ordered_by_created_then_resource(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    ids = [workspaces_backend.add_workspace().workspace_id for _ in range(3)]
    for number, ws in enumerate(reversed(ids)):
        workspaces_backend.clock.advance(seconds=number)
        client.associate_workspace_application(WorkspaceId=ws, ApplicationId=OFFICE)
    rows = client.describe_application_associations(
        ApplicationId=OFFICE, AssociatedResourceTypes=["WORKSPACE"]
    )
    assert [row["AssociatedResourceId"] for row in rows["Associations"]] == list(reversed(ids))


def test_describe_application_associations_keeps_removed_rows(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    ws = workspaces_backend.add_workspace().workspace_id
    client.associate_workspace_application(WorkspaceId=ws, ApplicationId=VISIO)
    client.disassociate_workspace_application(WorkspaceId=ws, ApplicationId=VISIO)
    rows = client.describe_application_associations(
        ApplicationId=VISIO, AssociatedResourceTypes=["WORKSPACE"]
    )
    assert [(r["AssociatedResourceId"], r["State"]) for r in rows["Associations"]] == [(ws, "REMOVED")]


def test_describe_application_associations_pages(client: Any, workspaces_backend: WorkspacesBackend) -> None:
    ids = []
    for _ in range(7):
        ws = workspaces_backend.add_workspace().workspace_id
        client.associate_workspace_application(WorkspaceId=ws, ApplicationId=OFFICE)
        ids.append(ws)
    seen, token = [], None
    while True:
        extra = {"NextToken": token} if token else {}
        page = client.describe_application_associations(
            ApplicationId=OFFICE, AssociatedResourceTypes=["WORKSPACE"], MaxResults=3, **extra
        )
        assert len(page["Associations"]) <= 3
        seen.extend(row["AssociatedResourceId"] for row in page["Associations"])
        token = page.get("NextToken")
        if token is None:
            break
    assert seen == ids


def test_describe_application_associations_token_with_other_types_is_rejected(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    for _ in range(2):
        workspaces_backend.add_workspace(bundle_id=PLUS_BUNDLE)
    token = client.describe_application_associations(
        ApplicationId=OFFICE_2019, AssociatedResourceTypes=["WORKSPACE"], MaxResults=1
    )["NextToken"]
    with pytest.raises(client.exceptions.InvalidParameterValuesException):
        client.describe_application_associations(
            ApplicationId=OFFICE_2019,
            AssociatedResourceTypes=["WORKSPACE", "IMAGE"],
            MaxResults=1,
            NextToken=token,
        )
    with pytest.raises(client.exceptions.InvalidParameterValuesException):
        client.describe_application_associations(
            ApplicationId=OFFICE, AssociatedResourceTypes=["WORKSPACE"], MaxResults=1, NextToken=token
        )


def test_describe_application_associations_empty_types_raise_invalid_parameter_values(client: Any) -> None:
    with pytest.raises(client.exceptions.InvalidParameterValuesException):
        client.describe_application_associations(ApplicationId=OFFICE, AssociatedResourceTypes=[])


def test_describe_application_associations_unknown_type_raises_validation_exception(client: Any) -> None:
    with pytest.raises(client.exceptions.ValidationException):
        client.describe_application_associations(ApplicationId=OFFICE, AssociatedResourceTypes=["DIRECTORY"])


def test_describe_application_associations_unknown_application_raises_not_found(client: Any) -> None:
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.describe_application_associations(
            ApplicationId="wsa-000000000", AssociatedResourceTypes=["WORKSPACE"]
        )


# ----------------------------------------------------------------- Workspace / Bundle / Image associations
def test_describe_workspace_associations_new_workspace_from_plus_bundle_has_office_2019(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    ws = workspaces_backend.add_workspace(bundle_id=PLUS_BUNDLE)
    rows = client.describe_workspace_associations(
        WorkspaceId=ws.workspace_id, AssociatedResourceTypes=["APPLICATION"]
    )
    assert [(r["AssociatedResourceId"], r["State"], r["WorkspaceId"]) for r in rows["Associations"]] == [
        (OFFICE_2019, "COMPLETED", ws.workspace_id)
    ]
    assert rows["Associations"][0]["Created"] == ws.created


def test_describe_workspace_associations_plain_bundle_has_none(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    ws = workspaces_backend.add_workspace().workspace_id
    assert (
        client.describe_workspace_associations(WorkspaceId=ws, AssociatedResourceTypes=["APPLICATION"])[
            "Associations"
        ]
        == []
    )


def test_describe_workspace_associations_errors(client: Any, workspaces_backend: WorkspacesBackend) -> None:
    ws = workspaces_backend.add_workspace().workspace_id
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.describe_workspace_associations(
            WorkspaceId="ws-000000000", AssociatedResourceTypes=["APPLICATION"]
        )
    with pytest.raises(client.exceptions.InvalidParameterValuesException):
        client.describe_workspace_associations(WorkspaceId=ws, AssociatedResourceTypes=[])
    with pytest.raises(client.exceptions.ValidationException):
        client.describe_workspace_associations(WorkspaceId=ws, AssociatedResourceTypes=["BUNDLE"])


def test_describe_bundle_associations_plus_bundle_carries_office_2019(client: Any) -> None:
    rows = client.describe_bundle_associations(BundleId=PLUS_BUNDLE, AssociatedResourceTypes=["APPLICATION"])
    assert [
        (r["BundleId"], r["AssociatedResourceId"], r["AssociatedResourceType"], r["State"])
        for r in rows["Associations"]
    ] == [(PLUS_BUNDLE, OFFICE_2019, "APPLICATION", "COMPLETED")]
    plain = public_bundle_id("Standard with Windows 10 (Server 2022 based)")
    assert (
        client.describe_bundle_associations(BundleId=plain, AssociatedResourceTypes=["APPLICATION"])[
            "Associations"
        ]
        == []
    )


def test_describe_bundle_associations_custom_bundle_mirrors_its_image(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    image = workspaces_backend.add_image("dev-image", applications=[VS_PRO, OFFICE])
    bundle = workspaces_backend.add_bundle("dev-bundle", image_id=image.image_id)
    rows = client.describe_bundle_associations(
        BundleId=bundle.bundle_id, AssociatedResourceTypes=["APPLICATION"]
    )
    assert sorted(r["AssociatedResourceId"] for r in rows["Associations"]) == sorted([VS_PRO, OFFICE])
    ws = workspaces_backend.add_workspace(bundle_id=bundle.bundle_id).workspace_id
    states = client.describe_workspace_associations(WorkspaceId=ws, AssociatedResourceTypes=["APPLICATION"])
    assert {r["AssociatedResourceId"]: r["State"] for r in states["Associations"]} == {
        VS_PRO: "COMPLETED",
        OFFICE: "COMPLETED",
    }


def test_describe_bundle_associations_unknown_bundle_raises_not_found(client: Any) -> None:
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.describe_bundle_associations(BundleId="wsb-000000000", AssociatedResourceTypes=["APPLICATION"])


def test_describe_image_associations_preinstalled_applications(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    image = workspaces_backend.add_image("office-image", applications=[OFFICE])
    rows = client.describe_image_associations(ImageId=image.image_id, AssociatedResourceTypes=["APPLICATION"])
    assert [(r["ImageId"], r["AssociatedResourceId"], r["State"]) for r in rows["Associations"]] == [
        (image.image_id, OFFICE, "COMPLETED")
    ]
    assert rows["Associations"][0]["Created"] == image.created
    listed = client.describe_application_associations(ApplicationId=OFFICE, AssociatedResourceTypes=["IMAGE"])
    assert [r["AssociatedResourceId"] for r in listed["Associations"]] == [image.image_id]


def test_describe_image_associations_application_gone_from_catalog_is_skipped(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    image = workspaces_backend.add_image("old-image", applications=["wsa-000000000", OFFICE])
    rows = client.describe_image_associations(ImageId=image.image_id, AssociatedResourceTypes=["APPLICATION"])
    assert [r["AssociatedResourceId"] for r in rows["Associations"]] == [OFFICE]


def test_describe_image_associations_unknown_image_raises_not_found(client: Any) -> None:
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.describe_image_associations(ImageId="wsi-000000000", AssociatedResourceTypes=["APPLICATION"])
    with pytest.raises(client.exceptions.ValidationException):
        client.describe_image_associations(ImageId="wsi-0", AssociatedResourceTypes=["APPLICATION"])
