"""Stand-in dissector chain (Ethernet, ARP, IPv4/6, UDP, TCP, ICMP/v6, DHCP, DNS) for the TUI.

Used only while ``pktscope.dissect.chain`` is not available. Dispatch is data: each layer
function returns the next layer's name from a table (ether type, IP protocol, UDP port), and
decode-as rules (``("udp.port", 9000, "dns")``) are consulted before the tables.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import IntEnum

from pktscope.tui.lite_fields import Builder, FrameInfo, LiteField, LitePacket, LiteTruncated

__all__ = ["LAYERS", "DecodeRule", "lite_decode"]

DecodeRule = tuple[str, int, str]  # ("udp.port", 9000, "dns")

EtherType = IntEnum("EtherType", {"ipv4": 0x0800, "arp": 0x0806, "vlan": 0x8100, "ipv6": 0x86DD})
IpProto = IntEnum("IpProto", {"icmp": 1, "tcp": 6, "udp": 17, "icmpv6": 58})
ArpOp = IntEnum("ArpOp", {"request": 1, "reply": 2})
IcmpType = IntEnum(
    "IcmpType",
    {"echo_reply": 0, "dest_unreachable": 3, "echo_request": 8, "time_exceeded": 11},
)
Icmpv6Type = IntEnum(
    "Icmpv6Type",
    {
        "echo_request": 128,
        "echo_reply": 129,
        "router_solicitation": 133,
        "router_advertisement": 134,
        "neighbor_solicitation": 135,
        "neighbor_advertisement": 136,
    },
)
BootpOp = IntEnum("BootpOp", {"boot_request": 1, "boot_reply": 2})
DhcpMessageType = IntEnum(
    "DhcpMessageType",
    {
        "discover": 1,
        "offer": 2,
        "request": 3,
        "decline": 4,
        "ack": 5,
        "nak": 6,
        "release": 7,
        "inform": 8,
    },
)
DhcpOption = IntEnum(
    "DhcpOption",
    {
        "pad": 0,
        "subnet_mask": 1,
        "router": 3,
        "dns_server": 6,
        "host_name": 12,
        "domain_name": 15,
        "broadcast_address": 28,
        "requested_ip": 50,
        "lease_time": 51,
        "message_type": 53,
        "server_id": 54,
        "param_request_list": 55,
        "max_message_size": 57,
        "renewal_time": 58,
        "rebinding_time": 59,
        "vendor_class_id": 60,
        "client_id": 61,
        "end": 255,
    },
)
DnsType = IntEnum(
    "DnsType",
    {
        "a": 1,
        "ns": 2,
        "cname": 5,
        "soa": 6,
        "ptr": 12,
        "mx": 15,
        "txt": 16,
        "aaaa": 28,
        "srv": 33,
        "opt": 41,
        "any": 255,
    },
)

Next = tuple[str, int, int] | None  # (layer, start, end) of the payload


def _eth(b: Builder, rules: Sequence[DecodeRule]) -> Next:
    b.raw("dst", 6, "mac")
    b.raw("src", 6, "mac")
    i = 0
    while b.limit - b.pos >= 4 and int.from_bytes(b.buf[b.pos : b.pos + 2], "big") in (
        0x8100,
        0x88A8,
    ):
        b.open(f"vlan[{i}]")
        at = b.pos
        b.num("tpid", 2)
        b.bits("pcp", at + 2, 0, 3)
        b.bits("dei", at + 2, 3, 1)
        b.bits("id", at + 2, 4, 12)
        b.pos = at + 4
        b.close()
        i += 1
    ether_type = b.num("ether_type", 2, EtherType)
    return _next(
        rules,
        "eth.type",
        [ether_type],
        {0x0800: "ipv4", 0x0806: "arp", 0x86DD: "ipv6"},
        b.pos,
        b.limit,
    )


def _arp(b: Builder, rules: Sequence[DecodeRule]) -> Next:
    b.num("htype", 2)
    b.num("ptype", 2)
    hlen = b.num("hlen", 1)
    plen = b.num("plen", 1)
    b.num("opcode", 2, ArpOp)
    hk, pk = ("mac" if hlen == 6 else "hex"), ("ipv4" if plen == 4 else "hex")
    b.raw("sender_mac", hlen, hk)
    b.raw("sender_ip", plen, pk)
    b.raw("target_mac", hlen, hk)
    b.raw("target_ip", plen, pk)
    return None


def _ipv4(b: Builder, rules: Sequence[DecodeRule]) -> Next:
    at = b.pos
    b.bits("version", at, 0, 4)
    ihl = b.bits("ihl", at, 4, 4)
    b.pos += 1
    b.num("tos", 1)
    total = b.num("total_length", 2)
    b.num("id", 2)
    b.bits("flags", b.pos, 0, 3)
    b.bits("frag_offset", b.pos, 3, 13)
    b.pos += 2
    b.num("ttl", 1)
    proto = b.num("protocol", 1, IpProto)
    b.num("checksum", 2)
    b.raw("src", 4, "ipv4")
    b.raw("dst", 4, "ipv4")
    hdr = ihl * 4
    if hdr > 20:
        b.raw("options", hdr - 20)
    if hdr < 20 or total < hdr:
        raise LiteTruncated(f"{b.root.path}.total_length", at + 2, hdr, total)
    end = min(at + total, b.limit)
    return _next(rules, "ip.proto", [proto], {1: "icmp", 6: "tcp", 17: "udp"}, at + hdr, end)


def _ipv6(b: Builder, rules: Sequence[DecodeRule]) -> Next:
    at = b.pos
    b.bits("version", at, 0, 4)
    b.bits("traffic_class", at, 4, 8)
    b.bits("flow_label", at + 1, 4, 20)
    b.pos += 4
    length = b.num("payload_length", 2)
    nh = b.num("next_header", 1, IpProto)
    b.num("hop_limit", 1)
    b.raw("src", 16, "ipv6")
    b.raw("dst", 16, "ipv6")
    return _next(
        rules,
        "ip.proto",
        [nh],
        {6: "tcp", 17: "udp", 58: "icmpv6"},
        b.pos,
        min(b.pos + length, b.limit),
    )


def _udp(b: Builder, rules: Sequence[DecodeRule]) -> Next:
    at = b.pos
    sport = b.num("src_port", 2)
    dport = b.num("dst_port", 2)
    length = b.num("length", 2)
    b.num("checksum", 2)
    end = min(at + max(length, 8), b.limit)
    ports = {67: "dhcp", 68: "dhcp", 53: "dns", 5353: "dns"}
    return _next(rules, "udp.port", [sport, dport], ports, b.pos, end)


def _tcp(b: Builder, rules: Sequence[DecodeRule]) -> Next:
    at = b.pos
    sport = b.num("src_port", 2)
    dport = b.num("dst_port", 2)
    b.num("seq", 4)
    b.num("ack", 4)
    off = b.bits("data_offset", at + 12, 0, 4)
    b.bits("flags", at + 12, 4, 12)
    b.pos = at + 14
    b.num("window", 2)
    b.num("checksum", 2)
    b.num("urgent_pointer", 2)
    if off * 4 > 20:
        b.raw("options", off * 4 - 20)
    return _next(rules, "tcp.port", [sport, dport], {}, b.pos, b.limit)


def _icmp(b: Builder, rules: Sequence[DecodeRule]) -> Next:
    kind = b.num("type", 1, IcmpType)
    b.num("code", 1)
    b.num("checksum", 2)
    if kind in (0, 8):
        b.num("identifier", 2)
        b.num("sequence", 2)
    b.rest("data")
    return None


def _icmpv6(b: Builder, rules: Sequence[DecodeRule]) -> Next:
    b.num("type", 1, Icmpv6Type)
    b.num("code", 1)
    b.num("checksum", 2)
    b.rest("data")
    return None


def _dhcp(b: Builder, rules: Sequence[DecodeRule]) -> Next:
    at = b.pos
    b.num("op", 1, BootpOp)
    b.num("htype", 1)
    hlen = b.num("hlen", 1)
    b.num("hops", 1)
    b.num("xid", 4)
    b.num("secs", 2)
    b.num("flags", 2)
    for name in ("ciaddr", "yiaddr", "siaddr", "giaddr"):
        b.raw(name, 4, "ipv4")
    if 1 <= hlen <= 16:
        b.raw("client_hw_addr", hlen, "mac" if hlen == 6 else "hex", advance=False)
    b.raw("chaddr", 16)
    b.raw("sname", 64, "str")
    b.raw("file", 128, "str")
    b.raw("magic_cookie", 4)
    assert b.pos == at + 240
    msg_type: LiteField | None = None
    i = 0
    while b.pos < b.limit:
        b.open(f"options[{i}]")
        code = b.num("code", 1, DhcpOption)
        if code not in (0, 255):
            length = b.num("length", 1)
            body = b.raw("body", length)
            if code == 53 and length == 1:
                v = DhcpMessageType(body[0]) if body[0] in range(1, 9) else body[0]
                msg_type = LiteField(
                    f"{b.root.path}.message_type",
                    "message_type",
                    b.pos - 1,
                    1,
                    v,
                    f"{getattr(v, 'name', v)} ({int(v)})",
                    b.buf,
                )
        b.close()
        i += 1
        if code == 255:
            break
    if msg_type is not None:
        b.add(msg_type)
    return None


def _dns_name(b: Builder, at: int) -> tuple[str, int]:
    """Name at ``at`` (following compression pointers); returns (name, bytes used at ``at``)."""
    labels: list[str] = []
    pos, used, hops = at, -1, 0
    while True:
        b.need("name", 1, pos)
        n = b.buf[pos]
        if n >= 0xC0:
            b.need("name", 2, pos)
            if used < 0:
                used = pos + 2 - at
            hops += 1
            if hops > 32:
                raise LiteTruncated(f"{b.parent.path}.name", pos, 0, 0)
            pos = ((n & 0x3F) << 8) | b.buf[pos + 1]
            continue
        if n == 0:
            if used < 0:
                used = pos + 1 - at
            return ".".join(labels) or ".", used
        b.need("name", 1 + n, pos)
        labels.append(b.buf[pos + 1 : pos + 1 + n].decode("latin-1"))
        pos += 1 + n


def _dns_rr(b: Builder, name: str, answer: bool) -> None:
    b.open(name)
    text, used = _dns_name(b, b.pos)
    b.add(LiteField(f"{b.parent.path}.name", "name", b.pos, used, text, text, b.buf))
    b.pos += used
    kind = b.num("type", 2, DnsType)
    b.num("class", 2)
    if answer:
        b.num("ttl", 4)
        rdlength = b.num("rdlength", 2)
        b.raw("rdata", rdlength, {1: "ipv4", 28: "ipv6"}.get(kind, "hex"))
    b.close()


def _dns(b: Builder, rules: Sequence[DecodeRule]) -> Next:
    at = b.pos
    b.num("id", 2)
    b.bits("qr", at + 2, 0, 1)
    b.bits("opcode", at + 2, 1, 4)
    for i, flag in enumerate(("aa", "tc", "rd", "ra", "z")):
        b.bits(flag, at + 2, 5 + i, 1 if flag != "z" else 3)
    b.bits("rcode", at + 2, 12, 4)
    b.pos = at + 4
    counts = [b.num(n, 2) for n in ("qdcount", "ancount", "nscount", "arcount")]
    for i in range(counts[0]):
        _dns_rr(b, f"queries[{i}]", answer=False)
    for i in range(counts[1]):
        _dns_rr(b, f"answers[{i}]", answer=True)
    return None


LayerFn = Callable[[Builder, Sequence[DecodeRule]], Next]
LAYERS: dict[str, LayerFn] = {
    "eth": _eth,
    "arp": _arp,
    "ipv4": _ipv4,
    "ipv6": _ipv6,
    "udp": _udp,
    "tcp": _tcp,
    "icmp": _icmp,
    "icmpv6": _icmpv6,
    "dhcp": _dhcp,
    "dns": _dns,
}


def _next(  # noqa: PLR0917 - one dispatch step: key, candidates, table, payload span
    rules: Sequence[DecodeRule],
    key: str,
    values: list[int],
    table: dict[int, str],
    start: int,
    end: int,
) -> Next:
    for rule_key, rule_value, layer in rules:
        if rule_key == key and rule_value in values:
            return (layer, start, end)
    for v in values:
        if v in table:
            return (table[v], start, end)
    return ("data", start, end) if start < end else None


def lite_decode(buf: bytes, frame: FrameInfo, rules: Sequence[DecodeRule] = ()) -> LitePacket:
    """Decode ``buf`` from its link type down; a failing layer keeps its fields and its error."""
    first = {1: "eth", 101: "ipv4", 228: "ipv4", 229: "ipv6"}.get(frame.linktype, "data")
    if frame.linktype in (12, 101) and buf[:1] and buf[0] >> 4 == 6:
        first = "ipv6"
    layers: list[LiteField] = []
    step: Next = (first, 0, len(buf))
    while step is not None and len(layers) < 16:
        name, start, end = step
        b = Builder(buf, name, start, end)
        fn = LAYERS.get(name)
        step = None
        try:
            if fn is None:
                b.rest("bytes")
            else:
                step = fn(b, rules)
        except LiteTruncated as exc:
            b.root.error = str(exc)
        layers.append(b.finish())
        if step is not None and step[1] >= step[2] and step[0] == "data":
            step = None
    return LitePacket(buf, frame, layers)
