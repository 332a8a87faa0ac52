"""Highlighted byte spans in a hexdump: which field owns which byte, and the plain-text marking.

A :class:`Highlight` is a half-open span in the same coordinates as the dump's offset column
(``base_offset + position``), so a field's absolute ``offset``/``end`` can be passed as is.
Where highlights overlap or nest, the innermost (shortest) one owns the byte; among equal
spans the later one wins. A bit field is shown on the bytes it touches (its ``bit_offset`` and
``bit_size`` appear in the legend).

Plain text marks the owned bytes of a row with a marker line under it: ``^^`` under the hex
digits and ``^`` under the ASCII character, using the key letter of the owner (``A``, ``B``...)
when several highlights are drawn; the legend maps keys to labels and spans::

    00000000: 00 16 3E 6F 43 F4 00 00  00 00 00 00 00 00 00 00  ..>oC...........
              ^^ ^^ ^^ ^^ ^^ ^^                                 ^^^^^^
    ^  0x0000..0x0005  6 bytes  dhcp.chaddr
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pktscope.render.layout import BYTES_PER_LINE, Layout

__all__ = ["PALETTE", "Highlight", "color_of", "legend_lines", "marker_line", "owners", "span_text"]

# Tableau 10: distinct, readable as backgrounds under black text, in terminals and in HTML.
PALETTE = (
    "#4e79a7",
    "#f28e2b",
    "#e15759",
    "#76b7b2",
    "#59a14f",
    "#edc948",
    "#b07aa1",
    "#ff9da7",
    "#9c755f",
    "#bab0ac",
)
_KEYS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"


@dataclass(frozen=True)
class Highlight:
    """Bytes ``[start, end)`` (dump offsets) labelled ``label``, optionally coloured.

    ``color`` is any Rich colour (``"red"``, ``"#4e79a7"``); None picks from :data:`PALETTE`.
    """

    start: int
    end: int
    label: str
    color: str | None = None
    bit_offset: int | None = None
    bit_size: int | None = None

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(
                f"highlight {self.label!r}: end {self.end} is before start {self.start}"
            )

    @property
    def size(self) -> int:
        return self.end - self.start


def color_of(highlights: Sequence[Highlight], index: int) -> str:
    """The colour of ``highlights[index]``: its own, else the palette's by position."""
    own = highlights[index].color
    return own if own else PALETTE[index % len(PALETTE)]


def key_of(highlights: Sequence[Highlight], index: int) -> str:
    """The marker character of ``highlights[index]`` in plain text."""
    if len(highlights) == 1:
        return "^"
    return _KEYS[index] if index < len(_KEYS) else "^"


def owners(highlights: Sequence[Highlight], lo: int, hi: int) -> list[int]:
    """For each dump offset in ``[lo, hi)``, the index of the highlight owning it, or -1."""
    owner = [-1] * max(0, hi - lo)
    # paint outermost first so the innermost (shortest) span ends on top; ties: later wins
    order = sorted(range(len(highlights)), key=lambda i: (-highlights[i].size, i))
    for i in order:
        h = highlights[i]
        a, b = max(h.start, lo), min(h.end, hi)
        if a < b:
            owner[a - lo : b - lo] = [i] * (b - a)
    return owner


def marker_line(
    layout: Layout, width: int, row_owner: Sequence[int], highlights: Sequence[Highlight]
) -> str:
    """The marker line under a row whose bytes have owners ``row_owner`` ("" if none)."""
    if all(o < 0 for o in row_owner):
        return ""
    pre = layout.prefix_len(width)
    chars = [" "] * (pre + layout.ascii_col + BYTES_PER_LINE)
    for i, o in enumerate(row_owner):
        if o < 0:
            continue
        key = key_of(highlights, o)
        col = pre + layout.hex_cols[i]
        chars[col] = chars[col + 1] = key
        chars[pre + layout.ascii_col + i] = key
    return "".join(chars).rstrip()


def span_text(h: Highlight) -> str:
    """``0x0000..0x0005  6 bytes`` (inclusive last byte), with bits for a bit field."""
    last = max(h.start, h.end - 1)
    text = f"0x{h.start:04x}..0x{last:04x}  {h.size} byte{'s' if h.size != 1 else ''}"
    if h.bit_offset is not None and h.bit_size is not None:
        text += f"  bits {h.bit_offset}..{h.bit_offset + h.bit_size - 1} ({h.bit_size} bit"
        text += "s)" if h.bit_size != 1 else ")"
    return text


def legend_lines(highlights: Sequence[Highlight]) -> list[str]:
    """One line per highlight: key, span, label."""
    return [f"{key_of(highlights, i)}  {span_text(h)}  {h.label}" for i, h in enumerate(highlights)]
