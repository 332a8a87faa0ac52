"""render.rich rows as the TUI draws them: highlight colours, text contrast, the byte cursor."""

from __future__ import annotations

import pytest
from rich.console import Console
from rich.style import Style

from pktscope.render.highlight import Highlight
from pktscope.render.layout import get_layout
from pktscope.render.rich import CURSOR_STYLE, hexdump_row_text, offset_at

DATA = bytes.fromhex("00163e6f43f40000000000000000000041424344")


def _style_at(data: bytes, col: int, **kw: object) -> Style:
    text = hexdump_row_text(data, 0, fmt="canonical", **kw)  # type: ignore[arg-type]
    return text.get_style_at_offset(Console(), col)


@pytest.mark.parametrize(
    ("color", "fg"),
    [("#4e79a7", "black"), ("#e0af68", "black"), ("#1f2a44", "#e0e0e0"), ("#26361f", "#e0e0e0")],
)
def test_text_contrasts_with_the_highlight_colour(color: str, fg: str) -> None:
    hl = [Highlight(0, 6, "x", color)]
    col = get_layout("canonical").byte_col(2)
    style = _style_at(DATA, col, highlights=hl)
    assert style.bgcolor is not None and style.bgcolor.name == color
    assert style.color is not None and style.color.name == fg


def test_cursor_is_drawn_on_top_of_highlights_in_hex_and_ascii() -> None:
    layout = get_layout("canonical")
    hl = [Highlight(0, 16, "layer", "#1f2a44"), Highlight(2, 4, "sel", "#e0af68")]
    for col in (layout.byte_col(3), layout.byte_col(3) + 1, layout.char_col(3)):
        style = _style_at(DATA, col, highlights=hl, cursor=3)
        assert style.reverse and style.underline, col
        assert style.bgcolor is not None and style.bgcolor.name == "#e0af68"
    assert not _style_at(DATA, layout.byte_col(4), highlights=hl, cursor=3).underline
    # a cursor on another row draws nothing on this one
    text = hexdump_row_text(DATA, 0, hl, fmt="canonical", cursor=17)
    assert all(span.style != CURSOR_STYLE for span in text.spans)


def test_offset_at_inverts_the_row_layout() -> None:
    layout = get_layout("canonical")
    for i in range(16):
        assert offset_at(1, layout.byte_col(i), "canonical") == 16 + i
        assert offset_at(1, layout.byte_col(i) + 1, "canonical") == 16 + i
        assert offset_at(1, layout.char_col(i), "canonical") == 16 + i
    assert offset_at(1, layout.char_col(4), "canonical", size=20) is None
