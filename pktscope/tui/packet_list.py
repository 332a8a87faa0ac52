"""The packet list: a virtual ``ScrollView`` drawing only visible rows (Line API).

Rows are positions in the current *view*: every frame, or the frame indexes a display filter
kept (an ``array('Q')`` that may still be growing). ``render_line(y)`` asks the source for the
row's summary, which decodes just that frame; nothing is held per row, so a million frames cost
what a screenful costs. Moving the cursor posts :class:`PacketList.Selected`.
"""

from __future__ import annotations

import time
from array import array
from bisect import bisect_left
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
from textual.widgets import Static

from pktscope.tui.fixed_box import FixedBox
from pktscope.tui.source import CaptureSource
from pktscope.tui.summary import Summary

__all__ = ["COLUMNS", "PacketList", "PacketListHeader", "column_widths", "format_row"]

# (title, width); Info takes what is left.
COLUMNS: tuple[tuple[str, int], ...] = (
    ("No.", 8),
    ("Time", 12),
    ("Source", 17),
    ("Destination", 17),
    ("Protocol", 8),
    ("Length", 6),
    ("Info", 0),
)
_TINTS = {
    "DHCP": "#1f3b57",
    "DNS": "#2b3a1f",
    "ARP": "#4a3b18",
    "TCP": "#2e2440",
    "ICMP": "#3d2a2a",
    "ICMPV6": "#3d2a2a",
    "UDP": "#1d3436",
}


def _cell(text: str, width: int, right: bool = False) -> str:
    if len(text) > width:
        return text[: max(width - 1, 0)] + "…"
    return text.rjust(width) if right else text.ljust(width)


NARROW_LIST = 100  # below this many cells the fixed columns shrink, so Info keeps some room


def column_widths(width: int) -> list[int]:
    """Column widths for a list ``width`` cells wide: wide terminals get room for IPv6, narrow
    ones give Info the cells the others can spare (at 80 columns it had 3)."""
    widths = [w for _, w in COLUMNS]
    if width >= 140:
        widths[2] = widths[3] = 26
    elif width < NARROW_LIST:  # No. to 1M, times to 99999.999, an IPv4 address, "Len"
        widths[:6] = [7, 9, 15, 15, 6, 4]
    return widths


def _time_text(seconds: float, width: int) -> str:
    for decimals in (6, 3, 0):  # fewer decimals before cutting digits off
        text = f"{seconds:.{decimals}f}"
        if len(text) <= width:
            return text
    return text


def format_row(row: Summary, width: int) -> str:
    """The row as fixed-width text, ``width`` columns wide (Info is cut to fit)."""
    w = column_widths(width)
    cells = [
        _cell(str(row.number), w[0], right=True),
        _cell(_time_text(row.time, w[1]), w[1], right=True),
        _cell(row.source, w[2]),
        _cell(row.destination, w[3]),
        _cell(row.protocol, w[4]),
        _cell(str(row.length), w[5], right=True),
    ]
    head = " ".join(cells) + " "
    return _cell(head + row.info, width)


def header_text(width: int) -> str:
    w = column_widths(width)
    short = {"Protocol": "Proto", "Length": "Len"} if width < NARROW_LIST else {}
    cells = [
        _cell(short.get(t, t), w[i], right=t in ("No.", "Time", "Length"))
        for i, (t, _) in enumerate(COLUMNS[:-1])
    ]
    return _cell(" ".join(cells) + " Info", width)


class PacketListHeader(Static):
    """Column titles above the list (kept out of the scrolled area)."""

    DEFAULT_CSS = "PacketListHeader { height: 1; background: $panel; text-style: bold; }"

    def on_resize(self, event: events.Resize) -> None:
        self.update(header_text(event.size.width), layout=False)


class PacketList(FixedBox, ScrollView, can_focus=True):
    """Virtual list of packets; ``cursor`` is the row (position in the view)."""

    DEFAULT_CSS = """
    PacketList { height: 1fr; overflow-x: hidden; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "move(-1)", "Up", show=False),
        Binding("down,j", "move(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home", "goto_row(0)", "First", show=False),
        Binding("end", "goto_row(-1)", "Last", show=False),
    ]

    cursor: reactive[int] = reactive(0, always_update=True)

    class Selected(Message):
        """The cursor is on frame ``index`` (0-based, in the capture)."""

        def __init__(self, index: int | None) -> None:
            self.index = index
            super().__init__()

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.source: CaptureSource | None = None
        self.view: array[int] | None = None
        self._last_posted: int | None = -1
        # when a packet row was first drawn, and the cursor row last drawn (for benchmarks)
        self.first_paint_at: float | None = None
        self.cursor_painted_at = 0.0

    # -- data -------------------------------------------------------------------------------
    def set_source(self, source: CaptureSource | None) -> None:
        self.source = source
        self.view = None
        self._last_posted = -1
        self.refresh_count()
        self.cursor = 0
        self.scroll_to(y=0, animate=False)

    def set_view(self, view: array[int] | None) -> None:
        """Show only frame indexes in ``view`` (sorted; may keep growing), or all when None."""
        self.view = view
        self._last_posted = -1
        self.refresh_count()
        self.cursor = 0
        self.scroll_to(y=0, animate=False)

    @property
    def row_count(self) -> int:
        if self.source is None:
            return 0
        return len(self.view) if self.view is not None else len(self.source)

    def refresh_count(self) -> None:
        """Re-read the row count (the index or the filter result may have grown)."""
        self.virtual_size = Size(self.scrollable_content_region.width, self.row_count)
        self.refresh()
        self.sync_scrollbars()  # in this frame, and without a layout of the whole screen
        if self._last_posted == -1 or (self._last_posted is None and self.row_count):
            self._post_selection()

    def index_at(self, row: int) -> int | None:
        """Frame index shown at ``row``, or None past the end."""
        if not 0 <= row < self.row_count:
            return None
        return int(self.view[row]) if self.view is not None else row

    def row_of(self, index: int) -> int:
        """Row showing frame ``index``, or the row of the next frame shown after it."""
        if self.view is None:
            return min(index, max(self.row_count - 1, 0))
        return min(bisect_left(self.view, index), max(len(self.view) - 1, 0))

    @property
    def selected_index(self) -> int | None:
        return self.index_at(self.cursor)

    # -- cursor -----------------------------------------------------------------------------
    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, self.row_count - 1)) if self.row_count else 0

    def watch_cursor(self, old: int, new: int) -> None:
        if self.virtual_size.height < self.row_count:
            # the index grew since the last count (End while indexing): without the room, the
            # scroll below stops at the old last row and the cursor row is not on screen
            self.virtual_size = Size(self.scrollable_content_region.width, self.row_count)
        top, height = int(self.scroll_offset.y), max(self.scrollable_content_region.height, 1)
        if new < top:
            self.scroll_to(y=new, animate=False)
        elif new >= top + height:
            self.scroll_to(y=new - height + 1, animate=False)
        self.refresh()
        self._post_selection()

    def _post_selection(self) -> None:
        index = self.selected_index
        if index != self._last_posted:
            self._last_posted = index
            self.post_message(self.Selected(index))

    def center_on(self, row: int) -> None:
        """Put the cursor on ``row`` with that row in the middle of the screen."""
        self.cursor = row
        self.scroll_to(
            y=max(self.cursor - self.scrollable_content_region.height // 2, 0), animate=False
        )

    def action_move(self, delta: int) -> None:
        self.cursor += delta

    def action_page(self, direction: int) -> None:
        self.cursor += direction * max(self.scrollable_content_region.height - 1, 1)

    def action_goto_row(self, row: int) -> None:
        self.cursor = row if row >= 0 else self.row_count - 1

    def on_click(self, event: events.Click) -> None:
        self.focus()
        self.cursor = int(self.scroll_offset.y) + event.y

    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(self.scrollable_content_region.width, self.row_count)

    # -- drawing ----------------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width  # inside the vertical scrollbar
        row = int(self.scroll_offset.y) + y
        index = self.index_at(row)
        if index is None or self.source is None:
            return Strip.blank(width, self.rich_style)
        summary = self.source.summary(index)
        text = format_row(summary, width)
        if self.first_paint_at is None:
            self.first_paint_at = time.perf_counter()
        if row == self.cursor:
            self.cursor_painted_at = time.perf_counter()
            style = Style(
                color="black", bgcolor="#7aa2f7" if self.has_focus else "#565f89", bold=True
            )
        elif summary.malformed:
            style = Style(color="#ff6b6b", bgcolor="#3a1010")
        else:
            style = Style(color="#d0d0d0", bgcolor=_TINTS.get(summary.protocol, "#1a1b26"))
        return Strip([Segment(text, style)], width)

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()
