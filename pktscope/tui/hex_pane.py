"""The hex pane: offset, 16 bytes in hex, 16 in ASCII per row, drawn with the Line API.

Layers are tinted, the selected field is highlighted, a search match is marked; when focused, a
byte cursor moves with the arrow keys or a click and posts :class:`HexPane.CursorMoved` so the
tree can follow. :func:`byte_at` maps a click column back to a byte offset.
"""

from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

__all__ = ["HEX_WIDTH", "HexPane", "byte_at", "byte_columns"]

LAYER_TINTS = ("#1f2a44", "#26361f", "#3a2f1a", "#2f2140", "#1b3535", "#3a2020")
_SELECTED = Style(color="black", bgcolor="#e0af68", bold=True)
_MATCH = Style(color="black", bgcolor="#bb9af7")
_CURSOR = Style(color="black", bgcolor="#7dcfff", bold=True, underline=True)
_OFFSET = Style(color="#565f89")
_PLAIN = Style(color="#9aa5ce")
_TINT_STYLES = tuple(Style(color="#c0caf5", bgcolor=c) for c in LAYER_TINTS)
HEX_WIDTH = 6 + 16 * 3 + 1 + 1 + 16 + 1


def byte_columns(j: int) -> tuple[int, int]:
    """Screen columns of byte ``j`` (0..15) in a row: (hex column, ASCII column)."""
    return 6 + 3 * j + (1 if j >= 8 else 0), 6 + 16 * 3 + 2 + j


def byte_at(row: int, col: int, size: int) -> int | None:
    """The byte offset under screen ``(row, col)``, or None between bytes / past the end."""
    j: int | None = None
    for k in range(16):
        hex_col, ascii_col = byte_columns(k)
        if hex_col <= col <= hex_col + 1 or col == ascii_col:
            j = k
            break
    if j is None:
        return None
    offset = row * 16 + j
    return offset if offset < size else None


class HexPane(ScrollView, can_focus=True):
    """Bytes of the selected packet."""

    DEFAULT_CSS = f"HexPane {{ width: {HEX_WIDTH + 2}; }}"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left,h", "move(-1)", "Byte left", show=False),
        Binding("right,l", "move(1)", "Byte right", show=False),
        Binding("up,k", "move(-16)", "Row up", show=False),
        Binding("down,j", "move(16)", "Row down", show=False),
        Binding("home", "edge(0)", "First byte", show=False),
        Binding("end", "edge(1)", "Last byte", show=False),
    ]

    cursor: reactive[int] = reactive(0)

    class CursorMoved(Message):
        """The byte cursor is on ``offset``."""

        def __init__(self, offset: int) -> None:
            self.offset = offset
            super().__init__()

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.data = b""
        self.layer_spans: list[tuple[int, int]] = []
        self.selected: tuple[int, int] | None = None
        self.match: tuple[int, int] | None = None
        self._style_cache: list[Style] | None = None

    def show(self, data: bytes, layers: list[tuple[int, int]]) -> None:
        """New packet bytes with its layer spans; clears highlight and match."""
        self.data = data
        self.layer_spans = layers
        self.selected = None
        self.match = None
        self.set_reactive(HexPane.cursor, 0)
        self.virtual_size = Size(HEX_WIDTH, (len(data) + 15) // 16)
        self.scroll_to(y=0, animate=False)
        self.refresh_styles()

    def highlight(self, span: tuple[int, int] | None, *, scroll: bool = True) -> None:
        """Highlight bytes ``[start, end)`` (the selected field) and bring them into view."""
        self.selected = span
        if span is not None and scroll:
            self._show_row(span[0] // 16)
        self.refresh_styles()

    def mark_match(self, span: tuple[int, int] | None) -> None:
        self.match = span
        if span is not None:
            self._show_row(span[0] // 16)
        self.refresh_styles()

    def _show_row(self, row: int) -> None:
        top, height = int(self.scroll_offset.y), max(self.size.height, 1)
        if row < top or row >= top + height:
            self.scroll_to(y=max(row - height // 3, 0), animate=False)

    def _styles(self) -> list[Style]:
        """One style per byte, computed once per change (not per byte drawn)."""
        if self._style_cache is not None:
            return self._style_cache
        n = len(self.data)
        out = [_PLAIN] * n
        for i, (start, end) in enumerate(self.layer_spans):
            tint = _TINT_STYLES[i % len(_TINT_STYLES)]
            out[max(start, 0) : min(end, n)] = [tint] * max(min(end, n) - max(start, 0), 0)
        for span, style in ((self.match, _MATCH), (self.selected, _SELECTED)):
            if span is not None:
                start, end = max(span[0], 0), min(span[1], n)
                out[start:end] = [style] * max(end - start, 0)
        if self.has_focus and 0 <= self.cursor < n:
            out[self.cursor] = _CURSOR
        self._style_cache = out
        return out

    def refresh_styles(self) -> None:
        self._style_cache = None
        self.refresh()

    def render_line(self, y: int) -> Strip:
        row = int(self.scroll_offset.y) + y
        base = row * 16
        if base >= len(self.data):
            return Strip.blank(self.size.width, self.rich_style)
        chunk = self.data[base : base + 16]
        styles = self._styles()[base : base + 16]
        segs = [Segment(f"{base:04x}  ", _OFFSET)]
        for j, b in enumerate(chunk):
            if j == 8:
                segs.append(Segment(" "))
            style = styles[j]
            joined = j < len(chunk) - 1 and j != 7 and style is styles[j + 1]
            segs.append(Segment(f"{b:02x} " if joined else f"{b:02x}", style))
            if not joined:
                segs.append(Segment(" "))
        segs.append(Segment("   " * (16 - len(chunk)) + (" " if len(chunk) <= 8 else "") + " "))
        segs.extend(
            Segment(chr(b) if 0x20 <= b < 0x7F else ".", styles[j]) for j, b in enumerate(chunk)
        )
        return Strip(segs).extend_cell_length(self.size.width)

    # -- cursor -----------------------------------------------------------------------------
    def move_to(self, offset: int) -> None:
        if not self.data:
            return
        self.cursor = max(0, min(offset, len(self.data) - 1))
        self._show_row(self.cursor // 16)
        self.refresh_styles()
        self.post_message(self.CursorMoved(self.cursor))

    def action_move(self, delta: int) -> None:
        self.move_to(self.cursor + delta)

    def action_edge(self, end: int) -> None:
        self.move_to(len(self.data) - 1 if end else 0)

    def on_click(self, event: events.Click) -> None:
        offset = byte_at(int(self.scroll_offset.y) + event.y, event.x, len(self.data))
        self.focus()
        if offset is not None:
            self.move_to(offset)

    def on_focus(self) -> None:
        if self.selected is not None:
            self.set_reactive(HexPane.cursor, self.selected[0])
        self.refresh_styles()

    def on_blur(self) -> None:
        self.refresh_styles()
