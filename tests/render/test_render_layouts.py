"""Hexdump layouts: byte-identical to ``xxd`` and ``hexdump -C`` run on the same bytes, and the
fast block builder identical to the simple one-line-at-a-time path for any offsets."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import require_tool
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pktscope.render.hexdump import dump_lines, dump_text
from pktscope.render.layout import BLOCK_LINES, FOLD_SCAN_LINES, FORMATS, get_layout

ENV = {**os.environ, "LC_ALL": "C"}


def _tool(name: str) -> str:
    path = shutil.which(name)
    require_tool(name, path is not None, "apt-get install xxd bsdextrautils")
    assert path is not None
    return path


def _run(argv: list[str], data: bytes) -> bytes:
    return subprocess.run(argv, input=data, capture_output=True, check=True, env=ENV).stdout


def _patterned(seed: bytes, layout: list[int]) -> bytes:
    """Lines drawn from a few patterns, so repeated lines (and "*" folds) happen."""
    lines = [bytes(16), b"\xff" * 16, (seed * 16)[:16], bytes(range(16))]
    return b"".join(lines[i % len(lines)] for i in layout)


@pytest.mark.tools
@pytest.mark.parametrize("n", [0, 1, 8, 9, 15, 16, 17, 33, 256, 5000])
def test_fixed_sizes_against_binaries(n: int) -> None:
    data = os.urandom(n)
    assert dump_text(data, fmt="xxd").encode() == _run([_tool("xxd")], data)
    assert dump_text(data, fmt="canonical").encode() == _run([_tool("hexdump"), "-C"], data)


@pytest.mark.tools
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=600))
def test_random_bytes_against_binaries(data: bytes) -> None:
    assert dump_text(data, fmt="xxd").encode() == _run([_tool("xxd")], data)
    assert dump_text(data, fmt="canonical").encode() == _run([_tool("hexdump"), "-C"], data)


@pytest.mark.tools
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.binary(min_size=1, max_size=4),
    st.lists(st.integers(0, 3), max_size=80),
    st.binary(max_size=20),
)
def test_folding_against_hexdump_c(seed: bytes, layout: list[int], tail: bytes) -> None:
    data = _patterned(seed, layout) + tail
    assert dump_text(data, fmt="canonical").encode() == _run([_tool("hexdump"), "-C"], data)


@pytest.mark.tools
def test_big_folded_runs_against_hexdump_c() -> None:
    data = bytes(16 * 5000) + os.urandom(40) + b"\xab" * (16 * 3000 + 5) + bytes(16 * 2)
    assert dump_text(data, fmt="canonical").encode() == _run([_tool("hexdump"), "-C"], data)


@pytest.mark.tools
@pytest.mark.parametrize(("start", "length"), [(0, 10), (5, 40), (17, 1), (100, 300), (3, 0)])
def test_ranges_against_seek_options(tmp_path: Path, start: int, length: int) -> None:
    data = os.urandom(512)
    path = tmp_path / "data.bin"
    path.write_bytes(data)
    end = start + length
    xxd = _run([_tool("xxd"), "-s", str(start), "-l", str(length), str(path)], b"")
    canon = _run([_tool("hexdump"), "-C", "-s", str(start), "-n", str(length), str(path)], b"")
    if length:  # (xxd -l 0 means "no limit")
        assert dump_text(data, fmt="xxd", start=start, end=end).encode() == xxd
    assert dump_text(data, fmt="canonical", start=start, end=end).encode() == canon


@pytest.mark.tools
def test_display_offset_against_xxd_o() -> None:
    data = os.urandom(100)
    for base in (0x2A, 0xFFFFFFC0):
        ref = _run([_tool("xxd"), "-o", str(base)], data)
        assert dump_text(data, fmt="xxd", base_offset=base).encode() == ref


def _slow_lines(data: bytes, fmt: str, base_offset: int, start: int, end: int) -> list[str]:
    layout = get_layout(fmt)
    return [layout.line(base_offset + p, data[p : min(end, p + 16)]) for p in range(start, end, 16)]


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(sorted(FORMATS)),
    st.integers(0, 16 * BLOCK_LINES * 2 + 40),
    st.one_of(st.integers(0, 1 << 20), st.integers((1 << 32) - 70000, (1 << 32) + 10)),
    st.integers(0, 40),
)
def test_block_builder_matches_line_builder(fmt: str, size: int, base: int, start: int) -> None:
    data = bytes((i * 131 + 7) % 251 for i in range(size))  # no repeated lines: no folds
    start = min(start, size)
    got = list(dump_lines(data, fmt=fmt, base_offset=base, start=start))
    want = _slow_lines(data, fmt, base, start, size)
    if FORMATS[fmt].fold and size > start:
        want.append(f"{base + size:08x}")
    assert got == want


def test_offsets_grow_past_eight_digits() -> None:
    lines = list(dump_lines(bytes(32), fmt="classic", base_offset=0xFFFFFFF0))
    assert lines[0].startswith("FFFFFFF0: 00")
    assert lines[1].startswith("100000000: 00")


def test_unknown_format_and_negative_offset() -> None:
    with pytest.raises(ValueError, match="unknown hexdump format 'wide'"):
        list(dump_lines(b"x", fmt="wide"))
    with pytest.raises(ValueError, match="must not be negative"):
        list(dump_lines(b"x", base_offset=-1))


def test_field_alone_shows_absolute_offsets() -> None:
    packet = bytes(range(64))
    field = list(dump_lines(packet, fmt="xxd", start=0x1C, end=0x2C))
    assert field == [
        "0000001c: 1c1d 1e1f 2021 2223 2425 2627 2829 2a2b  .... !\"#$%&'()*+",
    ]
    alone = list(dump_lines(packet[0x1C:0x2C], fmt="xxd", base_offset=0x1C))
    assert alone == field


@pytest.mark.tools
@pytest.mark.parametrize(
    ("run_start", "run_len"),
    [
        (BLOCK_LINES - 1, 1),
        (BLOCK_LINES - 1, 2),
        (BLOCK_LINES, 3),
        (BLOCK_LINES + 1, 2048),
        (FOLD_SCAN_LINES - 1, 2),
        (FOLD_SCAN_LINES, 1),
        (FOLD_SCAN_LINES - 5, FOLD_SCAN_LINES + 10),
    ],
)
def test_folds_across_block_boundaries(run_start: int, run_len: int) -> None:
    lines = [bytes((i * 7 + j) % 251 for j in range(16)) for i in range(2 * FOLD_SCAN_LINES + 50)]
    for k in range(run_start, run_start + run_len):
        lines[k] = lines[run_start - 1]
    data = b"".join(lines)
    assert dump_text(data, fmt="canonical").encode() == _run([_tool("hexdump"), "-C"], data)


def test_windows_of_views_match_bytes() -> None:
    from array import array

    from pktscope.render.layout import window

    data = bytes(range(256)) * 4
    view = memoryview(bytearray(data))
    for fmt in sorted(FORMATS):
        want = dump_text(data, fmt=fmt, base_offset=7, start=33, end=301)
        assert dump_text(view, fmt=fmt, base_offset=7, start=33, end=301) == want
        assert dump_text(view[33:301], fmt=fmt, base_offset=40) == want
    buf, start, end, shift = window(view, 10, 20)
    assert (buf, start, end, shift) == (data[10:20], 0, 10, 10)
    assert window(data, -5, None) == (data, 1019, 1024, 0)
    wide = array("H", [0x4142, 0x4344])
    assert window(wide)[0] == wide.tobytes()
    with pytest.raises(TypeError, match="not str"):
        window("text")  # type: ignore[arg-type]


@settings(max_examples=80, deadline=None)
@given(
    st.binary(max_size=80),
    st.one_of(st.none(), st.integers(-100, 100)),
    st.one_of(st.none(), st.integers(-100, 100)),
    st.sampled_from(sorted(FORMATS)),
)
def test_start_end_follow_slice_rules(
    data: bytes, start: int | None, end: int | None, fmt: str
) -> None:
    lo, hi, _ = slice(start, end).indices(len(data))
    want = _slow_lines(data, fmt, 0, lo, hi) if hi > lo else []
    if FORMATS[fmt].fold and hi > lo:
        want.append(f"{hi:08x}")
    got = list(dump_lines(data, fmt=fmt, start=start or 0, end=end))
    if FORMATS[fmt].fold:  # folding may drop repeated rows: compare unfolded content only
        got = [g for g in got if g != "*"]
        assert set(got) <= set(want)
    else:
        assert got == want
