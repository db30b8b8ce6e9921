"""Named shapes for data that stays JSON on purpose.

A write takes a typed command (a pydantic model or a frozen dataclass). What remains a plain dict is one of
these, named for what it is, so a reader sees at once that it is not a command.
"""

from __future__ import annotations

from typing import Any

JsonObject = dict[str, Any]
"""A JSON object as read or written, not a command: parser input before validation (a file, an editor's
unvalidated content, a draft), a document being written (export, audit values), or view data."""
