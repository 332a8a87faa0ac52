"""The four ways to copy a field's bytes, as pure functions (``c`` in the TUI).

>>> copy_text(bytes.fromhex("00163e"), "c")
'{0x00, 0x16, 0x3e}'
"""

from __future__ import annotations

__all__ = ["COPY_FORMATS", "copy_text"]

# key -> label shown in the copy menu
COPY_FORMATS: dict[str, str] = {
    "hex": "hex stream   00163e6f43f4",
    "colon": "separated    00:16:3e:6f:43:f4",
    "c": "C array      {0x00, 0x16, ...}",
    "python": 'Python bytes b"\\x00\\x16..."',
}


def copy_text(data: bytes, fmt: str) -> str:
    """``data`` rendered as ``hex``, ``colon``, ``c`` (array initialiser) or ``python`` bytes."""
    if fmt == "hex":
        return data.hex()
    if fmt == "colon":
        return data.hex(":")
    if fmt == "c":
        return "{" + ", ".join(f"0x{b:02x}" for b in data) + "}"
    if fmt == "python":
        return 'b"' + "".join(f"\\x{b:02x}" for b in data) + '"'
    raise ValueError(f"unknown copy format {fmt!r} (one of {', '.join(COPY_FORMATS)})")
