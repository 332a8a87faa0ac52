"""The display-filter language: parse errors at their column, evaluation on real packets."""

from __future__ import annotations

from pathlib import Path

import pytest

from pktscope.errors import PktscopeError
from pktscope.filter import FilterError, compile_filter
from pktscope.filter.lexer import tokenize
from pktscope.filter.parser import And, Compare, Not, Or, Present, parse

CAPTURES = Path(__file__).resolve().parents[2].parent / "shared" / "captures"


@pytest.mark.parametrize(
    ("text", "col", "message"),
    [
        ("udp)", 4, "unexpected ')'"),
        ("(udp", 5, "expected ')'"),
        ("udp.dst_port ==", 16, "expected a value after '=='"),
        ("ipv4.src === 1", 12, "expected a value after '==', got '='"),
        ('dns.queries.name == "x', 21, "unterminated string"),
        ("", 1, "empty filter"),
        ("udp and", 8, "expected a field or layer name"),
        ("udp $ tcp", 5, "unexpected character '$'"),
        ("== 3", 1, "expected a field or layer name, got '=='"),
        ("1abc", 1, "not a field path: '1abc'"),
        ("udp.port matches '('", 18, "bad regular expression"),
    ],
)
def test_errors_point_at_the_column(text: str, col: int, message: str) -> None:
    with pytest.raises(FilterError) as info:
        compile_filter(text)
    assert info.value.col == col
    assert info.value.message.startswith(message)
    assert isinstance(info.value, PktscopeError)
    assert info.value.caret_lines().splitlines()[1] == " " * (col - 1) + "^"


def test_operators_and_precedence() -> None:
    node = parse("a or b and not c")
    assert node == Or((Present("a"), And((Present("b"), Not(Present("c"))))))
    assert parse("a && (b || !c)") == parse("a and (b or not c)")
    cmp = parse("udp.dst_port >= 67")
    assert isinstance(cmp, Compare)
    assert (cmp.path, cmp.op, cmp.literal.text, cmp.literal.col) == ("udp.dst_port", ">=", "67", 17)
    assert [t.kind for t in tokenize("x eq 1 ne 2")] == ["word", "==", "word", "!=", "word", "end"]


def _dhcp_discover() -> object:
    buf = bytes.fromhex(
        "ffffffffffff00163e000001080045000110000000004011000000000000ffffffff"
        "00440043010c0000"
        "010106003d1d00000000000000000000000000000000000000000000"
        "00163e000001" + "00" * 10 + "00" * 192 + "63825363" + "350101" + "ff"
    )
    from pktscope.dissect.chain import decode

    return decode(buf)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("dhcp", True),
        ("dns", False),
        ("udp && !dns", True),
        ("ipv4.src == 0.0.0.0", True),
        ("ipv4.dst == 255.255.255.255 and udp.dst_port == 67", True),
        ("ipv4.src == 10.0.0.1", False),
        ("udp.dst_port >= 67", True),
        ("udp.dst_port > 67", False),
        ("udp.src_port != 68", False),
        ("eth.src == 00:16:3e:00:00:01", True),
        ("eth.src == 00-16-3e-00-00-02", False),
        ("dhcp.chaddr == 00163e00000100000000000000000000", True),
        ("dhcp.chaddr contains 3e:00", True),
        ("dhcp.xid == 0x3d1d0000", True),
        ("dhcp.options.body.message_type == discover", True),
        ("dhcp.options.body.message_type == 1", True),
        ("dhcp.options.body.message_type == offer", False),
        ("dhcp.options.code == 255", True),
        ("dhcp.options[0].code == 53", True),
        ("dhcp.options[1].code == 53", False),
        ('frame.len > 100 and frame.protocols matches "udp:dhcp$"', True),
        ("nosuch.field == 1", False),
        ("not (arp or dns) and (dhcp or tcp)", True),
    ],
)
def test_matches_on_a_decoded_packet(text: str, expected: bool) -> None:
    assert compile_filter(text).matches(_dhcp_discover()) is expected


def test_matches_every_dns_query_name() -> None:
    from pktscope.dissect.capture import open_capture

    with open_capture(CAPTURES / "wswiki__dns.cap") as cap:
        flt = compile_filter('dns.queries.name == "www.netbsd.org"')
        hits = [pkt.frame.number for pkt in cap if flt.matches(pkt)]
        assert hits[:4] == [9, 10, 11, 12]
        qtype = compile_filter('dns.queries.name == "google.com" && dns.qr == 0')
        assert [pkt.frame.number for pkt in cap if qtype.matches(pkt)][:2] == [1, 3]


def test_real_model_dhcp_paths() -> None:
    from pktscope.dissect.capture import open_capture

    with open_capture(CAPTURES / "wswiki__dhcp.pcap") as cap:
        replies = compile_filter("udp.src_port == 67 and eth.src == 00:08:74:ad:f1:9b")
        assert [p.frame.number for p in cap if replies.matches(p)] == [2, 4]
        chaddr = compile_filter("dhcp.chaddr == 000b8201fc4200000000000000000000")
        assert sum(chaddr.matches(p) for p in cap) == 4


@pytest.mark.parametrize(
    ("text", "frames"),
    [
        # Wireshark 3.6+: `!=` is all_ne (present, no occurrence equal); `~=` is any_ne
        ("dhcp.options.code != 61", [2, 4]),
        ("dhcp.options.code all_ne 61", [2, 4]),
        ("dhcp.options.code ~= 61", [1, 2, 3, 4]),
        ("dhcp.options.code any_ne 61", [1, 2, 3, 4]),
        ("dns.id != 5", []),
        ("ipv4.src == 192.168.0.0/24", [2, 4]),
        ("ipv4.src != 192.168.0.0/24", [1, 3]),
        ("dhcp.options[-1].code == 255", [1, 2, 3, 4]),
        ("ipv4[-1].src == 192.168.0.1", [2, 4]),
    ],
)
def test_wireshark_semantics_on_real_frames(text: str, frames: list[int]) -> None:
    """Frame numbers tshark 4.0 selects with the equivalent filter (dhcp.option.type,
    ip.src) on the same capture."""
    from pktscope.dissect.capture import open_capture

    flt = compile_filter(text)
    with open_capture(CAPTURES / "wswiki__dhcp.pcap") as cap:
        assert [p.frame.number for p in cap if flt.matches(p)] == frames


def test_a_bare_frame_flag_tests_its_value() -> None:
    # `frame.malformed` matched every frame (the field is always there), `not frame.malformed`
    # none; tshark's _ws.malformed / _ws.short are there only when true
    import pktscope

    ok = pktscope.open_capture(CAPTURES / "wswiki__dhcp.pcap")[0]
    cut = pktscope.open_capture(CAPTURES / "dpkt__truncated_dns.pcap")[0]
    raw = bytes(ok.buffer)
    bad = pktscope.decode(raw[:38] + b"\x00\x03" + raw[40:])  # udp.length 3 < 8: malformed
    for pkt, malformed, truncated in ((ok, False, False), (bad, True, False)):
        assert compile_filter("frame.malformed").matches(pkt) is malformed
        assert compile_filter("not frame.malformed").matches(pkt) is not malformed
        assert compile_filter("frame.truncated").matches(pkt) is truncated
    assert compile_filter("frame.truncated").matches(cut) is cut.truncated
    assert compile_filter("frame.malformed == false").matches(ok)
    assert compile_filter("frame").matches(ok) and not compile_filter("not frame").matches(bad)
