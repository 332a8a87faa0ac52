"""The hexdump drop-in gives exactly what the PyPI ``hexdump`` package 3.3 gives."""

from __future__ import annotations

import io
from array import array
from typing import Any

import hexdump as pkg
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pktscope.render import hexdump_compat as ours

SIZES = [0, 1, 7, 8, 9, 15, 16, 17, 24, 26, 31, 32, 33, 48, 4095, 4096 * 16 + 5]
SAMPLE = bytes.fromhex("0000005b68657864756d705d0000000000112233445566778899aabbccddeeff")


def _data(n: int) -> bytes:
    return bytes((i * 37 + (i >> 3)) & 0xFF for i in range(n))


@pytest.mark.parametrize("n", SIZES)
def test_return_generator_and_print_identical(n: int, capsys: pytest.CaptureFixture[str]) -> None:
    data = _data(n)
    assert ours.hexdump(data, "return") == pkg.hexdump(data, "return")
    assert list(ours.hexdump(data, "generator")) == list(pkg.hexdump(data, "generator"))
    ours.hexdump(data)
    mine = capsys.readouterr().out
    pkg.hexdump(data)
    assert mine == capsys.readouterr().out


def test_known_sample() -> None:
    assert ours.hexdump(SAMPLE, "return") == (
        "00000000: 00 00 00 5B 68 65 78 64  75 6D 70 5D 00 00 00 00  ...[hexdump]....\n"
        '00000010: 00 11 22 33 44 55 66 77  88 99 AA BB CC DD EE FF  .."3DUfw........'
    )


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=700))
def test_random_bytes_identical_and_restore_like_the_package(data: bytes) -> None:
    text = ours.hexdump(data, "return")
    assert text == pkg.hexdump(data, "return")
    try:
        expected: bytes | type[BaseException] = pkg.restore(text)
    except Exception as exc:  # the package cannot read back some of its own dumps
        expected = type(exc)
    if isinstance(expected, bytes):
        assert ours.restore(text) == expected == data
    else:
        with pytest.raises(expected):
            ours.restore(text)


@settings(max_examples=100, deadline=None)
@given(st.binary(min_size=1, max_size=700).map(lambda b: b + b"\x00"))
def test_restore_round_trip(data: bytes) -> None:
    # a last byte that is not a space keeps the package's strip() from eating the ASCII column
    assert ours.restore(ours.hexdump(data, "return")) == data


@settings(max_examples=60, deadline=None)
@given(st.binary(min_size=1, max_size=300), st.integers(1, 40))
def test_file_like_identical(data: bytes, _: int) -> None:
    assert ours.hexdump(io.BytesIO(data), "return") == pkg.hexdump(io.BytesIO(data), "return")


def test_large_file_like_crosses_read_blocks() -> None:
    data = _data(16 * 2048 * 2 + 37)
    assert list(ours.dumpgen(io.BytesIO(data))) == list(pkg.dumpgen(io.BytesIO(data)))


@pytest.mark.parametrize(
    "data",
    [
        bytearray(_data(40)),
        memoryview(_data(40)),
        memoryview(_data(64))[3:50],
        array("B", _data(20)),
    ],
)
def test_other_byte_buffers(data: Any) -> None:
    assert ours.hexdump(data, "return") == pkg.hexdump(data, "return")


def test_wide_item_sequences_follow_the_package() -> None:
    data = array("H", range(40))
    assert ours.hexdump(data, "return") == pkg.hexdump(data, "return")


def test_errors_match() -> None:
    with pytest.raises(TypeError, match="Abstract unicode data"):
        ours.hexdump("text")
    with pytest.raises(ValueError, match="Unknown value of `result` argument"):
        ours.hexdump(b"x", "list")
    with pytest.raises(TypeError, match="Invalid data for restore"):
        ours.restore(b"00")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        list(ours.dumpgen("text"))
    for bad in ("", "ab", "zz zz"):
        with pytest.raises(Exception) as mine:
            ours.restore(bad)
        with pytest.raises(Exception) as theirs:
            pkg.restore(bad)
        assert type(mine.value) is type(theirs.value)


@pytest.mark.parametrize(
    ("binary", "size", "sep"),
    [
        (b"\x00\xde\xad\xbe\xef", 2, " "),
        (b"\\\xa1\xab\x1e", 2, ""),
        (b"\x01\x02\x03", 3, "-"),
        (b"\x01\x02\x03", 4, ", "),
        (b"\x01\x02\x03", 2, "x"),
        (b"\x01\x02\x03", -3, " "),
        (b"", 2, " "),
        (memoryview(b"abcd").cast("H"), 2, ":"),
    ],
)
def test_dump_identical(binary: Any, size: int, sep: str) -> None:
    assert ours.dump(binary, size, sep) == pkg.dump(binary, size, sep)


def test_dehex_and_restore_formats() -> None:
    assert ours.dehex("41 42\n43") == pkg.dehex("41 42\n43") == b"ABC"
    far = (
        "000000000: 00 00 00 5B 68 65 78 64 | 75 6D 70 5D 00 00 00 00     [hexdump]\n"
        '000000010: 00 11 22 33 44 55 66 77 | 88 99 AA BB CC DD EE FF   ?"3DUfw\n'
    )
    scapy = (
        "00 00 00 5B 68 65 78 64 75 6D 70 5D 00 00 00 00  ...[hexdump]....\n"
        '00 11 22 33 44 55 66 77 88 99 AA BB CC DD EE FF  .."3DUfw........\n'
    )
    for text in (far, scapy, "5B68657864756D705D"):
        assert ours.restore(text) == pkg.restore(text)
    assert ours.restore(far) == SAMPLE
    assert ours.restore(scapy) == SAMPLE


def test_public_reexport() -> None:
    import pktscope

    assert pktscope.hexdump(SAMPLE, "return") == pkg.hexdump(SAMPLE, "return")
