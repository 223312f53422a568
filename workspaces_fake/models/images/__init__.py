"""Images: the model and lifecycle tables (:mod:`.model`), who may see and use an image (:mod:`.rules`),
custom imports (:mod:`.imports`) and the arrange side (:mod:`.arrange`).

Amazon's public images are seeded with the public bundles they back (:mod:`..bundles`).
"""

from __future__ import annotations

from .arrange import add_image
from .model import AMAZON_IMAGE_OWNER_ACCOUNT, IMAGE, Image

__all__ = ["AMAZON_IMAGE_OWNER_ACCOUNT", "IMAGE", "Image", "add_image"]
