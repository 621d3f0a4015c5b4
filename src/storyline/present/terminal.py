"""Text that is safe to print on a terminal.

Titles, file names and messages come from untrusted input: an ANSI escape
sequence in a title could recolour or clear the screen, a newline in a file
name could forge an extra line in the failure report. ``plain`` makes every
control character visible as an escape (``\\x1b``, ``\\n``) so one input is
always one line and prints as exactly what it is.
"""

from __future__ import annotations

import re

# C0 controls, DEL and C1 controls (U+0080..U+009F, which some terminals obey),
# plus the Unicode line and paragraph separators and bidirectional overrides.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def plain(text: object) -> str:
    """``text`` with each control character written as its Python escape (``\\x1b``, ``\\n``, ``\\u202e``)."""
    return _CONTROL.sub(_escape, str(text))


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(char) or (
        f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"
    )
