"""The map between tshark's field names and pktscope's paths, and both sides' normalised values.

Shared by ``pktscope compare`` and the truth tests (tests/truth). :data:`FIELD_MAP` maps each
tshark field to the pktscope paths whose occurrences, concatenated in order, give the same
list (``dhcp.hw.type`` is the BOOTP htype, then option 61's hardware type, as tshark reuses
the name). Values are put in one canonical form per kind: integers in decimal (tshark prints
some in hex), MAC and byte strings as plain lowercase hex, IP addresses as ``ipaddress`` text.
``frame.*`` items, the DHCP ``chaddr`` (tshark splits it into address + padding) and the
client-id MAC are derived on both sides.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

__all__ = [
    "DERIVED",
    "FIELD_MAP",
    "FRAME_ITEMS",
    "TSHARK_FIELDS",
    "FieldMap",
    "normalise",
    "our_values",
    "truth_values",
]


@dataclass(frozen=True, slots=True)
class FieldMap:
    """tshark field ``tshark`` ↔ the concatenated occurrences of pktscope ``paths``."""

    tshark: str
    paths: tuple[str, ...]
    kind: str  # int | mac | ip | text | hex


def _m(tshark: str, kind: str, *paths: str) -> FieldMap:
    return FieldMap(tshark, paths, kind)


_DHCP_OPT_AREAS = ("dhcp.options", "dhcp.file_options.options", "dhcp.sname_options.options")

FIELD_MAP: tuple[FieldMap, ...] = (
    _m("eth.src", "mac", "eth.src"),
    _m("eth.dst", "mac", "eth.dst"),
    _m("eth.type", "int", "eth.ether_type"),
    _m("arp.opcode", "int", "arp.opcode"),
    _m("arp.src.hw_mac", "mac", "arp.sender_mac"),
    _m("arp.src.proto_ipv4", "ip", "arp.sender_ip"),
    _m("arp.dst.hw_mac", "mac", "arp.target_mac"),
    _m("arp.dst.proto_ipv4", "ip", "arp.target_ip"),
    _m("ip.src", "ip", "ipv4.src"),
    _m("ip.dst", "ip", "ipv4.dst"),
    _m("ip.proto", "int", "ipv4.protocol"),
    _m("ip.len", "int", "ipv4.total_length"),
    _m("ipv6.src", "ip", "ipv6.src"),
    _m("ipv6.dst", "ip", "ipv6.dst"),
    _m("ipv6.nxt", "int", "ipv6.next_header"),
    _m("ipv6.plen", "int", "ipv6.payload_length"),
    _m("icmp.type", "int", "icmp.type"),
    _m("icmp.code", "int", "icmp.code"),
    _m("icmpv6.type", "int", "icmpv6.type"),
    _m("icmpv6.code", "int", "icmpv6.code"),
    _m("udp.srcport", "int", "udp.src_port"),
    _m("udp.dstport", "int", "udp.dst_port"),
    _m("udp.length", "int", "udp.length"),
    _m("tcp.srcport", "int", "tcp.src_port"),
    _m("tcp.dstport", "int", "tcp.dst_port"),
    _m("tcp.flags", "int", "tcp.flags"),
    _m("dhcp.type", "int", "dhcp.op"),
    # The BOOTP htype, then option 61's hardware type (tshark uses one field name for both).
    _m("dhcp.hw.type", "int", "dhcp.htype", *(f"{a}.body.hw_type" for a in _DHCP_OPT_AREAS)),
    _m("dhcp.hw.len", "int", "dhcp.hlen"),
    _m("dhcp.id", "int", "dhcp.xid"),
    _m("dhcp.ip.client", "ip", "dhcp.ciaddr"),
    _m("dhcp.ip.your", "ip", "dhcp.yiaddr"),
    _m("dhcp.ip.server", "ip", "dhcp.siaddr"),
    _m("dhcp.ip.relay", "ip", "dhcp.giaddr"),
    _m("dhcp.option.dhcp", "int", "dhcp.message_type"),
    _m("dns.id", "int", "dns.id"),
    _m("dns.flags.response", "int", "dns.qr"),
    _m("dns.qry.name", "text", "dns.queries.name"),
    _m("dns.qry.type", "int", "dns.queries.type"),
)

# Items computed from several fields on one side or the other (see _derived_*).
DERIVED = ("dhcp.hw.mac_addr", "dhcp.chaddr")
FRAME_ITEMS = (
    "frame.len",
    "frame.cap_len",
    "frame.time_epoch",
    "frame.interface_id",
    "frame.protocols",
    "frame.malformed",
    "frame.short",
    "frame.truncated",
)

TSHARK_FIELDS: tuple[str, ...] = (
    *(m.tshark for m in FIELD_MAP),
    "dhcp.hw.mac_addr",
    "dhcp.hw.addr",
    "dhcp.hw.addr_padding",
)

# tshark protocol names -> spec ids; names not listed (ethertype, ipv6.hopopts, data, http...)
# are tshark pseudo-layers or protocols pktscope has no bundled spec for.
_PROTO = {
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
_OUR_PROTO = set(_PROTO.values())


# -- normalisation -----------------------------------------------------------------------------
def normalise(kind: str, text: str) -> str:
    """One tshark value in the comparison's canonical form."""
    t = text.strip()
    try:
        if kind == "int":
            return str(int(t, 0))
        if kind in ("mac", "hex"):
            return t.replace(":", "").lower()
        if kind == "ip":
            return str(ipaddress.ip_address(t))
    except ValueError:
        return t
    return t


def _ours(kind: str, f: Any) -> str:
    """One pktscope field in the same canonical form."""
    v = f.value
    if kind == "int":
        try:
            return str(int(v))
        except (TypeError, ValueError):
            return str(f.display_plain)
    if kind in ("mac", "hex"):
        return str(f.hex()) if f.has_bytes else str(f.display_plain).replace(":", "")
    if kind == "ip":
        return normalise("ip", str(f.display_plain))
    return str(f.display_plain)


def our_values(pkt: Any) -> dict[str, list[str]]:
    """pktscope's side: tshark field name → normalised occurrences (absent fields omitted)."""
    out: dict[str, list[str]] = {}
    for m in FIELD_MAP:
        vals = [_ours(m.kind, f) for p in m.paths for f in pkt.get_all(p)]
        if vals:
            out[m.tshark] = vals
    macs = [f.hex() for f in pkt.get_all("dhcp.client_hw_addr") if f.size == 6]
    for area in _DHCP_OPT_AREAS:
        for ident in pkt.get_all(f"{area}.body.identifier"):
            hw = ident.parent.children[0] if ident.parent is not None else None
            if hw is not None and hw.name == "hw_type" and int(hw.value) == 1 and ident.size == 6:
                macs.append(ident.hex())
    if macs:
        out["dhcp.hw.mac_addr"] = macs
    chaddr = [f.hex() for f in pkt.get_all("dhcp.chaddr")]
    if chaddr:
        out["dhcp.chaddr"] = chaddr
    fr = pkt.frame
    out["frame.len"] = [str(fr.len)]
    out["frame.cap_len"] = [str(fr.cap_len)]
    out["frame.time_epoch"] = [fr.time_epoch]
    out["frame.interface_id"] = [str(fr.interface_id)]
    out["frame.protocols"] = [":".join(n for n in pkt.protocols.split(":") if n in _OUR_PROTO)]
    out["frame.malformed"] = [str(bool(pkt.malformed)).lower()]
    out["frame.short"] = [str(_short(pkt)).lower()]
    out["frame.truncated"] = [str(fr.cap_len < fr.len).lower()]
    return out


def _short(pkt: Any) -> bool:
    """tshark's "short": a dissector ran out of the captured bytes. Here: a layer whose decode
    error is a truncation (not malformation, see ``Packet.malformed``), outside a quoted
    excerpt (an ICMP error's copy of a datagram is short by design, ``quoted: true`` in
    specs/README.md, and tshark flags nothing there)."""
    from pktscope.dissect.chain import payload_rule  # noqa: PLC0415 - dissect loads on use

    quoted = False
    for layer in pkt.layers:
        if layer.error is not None and not layer.malformed and not quoted:
            return True
        rule = payload_rule(layer.cls)
        quoted = quoted or (rule is not None and rule.quoted)
    return False


def truth_values(row: Mapping[str, Any]) -> dict[str, list[str]]:
    """tshark's side from one truth row (captures/README.md format), normalised."""
    kinds = {m.tshark: m.kind for m in FIELD_MAP}
    out: dict[str, list[str]] = {}
    for name, kind in kinds.items():
        vals = row.get(name)
        if vals:
            out[name] = [normalise(kind, v) for v in vals]
    macs = row.get("dhcp.hw.mac_addr")
    if macs:
        out["dhcp.hw.mac_addr"] = [normalise("mac", v) for v in macs]
    addr = (row.get("dhcp.hw.mac_addr") or row.get("dhcp.hw.addr") or [None])[0]
    if addr is not None:
        pad = (row.get("dhcp.hw.addr_padding") or [""])[0]
        out["dhcp.chaddr"] = [normalise("hex", addr) + normalise("hex", pad)]
    out["frame.len"] = [str(row["len"])]
    out["frame.cap_len"] = [str(row["cap_len"])]
    out["frame.time_epoch"] = [str(row["time_epoch"])]
    protos = [_PROTO[p] for p in row.get("protocols", []) if p in _PROTO]
    out["frame.protocols"] = [":".join(protos)]
    out["frame.malformed"] = [str(bool(row.get("malformed"))).lower()]
    out["frame.short"] = [str(bool(row.get("short"))).lower()]
    out["frame.truncated"] = [str(int(row["cap_len"]) < int(row["len"])).lower()]
    if "interface_id" in row:
        out["frame.interface_id"] = [str(row["interface_id"])]
    return out
