"""Packet / Field / lookup on hand-written stand-ins (tests/fields/standins.py)."""

from __future__ import annotations

import enum
from pathlib import Path

import pytest
from fields_standins import Struct

import pktscope
from pktscope.dissect.chain import decode
from pktscope.dissect.registry import register_spec
from pktscope.errors import DecodeError, TruncatedError
from pktscope.fields.encode import FieldError
from pktscope.fields.lookup import FieldNotFound


class Kind(enum.IntEnum):
    ping = 1
    pong = 2


class Item(Struct):
    FIELDS = [
        ("code", "int", ">B", {"enum": "Kind"}),
        ("length", "int", ">B", {}),
        ("flag", "bits", 1, {}),
        ("level", "bits", 7, {}),
    ]


class Inner(Struct):
    FIELDS = [
        ("kind", "int", ">B", {}),
        ("count", "int", ">B", {}),
        ("items", "array", (Item, "count"), {}),
        ("tail", "bytes", None, {"size": None}),
    ]
    _PKT_HINTS = {"aliases": {"first_level": ["items[].level"]}}


class Outer(Struct):
    FIELDS = [
        ("dst", "bytes", 6, {"hints": {"display": "mac"}}),
        ("proto", "int", ">H", {}),
        ("total", "int", ">H", {}),
        ("body", "bytes", None, {"size": None}),
    ]
    _PKT_HINTS = {
        "payload": {
            "field": "body",
            "end": "total",
            "next-on": ["proto"],
            "next": {"0x99": "t_inner"},
        }
    }


register_spec("t_outer", Outer)
register_spec("t_inner", Inner)

# dst(6) proto=0x0099 total=len; inner: kind=7 count=2 items [(1,4,0x85),(2,0,0x03)] tail
FRAME = bytes.fromhex("00163e6f43f4009900140702010485020003aabb")


def pkt_of(data: bytes = FRAME) -> object:
    return decode(data, Outer)


def test_layers_and_protocols() -> None:
    pkt = decode(FRAME, Outer)
    assert pkt.protocols == "t_outer:t_inner"
    assert [(la.name, la.offset, la.size) for la in pkt.layers] == [
        ("t_outer", 0, 20),
        ("t_inner", 10, 10),
    ]
    assert not pkt.malformed and not pkt.truncated


def test_field_span_value_display() -> None:
    pkt = decode(FRAME, Outer)
    f = pkt["t_outer.dst"]
    assert (f.offset, f.size, f.end) == (0, 6, 6)
    assert f.display == "00:16:3e:6f:43:f4"
    assert f.hex(":") == "00:16:3e:6f:43:f4"
    assert bytes(f.raw) == FRAME[:6] and f.copy() == FRAME[:6]
    code = pkt["t_inner.items[1].code"]
    assert (code.offset, code.size, code.value, code.path) == (15, 1, 2, "t_inner.items[1].code")
    lvl = pkt["t_inner.items[0].level"]
    assert (lvl.offset, lvl.size, lvl.bit_offset, lvl.bit_size, lvl.value) == (14, 1, 113, 7, 5)
    assert pkt["t_inner.items[-1].length"].value == 0


def test_array_without_index() -> None:
    pkt = decode(FRAME, Outer)
    assert [f.value for f in pkt.get_all("t_inner.items.code")] == [1, 2]
    assert pkt["t_inner.items.code"].value == 1
    arr = pkt["t_inner.items"]
    assert arr.is_array and (arr.offset, arr.size) == (12, 6)
    assert [c.path for c in pkt.get_all("t_inner.items")] == [
        "t_inner.items[0]",
        "t_inner.items[1]",
    ]


def test_alias_and_frame_fields() -> None:
    pkt = decode(FRAME, Outer)
    assert pkt["t_inner.first_level"].value == 5
    assert pkt["frame.protocols"].value == "t_outer:t_inner"
    assert pkt["frame.len"].value == len(FRAME)
    assert pkt["frame.malformed"].value is False
    assert pkt["frame.len"].offset is None


def test_missing_path_close_matches() -> None:
    pkt = decode(FRAME, Outer)
    with pytest.raises(FieldNotFound) as info:
        pkt["t_outer.dts"]
    assert isinstance(info.value, KeyError)
    assert "t_outer.dst" in info.value.matches
    assert "did you mean: t_outer.dst" in str(info.value)
    assert "t_outer.nope" not in pkt and "t_outer.dst" in pkt
    assert pkt.get("t_inner.items[5].code") is None


def test_set_roundtrip_and_redecode() -> None:
    pkt = decode(FRAME, Outer)
    f = pkt["t_inner.items[0].level"]
    f.set(0x7F)
    assert f.value == 0x7F
    assert pkt["t_inner.items[0].flag"].value == 1
    assert bytes(pkt.buffer) == FRAME[:14] + b"\xff" + FRAME[15:]
    pkt["t_outer.proto"].set(0x1234)
    assert pkt.protocols == "t_outer"
    with pytest.raises(FieldError, match="out of range"):
        pkt["t_outer.proto"].set(70000)
    with pytest.raises(FieldError, match="wrong length"):
        pkt["t_outer.dst"].set(b"\x00")
    pkt["t_outer.dst"].set("01:02:03:04:05:06")
    assert pkt["t_outer.dst"].hex() == "010203040506"
    with pytest.raises(FieldError, match="variable-size"):
        pkt["t_outer.body"].set(b"x" * 10)
    with pytest.raises(FieldError, match="no spec field"):
        pkt["frame.len"].set(1)


@pytest.mark.parametrize("captured_short", [True, False])
def test_truncated_layer_keeps_partial(captured_short: bool) -> None:
    from pktscope.dissect.chain import Chain
    from pktscope.fields.packet import Frame, Packet

    short = FRAME[:16]  # cuts the second item
    frame_len = len(FRAME) if captured_short else len(short)
    pkt = Packet(bytearray(short), Frame(1, len=frame_len, cap_len=16), Chain(Outer))
    assert pkt.protocols == "t_outer:t_inner"
    inner = pkt.layer("t_inner")
    assert inner is not None and isinstance(inner.error, TruncatedError)
    assert inner.error.offset == 16 and inner.error.field_path == "t_inner.length"
    assert pkt["t_inner.items[0].code"].value == 1
    assert pkt["t_inner.items[1].code"].value == 2
    # total says 20, 16 are there: cut by the capture, the layer is truncated (tshark's
    # "short"); in a whole frame the length is wrong and the layer malformed (as tshark)
    assert inner.truncated is captured_short and pkt.malformed is not captured_short
    assert pkt.truncated is captured_short  # frame.truncated: the capture's cut only
    assert isinstance(pkt.errors[0], DecodeError)
    assert pkt["frame.errors"].value == ["t_inner.length @ 0x0010: need 1 bytes, 0 available"]
    assert pkt.layers[0].note is not None


def test_walk_depth_first() -> None:
    pkt = decode(FRAME, Outer)
    paths = [f.path for f in pkt.walk()]
    assert paths[:5] == ["t_outer", "t_outer.dst", "t_outer.proto", "t_outer.total", "t_outer.body"]
    assert "t_inner.items[1].level" in paths
    for f in pkt.walk():
        if f.offset is not None:
            assert bytes(f.raw) == bytes(pkt.buffer[f.offset : f.end])


def test_malformed_when_bytes_were_not_cut() -> None:
    # count says 3 items but the declared payload holds two: the layer itself is wrong
    bad = FRAME[:11] + b"\x03" + FRAME[12:]
    pkt = decode(bad, Outer)
    inner = pkt.layer("t_inner")
    assert inner is not None and inner.error is not None
    assert inner.malformed and pkt.malformed and not pkt.truncated
    assert pkt["frame.malformed"].value is True
    assert pkt["t_inner.items[1].code"].value == 2  # decoded before the break


def test_lookup_decodes_only_the_layers_it_needs() -> None:
    pkt = decode(FRAME, Outer)
    assert pkt["t_outer.dst"].offset == 0
    assert len(pkt._layers) == 1  # the inner layer is not decoded yet
    kind = pkt["t_inner.kind"]
    assert (kind.value, kind.offset, kind.size, kind.path) == (7, 10, 1, "t_inner.kind")
    assert len(pkt._layers) == 2
    inner = pkt._layers[1]
    assert not inner.decoded  # a leading header field is read from a prefix of the last layer
    assert kind.error is None and inner.decoded  # anything else decodes the whole layer
    assert pkt["t_inner.items[1].code"].value == 2
    assert pkt.get("nosuchlayer.x") is None  # a miss decodes the whole chain, nothing more
    assert [la.name for la in pkt.layers] == ["t_outer", "t_inner"]


def test_stale_field_rereads_after_write_elsewhere() -> None:
    pkt = decode(FRAME, Outer)
    kind = pkt["t_inner.kind"]
    pkt["t_inner.items[1].length"].set(9)
    assert kind.value == 7 and kind.offset == 10  # re-resolved after the re-decode
    assert pkt["t_inner.items[1].length"].value == 9


@pytest.mark.parametrize(
    "bad", ["", "t_outer.", "t_outer..dst", "t_outer.dst[x]", "1abc.x", 5, ["x"]]
)
def test_bad_paths_raise_field_not_found(bad: object) -> None:
    pkt = decode(FRAME, Outer)
    with pytest.raises(FieldNotFound):
        pkt[bad]  # type: ignore[index]
    assert bad not in pkt


def test_set_enum_field_by_member_name() -> None:
    captures = Path(__file__).resolve().parents[2].parent / "shared" / "captures"
    pkt = pktscope.open_capture(captures / "wswiki__dhcp.pcap")[0]
    f = pkt["dhcp.options[0].body.message_type"]
    f.set("request")
    assert pkt["dhcp.message_type"].display == "request (3)"
    with pytest.raises(FieldError, match="'bogus' is no name of the field's enum"):
        f.set("bogus")
    pkt["ipv4.protocol"].set("tcp")
    assert pkt.protocols.startswith("eth:ipv4:tcp")
