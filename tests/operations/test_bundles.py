"""DescribeWorkspaceBundles over Amazon's public catalog and the account's own bundles."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

import freezegun
import pytest

from workspaces_fake import WorkspacesBackend, mock_workspaces
from workspaces_fake.models.bundles.catalog import BUNDLES, public_bundle_id

STANDARD = public_bundle_id("Standard with Windows 10 (Server 2022 based)")
MOMENT = datetime(2024, 5, 6, 7, 8, 9, tzinfo=timezone.utc)
EXPECTED_NAMES = [
    "Value with Windows 10 (Server 2022 based)",
    "Standard with Windows 10 (Server 2022 based)",
    "Performance with Windows 10 (Server 2022 based)",
    "Power with Windows 10 (Server 2022 based)",
    "PowerPro with Windows 10 (Server 2022 based)",
    "Standard with Windows Server 2022",
    "Graphics.g4dn with Windows Server 2022",
    "GraphicsPro.g4dn with Windows Server 2022",
    "Standard with Ubuntu 22.04",
    "Standard with Amazon Linux 2",
    "Standard with Windows 10 and Office 2019 Pro Plus (Server 2019 based)",
]


def _public(client: Any) -> list[dict[str, Any]]:
    pages = client.get_paginator("describe_workspace_bundles").paginate(Owner="AMAZON")
    return [b for page in pages for b in page["Bundles"]]


def test_describe_workspace_bundles_amazon_pages_through_public_catalog(client: Any) -> None:
    first = client.describe_workspace_bundles(Owner="AMAZON")
    assert len(first["Bundles"]) == 25 and "NextToken" in first
    everything = _public(client)
    assert len(everything) == len(BUNDLES) > 25
    assert len({b["BundleId"] for b in everything}) == len(everything)
    assert {b["Owner"] for b in everything} == {"Amazon"}
    assert set(EXPECTED_NAMES) <= {b["Name"] for b in everything}


def test_describe_workspace_bundles_public_ids_are_stable_except_regional_real_ids(client: Any) -> None:
    here = [b["BundleId"] for b in _public(client)]
    assert all(len(bid) == 13 and bid.startswith("wsb-") for bid in here)
    with mock_workspaces(region="eu-west-1"):
        import boto3

        there = boto3.client("workspaces", region_name="eu-west-1")
        elsewhere = [b["BundleId"] for p in there.get_paginator("describe_workspace_bundles").paginate(
            Owner="AMAZON") for b in p["Bundles"]]  # fmt: skip
    regional = {
        b.id_in("us-east-1"): b.id_in("eu-west-1")
        for b in BUNDLES
        if b.id_in("us-east-1") != b.id_in("eu-west-1")
    }
    assert [regional.get(bundle_id, bundle_id) for bundle_id in here] == elsewhere
    assert set(regional.values()) == {"wsb-g5rbnq51n", "wsb-93xk71ss4"}
    assert STANDARD in here


@pytest.mark.parametrize(
    ("bundle_id", "name", "compute", "user"),
    [
        ("wsb-bh8rsxt14", "Value with Windows 10 (English)", "VALUE", "10"),
        ("wsb-b0s22j3d7", "Performance with Windows 7", "PERFORMANCE", "100"),
        ("wsb-df76rqys9", "Value with Windows 10 and Office 2016", "VALUE", "10"),
        ("wsb-clj85qzj1", "Standard with Amazon Linux 2", "STANDARD", "50"),
        ("wsb-gm4d5tx2v", "Performance with Windows 10 (Server 2016 based)", "PERFORMANCE", "100"),
    ],
)
def test_describe_workspace_bundles_real_ids_from_public_sources_resolve(
    client: Any, workspaces_backend: WorkspacesBackend, bundle_id: str, name: str, compute: str, user: str
) -> None:
    bundle = client.describe_workspace_bundles(BundleIds=[bundle_id])["Bundles"][0]
    assert (bundle["Name"], bundle["ComputeType"]["Name"], bundle["Owner"]) == (name, compute, "Amazon")
    assert bundle["UserStorage"]["Capacity"] == user
    assert public_bundle_id(name) == bundle_id
    assert workspaces_backend.add_workspace(bundle_id=bundle_id).bundle_id == bundle_id


def test_describe_workspace_bundles_regional_real_id_only_in_its_region(client: Any) -> None:
    assert client.describe_workspace_bundles(BundleIds=["wsb-g5rbnq51n"])["Bundles"] == []
    assert public_bundle_id("Standard with Ubuntu 22.04", "eu-west-1") == "wsb-g5rbnq51n"
    with mock_workspaces(region="eu-west-1"):
        import boto3

        there = boto3.client("workspaces", region_name="eu-west-1")
        found = there.describe_workspace_bundles(BundleIds=["wsb-g5rbnq51n"])["Bundles"]
    assert [b["Name"] for b in found] == ["Standard with Ubuntu 22.04"]


def test_catalog_doc_lists_every_real_id_with_its_source() -> None:
    from pathlib import Path

    doc = (Path(__file__).parents[2] / "docs" / "catalog.md").read_text(encoding="utf-8")
    for bundle in BUNDLES:
        for real in bundle.real_ids:
            line = next(row for row in doc.splitlines() if row.startswith(f"| {real.bundle_id} |"))
            assert bundle.name in line and (real.region or "every Region") in line


def test_describe_workspace_bundles_shape_of_a_public_bundle(client: Any) -> None:
    found = client.describe_workspace_bundles(BundleIds=[public_bundle_id("Power with Windows Server 2022")])
    bundle = found["Bundles"][0]
    assert bundle["ComputeType"] == {"Name": "POWER"}
    assert (bundle["RootStorage"], bundle["UserStorage"]) == ({"Capacity": "175"}, {"Capacity": "100"})
    assert (bundle["State"], bundle["BundleType"]) == ("AVAILABLE", "REGULAR")
    assert bundle["ImageId"].startswith("wsi-")
    assert "4 vCPU, 16GiB Memory" in bundle["Description"]
    assert bundle["CreationTime"] == datetime(2024, 3, 1, tzinfo=timezone.utc)


@pytest.mark.parametrize(
    ("name", "compute", "root", "user"),
    [
        ("Value with Ubuntu 22.04", "VALUE", "80", "10"),
        (
            "Performance with Windows 10 and Office 2019 Pro Plus (Server 2019 based)",
            "PERFORMANCE",
            "80",
            "100",
        ),
        ("Graphics.g4dn with Windows Server 2022", "GRAPHICS_G4DN", "100", "100"),
    ],
)
def test_describe_workspace_bundles_catalog_figures_follow_aws(
    client: Any, name: str, compute: str, root: str, user: str
) -> None:
    bundle = client.describe_workspace_bundles(BundleIds=[public_bundle_id(name)])["Bundles"][0]
    assert (bundle["Name"], bundle["ComputeType"]["Name"]) == (name, compute)
    assert (bundle["RootStorage"]["Capacity"], bundle["UserStorage"]["Capacity"]) == (root, user)


@pytest.mark.parametrize(
    ("name", "operating_system"),
    [
        ("Standard with Ubuntu 22.04", "UBUNTU_22_04"),
        ("Standard with Amazon Linux 2", "AMAZON_LINUX_2"),
        ("Standard with Windows Server 2019", "WINDOWS_SERVER_2019"),
        ("Standard with Windows 10 (Server 2016 based)", "WINDOWS_SERVER_2016"),
        ("Standard with Rocky Linux 8", "ROCKY_8"),
    ],
)
def test_describe_workspace_bundles_bundle_passes_its_image_os_to_workspaces(
    client: Any, workspaces_backend: WorkspacesBackend, name: str, operating_system: str
) -> None:
    ws = workspaces_backend.add_workspace(bundle_id=public_bundle_id(name))
    found = client.describe_workspaces(WorkspaceIds=[ws.workspace_id])["Workspaces"][0]
    assert found["WorkspaceProperties"]["OperatingSystemName"] == operating_system


def test_describe_workspace_bundles_no_owner_lists_own_bundles_only(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    assert client.describe_workspace_bundles()["Bundles"] == []
    with freezegun.freeze_time(MOMENT):
        mine = workspaces_backend.add_bundle(
            "engineering", compute_type_name="PERFORMANCE", description="devs"
        )
    found = client.describe_workspace_bundles()["Bundles"]
    assert [b["BundleId"] for b in found] == [mine.bundle_id]
    assert found[0]["Owner"] == workspaces_backend.account_id
    assert (found[0]["CreationTime"], found[0]["LastUpdatedTime"]) == (MOMENT, MOMENT)
    assert client.describe_workspace_bundles(Owner=workspaces_backend.account_id)["Bundles"] == found


def test_describe_workspace_bundles_owner_spelled_amazon_also_works(client: Any) -> None:
    assert len(_public(client)) == len(
        [
            b
            for p in client.get_paginator("describe_workspace_bundles").paginate(Owner="Amazon")
            for b in p["Bundles"]
        ]
    )


def test_describe_workspace_bundles_other_account_owner_lists_nothing(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    workspaces_backend.in_account("210987654321").add_bundle("theirs")
    assert client.describe_workspace_bundles(Owner="210987654321")["Bundles"] == []


def test_describe_workspace_bundles_ids_mix_public_own_and_unknown(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    mine = workspaces_backend.add_bundle("mine")
    theirs = workspaces_backend.in_account("210987654321").add_bundle("theirs")
    ids = [mine.bundle_id, "wsb-000000000", theirs.bundle_id, STANDARD]
    found = client.describe_workspace_bundles(BundleIds=ids)["Bundles"]
    assert [b["BundleId"] for b in found] == [STANDARD, mine.bundle_id]


def test_describe_workspace_bundles_ids_and_owner_together_raise(client: Any) -> None:
    with pytest.raises(client.exceptions.InvalidParameterValuesException):
        client.describe_workspace_bundles(BundleIds=[STANDARD], Owner="AMAZON")


def test_describe_workspace_bundles_forged_token_raises(client: Any) -> None:
    with pytest.raises(client.exceptions.InvalidParameterValuesException):
        client.describe_workspace_bundles(Owner="AMAZON", NextToken="forged-token")


def test_describe_workspace_bundles_token_for_other_owner_raises(client: Any) -> None:
    token = client.describe_workspace_bundles(Owner="AMAZON")["NextToken"]
    with pytest.raises(client.exceptions.InvalidParameterValuesException):
        client.describe_workspace_bundles(NextToken=token)


def test_add_bundle_without_image_makes_an_owned_image(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    bundle = workspaces_backend.add_bundle("Ubuntu for data science", operating_system_name="UBUNTU_22_04")
    image = client.describe_workspace_images(ImageIds=[bundle.image_id])["Images"][0]
    assert image["OperatingSystem"] == {"Type": "LINUX"}
    assert image["Name"] == "Ubuntu_for_data_science"
