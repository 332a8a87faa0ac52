"""Highlighted hexdumps: plain markers, ANSI through Rich, HTML, rows for the TUI, byte picking,
writing into buffers and streams."""

from __future__ import annotations

import io
import re

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from rich.console import Console

from pktscope.render.hexdump import Highlight, dump_text, hexdump_to, render_hexdump
from pktscope.render.highlight import owners
from pktscope.render.html import hexdump_html
from pktscope.render.layout import FORMATS
from pktscope.render.rich import HexdumpView, hexdump_row_text, offset_at

FRAME = bytes.fromhex(
    "ffffffffffff00163e6f43f40800450001480000000040117c9f00000000ffffffff"
    "004300440134c6d0010106003903f3260000000000000000"
)
ETH = [
    Highlight(0, 6, "eth.dst"),
    Highlight(6, 12, "eth.src"),
    Highlight(12, 14, "eth.ether_type"),
]
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def test_plain_single_highlight_markers_and_legend() -> None:
    text = render_hexdump(FRAME[:20], highlights=[Highlight(6, 12, "eth.src")])
    assert text == (
        "00000000: FF FF FF FF FF FF 00 16  3E 6F 43 F4 08 00 45 00  ......."
        ".>oC...E.\n"
        "                            ^^ ^^  ^^ ^^ ^^ ^^                    ^^^^^^\n"
        "00000010: 01 48 00 00                                       .H..\n"
        "^  0x0006..0x000b  6 bytes  eth.src\n"
    )


def test_plain_keys_innermost_wins_and_no_legend() -> None:
    hls = [Highlight(14, 34, "ipv4"), Highlight(26, 30, "ipv4.src")]
    text = render_hexdump(FRAME, highlights=hls, legend=False)
    lines = text.splitlines()
    assert lines[1] == " " * 53 + "AA AA" + " " * 16 + "AA"
    assert (
        lines[3] == "          AA AA AA AA AA AA AA AA  AA AA BB BB BB BB AA AA  AAAAAAAAAABBBBAA"
    )
    assert lines[5].startswith("          AA AA ")
    assert not any("ipv4.src" in line for line in lines)


def test_owners_nested_and_equal_spans() -> None:
    hls = [Highlight(0, 10, "outer"), Highlight(2, 4, "inner"), Highlight(2, 4, "later")]
    assert owners(hls, 0, 6) == [0, 0, 2, 2, 0, 0]
    with pytest.raises(ValueError, match="end 1 is before start 3"):
        Highlight(3, 1, "bad")


def test_bit_field_legend_and_marked_byte() -> None:
    hl = Highlight(14, 15, "ipv4.version", bit_offset=112, bit_size=4)
    text = render_hexdump(FRAME[:16], highlights=[hl], fmt="xxd")
    assert "^  0x000e..0x000e  1 byte  bits 112..115 (4 bits)  ipv4.version" in text
    assert text.splitlines()[1] == " " * 45 + "^^" + " " * 18 + "^"


def test_canonical_with_highlight_does_not_fold() -> None:
    data = bytes(64)
    plain = dump_text(data, fmt="canonical")
    assert "*" in plain
    marked = render_hexdump(data, fmt="canonical", highlights=[Highlight(40, 42, "x")])
    assert "*" not in marked
    lines = marked.splitlines()
    assert lines[3] == " " * 35 + "^^ ^^" + " " * 29 + "^^"
    assert lines[5] == "00000040"


def test_ansi_strips_to_the_plain_dump_and_colours_bytes() -> None:
    text = render_hexdump(
        FRAME, style="ansi", highlights=ETH, legend=False, color_system="truecolor"
    )
    assert ANSI.sub("", text) == dump_text(FRAME)
    assert "\x1b[30;48;2;78;121;167mFF FF FF FF FF FF\x1b[0m" in text
    with_legend = render_hexdump(FRAME, style="ansi", highlights=ETH)
    assert "0x0006..0x000b  6 bytes  eth.src" in ANSI.sub("", with_legend)


def test_html_is_escaped_and_has_legend() -> None:
    data = b"<script>&'\"" + bytes(8)
    page = hexdump_html(data, highlights=[Highlight(0, 8, "a<b>")])
    assert "<script>" not in page
    assert "&lt;script&gt;" in page
    assert "<code>a&lt;b&gt;</code>" in page
    assert "background-color: #4e79a7" in page
    assert render_hexdump(data, style="html", highlights=[Highlight(0, 8, "a<b>")]) == page
    assert HexdumpView(data, [Highlight(0, 8, "a<b>")])._repr_html_() == page


def test_row_text_spans_and_selection() -> None:
    row = hexdump_row_text(FRAME, 0, ETH, selected=(6, 8))
    assert row.plain == dump_text(FRAME).splitlines()[0]
    styles = {(s.start, s.end): str(s.style) for s in row.spans}
    assert styles[(10, 27)] == "black on #4e79a7"
    assert styles[(28, 33)] == "bold reverse"  # bytes 6, 7 selected: "00 16"
    last = hexdump_row_text(FRAME, 3, fmt="xxd", base_offset=0x100)
    assert last.plain.startswith("00000130: f326 0000 0000")
    with pytest.raises(IndexError, match="row 9 out of range"):
        hexdump_row_text(FRAME, 9)


@pytest.mark.parametrize(
    ("row", "col", "fmt", "expected"),
    [
        (0, 10, "classic", 0),
        (0, 11, "classic", 0),
        (0, 12, "classic", None),  # the space between bytes
        (0, 35, "classic", 8),  # after the double space
        (1, 60, "classic", 16),  # ASCII column
        (1, 75, "classic", 31),
        (0, 76, "classic", None),
        (0, 5, "classic", None),  # offset column
        (0, 15, "xxd", 2),
        (0, 14, "xxd", None),
        (0, 60, "canonical", None),  # the "|"
        (0, 61, "canonical", 0),
        (2, 10, "classic", 32),
    ],
)
def test_offset_at(row: int, col: int, fmt: str, expected: int | None) -> None:
    assert offset_at(row, col, fmt) == expected


def test_offset_at_bounds_and_base() -> None:
    assert offset_at(0, 10, base_offset=0x40) == 0x40
    assert offset_at(3, 10, size=48) is None
    assert offset_at(-1, 10) is None


def test_view_prints_through_a_console() -> None:
    console = Console(file=io.StringIO(), width=200, color_system=None)
    console.print(HexdumpView(FRAME, ETH, fmt="canonical"))
    out = console.file.getvalue()  # type: ignore[attr-defined]
    assert out.splitlines()[:5] == dump_text(FRAME, fmt="canonical").splitlines()
    assert "eth.ether_type" in out


def test_hexdump_to_bytearray_stream_and_file_option() -> None:
    buf = bytearray(b">")
    n = hexdump_to(buf, FRAME, fmt="xxd", base_offset=0x10)
    assert bytes(buf[1:]) == dump_text(FRAME, fmt="xxd", base_offset=0x10).encode()
    assert n == len(buf) - 1
    stream = io.BytesIO()
    m = hexdump_to(stream, FRAME, highlights=ETH[:1])
    assert stream.getvalue() == render_hexdump(FRAME, highlights=ETH[:1]).encode()
    assert m == len(stream.getvalue())
    sink = io.StringIO()
    assert render_hexdump(FRAME, file=sink) == ""
    assert sink.getvalue() == dump_text(FRAME)
    with pytest.raises(TypeError, match="bytearray or a writable binary stream"):
        hexdump_to(b"", FRAME)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="unknown hexdump style 'svg'"):
        render_hexdump(FRAME, style="svg")


def test_empty_data() -> None:
    assert render_hexdump(b"") == ""
    assert render_hexdump(b"", fmt="canonical") == ""
    assert render_hexdump(b"", style="ansi") == ""
    assert hexdump_to(bytearray(), b"") == 0


def test_row_geometry_and_measure() -> None:
    from rich.measure import Measurement

    from pktscope.render.rich import row_count, row_width

    assert [row_count(n) for n in (0, 1, 16, 17)] == [0, 1, 1, 2]
    for fmt in ("classic", "canonical", "xxd"):
        assert row_width(fmt) == len(dump_text(bytes(16), fmt=fmt).splitlines()[0])
    console = Console(file=io.StringIO(), width=200)
    measured = Measurement.get(console, console.options, HexdumpView(FRAME, ETH))
    assert measured.minimum == 76
    assert measured.maximum == 76
    long = [Highlight(0, 2, "x" * 100)]
    wide = Measurement.get(console, console.options, HexdumpView(FRAME, long))
    assert wide.maximum == len("   0x0000..0x0001  2 bytes  ") + 100


_spans = st.lists(
    st.tuples(st.integers(-20, 120), st.integers(0, 40)).map(
        lambda t: Highlight(t[0], t[0] + t[1], f"f{t[0]}")
    ),
    max_size=6,
)


@settings(max_examples=80, deadline=None)
@given(
    st.binary(max_size=100),
    _spans,
    st.sampled_from(["classic", "xxd", "canonical"]),
    st.integers(0, 0x1000),
)
def test_markers_sit_under_exactly_the_owned_bytes(
    data: bytes, hls: list[Highlight], fmt: str, base: int
) -> None:
    assume(hls or fmt != "canonical")  # no highlight: plain canonical folds, the views do not
    hls = [Highlight(h.start + base, h.end + base, h.label) for h in hls]
    text = render_hexdump(data, fmt=fmt, highlights=hls, base_offset=base, legend=False)
    flat = dump_text(data, fmt="classic" if fmt == "classic" else "xxd", base_offset=base)
    lines = text.splitlines()
    owner = owners(hls, base, base + len(data))
    layout = FORMATS[fmt]
    rows = [ln for ln in lines if ln[:1] not in (" ", "")]
    if fmt != "canonical":
        assert rows == flat.splitlines()
    for pos in range(0, len(data), 16):
        idx = lines.index(rows[pos // 16])
        below = lines[idx + 1] if idx + 1 < len(lines) else ""
        is_marker = below.startswith(" ")
        for i in range(min(16, len(data) - pos)):
            col = layout.byte_col(i)
            mark = below[col : col + 2] if is_marker else ""
            if owner[pos + i] >= 0:
                assert mark.strip() and mark[0] == mark[1] != " "
            else:
                assert not mark.strip()
    ansi = render_hexdump(data, fmt=fmt, highlights=hls, base_offset=base, style="ansi")
    assert ANSI.sub("", ansi).splitlines()[: len(rows)] == rows
    page = render_hexdump(data, fmt=fmt, highlights=hls, base_offset=base, style="html")
    assert page.startswith('<div class="pktscope-hexdump-view">')


def test_each_call_gets_its_own_colour_system() -> None:
    # Rich caches escape codes on shared Style instances for the first colour system that
    # renders them; a 16-colour render must not leak into a later truecolor one (or back).
    standard = render_hexdump(FRAME, style="ansi", highlights=ETH, color_system="standard")
    truecolor = render_hexdump(FRAME, style="ansi", highlights=ETH, color_system="truecolor")
    again = render_hexdump(FRAME, style="ansi", highlights=ETH, color_system="standard")
    assert "\x1b[30;48;2;78;121;167mFF FF FF FF FF FF\x1b[0m" in truecolor
    assert "48;2;" not in standard
    assert again == standard
