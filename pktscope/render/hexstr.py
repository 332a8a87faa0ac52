"""Hex strings of any width: separator, grouping and case, at the speed of ``bytes.hex``.

``group`` counts bytes exactly as ``bytes.hex(sep, bytes_per_sep)`` does: a positive group
counts from the right (``hexstr(b"\\x01\\x02\\x03", ":", 2) == "01:0203"``), a negative group
from the left (``"0102:03"``), and 0 means no separator at all.

Unlike ``bytes.hex``, ``sep`` may be any string, including multi-character and non-ASCII
separators (``", 0x"`` gives C-array bodies): the hex is produced with a one-character ASCII
placeholder that can never be a hex digit and then replaced, so the cost stays linear.
"""

from __future__ import annotations

__all__ = ["hexstr"]

# A placeholder separator for bytes.hex that can never appear in hex digits.
_PLACEHOLDER = " "


def hexstr(
    data: bytes | bytearray | memoryview,
    sep: str = "",
    group: int = 1,
    upper: bool = False,
) -> str:
    """Hex of ``data`` with ``sep`` between groups of ``group`` bytes.

    >>> hexstr(bytes.fromhex("00163e6f43f4"), ":")
    '00:16:3e:6f:43:f4'
    >>> hexstr(bytes.fromhex("deadbeef"), " ", 2, upper=True)
    'DEAD BEEF'
    >>> hexstr(b"\\x01\\x02\\x03", ", 0x")
    '01, 0x02, 0x03'

    ``data`` is any bytes-like object; a memoryview of another item format is read as its raw
    bytes. Raises ``TypeError`` when ``sep`` is not a ``str`` (or ASCII ``bytes``) or ``group``
    not an ``int``.
    """
    if isinstance(sep, bytes | bytearray):
        try:
            sep = bytes(sep).decode("ascii")
        except UnicodeDecodeError:
            raise ValueError(f"hexstr: bytes separator must be ascii, got {sep!r}") from None
    if not isinstance(sep, str):
        raise TypeError(f"hexstr: separator must be str, got {type(sep).__name__}")
    if not isinstance(group, int) or isinstance(group, bool):
        raise TypeError(f"hexstr: group must be int, got {type(group).__name__}")
    if not isinstance(data, bytes | bytearray):
        view = memoryview(data)
        if view.format not in ("B", "b", "c") or view.ndim != 1:
            view = view.cast("B") if view.c_contiguous else memoryview(view.tobytes())
        data = view
    if not sep or group == 0:
        text = data.hex()
        return text.upper() if upper else text
    if len(sep) == 1 and sep.isascii() and not (upper and sep.isalpha()):
        text = data.hex(sep, group)
        return text.upper() if upper else text
    text = data.hex(_PLACEHOLDER, group)
    if upper:
        text = text.upper()  # before the separator goes in: ", 0x" must stay lowercase
    return text.replace(_PLACEHOLDER, sep)
