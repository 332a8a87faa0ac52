"""Property tests on real frames: spans are the bytes, writes round-trip and stay in their span,
mangled input only ever raises pktscope errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import pktscope
from pktscope.errors import PktscopeError
from pktscope.fields.encode import FieldError, writable_reason

CAPTURES = Path(__file__).resolve().parents[2].parent / "shared" / "captures"
FRAMES = [
    bytes(r.data)
    for name in (
        "wswiki__dhcp.pcap",
        "tcpdump__dhcp-option-33.pcap",
        "wswiki__PRIV_bootp-both_overload.pcap",
        "tcpdump__dns_udp.pcap",
        "tcpdump__dns_tcp.pcap",
        "pcpp__IcmpPackets.pcap",
        "tcpdump__icmpv6.pcap",
    )
    for r in pktscope.open_records(CAPTURES / name)
]
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def mangled(draw: st.DrawFn) -> bytes:
    frame = bytearray(draw(st.sampled_from(FRAMES)))
    for _ in range(draw(st.integers(0, 6))):
        if not frame:
            break
        i = draw(st.integers(0, len(frame) - 1))
        frame[i] = draw(st.integers(0, 255))
    cut = draw(st.integers(0, len(frame)))
    return bytes(frame[: cut if draw(st.booleans()) else len(frame)])


def check_spans(pkt: pktscope.Packet) -> int:
    n = 0
    for f in pkt.walk():
        n += 1
        assert isinstance(f.display, str)
        if f.offset is None:
            continue
        assert f.end is not None and 0 <= f.offset <= f.end <= len(pkt.buffer), f.path
        assert bytes(f.raw) == bytes(pkt.buffer[f.offset : f.end]), f.path
        if f.bit_offset is not None:
            assert f.offset * 8 <= f.bit_offset
            assert f.bit_offset + (f.bit_size or 0) <= f.end * 8, f.path
    return n


@SETTINGS
@given(mangled())
def test_mangled_frames_keep_spans_and_raise_only_pktscope_errors(buf: bytes) -> None:
    try:
        pkt = pktscope.decode(buf)
        check_spans(pkt)
        for path in ("dhcp.chaddr", "dns.queries.name", "ipv4.src", "frame.protocols"):
            for f in pkt.get_all(path):
                assert isinstance(f.display, str)
    except PktscopeError:
        pass  # allowed; anything else fails the test


@SETTINGS
@given(st.sampled_from(FRAMES), st.data())
def test_set_round_trips_and_stays_in_span(frame: bytes, data: st.DataObject) -> None:
    pkt = pktscope.decode(frame)
    candidates = [
        f
        for f in pkt.walk()
        if f.meta is not None
        and f.offset is not None
        and writable_reason(f.meta, whole_array=f.is_array, transformed=f.transformed) is None
        and (f.meta.type or "")[:1] in "usb"
        and f.meta.type not in ("bytes", "str", "strz")
    ]
    if not candidates:
        return
    f = data.draw(st.sampled_from(candidates))
    t = f.meta.type or ""
    if t.startswith("b"):
        width = f.bit_size or 1
        lo, hi = 0, (1 << width) - 1
    else:
        nbytes = int(t[1])
        lo, hi = (
            (-(1 << (8 * nbytes - 1)), (1 << (8 * nbytes - 1)) - 1)
            if t[0] == "s"
            else (0, (1 << 8 * nbytes) - 1)
        )
    v = data.draw(st.integers(lo, hi))
    before = bytes(pkt.buffer)
    start, end, path, bit = f.offset, f.end, f.path, f.bit_offset
    assert start is not None and end is not None
    f.set(v)
    after = bytes(pkt.buffer)
    assert after[:start] == before[:start] and after[end:] == before[end:]
    # A write can restructure what follows (a DNS label length reached through a compression
    # pointer), so the same bytes may now sit under another path: find them by position.
    same = [
        g
        for g in pkt.walk()
        if g.offset == start
        and g.bit_offset == bit
        and not g.is_array
        and g.meta is not None
        and g.meta.type == t
    ]
    assert same and all(int(g.value) == v for g in same)
    again = pkt.get(path)
    if again is not None and again.offset == start and again.bit_offset == bit:
        assert int(again.value) == v and int(f.value) == v
    check_spans(pkt)


@SETTINGS
@given(st.sampled_from(FRAMES), st.data())
def test_blit_copies_exact_bytes(frame: bytes, data: st.DataObject) -> None:
    pkt = pktscope.decode(frame)
    spanned = [f for f in pkt.walk() if f.offset is not None and f.size and f.layer is not None]
    f = data.draw(st.sampled_from(spanned))
    assert f.size is not None and f.offset is not None
    src = data.draw(st.binary(min_size=f.size, max_size=f.size))
    start = f.offset
    before = bytes(pkt.buffer)
    if f.bit_size is not None and (f.bit_size % 8 or (f.bit_offset or 0) % 8):
        # a bit field shares its bytes with its neighbours: blit refuses, nothing changes
        with pytest.raises(FieldError, match="use set"):
            f.blit(src)
        assert bytes(pkt.buffer) == before
        return
    f.blit(src)
    assert bytes(pkt.buffer[start : start + len(src)]) == src
    assert bytes(pkt.buffer[:start]) == before[:start]
    assert bytes(pkt.buffer[start + len(src) :]) == before[start + len(src) :]
