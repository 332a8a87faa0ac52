"""The generated text row: the same text as each column's renderer, whatever the separator."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from pktscope.extract.render import text_renderer, text_row_code

FACTS: list[Any] = [("hex", 16, None), (None, 1, {1: "discover", 2: "offer"}), ("ipv4", 4, None)]

values = st.one_of(
    st.none(),
    st.integers(-(2**40), 2**40),
    st.booleans(),
    st.binary(max_size=6),
    st.text(max_size=4),
)
column = st.lists(values, max_size=3)


def _expected(cols: list[list[Any]], names: bool, sep: str, agg: str, quote: str) -> str:
    texts = []
    for facts, vals in zip(FACTS, cols, strict=True):
        show = text_renderer(facts, names)
        if not vals:
            texts.append("")
            continue
        text = agg.join(show(v) for v in vals)
        texts.append(quote + text + quote if quote else text)
    return sep.join(texts)


@given(
    st.lists(column, min_size=3, max_size=3),
    st.booleans(),
    st.sampled_from(["\t", ",", "{", "}", "{}", "\\", "'\"", " / "]),
    st.sampled_from(["", "'", '"']),
)
def test_row_equals_the_renderers(cols: list[list[Any]], names: bool, sep: str, quote: str) -> None:
    row = text_row_code(
        FACTS, names, separator=sep, aggregator=";", quote=quote, occurrence="a"
    ).row
    assert row(cols) == _expected(cols, names, sep, ";", quote)


def test_dotted_addresses_are_remembered_and_stay_right() -> None:
    row = text_row_code(
        [("ipv4", 4, None)], False, separator="\t", aggregator=",", quote="", occurrence="a"
    )
    for _ in range(2):
        for addr in (b"\x00\x00\x00\x00", b"\x0a\x00\x00\x01", b"\xff\x01\x09\x64"):
            assert row.row([[addr]]) == ".".join(str(b) for b in addr)
    assert row.row([[b"\x01\x02\x03"]]) == text_renderer(("ipv4", 4, None), False)(b"\x01\x02\x03")
    assert len(row.ns["D"]) == 3


def test_framer_is_the_row_of_the_layers_columns() -> None:
    code = text_row_code(FACTS, False, separator="|", aggregator=",", quote="", occurrence="a")
    seen: list[tuple[Any, int, int, int]] = []

    def layer(buf: Any, start: int, end: int, cols: list[list[Any]], n: int) -> None:
        seen.append((buf, start, end, n))
        cols[0].append(buf[start:end])
        cols[2].extend([b"\x0a\x00\x00\x01", b"\x0a\x00\x00\x02"])

    line_of = code.framer(layer, 3)
    assert line_of(b"\x01\x02\x03", 1, 3) == code.row(
        [[b"\x02\x03"], [], [b"\n\0\0\1", b"\n\0\0\2"]]
    )
    assert line_of(b"\x01\x02\x03", 1, 3) == "0203||10.0.0.1,10.0.0.2"
    assert seen == [(b"\x01\x02\x03", 1, 3, 1)] * 2
