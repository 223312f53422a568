"""The Amazon application catalog as data: what DescribeApplications lists in a fresh backend.

AWS publishes the names of the applications Manage applications can install or uninstall, but not their
ids, operating-system or compute lists, nor which of them exclude each other; those are assumptions of the
spec (section 1.3), kept here as plain data so a test can replace or extend them
(``backend.clear_applications()``, ``backend.add_application(...)``).

Compute lists are written as exclusions from the model's ``Compute`` enum, so a newer botocore that adds
compute types offers them too.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Optional

CATALOG_CREATED = datetime(2023, 10, 5, tzinfo=timezone.utc)
"""When Manage applications was released; the ``Created`` of every catalog application."""

_ID_ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz"


def catalog_id(name: str) -> str:
    """A stable ``wsa-`` id derived from the application's name: the same in every backend and run."""
    number = int.from_bytes(hashlib.sha256(name.encode("utf-8")).digest()[:8], "big")
    chars = []
    for _ in range(9):
        number, digit = divmod(number, len(_ID_ALPHABET))
        chars.append(_ID_ALPHABET[digit])
    return "wsa-" + "".join(chars)


@dataclass(frozen=True)
class CatalogEntry:
    """One application of the seed catalog.

    ``conflict_group``: two applications of one group cannot be on a WorkSpace together
    (IncompatibleApplicationsException). ``supersedes``: a group whose installed members make the
    install of this application fail with ``ValidationError.ApplicationOldVersionExists``.
    """

    name: str
    description: str
    operating_systems: tuple[str, ...]
    compute_excluded: tuple[str, ...] = ()
    state: str = "AVAILABLE"
    conflict_group: Optional[str] = None
    supersedes: Optional[str] = None


_OFFICE_OS = ("WINDOWS_10", "WINDOWS_11", "WINDOWS_SERVER_2019", "WINDOWS_SERVER_2022")
_VS_OS = ("WINDOWS_10", "WINDOWS_11", "WINDOWS_SERVER_2016", "WINDOWS_SERVER_2019", "WINDOWS_SERVER_2022")
_RETIRED_GRAPHICS = ("GRAPHICS", "GRAPHICSPRO")


def _ltsc(name: str, group: str, what: str, supersedes: Optional[str] = None) -> CatalogEntry:
    return CatalogEntry(
        name=name,
        description=f"{what}, licence included through AWS.",
        operating_systems=_OFFICE_OS,
        compute_excluded=_RETIRED_GRAPHICS,
        conflict_group=group,
        supersedes=supersedes,
    )


def _visual_studio(edition: str) -> CatalogEntry:
    return CatalogEntry(
        name=f"Microsoft Visual Studio {edition} 2022",
        description=f"Visual Studio {edition} 2022 IDE, licence included through AWS.",
        operating_systems=_VS_OS,
        compute_excluded=("VALUE",),
        conflict_group="visual-studio-2022",
    )


def _legacy_office(year: str, operating_systems: tuple[str, ...]) -> CatalogEntry:
    return CatalogEntry(
        name=f"Microsoft Office {year}",
        description=f"Office Professional Plus {year} from a BYOL image; it can only be uninstalled.",
        operating_systems=operating_systems,
        state="UNINSTALL_ONLY",
        conflict_group="office-legacy",
    )


AMAZON_CATALOG: tuple[CatalogEntry, ...] = (
    _ltsc(
        "Microsoft Office LTSC Professional Plus 2021",
        "office-2021",
        "Word, Excel, PowerPoint, Outlook, Access and Publisher (LTSC 2021)",
        supersedes="office-legacy",
    ),
    _ltsc(
        "Microsoft Office LTSC Standard 2021",
        "office-2021",
        "Word, Excel, PowerPoint and Outlook (LTSC 2021)",
        supersedes="office-legacy",
    ),
    _ltsc("Microsoft Visio LTSC Professional 2021", "visio-2021", "Visio Professional (LTSC 2021)"),
    _ltsc("Microsoft Visio LTSC Standard 2021", "visio-2021", "Visio Standard (LTSC 2021)"),
    _ltsc("Microsoft Project Professional 2021", "project-2021", "Project Professional 2021"),
    _ltsc("Microsoft Project Standard 2021", "project-2021", "Project Standard 2021"),
    _visual_studio("Professional"),
    _visual_studio("Enterprise"),
    _legacy_office("2016", ("WINDOWS_10", "WINDOWS_SERVER_2016")),
    _legacy_office("2019", ("WINDOWS_10", "WINDOWS_11", "WINDOWS_SERVER_2019")),
)

OFFICE_2016 = "Microsoft Office 2016"
OFFICE_2019 = "Microsoft Office 2019"
"""Names of the entries that BYOL imports and Amazon's "Plus" bundles bring along."""
