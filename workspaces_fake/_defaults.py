"""The account and region a call goes to when nothing names one.

The hook, the mock and the backend all read these; they live below all three so none imports another for them.
"""

from __future__ import annotations

DEFAULT_ACCOUNT_ID = "123456789012"
FALLBACK_REGION = "us-east-1"
