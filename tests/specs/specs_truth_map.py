"""How tshark's field names map onto the bundled specs' field paths, and how tshark prints them.

Each :data:`FIELDS` row is ``tshark name -> (layer, path, format)``: every layer of that spec in
the chain (outer first) contributes the values found at ``path``, rendered as tshark does
(``eth.type``/``dhcp.id``/``dns.id``/``tcp.flags``/``dhcp.hw.type`` in ``0x`` hex of a fixed
width, other integers in decimal). The DHCP hardware-address fields depend on ``hlen`` and
on option 61, so they are computed by :func:`dhcp_hw`.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable
from typing import Any

from specs_chain import Layer, attr, resolve


def mac(v: Any) -> str:
    return ":".join(f"{b:02x}" for b in bytes(v))


def ipv4(v: Any) -> str:
    return ".".join(str(b) for b in bytes(v))


def ipv6(v: Any) -> str:
    return str(ipaddress.IPv6Address(bytes(v)))


def dec(v: Any) -> str:
    return str(int(v))


def hexw(width: int) -> Callable[[Any], str]:
    return lambda v: f"0x{int(v):0{width}x}"


FIELDS: dict[str, tuple[str, str, Callable[[Any], str]]] = {
    "eth.src": ("eth", "src", mac),
    "eth.dst": ("eth", "dst", mac),
    "eth.type": ("eth", "ether_type", hexw(4)),
    "arp.opcode": ("arp", "opcode", dec),
    "arp.src.hw_mac": ("arp", "sender_mac", mac),
    "arp.src.proto_ipv4": ("arp", "sender_ip", ipv4),
    "arp.dst.hw_mac": ("arp", "target_mac", mac),
    "arp.dst.proto_ipv4": ("arp", "target_ip", ipv4),
    "ip.src": ("ipv4", "src", ipv4),
    "ip.dst": ("ipv4", "dst", ipv4),
    "ip.proto": ("ipv4", "protocol", dec),
    "ip.len": ("ipv4", "total_length", dec),
    "ipv6.src": ("ipv6", "src", ipv6),
    "ipv6.dst": ("ipv6", "dst", ipv6),
    "ipv6.nxt": ("ipv6", "next_header", dec),
    "ipv6.plen": ("ipv6", "payload_length", dec),
    "icmp.type": ("icmp", "type", dec),
    "icmp.code": ("icmp", "code", dec),
    "icmpv6.type": ("icmpv6", "type", dec),
    "icmpv6.code": ("icmpv6", "code", dec),
    "udp.srcport": ("udp", "src_port", dec),
    "udp.dstport": ("udp", "dst_port", dec),
    "udp.length": ("udp", "length", dec),
    "tcp.srcport": ("tcp", "src_port", dec),
    "tcp.dstport": ("tcp", "dst_port", dec),
    "tcp.flags": ("tcp", "flags", hexw(4)),
    "dhcp.type": ("dhcp", "op", dec),
    "dhcp.hw.len": ("dhcp", "hlen", dec),
    "dhcp.id": ("dhcp", "xid", hexw(8)),
    "dhcp.ip.client": ("dhcp", "ciaddr", ipv4),
    "dhcp.ip.your": ("dhcp", "yiaddr", ipv4),
    "dhcp.ip.server": ("dhcp", "siaddr", ipv4),
    "dhcp.ip.relay": ("dhcp", "giaddr", ipv4),
    "dhcp.option.dhcp": ("dhcp", "message_type", dec),
    "dns.id": ("dns", "id", hexw(4)),
    "dns.flags.response": ("dns", "qr", dec),
    "dns.qry.name": ("dns", "queries[].name.text", str),
    "dns.qry.type": ("dns", "queries[].type", dec),
}

DHCP_HW = ("dhcp.hw.type", "dhcp.hw.mac_addr", "dhcp.hw.addr", "dhcp.hw.addr_padding")

# tshark protocol names -> our layer names; names not listed (ethertype, data, ...) are dropped.
PROTOCOLS = {
    "eth": "eth",
    "sll": "sll",
    "arp": "arp",
    "ip": "ipv4",
    "ipv6": "ipv6",
    "icmp": "icmp",
    "icmpv6": "icmpv6",
    "udp": "udp",
    "tcp": "tcp",
    "dhcp": "dhcp",
    "dns": "dns",
}
OUR_ONLY_LAYERS = {"dns_tcp"}  # framing layers tshark folds into its dns dissector


def dhcp_hw(layer: Layer) -> dict[str, list[str]]:
    """tshark's dhcp.hw.* for one DHCP layer: header first, then option 61 (client id)."""
    obj = layer.obj
    out: dict[str, list[str]] = {name: [] for name in DHCP_HW}
    htype, hlen, chaddr = attr(obj, "htype"), attr(obj, "hlen"), attr(obj, "chaddr")
    if htype is not None:
        out["dhcp.hw.type"].append(f"0x{int(htype):02x}")
    if hlen is not None and chaddr is not None:
        used = attr(obj, "client_hw_addr")
        if hlen == 6 and used is not None:
            out["dhcp.hw.mac_addr"].append(mac(used))
        elif used is not None:
            out["dhcp.hw.addr"].append(bytes(used).hex())
        if 1 <= hlen < 16:  # hlen 0: tshark notes "Client address not given", no padding
            out["dhcp.hw.addr_padding"].append(bytes(chaddr)[hlen:].hex())
    areas = ("options[]", "file_options.options[]", "sname_options.options[]")
    for opt in [o for area in areas for o in resolve(obj, area)]:
        body = attr(opt, "body")
        if int(attr(opt, "code") or 0) == 61 and attr(opt, "length") == 7:
            hw_type = attr(body, "hw_type")
            if hw_type:
                out["dhcp.hw.type"].append(f"0x{int(hw_type):02x}")
                out["dhcp.hw.mac_addr"].append(mac(attr(body, "identifier")))
    return out


def extract(layers: list[Layer], hints: dict[str, dict[str, Any]]) -> dict[str, list[str]]:
    """Every truth field we can produce for one frame, as tshark would print it."""
    out: dict[str, list[str]] = {}
    for name, (spec, path, fmt) in FIELDS.items():
        values: list[str] = []
        for layer in layers:
            if layer.spec == spec and layer.obj is not None:
                values.extend(fmt(v) for v in resolve(layer.obj, path, hints.get(spec)))
        if values:
            out[name] = values
    for layer in layers:
        if layer.spec == "dhcp" and layer.obj is not None:
            for name, values in dhcp_hw(layer).items():
                if values:
                    out.setdefault(name, []).extend(values)
    return out


def protocols(layers: list[Layer]) -> list[str]:
    return [layer.spec for layer in layers if layer.spec not in OUR_ONLY_LAYERS]


def tshark_protocols(truth: dict[str, Any]) -> list[str]:
    return [PROTOCOLS[p] for p in truth["protocols"] if p in PROTOCOLS]


# ------------------------------------------------------------- extra fields (live tshark run)


def _rr_all(obj: Any) -> list[Any]:
    return resolve(obj, "answers[]") + resolve(obj, "authorities[]") + resolve(obj, "additionals[]")


def _rr_data(rr_type: int, path: str, fmt: Callable[[Any], str]) -> Callable[[Any], list[str]]:
    def get(obj: Any) -> list[str]:
        return [
            fmt(v)
            for rr in _rr_all(obj)
            if int(attr(rr, "type") or -1) == rr_type
            for v in resolve(rr, path)
        ]

    return get


def _dhcp_all(path: str) -> Callable[[Any], list[str]]:
    def get(obj: Any) -> list[str]:
        vals = resolve(obj, f"options[].{path}")
        vals += resolve(obj, f"file_options.options[].{path}")
        vals += resolve(obj, f"sname_options.options[].{path}")
        if path == "code":
            # tshark renders the End option's dhcp.option.type as 0: `tshark -T pdml` on
            # wswiki__dhcp.pcap shows <field name="dhcp.option.type" showname="Option: (255)
            # End" show="0" value="ff">; the value byte is 0xff, the shown value 0.
            return ["0" if int(v) == 255 else dec(v) for v in vals]
        return [dec(v) for v in vals]

    return get


def _hopopts_nxt(obj: Any) -> list[str]:
    return [
        dec(attr(h, "next_header"))
        for h in resolve(obj, "ext_headers[]")
        if attr(h, "header_type") == 0
    ]


def _path(path: str, fmt: Callable[[Any], str]) -> Callable[[Any], list[str]]:
    return lambda obj: [fmt(v) for v in resolve(obj, path)]


def _paths(paths: tuple[str, ...], fmt: Callable[[Any], str]) -> Callable[[Any], list[str]]:
    return lambda obj: [fmt(v) for p in paths for v in resolve(obj, p)]


def _bool(v: Any) -> str:
    return "1" if v else "0"


def _name(v: Any) -> str:
    return str(v)


def _rr_ttl(obj: Any) -> list[str]:
    # an OPT record's TTL field is extended rcode/version/flags (RFC 6891 6.1.3): tshark
    # shows those, not dns.resp.ttl, so OPT records give no TTL.
    return [dec(attr(rr, "ttl")) for rr in _rr_all(obj) if attr(rr, "type") != 41]


def _sll_src(obj: Any) -> list[str]:
    # tshark shows sll.src.eth only for 6-byte (Ethernet) addresses
    return [mac(v) for v in resolve(obj, "src_addr")] if attr(obj, "addr_length") == 6 else []


def _ext(
    header_types: int | tuple[int, ...], path: str, fmt: Callable[[Any], str]
) -> Callable[[Any], list[str]]:
    """Values at ``path`` of the IPv6 extension headers of the given type(s)."""
    wanted = header_types if isinstance(header_types, tuple) else (header_types,)

    def get(obj: Any) -> list[str]:
        return [
            fmt(v)
            for h in resolve(obj, "ext_headers[]")
            if attr(h, "header_type") in wanted
            for v in resolve(h, path)
        ]

    return get


def _when_type(msg_type: int, path: str, fmt: Callable[[Any], str]) -> Callable[[Any], list[str]]:
    def get(obj: Any) -> list[str]:
        return [fmt(v) for v in resolve(obj, path)] if attr(obj, "type") == msg_type else []

    return get


def _tags(obj: Any, s_tag: bool) -> list[Any]:
    """VLAN tags by TPID: tshark dissects 0x88a8 (802.1ad S-tag) with its ieee8021ad
    dissector and 0x8100/0x9100 with vlan, so each gets its own field names."""
    tags = resolve(obj, "vlan[]")
    tpids = [attr(obj, "type_or_length")] + [attr(t, "type_or_length") for t in tags]
    return [t for t, tpid in zip(tags, tpids, strict=False) if (tpid == 0x88A8) == s_tag]


def _tag_field(s_tag: bool, name: str, fmt: Callable[[Any], str]) -> Callable[[Any], list[str]]:
    return lambda obj: [fmt(attr(t, name)) for t in _tags(obj, s_tag)]


def _vlan_etype(s_tag: bool) -> Callable[[Any], list[str]]:
    # tshark: vlan.etype for a type (>= 0x600), vlan.len for an 802.3 length
    def get(obj: Any) -> list[str]:
        return [
            hexw(4)(attr(t, "type_or_length"))
            for t in _tags(obj, s_tag)
            if attr(t, "type_or_length") >= 0x600
        ]

    return get


def _snap(zero_oui: bool) -> Callable[[Any], list[str]]:
    # tshark: SNAP with OUI 00-00-00 carries an EtherType (llc.type), else a PID (llc.pid)
    def get(obj: Any) -> list[str]:
        snap = attr(attr(obj, "llc"), "snap")
        if snap is None or (bytes(attr(snap, "oui")) == bytes(3)) != zero_oui:
            return []
        return [hexw(4)(attr(snap, "protocol_id"))]

    return get


def _rcode(obj: Any) -> list[str]:
    # tshark adds dns.flags.rcode to responses only (packet-dns.c: "if (flags & F_RESPONSE)")
    return [dec(attr(obj, "rcode"))] if attr(obj, "qr") else []


EXTRA_FIELDS: dict[str, tuple[str, Callable[[Any], list[str]]]] = {
    "arp.hw.type": ("arp", _path("htype", dec)),
    "arp.proto.type": ("arp", _path("ptype", hexw(4))),
    "arp.hw.size": ("arp", _path("hlen", dec)),
    "arp.proto.size": ("arp", _path("plen", dec)),
    "ip.version": ("ipv4 ipv6", _path("version", dec)),  # tshark: ip.version in IPv6 too
    "ip.hdr_len": ("ipv4", _path("header_length", dec)),
    "ip.dsfield.dscp": ("ipv4", _path("dscp", dec)),
    "ip.dsfield.ecn": ("ipv4", _path("ecn", dec)),
    "ip.id": ("ipv4", _path("id", hexw(4))),
    "ip.flags.df": ("ipv4", _path("flag_df", _bool)),
    "ip.flags.mf": ("ipv4", _path("flag_mf", _bool)),
    "ip.frag_offset": ("ipv4", _path("frag_offset", dec)),  # tshark 4.0: in 8-byte units
    "ip.ttl": ("ipv4", _path("ttl", dec)),
    "ip.checksum": ("ipv4", _path("checksum", hexw(4))),
    "ip.opt.type": ("ipv4", _path("options.items[].type", dec)),
    "ipv6.hlim": ("ipv6", _path("hop_limit", dec)),
    "ipv6.flow": ("ipv6", _path("flow_label", hexw(6))),
    "ipv6.tclass": ("ipv6", _path("traffic_class", hexw(8))),
    "ipv6.hopopts.nxt": ("ipv6", _hopopts_nxt),
    "udp.checksum": ("udp", _path("checksum", hexw(4))),
    "tcp.seq_raw": ("tcp", _path("seq", dec)),
    "tcp.ack_raw": ("tcp", _path("ack", dec)),
    "tcp.hdr_len": ("tcp", _path("header_length", dec)),
    "tcp.window_size_value": ("tcp", _path("window", dec)),
    "tcp.checksum": ("tcp", _path("checksum", hexw(4))),
    "tcp.urgent_pointer": ("tcp", _path("urgent_pointer", dec)),
    "tcp.option_kind": ("tcp", _path("options.items[].kind", dec)),
    "tcp.option_len": ("tcp", _path("options.items[].length", dec)),
    "tcp.options.mss_val": ("tcp", _path("options.items[].body.mss", dec)),
    "tcp.options.wscale.shift": ("tcp", _path("options.items[].body.shift_count", dec)),
    "tcp.options.timestamp.tsval": ("tcp", _path("options.items[].body.value", dec)),
    "icmp.checksum": ("icmp", _path("checksum", hexw(4))),
    "icmp.ident": ("icmp", _path("rest_of_header.identifier", dec)),
    "icmp.seq": ("icmp", _path("rest_of_header.seq_number", dec)),
    "icmp.redir_gw": ("icmp", _path("rest_of_header.gateway", ipv4)),
    "icmpv6.checksum": ("icmpv6", _path("checksum", hexw(4))),
    "icmpv6.opt.type": ("icmpv6", _path("msg.options[].type", dec)),
    "icmpv6.opt.length": ("icmpv6", _path("msg.options[].length", dec)),
    "icmpv6.nd.ra.cur_hop_limit": ("icmpv6", _path("msg.cur_hop_limit", dec)),
    "icmpv6.opt.mtu": ("icmpv6", _path("msg.options[].body.mtu", dec)),
    "dhcp.hops": ("dhcp", _path("hops", dec)),
    "dhcp.secs": ("dhcp", _path("secs", dec)),
    "dhcp.flags": ("dhcp", _path("flags", hexw(4))),
    "dhcp.option.type": ("dhcp", _dhcp_all("code")),
    "dhcp.option.length": ("dhcp", _dhcp_all("length")),
    "dns.flags.opcode": ("dns", _path("opcode", dec)),
    "dns.flags.rcode": ("dns", _rcode),
    "dns.count.queries": ("dns", _path("qdcount", dec)),
    "dns.count.answers": ("dns", _path("ancount", dec)),
    "dns.count.auth_rr": ("dns", _path("nscount", dec)),
    "dns.count.add_rr": ("dns", _path("arcount", dec)),
    "dns.qry.class": ("dns", _path("queries[].rr_class", hexw(4))),
    "dns.resp.name": (
        "dns",
        _paths(
            ("answers[].name.text", "authorities[].name.text", "additionals[].name.text"), _name
        ),
    ),
    "dns.resp.type": (
        "dns",
        _paths(("answers[].type", "authorities[].type", "additionals[].type"), dec),
    ),
    "dns.resp.ttl": ("dns", _rr_ttl),
    "dns.resp.len": (
        "dns",
        _paths(("answers[].rdlength", "authorities[].rdlength", "additionals[].rdlength"), dec),
    ),
    "dns.a": ("dns", _rr_data(1, "rdata.address", ipv4)),
    "dns.aaaa": ("dns", _rr_data(28, "rdata.address", ipv6)),
    "dns.ns": ("dns", _rr_data(2, "rdata.name.text", _name)),
    "dns.cname": ("dns", _rr_data(5, "rdata.name.text", _name)),
    "dns.ptr.domain_name": ("dns", _rr_data(12, "rdata.name.text", _name)),
    "dns.mx.mail_exchange": ("dns", _rr_data(15, "rdata.exchange.text", _name)),
    "sll.pkttype": ("sll sll2", _path("packet_type", dec)),
    "sll.hatype": ("sll sll2", _path("arphrd_type", dec)),
    "sll.halen": ("sll sll2", _path("addr_length", dec)),
    "sll.src.eth": ("sll sll2", _sll_src),
    "sll.etype": ("sll sll2", _path("protocol", hexw(4))),
    "sll.ifindex": ("sll2", _path("interface_index", dec)),
    "vlan.id": ("eth", _tag_field(False, "id", dec)),
    "vlan.priority": ("eth", _tag_field(False, "pcp", dec)),
    "vlan.dei": ("eth", _tag_field(False, "dei", _bool)),
    "vlan.etype": ("eth", _vlan_etype(False)),
    "ieee8021ad.id": ("eth", _tag_field(True, "id", dec)),
    "ieee8021ad.priority": ("eth", _tag_field(True, "pcp", dec)),
    "ieee8021ad.dei": ("eth", _tag_field(True, "dei", _bool)),
    "eth.len": ("eth", _path("length", dec)),
    "llc.dsap": ("eth", _path("llc.dsap", hexw(2))),
    "llc.ssap": ("eth", _path("llc.ssap", hexw(2))),
    "llc.type": ("eth", _snap(True)),
    "llc.pid": ("eth", _snap(False)),
    "null.family": ("null", _path("family", dec)),
    "ipv6.fraghdr.nxt": ("ipv6", _ext(44, "next_header", dec)),
    "ipv6.fraghdr.offset": ("ipv6", _ext(44, "body.fragment_offset", dec)),
    "ipv6.fraghdr.more": ("ipv6", _ext(44, "body.more_fragments", _bool)),
    "ipv6.fraghdr.ident": ("ipv6", _ext(44, "body.identification", hexw(8))),
    "ipv6.routing.type": ("ipv6", _ext(43, "body.routing_type", dec)),
    "ipv6.routing.segleft": ("ipv6", _ext(43, "body.segments_left", dec)),
    "ipv6.opt.type": ("ipv6", _ext((0, 60), "body.options[].type", hexw(2))),
    "tcp.options.timestamp.tsecr": ("tcp", _path("options.items[].body.echo_reply", dec)),
    "icmpv6.nd.ns.target_address": ("icmpv6", _when_type(135, "msg.target_address", ipv6)),
    "icmpv6.nd.na.target_address": ("icmpv6", _when_type(136, "msg.target_address", ipv6)),
}


def extract_extra(layers: list[Layer]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for name, (spec, get) in EXTRA_FIELDS.items():
        values: list[str] = []
        for layer in layers:
            if layer.spec in spec.split() and layer.obj is not None:
                values.extend(get(layer.obj))
        if values:
            out[name] = values
    return out
