"""Bundles: the model (:mod:`.model`), Amazon's public catalog as data (:mod:`.catalog`), and the arrange
side (:mod:`.arrange`). ``public_bundle_id(name)`` gives a public bundle's stable id."""

from __future__ import annotations

from .catalog import public_bundle_id

__all__ = ["public_bundle_id"]
