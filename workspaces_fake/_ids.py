"""Deterministic id minting: the same seed, account and region give the same ids in every run.

Real ids are opaque lower-case alphanumerics after a prefix (``ws-``, ``wsb-``, ``wsi-``, ``wsa-`` ...);
deterministic ones make failures reproducible and snapshots stable.
"""

from __future__ import annotations

import random
import string
from typing import Optional

_ALPHABET = string.ascii_lowercase + string.digits


def _byte_table(alphabet: str) -> tuple[bytes, bytes]:
    """A translation from random bytes to ``alphabet`` that keeps every character equally likely: each
    byte maps to ``alphabet[byte % len]``, and the few top bytes that would favour some are dropped."""
    usable = 256 - 256 % len(alphabet)
    table = bytes.maketrans(bytes(range(usable)), (alphabet * (usable // len(alphabet))).encode("ascii"))
    return table, bytes(range(usable, 256))


class IdMinter:
    """Mints ids such as ``ws-1a2b3c4d5`` from a private, seeded random stream.

    Characters are drawn a few hundred at a time, as random bytes translated into the alphabet in C, and
    handed out in order: drawing each character in Python cost more than the rest of making a WorkSpace.
    """

    def __init__(self, seed: str) -> None:
        self._seed = seed
        self._random: Optional[random.Random] = None  # seeded on first use: most backends mint nothing
        self._issued: set[str] = set()
        self._drawn = {_ALPHABET: "", _HEX: ""}  # characters drawn for each alphabet
        self._used = {_ALPHABET: 0, _HEX: 0}  # how many of them are used up

    def mint(self, prefix: str, length: int = 9) -> str:
        """A fresh id ``<prefix>-<length chars>`` never issued before by this minter."""
        return self._fresh(prefix, length, _ALPHABET)

    def hex(self, prefix: str, length: int = 10) -> str:
        """A fresh id with hexadecimal digits only, as directory ids (``d-``) have."""
        return self._fresh(prefix, length, _HEX)

    def _fresh(self, prefix: str, length: int, alphabet: str) -> str:
        while True:
            start = self._used[alphabet]
            drawn = self._drawn[alphabet]
            if start + length > len(drawn):
                drawn = self._drawn[alphabet] = self._draw(alphabet, max(_BATCH, length))
                start = 0
            self._used[alphabet] = start + length
            candidate = f"{prefix}-{drawn[start : start + length]}"
            if candidate not in self._issued:
                self._issued.add(candidate)
                return candidate

    def _draw(self, alphabet: str, count: int) -> str:
        if self._random is None:
            self._random = random.Random(self._seed)  # seeding from a string costs ~5 us
        table, dropped = _TABLES[alphabet]
        drawn = b""
        while len(drawn) < count:
            drawn += self._random.randbytes(count).translate(table, dropped)
        return drawn[:count].decode("ascii")


_HEX = "0123456789abcdef"
_BATCH = 360
_TABLES = {alphabet: _byte_table(alphabet) for alphabet in (_ALPHABET, _HEX)}
