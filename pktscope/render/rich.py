"""Rich renderables for hexdumps: the TUI hex pane, notebooks and ANSI text share them.

:func:`hexdump_row_text` builds one row as a ``rich.text.Text`` (so the TUI renders only the
visible rows), :class:`HexdumpView` stacks rows and a legend in ``__rich_console__``, and
:func:`offset_at` maps a screen cell back to the byte under it for clicks and cursors. Row
text is the same line the plain layouts print (``layout.line``), styled per highlight owner.
Rows are never folded into ``*`` here: every byte has a place on screen.
"""

from __future__ import annotations

import dataclasses
import functools
import io
from collections.abc import Iterator, Sequence

from rich.color import Color, ColorSystem
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.style import Style
from rich.text import Text

from pktscope.render.highlight import Highlight, color_of, owners, span_text
from pktscope.render.layout import BYTES_PER_LINE, Layout, get_layout, window

_COLOR_SYSTEMS = {
    "standard": ColorSystem.STANDARD,
    "256": ColorSystem.EIGHT_BIT,
    "truecolor": ColorSystem.TRUECOLOR,
    "windows": ColorSystem.WINDOWS,
}

__all__ = ["HexdumpView", "hexdump_ansi", "hexdump_row_text", "offset_at", "row_count", "row_width"]

Data = bytes | bytearray | memoryview
Selected = int | tuple[int, int] | None

OFFSET_STYLE = Style(dim=True)
SELECTED_STYLE = Style(reverse=True, bold=True)
CURSOR_STYLE = Style(reverse=True, bold=True, underline=True)


@functools.lru_cache(maxsize=256)
def _background_style(color: str) -> Style:
    """Text on ``color``: black on light colours (the palette), light on dark ones (tints)."""
    r, g, b = Color.parse(color).get_truecolor()
    light = 0.299 * r + 0.587 * g + 0.114 * b >= 90
    return Style(color="black" if light else "#e0e0e0", bgcolor=color)


def _hl_style(highlights: Sequence[Highlight], index: int) -> Style:
    return _background_style(color_of(highlights, index))


def _selected_span(selected: Selected) -> tuple[int, int] | None:
    if selected is None:
        return None
    if isinstance(selected, int):
        return selected, selected + 1
    return selected


def _styled_row(
    layout: Layout,
    buf: bytes,
    pos: int,
    stop: int,
    highlights: Sequence[Highlight],
    *,
    base_offset: int,
    selected: Selected = None,
    cursor: int | None = None,
) -> Text:
    """``buf[pos:stop]`` (at most one line) as styled Text; offsets are ``base_offset + pos``."""
    offset = base_offset + pos
    width = max(8, len(f"{offset:x}"))
    text = Text(layout.line(offset, buf[pos:stop]), no_wrap=True, end="")
    text.stylize(OFFSET_STYLE, 0, width)
    pre = layout.prefix_len(width)
    asc = pre + layout.ascii_col
    n = stop - pos

    def paint(style: Style, owned: Sequence[bool]) -> None:
        i = 0
        while i < n:
            if not owned[i]:
                i += 1
                continue
            j = i
            while j + 1 < n and owned[j + 1]:
                j += 1
            text.stylize(style, pre + layout.hex_cols[i], pre + layout.hex_cols[j] + 2)
            text.stylize(style, asc + i, asc + j + 1)
            i = j + 1

    if highlights:
        row_owner = owners(highlights, offset, offset + n)
        for index in sorted(set(row_owner) - {-1}):
            paint(_hl_style(highlights, index), [o == index for o in row_owner])
    span = _selected_span(selected)
    if span is not None:
        a, b = span
        paint(SELECTED_STYLE, [a <= offset + i < b for i in range(n)])
    if cursor is not None and offset <= cursor < offset + n:
        paint(CURSOR_STYLE, [offset + i == cursor for i in range(n)])
    return text


def hexdump_row_text(
    data: Data,
    row: int,
    highlights: Sequence[Highlight] = (),
    selected: Selected = None,
    *,
    fmt: str = "classic",
    base_offset: int = 0,
    cursor: int | None = None,
) -> Text:
    """Row ``row`` (bytes ``16*row`` .. ``16*row+15`` of ``data``) as a Rich ``Text``.

    Each highlight paints its bytes in its colour (the innermost span wins; text is black on
    light colours, light on dark ones). ``selected`` (a dump offset or a ``(start, end)`` span)
    is drawn reversed on top of them, and ``cursor`` (a dump offset: a viewer's byte cursor)
    reversed and underlined on top of everything. Raises ``IndexError`` for a row past the
    data.
    """
    pos = BYTES_PER_LINE * row
    size = len(data) if isinstance(data, bytes | bytearray) else memoryview(data).nbytes
    if row < 0 or (pos >= size and not (row == 0 and not size)):
        raise IndexError(f"hexdump row {row} out of range (data has {size} bytes)")
    buf, start, stop, shift = window(data, pos, pos + BYTES_PER_LINE)
    return _styled_row(
        get_layout(fmt),
        buf,
        start,
        stop,
        highlights,
        base_offset=base_offset + shift,
        selected=selected,
        cursor=cursor,
    )


def row_count(size: int) -> int:
    """Rows a dump of ``size`` bytes takes (no folding): ``row_count(17) == 2``."""
    return -(-size // BYTES_PER_LINE)


def row_width(fmt: str = "classic", width: int = 8) -> int:
    """Cells of a full row of ``fmt`` with ``width``-digit offsets (76 for classic)."""
    layout = get_layout(fmt)
    return layout.prefix_len(width) + layout.ascii_col + BYTES_PER_LINE + len(layout.ascii_close)


def offset_at(
    row: int,
    col: int,
    fmt: str = "classic",
    *,
    base_offset: int = 0,
    size: int | None = None,
    width: int = 8,
) -> int | None:
    """The dump offset of the byte drawn at screen cell (``row``, ``col``) of a dump, or None.

    A byte owns its two hex digits and its ASCII character. ``size`` (the data length) turns
    cells past the end into None; ``width`` is the offset column's digit count.
    """
    if row < 0 or col < 0:
        return None
    layout = get_layout(fmt)
    rel = col - layout.prefix_len(width)
    index: int | None = None
    if 0 <= rel - layout.ascii_col < BYTES_PER_LINE:
        index = rel - layout.ascii_col
    else:
        for i, c in enumerate(layout.hex_cols):
            if c <= rel < c + 2:
                index = i
                break
    if index is None:
        return None
    pos = BYTES_PER_LINE * row + index
    if size is not None and pos >= size:
        return None
    return base_offset + pos


def legend_text(highlights: Sequence[Highlight]) -> Iterator[Text]:
    """One legend line per highlight: a colour swatch, the span and the label."""
    for i, h in enumerate(highlights):
        line = Text(no_wrap=True, end="")
        line.append("  ", _hl_style(highlights, i))
        line.append(f" {span_text(h)}  {h.label}")
        yield line


@dataclasses.dataclass
class HexdumpView:
    """A hexdump with highlighted fields as a Rich renderable (``console.print(view)``)."""

    data: Data
    highlights: Sequence[Highlight] = ()
    fmt: str = "classic"
    base_offset: int = 0
    start: int = 0
    end: int | None = None
    selected: Selected = None
    legend: bool = True

    def rows(self) -> Iterator[Text]:
        """Every row of the dump as styled Text (no folding), then the end offset line for
        ``canonical``."""
        layout = get_layout(self.fmt)
        buf, start, end, shift = window(self.data, self.start, self.end)
        base = self.base_offset + shift
        for pos in range(start, end, BYTES_PER_LINE):
            yield _styled_row(
                layout,
                buf,
                pos,
                min(end, pos + BYTES_PER_LINE),
                self.highlights,
                base_offset=base,
                selected=self.selected,
            )
        if layout.fold and end > start:
            yield Text(layout.offset_text(base + end), style=OFFSET_STYLE, end="")

    def _repr_html_(self) -> str:
        from pktscope.render.html import hexdump_html  # noqa: PLC0415 - html imports this module

        return hexdump_html(
            self.data,
            fmt=self.fmt,
            highlights=self.highlights,
            base_offset=self.base_offset,
            start=self.start,
            end=self.end,
            legend=self.legend,
            selected=self.selected,
        )

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        size = len(window(self.data, self.start, self.end)[0])
        digits = max(8, len(f"{self.base_offset + size:x}"))
        rows = row_width(self.fmt, digits)
        widest = rows
        if self.legend:
            for line in legend_text(self.highlights):
                widest = max(widest, line.cell_len)
        return Measurement(rows, widest)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for row in self.rows():
            row.end = "\n"
            yield row
        if self.legend and self.highlights:
            for line in legend_text(self.highlights):
                line.end = "\n"
                yield line


def hexdump_ansi(
    data: Data,
    *,
    fmt: str = "classic",
    highlights: Sequence[Highlight] = (),
    base_offset: int = 0,
    start: int = 0,
    end: int | None = None,
    legend: bool = True,
    color_system: str = "auto",
) -> str:
    """The dump as text with ANSI colour escapes (through Rich).

    ``color_system`` is Rich's: ``"auto"`` follows ``COLORTERM``/``TERM`` (truecolor, 256 or
    16 colours), or force ``"truecolor"``, ``"256"``, ``"standard"``.
    """
    view = HexdumpView(data, highlights, fmt, base_offset, start, end, None, legend)
    console = Console(
        file=io.StringIO(),
        force_terminal=True,
        color_system=color_system,  # type: ignore[arg-type]
        width=1 << 16,
        highlight=False,
        emoji=False,
        markup=False,
        legacy_windows=False,
        force_jupyter=False,  # in a notebook Rich would display the dump instead of writing it
    )
    system = _COLOR_SYSTEMS.get(console.color_system or "")
    # Rich caches a Style's escape codes on the (shared, lru-cached) Style instance for the
    # first colour system that renders it; a fresh Style per call keeps each call's own.
    fresh: dict[Style, Style] = {}
    out: list[str] = []
    for seg in console.render(view, console.options.update(no_wrap=True)):
        if seg.style is None or system is None or seg.control:
            out.append(seg.text)
            continue
        style = fresh.get(seg.style)
        if style is None:
            s = seg.style
            style = fresh[s] = Style(  # the constructor, unlike `+`/parse, is not cached
                color=s.color,
                bgcolor=s.bgcolor,
                bold=s.bold,
                dim=s.dim,
                italic=s.italic,
                underline=s.underline,
                reverse=s.reverse,
            )
        out.append(style.render(seg.text, color_system=system))
    return "".join(out)
