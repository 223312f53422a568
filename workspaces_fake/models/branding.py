"""Client branding and Amazon Connect client add-ins: per-directory settings with their own operations.

Both hang on a registered directory (``directory.attachments``), so deregistering the directory discards
them; neither is taggable (no resource id of their own that CreateTags accepts) [A]. Branding is kept per
platform as the attributes DescribeClientBranding answers with, logos turned into URLs; an add-in is the
Connect Contact Control Panel a user opens from the client, at most one per directory.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Optional

from ..errors import (
    InvalidParameterValuesException,
    ResourceAlreadyExistsException,
    ResourceNotFoundException,
)
from ._arrange import arrange
from .directories import Directory, require_directory

if TYPE_CHECKING:
    from ..backend import WorkspacesBackend

LOGOS = {"Logo": "LogoUrl", "Logo2x": "Logo2xUrl", "Logo3x": "Logo3xUrl"}
"""Import members holding images -> the Describe members holding their URLs."""

MAX_REQUEST_BYTES = 6_000_000
"""ImportClientBranding takes at most 6 MB of logos per request [A] (decimal megabytes)."""

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

LOGIN_MESSAGE_LOCALES = frozenset({"en_US"})

_HTML_TAGS = (
    "a b blockquote br cite code dd dl dt div em i li ol p pre q small span strike strong sub sup u ul"
)
ALLOWED_HTML = frozenset(_HTML_TAGS.split())
"""The HTML tags a LoginMessage may contain (the member's documentation)."""

_TAG = re.compile(r"</?\s*([A-Za-z][A-Za-z0-9]*)")


# ------------------------------------------------------------------------------------------- branding
def branding_of(directory: Directory) -> dict[str, dict[str, Any]]:
    """The directory's branding: platform member (``DeviceTypeWindows``...) -> its attributes."""
    found: dict[str, dict[str, Any]] = directory.attachments.setdefault("branding", {})
    return found


def branded_directory(backend: WorkspacesBackend, directory_id: str) -> Directory:
    """A directory branding and add-in operations work on: known, and REGISTERED [A]."""
    directory = require_directory(backend, directory_id)
    if directory.state != "REGISTERED":
        raise InvalidParameterValuesException(
            f"The directory {directory_id} is {directory.state}; it must be REGISTERED."
        )
    return directory


def import_branding(
    backend: WorkspacesBackend, directory: Directory, platforms: Mapping[str, Mapping[str, Any]]
) -> dict[str, dict[str, Any]]:
    """Replace the branding of each platform sent (the rest revert to default); answer what was set."""
    if not platforms:
        raise InvalidParameterValuesException("Specify the branding of at least one platform.")
    total = sum(len(attrs.get(member) or b"") for attrs in platforms.values() for member in LOGOS)
    if total > MAX_REQUEST_BYTES:
        raise InvalidParameterValuesException(
            f"The logos of one request can total at most {MAX_REQUEST_BYTES} bytes; import the platforms "
            "in separate requests."
        )
    imported = {
        platform: _attributes(backend, directory, platform, attrs) for platform, attrs in platforms.items()
    }
    branding_of(directory).update(imported)
    return imported


def _attributes(
    backend: WorkspacesBackend, directory: Directory, platform: str, attrs: Mapping[str, Any]
) -> dict[str, Any]:
    if attrs.get("SupportEmail") is not None and attrs.get("SupportLink") is not None:
        raise InvalidParameterValuesException(f"{platform}: specify SupportEmail or SupportLink, not both.")
    _check_login_message(platform, attrs.get("LoginMessage"))
    out: dict[str, Any] = {}
    for member, url_member in LOGOS.items():
        logo = attrs.get(member)
        if logo is not None:
            out[url_member] = _logo_url(backend, directory, platform, member, _png(platform, member, logo))
    for member in ("SupportEmail", "SupportLink", "ForgotPasswordLink", "LoginMessage"):
        if attrs.get(member) is not None:
            out[member] = attrs[member]
    return out


def _png(platform: str, member: str, logo: bytes) -> bytes:
    """The logo, if its size is within the model's bounds (which botocore does not check for blobs)
    and it is PNG data [A]."""
    from .._service import service_model

    shape = (
        "IosImportClientBrandingAttributes"
        if platform == "DeviceTypeIos"
        else "DefaultImportClientBrandingAttributes"
    )
    bounds = service_model().shape_for(shape).members[member].metadata
    low, high = bounds.get("min", 0), bounds.get("max", MAX_REQUEST_BYTES)
    if not low <= len(logo) <= high:
        raise InvalidParameterValuesException(
            f"{platform}.{member} is {len(logo)} bytes; it must be between {low} and {high} bytes."
        )
    if not logo.startswith(PNG_SIGNATURE):
        raise InvalidParameterValuesException(f"{platform}.{member} must be a PNG image.")
    return logo


def _check_login_message(platform: str, message: Optional[Mapping[str, str]]) -> None:
    for locale, text in (message or {}).items():
        if locale not in LOGIN_MESSAGE_LOCALES:
            raise InvalidParameterValuesException(
                f"{platform}.LoginMessage: only the locale en_US is supported, not {locale}."
            )
        for tag in _TAG.findall(text):
            if tag.lower() not in ALLOWED_HTML:
                raise InvalidParameterValuesException(
                    f"{platform}.LoginMessage: the HTML tag <{tag}> is not allowed."
                )


def _logo_url(
    backend: WorkspacesBackend, directory: Directory, platform: str, member: str, logo: bytes
) -> str:
    """A stable URL derived from the account, Region, directory, platform and content [A]."""
    digest = hashlib.sha256(logo).hexdigest()[:16]
    region = backend.region_name
    return (
        f"https://workspaces-client-branding-{region}.s3.{region}.amazonaws.com/{backend.account_id}/"
        f"{directory.directory_id}/{platform}/{member.lower()}-{digest}.png"
    )


def delete_branding(directory: Directory, platforms: Iterable[str]) -> None:
    """Those platforms revert to the default branding; one without branding is left as it is."""
    branding = branding_of(directory)
    for platform in platforms:
        branding.pop(platform, None)


@arrange("DefaultImportClientBrandingAttributes", directory_id="DirectoryId", platform="ClientDeviceType")
def add_client_branding(
    backend: WorkspacesBackend,
    directory_id: str,
    platform: str = "DeviceTypeWindows",
    *,
    logo: Optional[bytes] = None,
    support_email: Optional[str] = None,
    support_link: Optional[str] = None,
    forgot_password_link: Optional[str] = None,
    login_message: Optional[Mapping[str, str]] = None,
) -> dict[str, Any]:
    """Branding for one platform of a registered directory, as ImportClientBranding would set it."""
    members = {
        "Logo": logo,
        "SupportEmail": support_email,
        "SupportLink": support_link,
        "ForgotPasswordLink": forgot_password_link,
        "LoginMessage": login_message,
    }
    attrs = {member: value for member, value in members.items() if value is not None}
    directory = backend.directories.peek(directory_id)
    if directory is None:
        raise ValueError(f"add_client_branding: no directory {directory_id} (add_directory first)")
    try:
        return import_branding(backend, directory, {platform: attrs})[platform]
    except InvalidParameterValuesException as error:
        raise ValueError(f"add_client_branding: {error.message}") from None


# ---------------------------------------------------------------------------------------- Connect add-ins
@dataclass
class ConnectClientAddIn:
    """API shape ``ConnectClientAddIn``."""

    add_in_id: str
    resource_id: str
    name: str
    url: str


def add_ins_of(directory: Directory) -> dict[str, ConnectClientAddIn]:
    """The directory's add-ins by id, in creation order."""
    found: dict[str, ConnectClientAddIn] = directory.attachments.setdefault("connect_add_ins", {})
    return found


def create_add_in(
    backend: WorkspacesBackend, directory: Directory, name: str, url: str
) -> ConnectClientAddIn:
    """The directory's one add-in; a second one, whatever its name, is ResourceAlreadyExistsException."""
    add_ins = add_ins_of(directory)
    if add_ins:
        raise ResourceAlreadyExistsException(
            f"The directory {directory.directory_id} already has an Amazon Connect client add-in; "
            "only one is allowed per directory."
        )
    add_in = ConnectClientAddIn(_uuid(backend), directory.directory_id, name, url)
    add_ins[add_in.add_in_id] = add_in
    return add_in


def require_add_in(directory: Directory, add_in_id: str) -> ConnectClientAddIn:
    """The directory's add-in, or ResourceNotFoundException naming the add-in (also for another
    directory's add-in) [A]."""
    found = add_ins_of(directory).get(add_in_id)
    if found is None:
        raise ResourceNotFoundException(
            f"The Amazon Connect client add-in {add_in_id} could not be found in the directory "
            f"{directory.directory_id}.",
            resource_id=add_in_id,
        )
    return found


def _uuid(backend: WorkspacesBackend) -> str:
    """A version-4 UUID in lower case, from the backend's seeded minter (so runs repeat)."""
    digits = backend.ids.hex("x", 32)[2:]
    variant = "89ab"[int(digits[16], 16) % 4]
    return f"{digits[:8]}-{digits[8:12]}-4{digits[13:16]}-{variant}{digits[17:20]}-{digits[20:32]}"


@arrange("ConnectClientAddIn")
def add_connect_client_add_in(
    backend: WorkspacesBackend,
    resource_id: str,
    *,
    name: str = "Amazon Connect",
    url: str = "https://example.my.connect.aws/ccp-v2",
) -> ConnectClientAddIn:
    """The directory's Amazon Connect client add-in (a directory has at most one)."""
    directory = backend.directories.peek(resource_id)
    if directory is None:
        raise ValueError(f"add_connect_client_add_in: no directory {resource_id} (add_directory first)")
    if add_ins_of(directory):
        raise ValueError(f"add_connect_client_add_in: {resource_id} already has an add-in")
    return create_add_in(backend, directory, name, url)
