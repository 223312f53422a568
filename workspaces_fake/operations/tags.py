"""Handlers for the tags family (filled in with the WorkSpaces-behaviour work)."""

from __future__ import annotations
