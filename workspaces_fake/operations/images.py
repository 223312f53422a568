"""Handlers for the images family (filled in with the WorkSpaces-behaviour work)."""

from __future__ import annotations
