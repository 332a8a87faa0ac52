"""What ``s`` searches for: hex bytes (``63 82 53 63``, ``63:82``, ``0x6382``) or text (quoted)."""

from __future__ import annotations

import re

__all__ = ["parse_needle"]

_HEX = re.compile(r"(?:0x)?(?:[0-9a-fA-F]{2}[\s:.\-]?)+")


def parse_needle(text: str) -> bytes:
    """Bytes to search: quoted text is UTF-8, hex digits (any separators) are bytes, else text.

    >>> parse_needle("63 82 53 63"), parse_needle('"ab"'), parse_needle("hello")
    (b'c\\x82Sc', b'ab', b'hello')
    """
    t = text.strip()
    if not t:
        raise ValueError("empty search")
    if len(t) >= 2 and t[0] == t[-1] and t[0] in "\"'":
        return t[1:-1].encode()
    if _HEX.fullmatch(t):
        digits = re.sub(r"[\s:.\-]|^0x", "", t)
        if len(digits) % 2 == 0:
            return bytes.fromhex(digits)
    return t.encode()
