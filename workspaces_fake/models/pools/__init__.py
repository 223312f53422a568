"""WorkSpaces Pools: the model (:mod:`.model`), its lifecycle and session timeouts (:mod:`.lifecycle`),
its rules (:mod:`.rules`, :mod:`.update`) and its arrange helpers (:mod:`.arrange`)."""

from __future__ import annotations
