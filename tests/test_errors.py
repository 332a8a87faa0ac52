"""The one exception hierarchy: data attributes, kaitaistruct compatibility, message forms."""

from __future__ import annotations

import kaitaistruct as ks
import pytest

import pktscope
from pktscope import errors


def test_truncated_error_is_caught_as_kaitaistruct_end_of_stream() -> None:
    err = errors.TruncatedError("need 4 bytes, 1 available", needed=4, available=1, offset=0x120)
    assert isinstance(err, ks.EndOfStreamError)
    assert isinstance(err, EOFError)
    assert isinstance(err, errors.DecodeError)
    assert (err.bytes_needed, err.bytes_available) == (4, 1)
    assert (err.needed, err.available) == (4, 1)


@pytest.mark.parametrize("name", sorted(c.__name__ for c in errors.KS_VALIDATION_ERRORS))
def test_validation_errors_mirror_kaitaistruct(name: str) -> None:
    cls = getattr(errors, name)
    err = cls("bad", expected=1, actual=2, offset=5, field_path="a.b", spec_path="/seq/0")
    assert isinstance(err, getattr(ks, name))
    assert isinstance(err, ValueError)
    assert isinstance(err, errors.ValidationError)
    assert (err.expected, err.actual, err.src_path) == (1, 2, "/seq/0")
    assert str(err) == "a.b @ 0x0005: bad"


def test_truncation_names_the_field_with_its_own_byte_counts() -> None:
    # Ethernet + 12 bytes of an IPv4 header: the fixed run ends inside the header; the error
    # names ipv4.src (the first field that did not fit) and what *it* needed.
    frame = bytes.fromhex("ffffffffffff00163e6f43f40800450001480000000040117996")
    pkt = pktscope.decode(frame, spec="eth")
    (err,) = pkt.errors
    assert str(err) == "ipv4.src @ 0x001a: need 4 bytes, 0 available"
    assert isinstance(err, ks.EndOfStreamError)
    # Everything before the break stays decoded.
    assert pkt["ipv4.ttl"].value == 64
    assert pkt["ipv4.protocol"].value == 17
    assert "ipv4.src" not in pkt


def test_spec_error_location_text() -> None:
    err = errors.SpecError("unknown key", file="specs/dhcp.ksy", line=14, col=5, spec_path="/seq/1")
    assert str(err) == "specs/dhcp.ksy:14:5: /seq/1: unknown key"


def test_capture_and_tool_errors_carry_their_data() -> None:
    cap = errors.CaptureError("bad block length 7", file_offset=0x40, record_index=3)
    assert str(cap) == "record 3, file offset 0x40: bad block length 7"
    tool = errors.ToolError(
        "tshark failed", argv=["tshark", "-r", "x"], returncode=2, stderr_tail="oops\n"
    )
    assert str(tool) == "tshark failed (exit 2): oops"
    assert tool.argv == ["tshark", "-r", "x"]


TERMINATED = (
    "meta: {id: zt}\nseq:\n  - {id: a, type: u1}\n  - {id: name, type: strz, encoding: %s}\n"
)


@pytest.mark.parametrize(
    ("encoding", "data", "searched"),
    [
        ("ASCII", b"\x01hello", "00 before the end (5 bytes"),
        ("UTF-16LE", b"\x01h\x00i", "0000 before the end (3 bytes"),
    ],
)
def test_missing_terminator_says_so(encoding: str, data: bytes, searched: str) -> None:
    # it said "need 1 byte, 0 available" although the bytes were there, only no terminator
    pkt = pktscope.decode(data, spec=pktscope.compile_spec(TERMINATED % encoding))
    assert [str(e) for e in pkt.errors] == [f"zt.name @ 0x0001: no terminator {searched} searched)"]
    assert isinstance(pkt.errors[0], errors.TruncatedError)  # cut by the capture: "short"


POINTED = """\
meta: {id: s, endian: le}
seq: [{id: n, type: u1}, {id: at, type: u1}]
instances:
  name: {pos: at, type: strz, encoding: ASCII}
"""
NO_TERM = ks.NoTerminatorFoundError


@pytest.mark.parametrize(
    ("data", "kind", "message"),
    [
        (b"\x01\x02A", NO_TERM, "0x0002: no terminator 00 before the end (1 byte searched)"),
        (b"\x01\xc8", NO_TERM, "0x00c8: position 200 is past the end of its data (2 bytes)"),
        (b"\x01\x02\xff\x00", UnicodeDecodeError, "0x0002: 'ascii' codec can't decode byte 0xff"),
    ],
)
def test_errors_are_the_official_outputs_types_too(
    data: bytes, kind: type[BaseException], message: str
) -> None:
    # code written for the official compiler's output (`except UnicodeDecodeError`) caught
    # nothing: the errors were plain DecodeError/TruncatedError; the count was negative
    cls = pktscope.compile_spec(POINTED).S
    with pytest.raises(kind) as info:
        cls.from_bytes(data).name  # noqa: B018 - the access raises
    assert isinstance(info.value, errors.DecodeError)
    assert str(info.value).startswith("name @ " + message)
