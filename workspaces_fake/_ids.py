"""Deterministic id minting: the same seed, account and region give the same ids in every run.

Real ids are opaque lower-case alphanumerics after a prefix (``ws-``, ``wsb-``, ``wsi-``, ``wsa-`` ...);
deterministic ones make failures reproducible and snapshots stable.
"""

from __future__ import annotations

import random
import string

_ALPHABET = string.ascii_lowercase + string.digits


class IdMinter:
    """Mints ids such as ``ws-1a2b3c4d5`` from a private, seeded random stream."""

    def __init__(self, seed: str) -> None:
        self._random = random.Random(seed)
        self._issued: set[str] = set()

    def mint(self, prefix: str, length: int = 9) -> str:
        """A fresh id ``<prefix>-<length chars>`` never issued before by this minter."""
        while True:
            candidate = f"{prefix}-" + "".join(self._random.choices(_ALPHABET, k=length))
            if candidate not in self._issued:
                self._issued.add(candidate)
                return candidate

    def hex(self, prefix: str, length: int = 10) -> str:
        """A fresh id with hexadecimal digits only, as directory ids (``d-``) have."""
        while True:
            candidate = f"{prefix}-" + "".join(self._random.choices("0123456789abcdef", k=length))
            if candidate not in self._issued:
                self._issued.add(candidate)
                return candidate
