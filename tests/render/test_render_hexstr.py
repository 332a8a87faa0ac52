"""hexstr: bytes.hex-compatible grouping, any separator, case; display helpers built on it."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pktscope.render.hexstr import hexstr

CASES = [
    # data hex, sep, group, upper, expected
    ("", "", 1, False, ""),
    ("", ":", 2, False, ""),
    ("00163e6f43f4", "", 1, False, "00163e6f43f4"),
    ("00163e6f43f4", ":", 1, False, "00:16:3e:6f:43:f4"),
    ("deadbeef", " ", 2, True, "DEAD BEEF"),
    ("010203", ":", 2, False, "01:0203"),
    ("010203", ":", -2, False, "0102:03"),
    ("010203", ":", 0, False, "010203"),
    ("010203", ", 0x", 1, False, "01, 0x02, 0x03"),
    ("0a0b", ", 0x", 1, True, "0A, 0x0B"),
    ("abcd", "x", 1, True, "ABxCD"),
    ("abcd", "·", 1, False, "ab·cd"),
    ("aabbccdd", "--", -3, False, "aabbcc--dd"),
    ("ff", ":", 1, False, "ff"),
]


@pytest.mark.parametrize(("hexdata", "sep", "group", "upper", "expected"), CASES)
def test_hexstr_table(hexdata: str, sep: str, group: int, upper: bool, expected: str) -> None:
    assert hexstr(bytes.fromhex(hexdata), sep, group, upper) == expected


def test_hexstr_accepts_bytearray_memoryview_and_wide_views() -> None:
    raw = bytes.fromhex("00163e6f")
    assert hexstr(bytearray(raw), ":") == "00:16:3e:6f"
    assert hexstr(memoryview(raw)[1:3]) == "163e"
    assert hexstr(memoryview(raw).cast("H"), ":") == "00:16:3e:6f"


def test_hexstr_bytes_separator_and_bad_arguments() -> None:
    assert hexstr(b"\x01\x02", b"-") == "01-02"  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="separator must be str"):
        hexstr(b"\x01\x02", 5)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="group must be int"):
        hexstr(b"\x01\x02", ":", 1.5)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="ascii"):
        hexstr(b"\x01\x02", "é".encode())  # type: ignore[arg-type]


@given(
    st.binary(max_size=64),
    st.sampled_from([":", " ", "-", "_", "."]),
    st.integers(-20, 20),
    st.booleans(),
)
def test_hexstr_matches_bytes_hex(data: bytes, sep: str, group: int, upper: bool) -> None:
    ref = data.hex(sep, group) if group else data.hex()
    assert hexstr(data, sep, group, upper) == (ref.upper() if upper else ref)


@given(st.binary(max_size=64), st.text(min_size=2, max_size=4), st.integers(-9, 9))
def test_hexstr_multichar_separator_splits_back(data: bytes, sep: str, group: int) -> None:
    text = hexstr(data, sep, group)
    single = data.hex("|", group) if group else data.hex()
    assert text == single.replace("|", sep)
