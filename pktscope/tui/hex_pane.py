"""The hex pane: the packet's bytes as rows of the shared hexdump (``render.rich``).

Each visible row is :func:`~pktscope.render.rich.hexdump_row_text`, the same row the CLI prints
and notebooks show, turned into a ``Strip`` (Line API: only visible rows are drawn, each once
per change of packet, highlight or cursor). Layers are tinted, the selected field and a search
match are highlights in their own colours, and when the pane has focus the byte cursor moves
with the arrow keys or a click (:func:`~pktscope.render.rich.offset_at` maps the cell back to
its byte) and posts :class:`HexPane.CursorMoved` so the tree can follow.
"""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from pktscope.render.highlight import Highlight
from pktscope.render.rich import hexdump_row_text, offset_at, row_count, row_width
from pktscope.tui.fixed_box import FixedBox

__all__ = ["FMT", "HEX_WIDTH", "LAYER_TINTS", "HexPane"]

FMT = "canonical"  # lowercase digits, |ascii| column: hexdump -C, as Wireshark's byte pane reads
LAYER_TINTS = ("#1f2a44", "#26361f", "#3a2f1a", "#2f2140", "#1b3535", "#3a2020")
SELECTED_COLOR = "#e0af68"
MATCH_COLOR = "#bb9af7"
HEX_WIDTH = row_width(FMT)


class HexPane(FixedBox, ScrollView, can_focus=True):
    """Bytes of the selected packet."""

    # a scrollbar that is always there never changes the layout (a whole-screen redraw)
    DEFAULT_CSS = f"HexPane {{ width: {HEX_WIDTH + 2}; color: #9aa5ce; overflow-y: scroll; }}"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left,h", "move(-1)", "Byte left", show=False),
        Binding("right,l", "move(1)", "Byte right", show=False),
        Binding("up,k", "move(-16)", "Row up", show=False),
        Binding("down,j", "move(16)", "Row down", show=False),
        Binding("home", "edge(0)", "First byte", show=False),
        Binding("end", "edge(1)", "Last byte", show=False),
        # the cursor goes with the page (the view scrolled and left it behind, off screen)
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
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
        self._highlights: list[Highlight] = []
        self._rows: dict[int, Strip] = {}  # drawn rows of the current packet and highlights
        self._frame_style: Style | None = None  # rich_style while a frame is drawn

    def show(self, data: bytes, layers: list[tuple[int, int]]) -> None:
        """New packet bytes with its layer spans; clears highlight and match."""
        self.data = data
        self.layer_spans = layers
        self.selected = None
        self.match = None
        self.set_reactive(HexPane.cursor, 0)
        self.virtual_size = Size(HEX_WIDTH, row_count(len(data)))
        self.scroll_to(y=0, animate=False)
        self.refresh_styles()
        self.sync_scrollbars()

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

    def highlights(self) -> list[Highlight]:
        """Layer tints, then the search match, then the selected field (innermost wins)."""
        out = [
            Highlight(start, end, f"layer {i}", LAYER_TINTS[i % len(LAYER_TINTS)])
            for i, (start, end) in enumerate(self.layer_spans)
            if start < end
        ]
        for span, label, color in (
            (self.match, "match", MATCH_COLOR),
            (self.selected, "selected", SELECTED_COLOR),
        ):
            if span is not None and span[0] < span[1]:
                out.append(Highlight(span[0], span[1], label, color))
        return out

    def refresh_styles(self) -> None:
        self._highlights = self.highlights()
        self._rows.clear()
        self.refresh()

    def render_lines(self, crop: Region) -> list[Strip]:
        # the widget's style is the same for every line of a frame: computing it walks the
        # ancestors, a fifth of this pane's time when done per line (measured, bench_tui)
        self._frame_style = self.rich_style
        try:
            return super().render_lines(crop)
        finally:
            self._frame_style = None

    def render_line(self, y: int) -> Strip:
        base = self.rich_style if self._frame_style is None else self._frame_style
        row = int(self.scroll_offset.y) + y
        if row >= row_count(len(self.data)):
            return Strip.blank(self.size.width, base)
        strip = self._rows.get(row)
        if strip is None:
            cursor = self.cursor if self.has_focus else None
            text = hexdump_row_text(self.data, row, self._highlights, fmt=FMT, cursor=cursor)
            strip = Strip(list(text.render(self.app.console)), text.cell_len)
            self._rows[row] = strip
        return strip.extend_cell_length(self.size.width).apply_style(base)

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

    def action_page(self, direction: int) -> None:
        rows = max(self.scrollable_content_region.height - 1, 1)
        self.move_to(self.cursor + direction * 16 * rows)

    def on_click(self, event: events.Click) -> None:
        row = int(self.scroll_offset.y) + event.y
        offset = offset_at(row, event.x, FMT, size=len(self.data))
        self.focus()
        if offset is not None:
            self.move_to(offset)

    def on_focus(self) -> None:
        if self.selected is not None:
            self.set_reactive(HexPane.cursor, self.selected[0])
        self.refresh_styles()

    def on_blur(self) -> None:
        self.refresh_styles()
