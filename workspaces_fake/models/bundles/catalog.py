"""Amazon's public bundles and the images behind them, as data.

Names follow the real catalog ("Standard with Windows 10 (Server 2022 based)", "Value with Ubuntu 22.04",
"Performance with Windows 10 and Office 2019 Pro Plus (Server 2019 based)"). Real ids are opaque and
differ per Region. Where a public source shows a bundle's real id (AWS CLI examples, Terraform's docs and
acceptance tests, a published Terraform configuration), the bundle carries it: in the Region the source
names, or in every Region when the source names none (docs/catalog.md lists each id with its source).
Every other id is derived from the name, so it is the same in every run, Region and seed and tests may
rely on it (:func:`public_bundle_id`). Several bundles share one image, as they do in AWS, and each bundle
inherits its image's operating system.
"""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Optional

_ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz"
DEFAULT_REGION = "us-east-1"

CATALOG_DATE = datetime(2024, 3, 1, tzinfo=timezone.utc)
"""CreationTime / LastUpdatedTime of every public bundle and image."""


@functools.cache
def stable_id(prefix: str, name: str, length: int = 9) -> str:
    """``<prefix>-`` plus ``length`` base-36 characters derived from ``name`` (deterministic)."""
    number = int.from_bytes(hashlib.sha256(f"{prefix}:{name}".encode()).digest(), "big")
    chars = []
    for _ in range(length):
        number, digit = divmod(number, 36)
        chars.append(_ALPHABET[digit])
    return f"{prefix}-" + "".join(chars)


@dataclass(frozen=True)
class PublicImage:
    """An Amazon image behind one or more public bundles."""

    key: str
    name: str
    operating_system_name: str
    experience: str

    @property
    def image_id(self) -> str:
        """Stable ``wsi-`` id."""
        return stable_id("wsi", self.name)


@dataclass(frozen=True)
class ComputeSpec:
    """What a compute type offers, for descriptions and default volume sizes."""

    vcpu: int
    memory_gib: int
    root_gib: int
    user_gib: int
    label: str


COMPUTE = {
    "VALUE": ComputeSpec(1, 2, 80, 10, "Value"),
    "STANDARD": ComputeSpec(2, 4, 80, 50, "Standard"),
    "PERFORMANCE": ComputeSpec(2, 8, 80, 100, "Performance"),
    "POWER": ComputeSpec(4, 16, 175, 100, "Power"),
    "POWERPRO": ComputeSpec(8, 32, 175, 100, "PowerPro"),
    "GRAPHICS": ComputeSpec(8, 15, 100, 100, "Graphics"),
    "GRAPHICS_G4DN": ComputeSpec(4, 16, 100, 100, "Graphics.g4dn"),
    "GRAPHICSPRO_G4DN": ComputeSpec(16, 64, 100, 100, "GraphicsPro.g4dn"),
}

IMAGES = (
    PublicImage("w10-2022", "Windows_10_Server_2022_based", "WINDOWS_SERVER_2022",
                "Windows 10 Experience provided by Windows Server 2022"),
    PublicImage("ws-2022", "Windows_Server_2022", "WINDOWS_SERVER_2022", "Windows Server 2022"),
    PublicImage("w10-2019", "Windows_10_Server_2019_based", "WINDOWS_SERVER_2019",
                "Windows 10 Experience provided by Windows Server 2019"),
    PublicImage("ws-2019", "Windows_Server_2019", "WINDOWS_SERVER_2019", "Windows Server 2019"),
    PublicImage("w10-2016", "Windows_10_Server_2016_based", "WINDOWS_SERVER_2016",
                "Windows 10 Experience provided by Windows Server 2016"),
    PublicImage("w7", "Windows_7_Server_2008_R2_based", "WINDOWS_7",
                "Windows 7 Experience provided by Windows Server 2008 R2"),
    PublicImage("w10-2019-office", "Windows_10_Server_2019_based_Office_2019_Pro_Plus", "WINDOWS_SERVER_2019",
                "Windows 10 Experience provided by Windows Server 2019 with Office 2019 Professional Plus"),
    PublicImage("ws-2022-g4dn", "Windows_Server_2022_Graphics_g4dn", "WINDOWS_SERVER_2022",
                "Windows Server 2022 with NVIDIA drivers"),
    PublicImage("w10-2022-g4dn", "Windows_10_Server_2022_based_Graphics_g4dn", "WINDOWS_SERVER_2022",
                "Windows 10 Experience provided by Windows Server 2022 with NVIDIA drivers"),
    PublicImage("ubuntu-22", "Ubuntu_22.04", "UBUNTU_22_04", "Ubuntu 22.04"),
    PublicImage("al2", "Amazon_Linux_2", "AMAZON_LINUX_2", "Amazon Linux 2"),
    PublicImage("rhel-8", "Red_Hat_Enterprise_Linux_8", "RHEL_8", "Red Hat Enterprise Linux 8"),
    PublicImage("rocky-8", "Rocky_Linux_8", "ROCKY_8", "Rocky Linux 8"),
)  # fmt: skip

_IMAGES_BY_KEY = {image.key: image for image in IMAGES}


@dataclass(frozen=True)
class RealId:
    """A bundle id a public source shows, in the Region it names (None: the source names no Region)."""

    bundle_id: str
    region: Optional[str]
    source: str


@dataclass(frozen=True)
class PublicBundle:
    """An Amazon bundle: a name, a compute type, the image it boots and any real ids known for it."""

    name: str
    compute: str
    image_key: str
    protocols: tuple[str, ...] = ("PCOIP",)
    real_ids: tuple[RealId, ...] = ()

    @property
    def bundle_id(self) -> str:
        """The id in the default Region (us-east-1); see :meth:`id_in`."""
        return self.id_in(DEFAULT_REGION)

    def id_in(self, region: str) -> str:
        """The real id the sources show for ``region`` (or for no Region), else the stable synthetic one."""
        regional = [real.bundle_id for real in self.real_ids if real.region == region]
        anywhere = [real.bundle_id for real in self.real_ids if real.region is None]
        return (regional or anywhere or [stable_id("wsb", self.name)])[0]

    @property
    def image(self) -> PublicImage:
        """The image this bundle boots."""
        return _IMAGES_BY_KEY[self.image_key]

    @property
    def spec(self) -> ComputeSpec:
        """The compute type's figures."""
        return COMPUTE[self.compute]

    @property
    def description(self) -> str:
        """A description in the catalog's style."""
        spec = self.spec
        return (
            f"{self.image.experience}, {spec.vcpu} vCPU, {spec.memory_gib}GiB Memory, "
            f"{spec.user_gib}GB Storage"
        )


def _family(
    name: str,
    image_key: str,
    computes: tuple[str, ...],
    protocols: tuple[str, ...] = ("PCOIP",),
    real: Optional[dict[str, tuple[RealId, ...]]] = None,
) -> tuple[PublicBundle, ...]:
    """One bundle per compute type; ``real`` gives the real ids known per compute type."""
    known = real or {}
    return tuple(
        PublicBundle(f"{COMPUTE[c].label} with {name}", c, image_key, protocols, known.get(c, ()))
        for c in computes
    )


CLI = "AWS CLI example describe-workspace-bundles (aws/aws-cli awscli/examples/workspaces)"
CLI_2015 = "AWS CLI example describe-workspace-bundles, first version (names then without the OS)"
TF_DOCS = "Terraform AWS provider: docs and acceptance test of aws_workspaces_workspace"
TF_TEST = "Terraform AWS provider: acceptance test of data source aws_workspaces_bundle"
KNOLDUS = "Terraform configuration published with a Knoldus blog post (provider region eu-west-1)"


def _real(bundle_id: str, source: str, region: Optional[str] = None) -> tuple[RealId, ...]:
    return (RealId(bundle_id, region, source),)


_GENERAL = ("VALUE", "STANDARD", "PERFORMANCE", "POWER", "POWERPRO")
_WSP = ("WSP",)

BUNDLES: tuple[PublicBundle, ...] = (
    *_family("Windows 10 (Server 2022 based)", "w10-2022", _GENERAL),
    *_family("Windows 10 (Server 2022 based) (WSP)", "w10-2022", ("STANDARD",), _WSP,
             {"STANDARD": _real("wsb-93xk71ss4", KNOLDUS, "eu-west-1")}),
    *_family("Windows Server 2022", "ws-2022", _GENERAL),
    *_family("Windows 10 (Server 2019 based)", "w10-2019", _GENERAL),
    *_family("Windows Server 2019", "ws-2019", ("STANDARD", "PERFORMANCE", "POWER")),
    *_family("Windows 10 (Server 2016 based)", "w10-2016", ("STANDARD", "PERFORMANCE"),
             real={"PERFORMANCE": _real("wsb-gm4d5tx2v", CLI)}),
    *_family("Windows 10 (English)", "w10-2016", ("VALUE",), real={"VALUE": _real("wsb-bh8rsxt14", TF_DOCS)}),
    *_family("Windows 10 and Office 2016", "w10-2016", ("VALUE",),
             real={"VALUE": _real("wsb-df76rqys9", TF_TEST)}),
    *_family("Windows 10 and Office 2019 Pro Plus (Server 2019 based)", "w10-2019-office",
             ("VALUE", "STANDARD", "PERFORMANCE")),
    *_family("Windows 10 (Server 2019 based)", "w10-2019", ("GRAPHICS",),
             real={"GRAPHICS": _real("wsb-03gyjnfyy", CLI)}),
    *_family("Windows Server 2022", "ws-2022-g4dn", ("GRAPHICS_G4DN", "GRAPHICSPRO_G4DN"), ("PCOIP", "WSP")),
    *_family("Windows 10 (Server 2022 based)", "w10-2022-g4dn", ("GRAPHICS_G4DN",), ("PCOIP", "WSP")),
    *_family("Windows 7", "w7", ("VALUE", "STANDARD", "PERFORMANCE", "POWERPRO"), real={
        "VALUE": _real("wsb-92tn3b7gx", CLI_2015),
        "STANDARD": _real("wsb-3t36q0xfc", CLI_2015),
        "PERFORMANCE": (RealId("wsb-b0s22j3d7", None, TF_TEST), RealId("wsb-b0s22j3d7", None, CLI_2015)),
        "POWERPRO": _real("wsb-1pzkp0bx4", CLI),
    }),
    *_family("Ubuntu 22.04", "ubuntu-22", ("VALUE", "STANDARD", "PERFORMANCE", "POWER"), _WSP,
             {"STANDARD": _real("wsb-g5rbnq51n", KNOLDUS, "eu-west-1")}),
    *_family("Amazon Linux 2", "al2", ("VALUE", "STANDARD", "PERFORMANCE", "POWER"), _WSP, {
        "STANDARD": _real("wsb-clj85qzj1", CLI),
        "POWER": _real("wsb-2bs6k5lgn", CLI),
    }),
    *_family("Red Hat Enterprise Linux 8", "rhel-8", ("STANDARD",), _WSP),
    *_family("Rocky Linux 8", "rocky-8", ("STANDARD",), _WSP),
)  # fmt: skip
"""Ordered as the sources' families; legacy bundles (Windows 7, "Windows 10 (English)") are kept because
tools and tests written against AWS still hard-code their ids."""

DEFAULT_BUNDLE_NAME = "Standard with Windows 10 (Server 2022 based)"
"""The bundle ``add_workspace`` uses when none is given."""

_BUNDLES_BY_NAME = {bundle.name: bundle for bundle in BUNDLES}


def public_bundle_id(name: str, region: str = DEFAULT_REGION) -> str:
    """The id of the public bundle called ``name`` in ``region``; KeyError (listing the names) when there
    is none. Ids are the same in every Region except where a source shows a Region's own real id."""
    found = _BUNDLES_BY_NAME.get(name)
    if found is None:
        raise KeyError(f"no public bundle named {name!r}; known: {sorted(_BUNDLES_BY_NAME)}")
    return found.id_in(region)
