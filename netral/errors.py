"""Errors whose message is meant for the person at the keyboard (in Indonesian), not a traceback."""

from __future__ import annotations


class UserError(Exception):
    """Something the user can fix (an empty index, a wrong setting, a missing file); the message says how."""
