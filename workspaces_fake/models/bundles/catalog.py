"""Amazon's public bundles and the images behind them, as data.

Names follow the real catalog ("Standard with Windows 10 (Server 2022 based)", "Value with Ubuntu 22.04",
"Performance with Windows 10 and Office 2019 Pro Plus (Server 2019 based)"). Real ids are opaque and
differ per region; here every id is derived from the name, so it is the same in every run, region and
seed and tests may rely on it (:func:`public_bundle_id`). Several bundles share one image, as they do in
AWS, and each bundle inherits its image's operating system.
"""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass
from datetime import datetime, timezone

_ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz"

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
class PublicBundle:
    """An Amazon bundle: a name, a compute type and the image it boots."""

    name: str
    compute: str
    image_key: str
    protocols: tuple[str, ...] = ("PCOIP",)

    @property
    def bundle_id(self) -> str:
        """Stable ``wsb-`` id."""
        return stable_id("wsb", self.name)

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
    name: str, image_key: str, computes: tuple[str, ...], protocols: tuple[str, ...] = ("PCOIP",)
) -> tuple[PublicBundle, ...]:
    return tuple(PublicBundle(f"{COMPUTE[c].label} with {name}", c, image_key, protocols) for c in computes)


_GENERAL = ("VALUE", "STANDARD", "PERFORMANCE", "POWER", "POWERPRO")
_WSP = ("WSP",)

BUNDLES: tuple[PublicBundle, ...] = (
    *_family("Windows 10 (Server 2022 based)", "w10-2022", _GENERAL),
    *_family("Windows Server 2022", "ws-2022", _GENERAL),
    *_family("Windows 10 (Server 2019 based)", "w10-2019", _GENERAL),
    *_family("Windows Server 2019", "ws-2019", ("STANDARD", "PERFORMANCE", "POWER")),
    *_family("Windows 10 (Server 2016 based)", "w10-2016", ("STANDARD",)),
    *_family("Windows 10 and Office 2019 Pro Plus (Server 2019 based)", "w10-2019-office",
             ("VALUE", "STANDARD", "PERFORMANCE")),
    *_family("Windows Server 2022", "ws-2022-g4dn", ("GRAPHICS_G4DN", "GRAPHICSPRO_G4DN"), ("PCOIP", "WSP")),
    *_family("Windows 10 (Server 2022 based)", "w10-2022-g4dn", ("GRAPHICS_G4DN",), ("PCOIP", "WSP")),
    *_family("Ubuntu 22.04", "ubuntu-22", ("VALUE", "STANDARD", "PERFORMANCE", "POWER"), _WSP),
    *_family("Amazon Linux 2", "al2", ("VALUE", "STANDARD", "PERFORMANCE"), _WSP),
    *_family("Red Hat Enterprise Linux 8", "rhel-8", ("STANDARD",), _WSP),
    *_family("Rocky Linux 8", "rocky-8", ("STANDARD",), _WSP),
)  # fmt: skip

DEFAULT_BUNDLE_NAME = "Standard with Windows 10 (Server 2022 based)"
"""The bundle ``add_workspace`` uses when none is given."""

_BUNDLES_BY_NAME = {bundle.name: bundle for bundle in BUNDLES}


def public_bundle_id(name: str) -> str:
    """The id of the public bundle called ``name``; KeyError (listing the names) when there is none."""
    found = _BUNDLES_BY_NAME.get(name)
    if found is None:
        raise KeyError(f"no public bundle named {name!r}; known: {sorted(_BUNDLES_BY_NAME)}")
    return found.bundle_id
