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
        if hlen < 16:
            out["dhcp.hw.addr_padding"].append(bytes(chaddr)[hlen:].hex())
    for opt in resolve(obj, "options[]"):
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
