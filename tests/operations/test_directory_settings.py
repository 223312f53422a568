"""The directory settings operations: ModifyWorkspaceCreationProperties, ModifyWorkspaceAccessProperties,
ModifySelfservicePermissions, ModifySamlProperties, ModifyCertificateBasedAuthProperties,
ModifyStreamingProperties, ModifyEndpointEncryptionMode, ModifyClientProperties, DescribeClientProperties."""

from __future__ import annotations

from typing import Any

import pytest

from workspaces_fake import WorkspacesBackend

DIRECTORY = "d-0123456789"
UNKNOWN = "d-ffffffffff"
NOT_FOUND = (
    "The specified directory could not be found. Confirm that the directory exists in your AWS account "
    "and that you own the directory."
)
URL = "https://idp.example.com/sso"
CA_ARN = "arn:aws:acm-pca:us-east-1:123456789012:certificate-authority/12345678-1234-1234-1234-123456789012"
ENDPOINTS = {"AccessEndpoints": [{"AccessEndpointType": "STREAMING_WSP", "VpcEndpointId": "vpce-0123"}]}


@pytest.fixture
def directory(workspaces_backend: WorkspacesBackend) -> str:
    return workspaces_backend.add_directory(DIRECTORY).directory_id


@pytest.fixture
def pool(workspaces_backend: WorkspacesBackend) -> str:
    return workspaces_backend.add_directory(workspace_type="POOLS").directory_id


def _found(client: Any, directory_id: str = DIRECTORY) -> dict[str, Any]:
    found: dict[str, Any] = client.describe_workspace_directories(DirectoryIds=[directory_id])["Directories"][
        0
    ]
    return found


# ------------------------------------------------------------------------------------- common rules
SETTERS = [
    ("modify_workspace_creation_properties", {"WorkspaceCreationProperties": {"EnableInternetAccess": True}}),
    ("modify_workspace_access_properties", {"WorkspaceAccessProperties": {"DeviceTypeLinux": "ALLOW"}}),
    ("modify_selfservice_permissions", {"SelfservicePermissions": {"RebuildWorkspace": "ENABLED"}}),
    ("modify_saml_properties", {"SamlProperties": {"Status": "DISABLED"}}),
    ("modify_certificate_based_auth_properties", {"CertificateBasedAuthProperties": {"Status": "DISABLED"}}),
    ("modify_streaming_properties", {"StreamingProperties": {"GlobalAccelerator": {"Mode": "DISABLED"}}}),
    ("modify_client_properties", {"ClientProperties": {"ReconnectEnabled": "DISABLED"}}),
]


@pytest.mark.parametrize(("method", "members"), SETTERS)
def test_modify_directory_settings_unknown_directory_raises_not_found(
    client: Any, method: str, members: dict[str, Any]
) -> None:
    with pytest.raises(client.exceptions.ResourceNotFoundException) as caught:
        getattr(client, method)(ResourceId=UNKNOWN, **members)
    assert caught.value.response["Error"]["Message"] == NOT_FOUND
    assert caught.value.response["ResourceId"] == UNKNOWN


@pytest.mark.parametrize(("method", "members"), SETTERS)
def test_modify_directory_settings_not_registered_raises_operation_not_supported(
    client: Any, workspaces_backend: WorkspacesBackend, method: str, members: dict[str, Any]
) -> None:
    workspaces_backend.add_directory(DIRECTORY, state="REGISTERING", stuck=True)
    with pytest.raises(client.exceptions.OperationNotSupportedException):
        getattr(client, method)(ResourceId=DIRECTORY, **members)


def test_modify_endpoint_encryption_mode_unknown_directory_raises_not_found(client: Any) -> None:
    with pytest.raises(client.exceptions.ResourceNotFoundException) as caught:
        client.modify_endpoint_encryption_mode(DirectoryId=UNKNOWN, EndpointEncryptionMode="FIPS_VALIDATED")
    assert caught.value.response["Error"]["Message"] == NOT_FOUND


# ------------------------------------------------------------------------------------- creation properties
def test_modify_workspace_creation_properties_changes_only_what_is_sent(client: Any, directory: str) -> None:
    client.modify_workspace_creation_properties(
        ResourceId=directory,
        WorkspaceCreationProperties={
            "EnableInternetAccess": True,
            "DefaultOu": "OU=Desks,DC=corp,DC=example",
        },
    )
    client.modify_workspace_creation_properties(
        ResourceId=directory, WorkspaceCreationProperties={"CustomSecurityGroupId": "sg-0123456789abcdef0"}
    )
    assert _found(client)["WorkspaceCreationProperties"] == {
        "EnableInternetAccess": True,
        "DefaultOu": "OU=Desks,DC=corp,DC=example",
        "CustomSecurityGroupId": "sg-0123456789abcdef0",
        "UserEnabledAsLocalAdministrator": True,
        "EnableMaintenanceMode": True,
    }


def test_modify_workspace_creation_properties_empty_is_a_no_op(client: Any, directory: str) -> None:
    before = _found(client)["WorkspaceCreationProperties"]
    client.modify_workspace_creation_properties(ResourceId=directory, WorkspaceCreationProperties={})
    assert _found(client)["WorkspaceCreationProperties"] == before


@pytest.mark.parametrize("ou", ["Desks", "OU=Desks,DC=corp", "CN=x,DC=corp,DC=example"])
def test_modify_workspace_creation_properties_bad_default_ou_raises_invalid_parameter_values(
    client: Any, directory: str, ou: str
) -> None:
    with pytest.raises(client.exceptions.InvalidParameterValuesException):
        client.modify_workspace_creation_properties(
            ResourceId=directory, WorkspaceCreationProperties={"DefaultOu": ou}
        )


def test_modify_workspace_creation_properties_pools_rules(client: Any, pool: str) -> None:
    for members in ({"EnableMaintenanceMode": False}, {"DefaultOu": "OU=Pool,DC=corp,DC=example"}):
        with pytest.raises(client.exceptions.InvalidParameterValuesException):
            client.modify_workspace_creation_properties(ResourceId=pool, WorkspaceCreationProperties=members)
    client.modify_workspace_creation_properties(
        ResourceId=pool, WorkspaceCreationProperties={"EnableInternetAccess": True}
    )
    assert _found(client, pool)["WorkspaceCreationProperties"]["EnableInternetAccess"] is True


def test_modify_workspace_creation_properties_bad_security_group_raises_validation(
    client: Any, directory: str
) -> None:
    with pytest.raises(client.exceptions.ValidationException):
        client.modify_workspace_creation_properties(
            ResourceId=directory, WorkspaceCreationProperties={"CustomSecurityGroupId": "sg-NOTHEXNOTHEX"}
        )


def test_create_workspaces_records_the_directory_creation_properties(
    client: Any, workspaces_backend: WorkspacesBackend, directory: str
) -> None:
    properties = {
        "EnableInternetAccess": True,
        "DefaultOu": "OU=Desks,DC=corp,DC=example",
        "CustomSecurityGroupId": "sg-0123456789abcdef0",
        "EnableMaintenanceMode": False,
    }
    client.modify_workspace_creation_properties(ResourceId=directory, WorkspaceCreationProperties=properties)
    bundle_id = client.describe_workspace_bundles(Owner="AMAZON")["Bundles"][0]["BundleId"]
    request = {"DirectoryId": directory, "UserName": "alice", "BundleId": bundle_id}
    created = client.create_workspaces(Workspaces=[request])["PendingRequests"][0]
    client.modify_workspace_creation_properties(
        ResourceId=directory, WorkspaceCreationProperties={"EnableInternetAccess": False}
    )
    kept = workspaces_backend.workspaces[created["WorkspaceId"]].creation_properties
    assert (kept.enable_internet_access, kept.default_ou) == (True, "OU=Desks,DC=corp,DC=example")
    assert (kept.custom_security_group_id, kept.enable_maintenance_mode) == ("sg-0123456789abcdef0", False)


# ------------------------------------------------------------------------------------------ access
def test_modify_workspace_access_properties_changes_only_what_is_sent(client: Any, directory: str) -> None:
    client.modify_workspace_access_properties(
        ResourceId=directory,
        WorkspaceAccessProperties={"DeviceTypeWindows": "DENY", "DeviceTypeZeroClient": "DENY"},
    )
    client.modify_workspace_access_properties(
        ResourceId=directory, WorkspaceAccessProperties={"DeviceTypeLinux": "ALLOW"}
    )
    access = _found(client)["WorkspaceAccessProperties"]
    assert (access["DeviceTypeWindows"], access["DeviceTypeZeroClient"], access["DeviceTypeLinux"]) == (
        "DENY",
        "DENY",
        "ALLOW",
    )
    assert (access["DeviceTypeWeb"], access["DeviceTypeOsx"]) == ("DENY", "ALLOW")


def test_modify_workspace_access_properties_endpoints_are_kept(client: Any, directory: str) -> None:
    config = {**ENDPOINTS, "InternetFallbackProtocols": ["PCOIP"]}
    client.modify_workspace_access_properties(
        ResourceId=directory, WorkspaceAccessProperties={"AccessEndpointConfig": config}
    )
    assert _found(client)["WorkspaceAccessProperties"]["AccessEndpointConfig"] == config


def test_modify_workspace_access_properties_endpoint_rules(client: Any, directory: str, pool: str) -> None:
    empty = {"AccessEndpointConfig": {"AccessEndpoints": []}}
    with pytest.raises(client.exceptions.InvalidParameterValuesException):
        client.modify_workspace_access_properties(ResourceId=directory, WorkspaceAccessProperties=empty)
    with pytest.raises(client.exceptions.OperationNotSupportedException):
        client.modify_workspace_access_properties(
            ResourceId=pool, WorkspaceAccessProperties={"AccessEndpointConfig": ENDPOINTS}
        )
    client.modify_endpoint_encryption_mode(DirectoryId=directory, EndpointEncryptionMode="FIPS_VALIDATED")
    with pytest.raises(client.exceptions.InvalidParameterCombinationException):
        client.modify_workspace_access_properties(
            ResourceId=directory, WorkspaceAccessProperties={"AccessEndpointConfig": ENDPOINTS}
        )


def test_modify_workspace_access_properties_bad_value_raises_validation(client: Any, directory: str) -> None:
    with pytest.raises(client.exceptions.ValidationException):
        client.modify_workspace_access_properties(
            ResourceId=directory, WorkspaceAccessProperties={"DeviceTypeWeb": "MAYBE"}
        )


# ----------------------------------------------------------------------------------------- self-service
def test_modify_selfservice_permissions_changes_only_what_is_sent(client: Any, directory: str) -> None:
    client.modify_selfservice_permissions(
        ResourceId=directory,
        SelfservicePermissions={"RestartWorkspace": "DISABLED", "IncreaseVolumeSize": "ENABLED"},
    )
    assert _found(client)["SelfservicePermissions"] == {
        "RestartWorkspace": "DISABLED",
        "IncreaseVolumeSize": "ENABLED",
        "ChangeComputeType": "DISABLED",
        "SwitchRunningMode": "DISABLED",
        "RebuildWorkspace": "DISABLED",
    }


def test_modify_selfservice_permissions_pools_raises_operation_not_supported(client: Any, pool: str) -> None:
    with pytest.raises(client.exceptions.OperationNotSupportedException):
        client.modify_selfservice_permissions(
            ResourceId=pool, SelfservicePermissions={"RestartWorkspace": "ENABLED"}
        )


# ----------------------------------------------------------------------------------------------- SAML
def test_modify_saml_properties_enable_then_disable_deleting_the_url(client: Any, directory: str) -> None:
    client.modify_saml_properties(
        ResourceId=directory,
        SamlProperties={"Status": "ENABLED", "UserAccessUrl": URL, "RelayStateParameterName": "Target"},
    )
    assert _found(client)["SamlProperties"] == {
        "Status": "ENABLED",
        "UserAccessUrl": URL,
        "RelayStateParameterName": "Target",
    }
    client.modify_saml_properties(
        ResourceId=directory,
        SamlProperties={"Status": "DISABLED"},
        PropertiesToDelete=["SAML_PROPERTIES_USER_ACCESS_URL", "SAML_PROPERTIES_RELAY_STATE_PARAMETER_NAME"],
    )
    assert _found(client)["SamlProperties"] == {"Status": "DISABLED", "RelayStateParameterName": "RelayState"}


def test_modify_saml_properties_omitted_members_are_kept(client: Any, directory: str) -> None:
    client.modify_saml_properties(ResourceId=directory, SamlProperties={"UserAccessUrl": URL})
    client.modify_saml_properties(
        ResourceId=directory, SamlProperties={"Status": "ENABLED_WITH_DIRECTORY_LOGIN_FALLBACK"}
    )
    saml = _found(client)["SamlProperties"]
    assert (saml["Status"], saml["UserAccessUrl"]) == ("ENABLED_WITH_DIRECTORY_LOGIN_FALLBACK", URL)
    client.modify_saml_properties(ResourceId=directory)  # neither member: nothing changes
    assert _found(client)["SamlProperties"] == saml


def test_modify_saml_properties_enabled_without_url_raises_invalid_parameter_values(
    client: Any, directory: str
) -> None:
    with pytest.raises(client.exceptions.InvalidParameterValuesException):
        client.modify_saml_properties(ResourceId=directory, SamlProperties={"Status": "ENABLED"})
    assert _found(client)["SamlProperties"]["Status"] == "DISABLED"


def test_modify_saml_properties_set_and_delete_same_raises_invalid_parameter_values(
    client: Any, directory: str
) -> None:
    with pytest.raises(client.exceptions.InvalidParameterValuesException):
        client.modify_saml_properties(
            ResourceId=directory,
            SamlProperties={"UserAccessUrl": URL},
            PropertiesToDelete=["SAML_PROPERTIES_USER_ACCESS_URL"],
        )


def test_modify_saml_properties_bad_url_raises_validation(client: Any, directory: str) -> None:
    with pytest.raises(client.exceptions.ValidationException):
        client.modify_saml_properties(
            ResourceId=directory, SamlProperties={"UserAccessUrl": "ftp://idp.example"}
        )


def test_modify_saml_properties_identity_center_raises_operation_not_supported(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    idc = workspaces_backend.add_directory(user_identity_type="AWS_IAM_IDENTITY_CENTER").directory_id
    with pytest.raises(client.exceptions.OperationNotSupportedException):
        client.modify_saml_properties(ResourceId=idc, SamlProperties={"Status": "DISABLED"})


# --------------------------------------------------------------------------------- certificate-based auth
def _enable_saml(client: Any, directory: str) -> None:
    client.modify_saml_properties(
        ResourceId=directory, SamlProperties={"Status": "ENABLED", "UserAccessUrl": URL}
    )


def test_modify_certificate_based_auth_properties_needs_saml(client: Any, directory: str) -> None:
    enable = {"Status": "ENABLED", "CertificateAuthorityArn": CA_ARN}
    with pytest.raises(client.exceptions.OperationNotSupportedException):
        client.modify_certificate_based_auth_properties(
            ResourceId=directory, CertificateBasedAuthProperties=enable
        )
    _enable_saml(client, directory)
    client.modify_certificate_based_auth_properties(
        ResourceId=directory, CertificateBasedAuthProperties=enable
    )
    assert _found(client)["CertificateBasedAuthProperties"] == enable


def test_modify_certificate_based_auth_properties_saml_cannot_be_disabled_under_it(
    client: Any, directory: str
) -> None:
    _enable_saml(client, directory)
    client.modify_certificate_based_auth_properties(
        ResourceId=directory,
        CertificateBasedAuthProperties={"Status": "ENABLED", "CertificateAuthorityArn": CA_ARN},
    )
    with pytest.raises(client.exceptions.InvalidParameterValuesException):
        client.modify_saml_properties(ResourceId=directory, SamlProperties={"Status": "DISABLED"})


def test_modify_certificate_based_auth_properties_disabled_keeps_arn_until_deleted(
    client: Any, directory: str
) -> None:
    _enable_saml(client, directory)
    client.modify_certificate_based_auth_properties(
        ResourceId=directory,
        CertificateBasedAuthProperties={"Status": "ENABLED", "CertificateAuthorityArn": CA_ARN},
    )
    with pytest.raises(client.exceptions.InvalidParameterValuesException):
        client.modify_certificate_based_auth_properties(
            ResourceId=directory,
            PropertiesToDelete=["CERTIFICATE_BASED_AUTH_PROPERTIES_CERTIFICATE_AUTHORITY_ARN"],
        )
    client.modify_certificate_based_auth_properties(
        ResourceId=directory, CertificateBasedAuthProperties={"Status": "DISABLED"}
    )
    assert _found(client)["CertificateBasedAuthProperties"] == {
        "Status": "DISABLED",
        "CertificateAuthorityArn": CA_ARN,
    }
    client.modify_certificate_based_auth_properties(
        ResourceId=directory,
        PropertiesToDelete=["CERTIFICATE_BASED_AUTH_PROPERTIES_CERTIFICATE_AUTHORITY_ARN"],
    )
    assert _found(client)["CertificateBasedAuthProperties"] == {"Status": "DISABLED"}


def test_modify_certificate_based_auth_properties_enabled_without_arn_raises(
    client: Any, directory: str
) -> None:
    _enable_saml(client, directory)
    with pytest.raises(client.exceptions.InvalidParameterValuesException):
        client.modify_certificate_based_auth_properties(
            ResourceId=directory, CertificateBasedAuthProperties={"Status": "ENABLED"}
        )


# ------------------------------------------------------------------------------------------- streaming
def test_modify_streaming_properties_pools_settings_are_kept(client: Any, pool: str) -> None:
    settings = [
        {"Action": "CLIPBOARD_COPY_FROM_LOCAL_DEVICE", "Permission": "ENABLED", "MaximumLength": 1000},
        {"Action": "PRINTING_TO_LOCAL_DEVICE", "Permission": "DISABLED"},
    ]
    client.modify_streaming_properties(
        ResourceId=pool,
        StreamingProperties={"UserSettings": settings, "StreamingExperiencePreferredProtocol": "UDP"},
    )
    connectors = [{"ConnectorType": "HOME_FOLDER", "Status": "ENABLED"}]
    client.modify_streaming_properties(ResourceId=pool, StreamingProperties={"StorageConnectors": connectors})
    assert _found(client, pool)["StreamingProperties"] == {
        "UserSettings": settings,
        "StreamingExperiencePreferredProtocol": "UDP",
        "StorageConnectors": connectors,
    }


def test_modify_streaming_properties_personal_global_accelerator(client: Any, directory: str) -> None:
    accelerator = {"Mode": "ENABLED_AUTO", "PreferredProtocol": "TCP"}
    client.modify_streaming_properties(
        ResourceId=directory, StreamingProperties={"GlobalAccelerator": accelerator}
    )
    assert _found(client)["StreamingProperties"] == {"GlobalAccelerator": accelerator}
    with pytest.raises(client.exceptions.InvalidParameterCombinationException):
        client.modify_workspace_access_properties(
            ResourceId=directory, WorkspaceAccessProperties={"AccessEndpointConfig": ENDPOINTS}
        )


@pytest.mark.parametrize(
    ("target", "members", "error"),
    [
        (
            "directory",
            {"UserSettings": [{"Action": "SMART_CARD", "Permission": "ENABLED"}]},
            "OperationNotSupported",
        ),
        ("pool", {"GlobalAccelerator": {"Mode": "DISABLED"}}, "OperationNotSupported"),
        (
            "pool",
            {
                "UserSettings": [
                    {"Action": "SMART_CARD", "Permission": "ENABLED"},
                    {"Action": "SMART_CARD", "Permission": "DISABLED"},
                ]
            },
            "InvalidParameterValues",
        ),
        (
            "pool",
            {
                "UserSettings": [
                    {"Action": "PRINTING_TO_LOCAL_DEVICE", "Permission": "ENABLED", "MaximumLength": 5}
                ]
            },
            "InvalidParameterValues",
        ),
    ],
)
def test_modify_streaming_properties_rules(
    client: Any, directory: str, pool: str, target: str, members: dict[str, Any], error: str
) -> None:
    resource = directory if target == "directory" else pool
    with pytest.raises(getattr(client.exceptions, f"{error}Exception")):
        client.modify_streaming_properties(ResourceId=resource, StreamingProperties=members)
    assert "StreamingProperties" not in _found(client, resource)


def test_modify_streaming_properties_global_accelerator_with_endpoints_raises(
    client: Any, directory: str
) -> None:
    client.modify_workspace_access_properties(
        ResourceId=directory, WorkspaceAccessProperties={"AccessEndpointConfig": ENDPOINTS}
    )
    with pytest.raises(client.exceptions.InvalidParameterValuesException):
        client.modify_streaming_properties(
            ResourceId=directory, StreamingProperties={"GlobalAccelerator": {"Mode": "ENABLED_AUTO"}}
        )


# ---------------------------------------------------------------------------------- endpoint encryption
def test_modify_endpoint_encryption_mode_shows_in_the_directory(client: Any, directory: str) -> None:
    client.modify_endpoint_encryption_mode(DirectoryId=directory, EndpointEncryptionMode="FIPS_VALIDATED")
    assert _found(client)["EndpointEncryptionMode"] == "FIPS_VALIDATED"


def test_modify_endpoint_encryption_mode_with_workspaces_raises_operation_not_supported(
    client: Any, workspaces_backend: WorkspacesBackend, directory: str
) -> None:
    workspaces_backend.add_workspace(directory_id=directory)
    client.modify_endpoint_encryption_mode(DirectoryId=directory, EndpointEncryptionMode="STANDARD_TLS")
    with pytest.raises(client.exceptions.OperationNotSupportedException):
        client.modify_endpoint_encryption_mode(DirectoryId=directory, EndpointEncryptionMode="FIPS_VALIDATED")


def test_modify_endpoint_encryption_mode_fips_with_endpoints_raises(client: Any, directory: str) -> None:
    client.modify_workspace_access_properties(
        ResourceId=directory, WorkspaceAccessProperties={"AccessEndpointConfig": ENDPOINTS}
    )
    with pytest.raises(client.exceptions.OperationNotSupportedException):
        client.modify_endpoint_encryption_mode(DirectoryId=directory, EndpointEncryptionMode="FIPS_VALIDATED")


def test_modify_endpoint_encryption_mode_bad_value_raises_validation(client: Any, directory: str) -> None:
    with pytest.raises(client.exceptions.ValidationException):
        client.modify_endpoint_encryption_mode(DirectoryId=directory, EndpointEncryptionMode="FIPS")


# ----------------------------------------------------------------------------------- client properties
def test_describe_client_properties_defaults_and_patch(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    first, second = workspaces_backend.add_directory(), workspaces_backend.add_directory()
    client.modify_client_properties(
        ResourceId=second.directory_id, ClientProperties={"ReconnectEnabled": "DISABLED"}
    )
    ids = [second.directory_id, first.directory_id, second.directory_id]
    found = client.describe_client_properties(ResourceIds=ids)["ClientPropertiesList"]
    assert found == [
        {
            "ResourceId": second.directory_id,
            "ClientProperties": {"ReconnectEnabled": "DISABLED", "LogUploadEnabled": "ENABLED"},
        },
        {
            "ResourceId": first.directory_id,
            "ClientProperties": {"ReconnectEnabled": "ENABLED", "LogUploadEnabled": "ENABLED"},
        },
    ]
    assert "ClientProperties" not in _found(client, second.directory_id)


def test_describe_client_properties_any_unknown_raises_not_found(client: Any, directory: str) -> None:
    with pytest.raises(client.exceptions.ResourceNotFoundException) as caught:
        client.describe_client_properties(ResourceIds=[directory, "not-a-directory"])
    assert caught.value.response["ResourceId"] == "not-a-directory"


def test_describe_client_properties_not_registered_raises_invalid_parameter_values(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    workspaces_backend.add_directory(DIRECTORY, state="REGISTERING", stuck=True)
    with pytest.raises(client.exceptions.InvalidParameterValuesException):
        client.describe_client_properties(ResourceIds=[DIRECTORY])


def test_describe_client_properties_twenty_six_ids_raise_validation(client: Any) -> None:
    with pytest.raises(client.exceptions.ValidationException):
        client.describe_client_properties(ResourceIds=[f"d-{i:010x}" for i in range(26)])


def test_client_properties_reset_after_deregistration(
    client: Any, workspaces_backend: WorkspacesBackend
) -> None:
    workspaces_backend.add_directory(DIRECTORY)
    client.modify_client_properties(ResourceId=DIRECTORY, ClientProperties={"LogUploadEnabled": "DISABLED"})
    client.deregister_workspace_directory(DirectoryId=DIRECTORY)
    client.describe_workspace_directories()
    client.register_workspace_directory(DirectoryId=DIRECTORY)
    found = client.describe_client_properties(ResourceIds=[DIRECTORY])["ClientPropertiesList"][0]
    assert found["ClientProperties"]["LogUploadEnabled"] == "ENABLED"
