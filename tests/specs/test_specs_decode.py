"""Table-driven decoding of what the captures do not exercise: VLAN/QinQ, 802.3 LLC/SNAP,
IPv4 options, IPv6 extension headers and fragments, every TCP option kind, DNS compression and
pointer loops, DHCP ``hlen`` edge cases and overload, the null/loop/raw/SLL2 link layers.

Each case builds a frame, chains the specs by hand (specs/README.md algorithm) and checks the
layer stack and field values, with both compilers.
"""

from __future__ import annotations

import struct
from typing import Any

import pytest
from specs_chain import Layer, Spec, attr, compiler_params, decode_chain, resolve, specs_for

COMPILERS = compiler_params()
MAC1 = bytes.fromhex("001122334455")
MAC2 = bytes.fromhex("66778899aabb")
IP1 = bytes([10, 0, 0, 1])
IP2 = bytes([10, 0, 0, 2])
V6A = bytes.fromhex("20010db8000000000000000000000001")
V6B = bytes.fromhex("20010db8000000000000000000000002")


def ipv4(proto: int, payload: bytes, options: bytes = b"", frag: int = 0) -> bytes:
    ihl = 5 + len(options) // 4
    head = struct.pack(
        ">BBHHHBBH4s4s", 0x40 | ihl, 0, ihl * 4 + len(payload), 0x1234, frag, 64, proto, 0, IP1, IP2
    )
    return head + options + payload


def udp(sport: int, dport: int, payload: bytes) -> bytes:
    return struct.pack(">HHHH", sport, dport, 8 + len(payload), 0) + payload


def ipv6(nxt: int, payload: bytes) -> bytes:
    return struct.pack(">IHBB16s16s", 0x60000000, len(payload), nxt, 64, V6A, V6B) + payload


def eth(ether_type: int, payload: bytes, tags: bytes = b"") -> bytes:
    return MAC1 + MAC2 + tags + struct.pack(">H", ether_type) + payload


ARP = bytes.fromhex("0001080006040001") + MAC2 + IP1 + bytes(6) + IP2
DNS_Q = bytes.fromhex("abcd0100000100000000000003777777076578616d706c6503636f6d0000010001")


def dns_response() -> bytes:
    head = bytes.fromhex("abcd81800001000200000000")
    q = bytes.fromhex("03777777076578616d706c6503636f6d0000010001")  # at 12: www.example.com
    a1 = bytes.fromhex("c00c000100010000003c0004") + IP1
    cname = bytes.fromhex("046d61696cc010")  # mail + pointer to example.com (offset 16)
    a2 = bytes.fromhex("c00c000500010000003c") + struct.pack(">H", len(cname)) + cname
    return head + q + a1 + a2


def layer(layers: list[Layer], spec: str, nth: int = 0) -> Layer:
    found = [x for x in layers if x.spec == spec]
    return found[nth]


def value(layers: list[Layer], spec: str, path: str, nth: int = 0) -> Any:
    hits = resolve(layer(layers, spec, nth).obj, path)
    assert hits, f"{spec}.{path}: absent"
    got = hits[0]
    return bytes(got) if isinstance(got, bytes | bytearray) else got


def absent(layers: list[Layer], spec: str, path: str) -> bool:
    return not resolve(layer(layers, spec).obj, path)


TCP_OPTIONS = (
    bytes.fromhex("020405b4010303070402080a0000000100000002")
    + bytes.fromhex("050a")
    + struct.pack(">II", 100, 200)
    + bytes.fromhex("630300")  # unknown kind 99, length 3
    + bytes.fromhex("00")  # EOL
)
TCP_OPTIONS += bytes(-len(TCP_OPTIONS) % 4)


def tcp(options: bytes, payload: bytes = b"", sport: int = 1234, dport: int = 80) -> bytes:
    off = 5 + len(options) // 4
    head = struct.pack(">HHIIHHHH", sport, dport, 7, 9, off << 12 | 0x018, 512, 0, 0)
    return head + options + payload


def dhcp(hlen: int, options: bytes, file: bytes = bytes(128), sname: bytes = bytes(64)) -> bytes:
    head = struct.pack(">BBBBIHH4s4s4s4s", 1, 1, hlen, 0, 0xDEADBEEF, 0, 0x8000, *([bytes(4)] * 4))
    chaddr = bytes(range(1, 17))
    sname, file = sname.ljust(64, b"\x00"), file.ljust(128, b"\x00")
    return head + chaddr + sname + file + bytes.fromhex("63825363") + options


def dns_mx_soa() -> bytes:
    """Response: question example.com MX; answer MX 10 mail.example.com; AAAA for mail;
    authority SOA with compressed names."""
    head = bytes.fromhex("123481800001000200010000")
    q = bytes.fromhex("076578616d706c6503636f6d00000f0001")  # at 12: example.com
    mx_rdata = bytes.fromhex("000a") + bytes.fromhex("046d61696cc00c")  # 10 mail.example.com
    mx = bytes.fromhex("c00c000f000100000e10") + struct.pack(">H", len(mx_rdata)) + mx_rdata
    mail_at = 12 + len(q) + 12 + 2  # the "mail" label inside the MX rdata
    aaaa = struct.pack(">H", 0xC000 | mail_at) + bytes.fromhex("001c000100000e100010") + V6A
    soa_rdata = (
        bytes.fromhex("026e73c00c")
        + bytes.fromhex("0561646d696ec00c")
        + struct.pack(">IIIII", 2024010101, 3600, 600, 86400, 300)
    )
    soa = bytes.fromhex("c00c0006000100000e10") + struct.pack(">H", len(soa_rdata)) + soa_rdata
    return head + q + mx + aaaa + soa


ND_NS = (
    bytes.fromhex("87000000") + bytes(4) + V6B + bytes.fromhex("0101") + MAC1
)  # NS for V6B with a source link-layer address option


CASES: list[tuple[str, int, bytes, str, dict[str, Any]]] = [
    (
        "802.1Q tag",
        1,
        eth(0x0800, ipv4(17, udp(5000, 6000, b"hi")), tags=bytes.fromhex("8100a064")),
        "eth:ipv4:udp",
        {
            "eth.vlan[0].pcp": 5,
            "eth.vlan[0].dei": False,
            "eth.vlan[0].id": 100,
            "eth.ether_type": 0x0800,
            "eth.type_or_length": 0x8100,
            "udp.dst_port": 6000,
        },
    ),
    (
        "QinQ",
        1,
        eth(0x0806, ARP, tags=bytes.fromhex("88a8000a81002014")),
        "eth:arp",
        {
            "eth.vlan[0].id": 10,
            "eth.vlan[1].id": 20,
            "eth.vlan[1].pcp": 1,
            "eth.ether_type": 0x0806,
            "arp.opcode": 1,
            "arp.sender_ip": IP1,
        },
    ),
    (
        "802.3 + LLC + SNAP",
        1,
        MAC1
        + MAC2
        + struct.pack(">H", 8 + 28 + 8)
        + bytes.fromhex("aaaa030000000800")
        + ipv4(17, udp(1, 2, b""))[:28]
        + bytes(8),
        "eth:ipv4:udp",
        {
            "eth.length": 44,
            "eth.llc.snap.protocol_id": 0x0800,
            "eth.ether_type": 0x0800,
            "eth.payload_end": 58,
        },
    ),
    (
        "802.3 + LLC (STP), no next layer",
        1,
        MAC1 + MAC2 + struct.pack(">H", 38) + bytes.fromhex("424203") + bytes(35),
        "eth",
        {"eth.llc.dsap": 0x42, "eth.llc.control": 3, "eth.length": 38},
    ),
    (
        "IPv4 options as TLVs",
        1,
        eth(0x0800, ipv4(17, udp(1, 2, b"x"), options=bytes.fromhex("010707040a00000100000000"))),
        "eth:ipv4:udp",
        {
            "ipv4.ihl": 8,
            "ipv4.options.items[0].type": 1,
            "ipv4.options.items[1].type": 7,
            "ipv4.options.items[1].length": 7,
            "ipv4.options.items[1].data": bytes.fromhex("040a000001"),
            "ipv4.options.items[2].type": 0,
            "udp.length": 9,
        },
    ),
    (
        "IPv4 later fragment stays data",
        1,
        eth(0x0800, ipv4(17, udp(1, 2, b"x"), frag=0x0010)),
        "eth:ipv4",
        {"ipv4.frag_offset": 16, "ipv4.is_first_fragment": False},
    ),
    (
        "IPv6 hop-by-hop + fragment (offset 0) + UDP",
        1,
        eth(
            0x86DD,
            ipv6(
                0,
                bytes.fromhex("2c00010400000000")
                + bytes.fromhex("1100000100000001")
                + udp(53, 5353, b"")[:8],
            ),
        ),
        "eth:ipv6:udp",
        {
            "ipv6.next_header": 0,
            "ipv6.ext_headers[0].next_header": 44,
            "ipv6.ext_headers[0].body.options[0].type": 1,
            "ipv6.ext_headers[1].body.more_fragments": True,
            "ipv6.ext_headers[1].body.identification": 1,
            "ipv6.payload_protocol": 17,
            "udp.src_port": 53,
        },
    ),
    (
        "IPv6 later fragment stays data",
        1,
        eth(0x86DD, ipv6(44, bytes.fromhex("1100000800000001") + bytes(8))),
        "eth:ipv6",
        {"ipv6.ext_headers[0].body.fragment_offset": 1, "ipv6.is_first_fragment": False},
    ),
    (
        "every TCP option kind",
        1,
        eth(0x0800, ipv4(6, tcp(TCP_OPTIONS))),
        "eth:ipv4:tcp",
        {
            "tcp.options.items[0].body.mss": 1460,
            "tcp.options.items[1].kind": 1,
            "tcp.options.items[2].body.shift_count": 7,
            "tcp.options.items[3].kind": 4,
            "tcp.options.items[3].length": 2,
            "tcp.options.items[4].body.value": 1,
            "tcp.options.items[4].body.echo_reply": 2,
            "tcp.options.items[5].body.blocks[0].left_edge": 100,
            "tcp.options.items[5].body.blocks[0].right_edge": 200,
            "tcp.options.items[6].kind": 99,
            "tcp.options.items[6].body": b"\x00",
            "tcp.options.items[7].kind": 0,
            "tcp.options.items[8].kind": 0,  # padding after EOL, read as EOL like Wireshark
            "tcp.options.items[9].kind": 0,
            "tcp.flags": 0x018,
            "tcp.seq": 7,
            "tcp.ack": 9,
        },
    ),
    (
        "DNS compression",
        1,
        eth(0x0800, ipv4(17, udp(53, 4000, dns_response()))),
        "eth:ipv4:udp:dns",
        {
            "dns.qr": True,
            "dns.queries[0].name.text": "www.example.com",
            "dns.answers[0].name.text": "www.example.com",
            "dns.answers[0].rdata.address": IP1,
            "dns.answers[1].type": 5,
            "dns.answers[1].rdata.name.text": "mail.example.com",
        },
    ),
    (
        "DNS over TCP",
        1,
        eth(0x0800, ipv4(6, tcp(b"", struct.pack(">H", len(DNS_Q)) + DNS_Q, dport=53))),
        "eth:ipv4:tcp:dns_tcp:dns",
        {
            "dns_tcp.length": len(DNS_Q),
            "dns.id": 0xABCD,
            "dns.queries[0].name.text": "www.example.com",
        },
    ),
    (
        "ICMP error quotes IPv4 + 8 bytes",
        1,
        eth(
            0x0800,
            ipv4(1, bytes.fromhex("0303000000000000") + ipv4(17, udp(1000, 53, bytes(30)))[:28]),
        ),
        "eth:ipv4:icmp:ipv4:udp",
        {"icmp.type": 3, "icmp.code": 3, "udp.dst_port": 53, "udp.length": 38},
    ),
    (
        "null, host order",
        0,
        bytes.fromhex("02000000") + ipv4(17, udp(1, 2, b"")),
        "null:ipv4:udp",
        {"null.family": 2},
    ),
    (
        "loop, network order, IPv6",
        108,
        bytes.fromhex("0000001e") + ipv6(17, udp(1, 2, b"")),
        "null:ipv6:udp",
        {"null.family": 30},
    ),
    ("raw IPv4", 101, ipv4(17, udp(1, 2, b"")), "raw:ipv4:udp", {"raw.version": 4}),
    ("raw IPv6", 229, ipv6(17, udp(1, 2, b"")), "raw:ipv6:udp", {"raw.version": 6}),
    (
        "SLL2",
        276,
        bytes.fromhex("080000000000000200010006") + MAC1 + bytes(2) + ipv4(17, udp(1, 2, b"")),
        "sll2:ipv4:udp",
        {"sll2.protocol": 0x0800, "sll2.interface_index": 2, "sll2.src_addr": MAC1},
    ),
    (
        "SLL",
        113,
        bytes.fromhex("000000010006")
        + MAC1
        + bytes(2)
        + bytes.fromhex("0800")
        + ipv4(17, udp(1, 2, b"")),
        "sll:ipv4:udp",
        {"sll.packet_type": 0, "sll.src_addr": MAC1, "sll.protocol": 0x0800},
    ),
    (
        "DNS MX, AAAA, SOA",
        1,
        eth(0x0800, ipv4(17, udp(53, 4000, dns_mx_soa()))),
        "eth:ipv4:udp:dns",
        {
            "dns.answers[0].rdata.preference": 10,
            "dns.answers[0].rdata.exchange.text": "mail.example.com",
            "dns.answers[1].name.text": "mail.example.com",
            "dns.answers[1].rdata.address": V6A,
            "dns.authorities[0].rdata.mname.text": "ns.example.com",
            "dns.authorities[0].rdata.rname.text": "admin.example.com",
            "dns.authorities[0].rdata.minimum": 300,
        },
    ),
    (
        "ICMPv6 neighbour solicitation",
        1,
        eth(0x86DD, ipv6(58, ND_NS)),
        "eth:ipv6:icmpv6",
        {
            "icmpv6.type": 135,
            "icmpv6.msg.target_address": V6B,
            "icmpv6.msg.options[0].type": 1,
            "icmpv6.msg.options[0].body.address": MAC1,
        },
    ),
    (
        "ICMPv6 error quotes IPv6 + UDP",
        1,
        eth(0x86DD, ipv6(58, bytes.fromhex("0104000000000000") + ipv6(17, udp(1000, 53, b"")))),
        "eth:ipv6:icmpv6:ipv6:udp",
        {"icmpv6.type": 1, "icmpv6.code": 4, "udp.dst_port": 53},
    ),
    (
        "ICMP echo request",
        1,
        eth(0x0800, ipv4(1, bytes.fromhex("0800f7fe00010001") + b"ping")),
        "eth:ipv4:icmp",
        {"icmp.rest_of_header.identifier": 1, "icmp.rest_of_header.seq_number": 1},
    ),
    (
        "IPv6 routing + destination options",
        1,
        eth(
            0x86DD,
            ipv6(
                43,
                bytes.fromhex("3c02000100000000")
                + V6B
                + bytes.fromhex("1100010400000000")
                + udp(7, 9, b""),
            ),
        ),
        "eth:ipv6:udp",
        {
            "ipv6.ext_headers[0].body.routing_type": 0,
            "ipv6.ext_headers[0].body.segments_left": 1,
            "ipv6.ext_headers[1].body.options[0].type": 1,
            "ipv6.payload_protocol": 17,
        },
    ),
    (
        "DHCP hlen 16, overload into file",
        1,
        eth(
            0x0800,
            ipv4(
                17,
                udp(
                    68,
                    67,
                    dhcp(
                        16,
                        bytes.fromhex("350101340101ff"),
                        file=bytes.fromhex("3d0701") + MAC1 + b"\xff",
                    ),
                ),
            ),
        ),
        "eth:ipv4:udp:dhcp",
        {
            "dhcp.hlen": 16,
            "dhcp.client_hw_addr": bytes(range(1, 17)),
            "dhcp.overload": 1,
            "dhcp.file_options.options[0].body.identifier": MAC1,
        },
    ),
    (
        "DHCP hlen 0",
        1,
        eth(0x0800, ipv4(17, udp(68, 67, dhcp(0, bytes.fromhex("350103ff"))))),
        "eth:ipv4:udp:dhcp",
        {"dhcp.hlen": 0, "dhcp.chaddr": bytes(range(1, 17))},
    ),
]


def _flat(case: tuple[str, int, bytes, str, dict[str, Any]]) -> str:
    return case[0]


@pytest.mark.parametrize("compiler", COMPILERS)
@pytest.mark.parametrize("case", CASES, ids=_flat)
def test_decode_case(compiler: str, case: tuple[str, int, bytes, str, dict[str, Any]]) -> None:
    _, linktype, frame, stack, expected = case
    layers = decode_chain(specs_for(compiler), linktype, frame)
    assert ":".join(x.spec for x in layers) == stack
    assert [x.error for x in layers if not x.quoted] == [None] * len(
        [x for x in layers if not x.quoted]
    )
    for path, want in expected.items():
        spec, rest = path.split(".", 1)
        got = value(layers, spec, rest)
        assert got == want, f"{path}: {got!r} != {want!r}"


def dhcp_layers(specs: dict[str, Spec], payload: bytes) -> list[Layer]:
    return decode_chain(specs, 1, eth(0x0800, ipv4(17, udp(68, 67, payload))))


@pytest.mark.parametrize("compiler", COMPILERS)
@pytest.mark.parametrize(
    ("hlen", "want"), [(0, None), (1, 1), (6, 6), (16, 16), (17, None), (255, None)]
)
def test_dhcp_client_hw_addr_by_hlen(compiler: str, hlen: int, want: int | None) -> None:
    layers = dhcp_layers(specs_for(compiler), dhcp(hlen, bytes.fromhex("350101ff")))
    obj = layer(layers, "dhcp").obj
    assert bytes(obj.chaddr) == bytes(range(1, 17))
    if want is None:
        assert obj.client_hw_addr is None
    else:
        assert bytes(obj.client_hw_addr) == bytes(range(1, want + 1))


@pytest.mark.parametrize("compiler", COMPILERS)
def test_dhcp_options_message_type_and_overload(compiler: str) -> None:
    specs = specs_for(compiler)
    file = bytes.fromhex("3501030c03666f6fff").ljust(128, b"\x00")  # type 3 + host name "foo"
    sname = bytes.fromhex("0f03626172ff").ljust(64, b"\x00")  # domain name "bar"
    layers = dhcp_layers(specs, dhcp(6, bytes.fromhex("00340103ff"), file=file, sname=sname))
    obj = layer(layers, "dhcp").obj
    hints = specs["dhcp"].hints
    assert [int(o.code) for o in obj.options] == [0, 52, 255]
    assert attr(obj.options[0], "length") is None  # pad has no length
    assert obj.overload == 3
    assert [int(o.code) for o in obj.file_options.options] == [53, 12, 255]
    assert obj.sname_options.options[0].body.value == "bar"
    # the alias finds option 53 in the overloaded file field
    assert [int(v) for v in resolve(obj, "message_type", hints)] == [3]
    plain = layer(dhcp_layers(specs, dhcp(6, bytes.fromhex("350105ff"))), "dhcp").obj
    assert [int(v) for v in resolve(plain, "message_type", hints)] == [5]
    assert plain.overload == 0
    assert attr(plain, "file_options") is None


@pytest.mark.parametrize("compiler", COMPILERS)
@pytest.mark.parametrize(
    "name_hex",
    [
        "c00c",  # points at itself
        "03616161c01203626262c00c",  # two names pointing at each other
    ],
)
def test_dns_pointer_loop_is_a_marked_stop(compiler: str, name_hex: str) -> None:
    msg = bytes.fromhex("000101000001000000000000")
    msg += bytes.fromhex(name_hex) + bytes.fromhex("00010001")
    layers = decode_chain(specs_for(compiler), 1, eth(0x0800, ipv4(17, udp(1, 53, msg))))
    text = value(layers, "dns", "queries[0].name.text")
    assert text.endswith("<loop>")
    assert text.count(".") <= 127
