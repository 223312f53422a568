"""ImportClientBranding, DescribeClientBranding, DeleteClientBranding, CreateConnectClientAddIn,
DescribeConnectClientAddIns, UpdateConnectClientAddIn, DeleteConnectClientAddIn."""

from __future__ import annotations

import re
from typing import Any

import pytest

from workspaces_fake import WorkspacesBackend

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
UNKNOWN = "d-ffffffffff"
NOT_FOUND = (
    "The specified directory could not be found. Confirm that the directory exists in your AWS account "
    "and that you own the directory."
)
CCP = "https://example.my.connect.aws/ccp-v2"
UUID = r"^[a-f0-9]{8}-[a-f0-9]{4}-4[a-f0-9]{3}-[89ab][a-f0-9]{3}-[a-f0-9]{12}$"


@pytest.fixture
def directory(workspaces_backend: WorkspacesBackend) -> str:
    return workspaces_backend.add_directory().directory_id


def _branding(client: Any, directory: str) -> dict[str, Any]:
    found = client.describe_client_branding(ResourceId=directory)
    found.pop("ResponseMetadata")
    return dict(found)


# ------------------------------------------------------------------------------------------- import
def test_import_client_branding_answers_imported_platforms_with_logo_urls(
    client: Any, directory: str
) -> None:
    windows = {"Logo": PNG, "SupportEmail": "help@example.com", "LoginMessage": {"en_US": "<b>Welcome</b>"}}
    ios = {"Logo": PNG, "Logo2x": PNG, "Logo3x": PNG, "SupportLink": "https://help.example.com"}
    answer = client.import_client_branding(ResourceId=directory, DeviceTypeWindows=windows, DeviceTypeIos=ios)
    assert set(answer) - {"ResponseMetadata"} == {"DeviceTypeWindows", "DeviceTypeIos"}
    assert answer["DeviceTypeWindows"]["SupportEmail"] == "help@example.com"
    assert answer["DeviceTypeWindows"]["LoginMessage"] == {"en_US": "<b>Welcome</b>"}
    assert answer["DeviceTypeWindows"]["LogoUrl"].startswith("https://")
    assert {"LogoUrl", "Logo2xUrl", "Logo3xUrl"} <= set(answer["DeviceTypeIos"])
    assert "Logo" not in answer["DeviceTypeIos"]
    assert _branding(client, directory) == {
        "DeviceTypeWindows": answer["DeviceTypeWindows"],
        "DeviceTypeIos": answer["DeviceTypeIos"],
    }


def test_import_client_branding_replaces_a_platform_whole(client: Any, directory: str) -> None:
    client.import_client_branding(
        ResourceId=directory,
        DeviceTypeWindows={"Logo": PNG, "SupportEmail": "help@example.com"},
        DeviceTypeOsx={"SupportEmail": "mac@example.com"},
    )
    client.import_client_branding(
        ResourceId=directory, DeviceTypeWindows={"ForgotPasswordLink": "https://reset.example.com"}
    )
    assert _branding(client, directory) == {
        "DeviceTypeWindows": {"ForgotPasswordLink": "https://reset.example.com"},
        "DeviceTypeOsx": {"SupportEmail": "mac@example.com"},
    }


def test_import_client_branding_logo_url_follows_the_content(client: Any, directory: str) -> None:
    first = client.import_client_branding(ResourceId=directory, DeviceTypeWeb={"Logo": PNG})
    again = client.import_client_branding(ResourceId=directory, DeviceTypeWeb={"Logo": PNG})
    other = client.import_client_branding(ResourceId=directory, DeviceTypeWeb={"Logo": PNG + b"\x01"})
    urls = [answer["DeviceTypeWeb"]["LogoUrl"] for answer in (first, again, other)]
    assert urls[0] == urls[1] != urls[2]
    assert directory in urls[0] and all(len(url) <= 200 for url in urls)


@pytest.mark.parametrize(
    ("platforms", "fragment"),
    [
        ({}, "at least one platform"),
        (
            {"DeviceTypeWindows": {"SupportEmail": "a@example.com", "SupportLink": "https://x.example"}},
            "not both",
        ),
        ({"DeviceTypeLinux": {"LoginMessage": {"fr_FR": "Bonjour"}}}, "en_US"),
        ({"DeviceTypeLinux": {"LoginMessage": {"en_US": "<script>x</script>"}}}, "<script>"),
        ({"DeviceTypeAndroid": {"Logo": b"GIF89a-not-a-png"}}, "PNG"),
        ({"DeviceTypeAndroid": {"Logo": b""}}, "between 1 and"),
        ({"DeviceTypeIos": {"Logo": PNG + b"\x00" * 447_000}}, "447000"),
        ({"DeviceTypeWindows": {"Logo": PNG + b"\x00" * 1_500_000}}, "1500000"),
        (
            {
                name: {"Logo": PNG + b"\x00" * 1_400_000}
                for name in (
                    "DeviceTypeWindows",
                    "DeviceTypeOsx",
                    "DeviceTypeAndroid",
                    "DeviceTypeLinux",
                    "DeviceTypeWeb",
                )
            },
            "6000000",
        ),
    ],
)
def test_import_client_branding_rules_raise_invalid_parameter_values(
    client: Any, directory: str, platforms: dict[str, Any], fragment: str
) -> None:
    with pytest.raises(client.exceptions.InvalidParameterValuesException) as caught:
        client.import_client_branding(ResourceId=directory, **platforms)
    assert fragment in caught.value.response["Error"]["Message"]
    assert _branding(client, directory) == {}


def test_import_client_branding_bad_email_raises_validation(client: Any, directory: str) -> None:
    with pytest.raises(client.exceptions.ValidationException):
        client.import_client_branding(
            ResourceId=directory, DeviceTypeWindows={"SupportEmail": "help@example"}
        )


# ------------------------------------------------------------------------------------ describe and delete
def test_describe_client_branding_fresh_directory_is_empty(client: Any, directory: str) -> None:
    assert _branding(client, directory) == {}


@pytest.mark.parametrize("method", ["describe_client_branding", "create_connect_client_add_in"])
def test_branding_unknown_directory_raises_not_found(client: Any, method: str) -> None:
    extra = {"Name": "ccp", "URL": CCP} if method.startswith("create") else {}
    with pytest.raises(client.exceptions.ResourceNotFoundException) as caught:
        getattr(client, method)(ResourceId=UNKNOWN, **extra)
    assert caught.value.response["Error"]["Message"] == NOT_FOUND


def test_branding_directory_not_registered_raises_invalid_parameter_values(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    directory = workspaces_backend.add_directory(state="REGISTERING", stuck=True).directory_id
    with pytest.raises(client.exceptions.InvalidParameterValuesException):
        client.import_client_branding(ResourceId=directory, DeviceTypeWeb={"SupportEmail": "a@example.com"})
    with pytest.raises(client.exceptions.InvalidParameterValuesException):
        client.describe_connect_client_add_ins(ResourceId=directory)


def test_delete_client_branding_reverts_only_those_platforms(client: Any, directory: str) -> None:
    client.import_client_branding(
        ResourceId=directory,
        DeviceTypeAndroid={"SupportEmail": "a@example.com"},
        DeviceTypeIos={"SupportEmail": "i@example.com"},
        DeviceTypeWeb={"SupportEmail": "w@example.com"},
    )
    client.delete_client_branding(
        ResourceId=directory,
        Platforms=["DeviceTypeAndroid", "DeviceTypeIos", "DeviceTypeIos", "DeviceTypeLinux"],
    )
    assert _branding(client, directory) == {"DeviceTypeWeb": {"SupportEmail": "w@example.com"}}


def test_delete_client_branding_unknown_platform_raises_validation(client: Any, directory: str) -> None:
    with pytest.raises(client.exceptions.ValidationException):
        client.delete_client_branding(ResourceId=directory, Platforms=["DeviceTypeZeroClient"])


def test_branding_and_add_ins_go_with_the_directory(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    directory = workspaces_backend.add_directory("d-0123456789").directory_id
    workspaces_backend.add_client_branding(directory, "DeviceTypeOsx", support_email="mac@example.com")
    workspaces_backend.add_connect_client_add_in(directory)
    client.deregister_workspace_directory(DirectoryId=directory)
    client.describe_workspace_directories()
    client.register_workspace_directory(DirectoryId=directory)
    assert _branding(client, directory) == {}
    assert client.describe_connect_client_add_ins(ResourceId=directory)["AddIns"] == []


def test_add_client_branding_rejects_what_the_api_would(workspaces_backend: WorkspacesBackend) -> None:
    directory = workspaces_backend.add_directory().directory_id
    with pytest.raises(ValueError, match="support_email"):
        workspaces_backend.add_client_branding(directory, support_email="not-an-email")
    with pytest.raises(ValueError, match="PNG"):
        workspaces_backend.add_client_branding(directory, logo=b"GIF89a")
    with pytest.raises(ValueError, match="platform"):
        workspaces_backend.add_client_branding(directory, "DeviceTypeZeroClient")


# ---------------------------------------------------------------------------------------- Connect add-ins
def test_create_connect_client_add_in_answers_a_uuid_and_describes_it(client: Any, directory: str) -> None:
    add_in_id = client.create_connect_client_add_in(ResourceId=directory, Name="CCP", URL=CCP)["AddInId"]
    assert re.match(UUID, add_in_id)
    assert client.describe_connect_client_add_ins(ResourceId=directory)["AddIns"] == [
        {"AddInId": add_in_id, "ResourceId": directory, "Name": "CCP", "URL": CCP}
    ]


def test_create_connect_client_add_in_second_raises_already_exists(client: Any, directory: str) -> None:
    client.create_connect_client_add_in(ResourceId=directory, Name="CCP", URL=CCP)
    for name in ("CCP", "Other"):
        with pytest.raises(client.exceptions.ResourceAlreadyExistsException):
            client.create_connect_client_add_in(ResourceId=directory, Name=name, URL=CCP)


def test_create_connect_client_add_in_bad_url_raises_validation(client: Any, directory: str) -> None:
    with pytest.raises(client.exceptions.ValidationException):
        client.create_connect_client_add_in(ResourceId=directory, Name="CCP", URL="ftp://ccp.example")


def test_create_connect_client_add_in_creation_failure_by_fault(
    client: Any, workspaces_backend: WorkspacesBackend, directory: str
) -> None:
    workspaces_backend.faults.on("CreateConnectClientAddIn").fail("ResourceCreationFailedException")
    with pytest.raises(client.exceptions.ResourceCreationFailedException):
        client.create_connect_client_add_in(ResourceId=directory, Name="CCP", URL=CCP)
    assert client.describe_connect_client_add_ins(ResourceId=directory)["AddIns"] == []


def test_update_connect_client_add_in_changes_only_what_is_sent(
    client: Any, workspaces_backend: WorkspacesBackend, directory: str
) -> None:
    add_in = workspaces_backend.add_connect_client_add_in(directory, name="CCP")
    client.update_connect_client_add_in(AddInId=add_in.add_in_id, ResourceId=directory, URL=CCP + "?v=2")
    client.update_connect_client_add_in(AddInId=add_in.add_in_id, ResourceId=directory)
    found = client.describe_connect_client_add_ins(ResourceId=directory)["AddIns"][0]
    assert (found["Name"], found["URL"]) == ("CCP", CCP + "?v=2")
    client.update_connect_client_add_in(AddInId=add_in.add_in_id, ResourceId=directory, Name="Contact")
    assert client.describe_connect_client_add_ins(ResourceId=directory)["AddIns"][0]["Name"] == "Contact"


def test_update_connect_client_add_in_of_another_directory_raises_not_found(
    client: Any, workspaces_backend: WorkspacesBackend, directory: str
) -> None:
    other = workspaces_backend.add_directory().directory_id
    add_in = workspaces_backend.add_connect_client_add_in(other)
    with pytest.raises(client.exceptions.ResourceNotFoundException) as caught:
        client.update_connect_client_add_in(AddInId=add_in.add_in_id, ResourceId=directory, Name="x")
    assert caught.value.response["ResourceId"] == add_in.add_in_id


def test_delete_connect_client_add_in_then_again_raises_not_found(
    client: Any, workspaces_backend: WorkspacesBackend, directory: str
) -> None:
    add_in = workspaces_backend.add_connect_client_add_in(directory)
    client.delete_connect_client_add_in(AddInId=add_in.add_in_id, ResourceId=directory)
    assert client.describe_connect_client_add_ins(ResourceId=directory)["AddIns"] == []
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.delete_connect_client_add_in(AddInId=add_in.add_in_id, ResourceId=directory)
    client.create_connect_client_add_in(ResourceId=directory, Name="CCP", URL=CCP)  # room for a new one


def test_describe_connect_client_add_ins_pages_and_binds_tokens(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    first, second = workspaces_backend.add_directory(), workspaces_backend.add_directory()
    workspaces_backend.add_connect_client_add_in(first.directory_id)
    workspaces_backend.add_connect_client_add_in(second.directory_id)
    page = client.describe_connect_client_add_ins(ResourceId=first.directory_id, MaxResults=1)
    assert len(page["AddIns"]) == 1 and "NextToken" not in page
    with pytest.raises(client.exceptions.InvalidParameterValuesException):
        client.describe_connect_client_add_ins(ResourceId=first.directory_id, NextToken="forged-token")
    with pytest.raises(client.exceptions.ValidationException):
        client.describe_connect_client_add_ins(ResourceId=first.directory_id, MaxResults=26)
    assert not client.can_paginate("describe_connect_client_add_ins")
