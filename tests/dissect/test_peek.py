"""A lookup that reads a leading header field without decoding the layer (static slice of the
first fixed run, or the parser on a prefix) gives exactly what the full decode gives."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import pktscope
from pktscope.fields.schema import type_info

CAPTURES = Path(__file__).resolve().parents[2].parent / "shared" / "captures"
FILES = [
    "wswiki__dhcp.pcap",
    "tcpdump__dhcp-option-33.pcap",
    "tcpdump__bootp_asan.pcap",
    "wswiki__dns.cap",
    "wswiki__arp-storm.pcap",
    "pcpp__IcmpPackets.pcap",
    "tcpdump__icmpv6.pcap",
]


@pytest.mark.parametrize("name", FILES)
def test_peeked_fields_equal_full_decode(name: str) -> None:
    records = list(pktscope.open_records(CAPTURES / name))[:40]
    checked = 0
    for rec in records:
        full = pktscope.decode(rec.data)
        last = full.layers[-1]
        _ = last.root  # the reference: the whole layer decoded
        assert last.decoded
        for meta in type_info(last.cls).seq:
            path = f"{last.path}.{meta.id}"
            want = full.get(path)
            fresh = pktscope.decode(rec.data)
            got = fresh.get(path)
            if want is None:
                assert got is None, path
                continue
            assert got is not None, path
            assert (got.offset, got.size, got.bit_offset) == (
                want.offset,
                want.size,
                want.bit_offset,
            )
            if not got.is_array and not hasattr(got.obj, "_pkt_span"):
                assert got.value == want.value, path
            assert got.display == want.display, path
            assert got.path == want.path and got.spec_path == want.spec_path
            assert bytes(got.raw) == bytes(want.raw)
            checked += 1
        assert fresh.malformed == full.malformed and fresh.truncated == full.truncated
    assert checked > 0


def test_peek_leaves_layer_undecoded_and_write_still_works() -> None:
    rec = pktscope.open_records(CAPTURES / "wswiki__dhcp.pcap")[0]
    pkt = pktscope.decode(rec.data)
    f = pkt["dhcp.chaddr"]
    dhcp = pkt.layer("dhcp")
    assert dhcp is not None and not dhcp.decoded
    assert pkt["dhcp.op"].display == "boot_request (1)"
    assert not dhcp.decoded
    f.set(bytes(range(16)))
    assert pkt["dhcp.chaddr"].copy() == bytes(range(16)) and f.copy() == bytes(range(16))
    assert pkt["dhcp.client_hw_addr"].hex() == "000102030405"


_DHCP_FRAMES = [bytes(r.data) for r in pktscope.open_records(CAPTURES / "wswiki__dhcp.pcap")]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(_DHCP_FRAMES), st.data())
def test_peek_equals_full_decode_on_mangled_frames(frame: bytes, data: st.DataObject) -> None:
    buf = bytearray(frame)
    for _ in range(data.draw(st.integers(0, 4))):
        i = data.draw(st.integers(0, len(buf) - 1))
        buf[i] = data.draw(st.integers(0, 255))
    buf = buf[: data.draw(st.integers(0, len(buf)))]
    full = pktscope.decode(bytes(buf))
    layers = full.layers
    if not layers:
        return
    last = layers[-1]
    _ = last.root  # the reference: the whole layer decoded
    for meta in type_info(last.cls).seq:
        path = f"{last.path}.{meta.id}"
        want = full.get(path)
        got = pktscope.decode(bytes(buf)).get(path)
        assert (got is None) == (want is None), path
        if got is not None and want is not None:
            assert (got.offset, got.size, got.display) == (want.offset, want.size, want.display)


def _same_alias(frame: bytes) -> int:
    """``dhcp.message_type`` looked up first on a fresh packet (limited parse) equals the full
    decode's; returns 1 when the fresh lookup left the layer undecoded (the shortcut ran)."""
    full = pktscope.decode(frame)
    last = full.layers[-1] if full.layers else None
    if last is None or last.name != "dhcp":
        return 0
    assert last.root is not None or last.error is not None  # decode it all first
    assert last.decoded
    want = full.get("dhcp.message_type")
    fresh = pktscope.decode(frame)
    got = fresh.get("dhcp.message_type")
    assert (got is None) == (want is None)
    layer = fresh.layer("dhcp")
    assert layer is not None
    shortcut = int(not layer.decoded)
    if got is not None and want is not None:
        assert (got.offset, got.size, got.bit_offset) == (want.offset, want.size, want.bit_offset)
        assert (got.path, got.display, got.value) == (want.path, want.display, want.value)
        assert bytes(got.raw) == bytes(want.raw)
    assert fresh.malformed == full.malformed
    assert [str(e) for e in fresh.errors] == [str(e) for e in full.errors]
    return shortcut


@pytest.mark.parametrize("name", ["wswiki__dhcp.pcap", "tcpdump__dhcp-option-33.pcap"])
def test_alias_from_limited_parse_equals_full_decode(name: str) -> None:
    frames = [bytes(r.data) for r in pktscope.open_records(CAPTURES / name)][:40]
    assert sum(_same_alias(f) for f in frames) > 0  # the shortcut ran on some


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(_DHCP_FRAMES), st.data())
def test_alias_from_limited_parse_on_mangled_frames(frame: bytes, data: st.DataObject) -> None:
    buf = bytearray(frame)
    for _ in range(data.draw(st.integers(0, 4))):
        # bytes of the options area, where the alias search runs
        i = data.draw(st.integers(min(len(buf) - 1, 278), len(buf) - 1))
        buf[i] = data.draw(
            st.sampled_from([0, 1, 2, 3, 52, 53, 255, data.draw(st.integers(0, 255))])
        )
    buf = buf[: data.draw(st.integers(0, len(buf)))]
    _same_alias(bytes(buf))
