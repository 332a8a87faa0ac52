"""Wireshark's packet-list wording: the Protocol column and the Info text of a decoded packet.

``protocol_and_info(layers)`` gives what ``tshark -n -r FILE`` prints in those two columns for
the protocols pktscope bundles, in Wireshark 4.0's words (the strings below are Wireshark's own
value tables: ``packet-icmp.c``, ``packet-icmpv6.c``, ``packet-dns.c``, ``packet-dhcp.c``).
Only what one frame shows is used; tshark's remarks that need other frames (``(request in
9)``, TCP's relative sequence numbers and retransmission marks) are not made up.

It reads the layers' decoded objects directly: the packet list asks for one row per packet,
and a field-path lookup per value would cost more than the decoding itself.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Sequence
from typing import Any

from pktscope.render.conversations import FrameNotes, fragment_role, tcp_payload_length
from pktscope.render.display import escape_text, format_ipv4, format_ipv6, format_mac
from pktscope.render.lenient import as_int as _int
from pktscope.render.lenient import attr_path as _get

__all__ = ["PROTOCOL_NAMES", "addresses", "protocol_and_info", "top_layer"]

# Protocol column: Wireshark's short names of the bundled specs
PROTOCOL_NAMES = {
    "eth": "Ethernet",
    "arp": "ARP",
    "ipv4": "IPv4",
    "ipv6": "IPv6",
    "icmp": "ICMP",
    "icmpv6": "ICMPv6",
    "udp": "UDP",
    "tcp": "TCP",
    "dhcp": "DHCP",
    "dns": "DNS",
    "dns_tcp": "DNS",
    "sll": "SLL",
    "sll2": "SLL2",
    "null": "NULL",
    "raw": "Raw",
}

# -- ICMP (packet-icmp.c) ----------------------------------------------------------------------
_ICMP_TYPES = {
    0: "Echo (ping) reply",
    1: "Reserved",
    2: "Reserved",
    3: "Destination unreachable",
    4: "Source quench (flow control)",
    5: "Redirect",
    6: "Alternate host address",
    8: "Echo (ping) request",
    9: "Router advertisement",
    10: "Router solicitation",
    11: "Time-to-live exceeded",
    12: "Parameter problem",
    13: "Timestamp request",
    14: "Timestamp reply",
    15: "Information request",
    16: "Information reply",
    17: "Address mask request",
    18: "Address mask reply",
    19: "Reserved (for security)",
    30: "Traceroute",
    31: "Datagram Conversion Error",
    32: "Mobile Host Redirect",
    33: "IPv6 Where-Are-You",
    34: "IPv6 I-Am-Here",
    35: "Mobile Registration Request",
    36: "Mobile Registration Reply",
    37: "Domain Name Request",
    38: "Domain Name Reply",
    39: "SKIP",
    40: "Photuris",
    41: "Experimental mobility protocols",
    42: "Extended Echo request",
    43: "Extended Echo reply",
}
_ICMP_CODES: dict[int, dict[int, str]] = {
    3: {
        0: "Network unreachable",
        1: "Host unreachable",
        2: "Protocol unreachable",
        3: "Port unreachable",
        4: "Fragmentation needed",
        5: "Source route failed",
        6: "Destination network unknown",
        7: "Destination host unknown",
        8: "Source host isolated",
        9: "Network administratively prohibited",
        10: "Host administratively prohibited",
        11: "Network unreachable for TOS",
        12: "Host unreachable for TOS",
        13: "Communication administratively filtered",
        14: "Host precedence violation",
        15: "Precedence cutoff in effect",
    },
    5: {
        0: "Redirect for network",
        1: "Redirect for host",
        2: "Redirect for TOS and network",
        3: "Redirect for TOS and host",
    },
    9: {0: "Normal router advertisement", 16: "Does not route common traffic"},
    11: {0: "Time to live exceeded in transit", 1: "Fragment reassembly time exceeded"},
    12: {0: "Pointer indicates the error", 1: "Required option missing", 2: "Bad length"},
    6: {0: "Alternate address for host"},
    40: {
        0: "Bad SPI",
        1: "Authentication Failed",
        2: "Decompression Failed",
        3: "Decryption Failed",
        4: "Need Authentication",
        5: "Need Authorization",
    },
    42: {0: "No error"},
    43: {
        0: "No error",
        1: "Malformed Query",
        2: "No Such Interface",
        3: "No Such Table Entry",
        4: "Multiple Interfaces Satisfy Query",
    },
}
_ICMP_ID_SEQ = frozenset({0, 8, 13, 14, 15, 16, 17, 18})  # types showing id=, seq=, ttl=

# -- ICMPv6 (packet-icmpv6.c) ------------------------------------------------------------------
_ICMPV6_TYPES = {
    1: "Destination Unreachable",
    2: "Packet Too Big",
    3: "Time Exceeded",
    4: "Parameter Problem",
    100: "Private experimentation",
    101: "Private experimentation",
    127: "Reserved for expansion of ICMPv6 error messages",
    128: "Echo (ping) request",
    129: "Echo (ping) reply",
    130: "Multicast Listener Query",
    131: "Multicast Listener Report",
    132: "Multicast Listener Done",
    133: "Router Solicitation",
    134: "Router Advertisement",
    135: "Neighbor Solicitation",
    136: "Neighbor Advertisement",
    137: "Redirect",
    138: "Router Renumbering",
    139: "Node Information Query",
    140: "Node Information Reply",
    141: "Inverse Neighbor Discovery Solicitation",
    142: "Inverse Neighbor Discovery Advertisement",
    143: "Multicast Listener Report Message v2",
    144: "Home Agent Address Discovery Request",
    145: "Home Agent Address Discovery Reply",
    146: "Mobile Prefix Solicitation",
    147: "Mobile Prefix Advertisement",
    148: "Certification Path Solicitation",
    149: "Certification Path Advertisement",
    150: "Experimental Mobility",
    151: "Multicast Router Advertisement",
    152: "Multicast Router Solicitation",
    153: "Multicast Router Termination",
    154: "FMIPv6",
    155: "RPL Control",
    156: "Locator Update",
    157: "Duplicate Address Request",
    158: "Duplicate Address Confirmation",
    159: "MPL Control Message",
    160: "Extended Echo request",
    161: "Extended Echo reply",
    200: "Private experimentation",
    201: "Private experimentation",
    255: "Reserved for expansion of ICMPv6 informational messages",
}
_V6_UNREACH = {
    0: "no route to destination",
    1: "Administratively prohibited",
    2: "Beyond scope of source address",
    3: "Address unreachable",
    4: "Port unreachable",
    5: "Source address failed ingress/egress policy",
    6: "Reject route to destination",
    7: "Error in Source Routing Header",
}
_V6_TIMEEX = {
    0: "hop limit exceeded in transit",
    1: "fragment reassembly time exceeded",
}
_V6_PARAMPROB = {
    0: "erroneous header field encountered",
    1: "unrecognized Next Header type encountered",
    2: "unrecognized IPv6 option encountered",
    3: "IPv6 First Fragment has incomplete IPv6 Header Chain",
}
_V6_RR = {
    0: "Command",
    1: "Result",
    255: "Sequence number reset",
}
_V6_NI_QUERY = {
    0: "Query subject = IPv6 addresses",
    1: "Query subject = DNS name or empty",
    2: "Query subject = IPv4 addresses",
}
_V6_NI_REPLY = {
    0: "Successful",
    1: "Refused",
    2: "Unknown query type",
}
_V6_RPL = {
    0: "DODAG Information Solicitation",
    1: "DODAG Information Object",
    2: "Destination Advertisement Object",
    3: "Destination Advertisement Object Acknowledgment",
    128: "Secure DODAG Information Solicitation",
    129: "Secure DODAG Information Object",
    130: "Secure Destination Advertisement Object",
    131: "Secure Destination Advertisement Object Acknowledgment",
    138: "Consistency Check",
    4: "P2P Discovery Reply Object",
    132: "P2P Secure Discovery Reply Object",
    5: "P2P Discovery Reply Object Acknowledgement",
    133: "P2P Secure Discovery Reply Object Acknowledgement",
}
_V6_EXT_ECHO_REQ = {
    0: "No error",
}
_V6_EXT_ECHO_REPLY = {
    0: "No error",
    1: "Malformed Query",
    2: "No Such Interface",
    3: "No Such Table Entry",
    4: "Multiple Interfaces Satisfy Query",
}
_ICMPV6_CODES: dict[int, tuple[dict[int, str], str]] = {
    1: (_V6_UNREACH, "Unknown"),
    3: (_V6_TIMEEX, "Unknown ({})"),
    4: (_V6_PARAMPROB, "Unknown ({})"),
    138: (_V6_RR, "Unknown ({})"),
    139: (_V6_NI_QUERY, "Unknown ({})"),
    140: (_V6_NI_REPLY, "Unknown ({})"),
    155: (_V6_RPL, "Unknown ({})"),
    160: (_V6_EXT_ECHO_REQ, "Unknown ({})"),
    161: (_V6_EXT_ECHO_REPLY, "Unknown ({})"),
}

# -- DNS (packet-dns.c) ------------------------------------------------------------------------
_DNS_OPCODES = {
    0: "Standard query",
    1: "Inverse query",
    2: "Server status request",
    4: "Zone change notification",
    5: "Dynamic update",
    6: "DNS Stateful operations (DSO)",
}
_DNS_RCODES = {
    1: "Format error",
    2: "Server failure",
    3: "No such name",
    4: "Not implemented",
    5: "Refused",
    6: "Name exists",
    7: "RRset exists",
    8: "RRset does not exist",
    9: "Not authoritative",
    10: "Name out of zone",
    11: "DSO-Type not implemented",
}
_DNS_TYPES = {
    0: "Unused",
    1: "A",
    2: "NS",
    3: "MD",
    4: "MF",
    5: "CNAME",
    6: "SOA",
    7: "MB",
    8: "MG",
    9: "MR",
    10: "NULL",
    11: "WKS",
    12: "PTR",
    13: "HINFO",
    14: "MINFO",
    15: "MX",
    16: "TXT",
    17: "RP",
    18: "AFSDB",
    19: "X25",
    20: "ISDN",
    21: "RT",
    22: "NSAP",
    23: "NSAP-PTR",
    24: "SIG",
    25: "KEY",
    26: "PX",
    27: "GPOS",
    28: "AAAA",
    29: "LOC",
    30: "NXT",
    31: "EID",
    32: "NIMLOC",
    33: "SRV",
    34: "ATMA",
    35: "NAPTR",
    36: "KX",
    37: "CERT",
    38: "A6",
    39: "DNAME",
    40: "SINK",
    41: "OPT",
    42: "APL",
    43: "DS",
    44: "SSHFP",
    45: "IPSECKEY",
    46: "RRSIG",
    47: "NSEC",
    48: "DNSKEY",
    49: "DHCID",
    50: "NSEC3",
    51: "NSEC3PARAM",
    52: "TLSA",
    55: "HIP",
    57: "RKEY",
    58: "TALINK",
    59: "CDS",
    60: "CDNSKEY",
    61: "OPENPGPKEY",
    62: "CSYNC",
    63: "ZONEMD",
    64: "SVCB",
    65: "HTTPS",
    99: "SPF",
    100: "UINFO",
    101: "UID",
    102: "GID",
    103: "UNSPEC",
    104: "NID",
    105: "L32",
    106: "L64",
    107: "LP",
    108: "EUI48",
    109: "EUI64",
    249: "TKEY",
    250: "TSIG",
    251: "IXFR",
    252: "AXFR",
    253: "MAILA",
    254: "MAILB",
    255: "ANY",
    256: "URI",
    257: "CAA",
    32768: "TA",
    32769: "DLV",
    65281: "WINS",
    65282: "WINS-R",
    65422: "XPF",
}

# -- DHCP (packet-dhcp.c) ----------------------------------------------------------------------
_DHCP_TYPES = {
    1: "Discover",
    2: "Offer",
    3: "Request",
    4: "Decline",
    5: "ACK",
    6: "NAK",
    7: "Release",
    8: "Inform",
    9: "Force Renew",
    10: "Lease query",
    11: "Lease Unassigned",
    12: "Lease Unknown",
    13: "Lease Active",
    14: "Bulk Lease Query",
    15: "Lease Query Done",
    16: "Active LeaseQuery",
    17: "Lease Query Status",
    18: "TLS",
}


def top_layer(layers: Sequence[Any]) -> Any | None:
    """The layer the Protocol and Info columns describe: the last one, except that an ICMP
    error message, not the datagram it quotes, is what a packet carrying one is."""
    named = [layer for layer in layers if layer.name not in ("data", "frame", "raw")]
    for layer in named:
        if layer.name in ("icmp", "icmpv6"):
            return layer
    return named[-1] if named else None


def addresses(layers: Sequence[Any]) -> tuple[str, str] | None:
    """The Source and Destination columns: the first IPv4 header's addresses, else the first
    IPv6 header's, else the Ethernet addresses (also when the IP header is cut before both its
    addresses); None when the layers have none of these."""
    for name, fmt in (("ipv4", format_ipv4), ("ipv6", format_ipv6), ("eth", format_mac)):
        for layer in layers:
            if layer.name == name:
                src, dst = _get(layer.root, "src"), _get(layer.root, "dst")
                if name != "eth" and not (isinstance(src, bytes) and isinstance(dst, bytes)):
                    break  # a header cut before its addresses: the link layer's, as tshark
                return _shown(fmt, src), _shown(fmt, dst)
    return None


def _shown(fmt: Any, raw: Any) -> str:
    try:
        return str(fmt(raw)) if isinstance(raw, bytes) else ""
    except ValueError:  # not an address's length (a spec from elsewhere): no address
        return ""


def protocol_and_info(
    layers: Sequence[Any], notes: FrameNotes | None = None
) -> tuple[str, str | None]:
    """The Protocol column and Info text of a packet's layers; the Info is None for a
    protocol without wording of its own here (the caller keeps its generic text). ``notes``
    (from :class:`~pktscope.render.conversations.Conversations`) add what earlier frames tell:
    an echo reply's request, TCP's relative numbers."""
    notes = notes if notes is not None else FrameNotes()
    if notes.tcp is not None and notes.tcp.payload_withheld:
        layers = _through(layers, "tcp")
    ip = next((layer for layer in layers if layer.name == "ipv4"), None)
    if ip is not None and fragment_role(ip.root) is not None:
        if notes.reassembled is None:  # a piece of a datagram: tshark shows it as such
            return "IPv4", _fragment(ip.root)
        layers = [*_through(layers, "ipv4"), *notes.reassembled]
    top = top_layer(layers)
    if top is None:
        return "DATA", None
    name = top.name
    root = top.root
    if name == "dhcp":
        return _dhcp(root)
    if name == "dns_tcp":  # the length prefix alone: the message is in a later segment
        length = _int(_get(root, "length"))
        return "DNS", f"DNS message of {length} bytes, not in this segment"
    if name == "dns":
        return "DNS", _dns(root)
    if name == "icmp":
        return "ICMP", _icmp(root, _ip_root(layers, top)) + _echo_link(notes)
    if name == "icmpv6":
        return "ICMPv6", _icmpv6(root, _ip_root(layers, top)) + _echo_link(notes)
    if name == "tcp":
        return "TCP", _tcp(top, _ip_layer(layers, top), notes)
    if name == "udp":
        return "UDP", _udp(root)
    return PROTOCOL_NAMES.get(name, name.upper()), None


# packet-ip.c names the protocol of a fragment with ipprotostr()
_IP_PROTOCOLS = {
    1: "ICMP",
    2: "IGMP",
    4: "IPIP",
    6: "TCP",
    17: "UDP",
    41: "IPv6",
    47: "GRE",
    50: "ESP",
    51: "AH",
    58: "ICMPv6",
    89: "OSPF",
    132: "SCTP",
}


def _fragment(ip: Any) -> str:
    proto = _int(_get(ip, "protocol"))
    offset = (_int(_get(ip, "frag_offset")) or 0) * 8
    ident = _int(_get(ip, "id")) or 0
    name = _IP_PROTOCOLS.get(proto, "Unknown") if proto is not None else "Unknown"
    return f"Fragmented IP protocol (proto={name} {proto}, off={offset}, ID={ident:04x})"


def _udp(udp: Any) -> str:
    return udp_text(_get(udp, "src_port"), _get(udp, "dst_port"), _int(_get(udp, "length")))


def udp_text(src_port: Any, dst_port: Any, length: int | None) -> str:
    """``1234 → 53 Len=29`` (``[BAD UDP LENGTH 3 < 8]`` as packet-udp.c says it)."""
    text = f"{_int(src_port)} → {_int(dst_port)}"
    if length is not None and length < 8:
        return f"{text} [BAD UDP LENGTH {length} < 8]"
    return text if length is None else f"{text} Len={length - 8}"


def _through(layers: Sequence[Any], name: str) -> Sequence[Any]:
    """``layers`` up to and including the last layer called ``name``."""
    for i in range(len(layers) - 1, -1, -1):
        if layers[i].name == name:
            return layers[: i + 1]
    return layers


def _echo_link(notes: FrameNotes) -> str:
    return "" if notes.echo_request is None else f" (request in {notes.echo_request})"


def _ip_layer(layers: Sequence[Any], top: Any) -> Any:
    """The IP layer carrying ``top`` (the layer before it), or None."""
    prev = None
    for layer in layers:
        if layer is top:
            break
        prev = layer
    return prev if prev is not None and prev.name in ("ipv4", "ipv6") else None


def _ip_root(layers: Sequence[Any], top: Any) -> Any:
    """The decoded IP header carrying ``top``, or None."""
    ip = _ip_layer(layers, top)
    return ip.root if ip is not None else None


# TCP flag names in Wireshark's order (bit value, name); any reserved bit reads "Reserved"
_TCP_FLAGS = (
    (0x001, "FIN"),
    (0x002, "SYN"),
    (0x004, "RST"),
    (0x008, "PSH"),
    (0x010, "ACK"),
    (0x020, "URG"),
    (0x040, "ECE"),
    (0x080, "CWR"),
    (0x100, "AE"),
)


def _tcp(layer: Any, ip: Any, notes: FrameNotes) -> str:
    """``sport → dport [flags] Seq= Ack= Win= Urg= Len=`` and the options, as packet-tcp.c
    words them; Seq, Ack, Win and SACK edges from ``notes`` when earlier frames are known."""
    root = layer.root
    sport, dport = _int(_get(root, "src_port")), _int(_get(root, "dst_port"))
    text = f"{sport} → {dport}"
    flags = _int(_get(root, "flags"))
    seq, ack, win = _int(_get(root, "seq")), _int(_get(root, "ack")), _int(_get(root, "window"))
    if flags is None or seq is None or ack is None or win is None:
        return text
    names = [name for bit, name in _TCP_FLAGS if flags & bit]
    if flags & 0xE00:
        names.append("Reserved")
    text += f" [{', '.join(names) or '<None>'}]"
    known = notes.tcp
    if known is not None:
        seq, ack, win = known.seq, known.ack, known.window
    text += f" Seq={seq}"
    if flags & 0x010:
        text += f" Ack={ack}"
    text += f" Win={win}"
    hlen = (_int(_get(root, "data_offset")) or 0) * 4
    if hlen < 20:
        return text + f", bogus TCP header length ({hlen}, must be at least 20)"
    marks = known.marks if known is not None else ""
    urgent = _int(_get(root, "urgent_pointer"))
    if flags & 0x020 and urgent is not None:
        text += f" Urg={urgent}"
    length = tcp_payload_length(ip, layer, hlen)
    if length is not None:
        text += f" Len={length}"
    return marks + text + _tcp_options(root, known.sack_base if known is not None else 0)


def _tcp_options(root: Any, sack_base: int) -> str:
    """The options Wireshark names in the Info column, in wire order."""
    text = ""
    eol = False
    for item in _get(root, "options", "items") or ():
        kind = _int(_get(item, "kind"))
        if kind is None or (eol and kind != 0):
            break
        eol = eol or kind == 0
        length = _int(_get(item, "length"))
        body = _get(item, "body")
        if kind in (0, 1) or length is None:
            continue
        if kind == 2 and length == 4:
            text += f" MSS={_get(body, 'mss')}"
        elif kind == 3 and length == 3:
            text += f" WS={1 << min(_int(_get(body, 'shift_count')) or 0, 14)}"
        elif kind == 4:
            text += " SACK_PERM"
        elif kind == 5:
            for block in _get(body, "blocks") or ():
                left, right = _int(_get(block, "left_edge")), _int(_get(block, "right_edge"))
                if left is None or right is None:
                    break
                left, right = (left - sack_base) & 0xFFFFFFFF, (right - sack_base) & 0xFFFFFFFF
                text += f" SLE={left} SRE={right}"
        elif kind == 8 and length == 10:
            text += f" TSval={_get(body, 'value')} TSecr={_get(body, 'echo_reply')}"
        elif isinstance(body, bytes):
            text += _tcp_raw_option(kind, length, body)
    return text


def _tcp_raw_option(kind: int, length: int, body: bytes) -> str:
    """The options the spec leaves as bytes that Wireshark still names."""
    if kind in (6, 7) and length == 6:
        return f" ECHO={int.from_bytes(body[:4], 'big')}"
    if kind in (11, 12, 13) and length == 6:
        return f" CC={int.from_bytes(body[:4], 'big')}"
    if kind == 19:
        return " MD5"
    if kind == 29:
        return "TCP AO"  # sic: Wireshark 4.0 adds it with no space
    if kind == 28 and length == 4:
        return f" USER_TO={int.from_bytes(body[:2], 'big') & 0x7FFF}"
    if kind == 34:
        return " TFO=R" if length == 2 else " TFO=C"
    return ""


def _dhcp(root: Any) -> tuple[str, str]:
    op = _int(_get(root, "op"))
    xid = _int(_get(root, "xid")) or 0
    mtype = None
    for area in ("options", "file_options", "sname_options"):
        opts = _get(root, area) if area == "options" else _get(root, area, "options")
        for opt in opts or ():
            if _int(_get(opt, "code")) == 53:
                mtype = _int(_get(opt, "body", "message_type"))
                break
        if mtype is not None:
            break
    if mtype is not None:
        text = _DHCP_TYPES.get(mtype, f"Unknown Message Type (0x{mtype:02x})")
        return "DHCP", f"DHCP {text:<8} - Transaction ID 0x{xid:x}"
    if op == 1:
        return "BOOTP", f"Boot Request from {_bootp_client(root)}"
    if op == 2:
        return "BOOTP", "Boot Reply"
    return "BOOTP", f"Unknown BOOTP message type ({op if op is not None else 0})"


def _bootp_client(root: Any) -> str:
    """The client hardware address as Wireshark's ``Boot Request from`` shows it (``tshark -n``:
    an Ethernet address is followed by itself in brackets, where a name would go)."""
    hlen = _int(_get(root, "hlen")) or 0
    htype = _int(_get(root, "htype"))
    raw = (_get(root, "chaddr") or b"") + (_get(root, "sname") or b"")
    if not isinstance(raw, bytes) or hlen == 0:
        return "<No address>"
    addr = raw[:hlen]
    if htype in (1, 6) and hlen == 6:
        mac = format_mac(addr)
        return f"{mac} ({mac})"
    return addr.hex()


def _dns_name(obj: Any) -> str:
    text = _get(obj, "text")
    return _printable(text) if isinstance(text, str) else ""


def _printable(text: str) -> str:
    """A name as Wireshark's format_text() shows it: its bytes (the spec decodes them as
    ISO-8859-1) read as UTF-8, unprintable characters escaped (so a line stays one line)."""
    if text.isascii() and text.isprintable():
        return text
    return escape_text(text.encode("latin-1", "replace").decode("utf-8", "replace"))


def _dns(root: Any) -> str:
    flags_qr = bool(_get(root, "qr"))
    opcode = _int(_get(root, "opcode")) or 0
    ident = _int(_get(root, "id")) or 0
    head = _DNS_OPCODES.get(opcode, f"Unknown operation ({opcode})")
    parts = [f"{head}{' response' if flags_qr else ''} 0x{ident:04x}"]
    rcode = _int(_get(root, "rcode")) or 0
    if rcode and flags_qr:
        parts.append(_DNS_RCODES.get(rcode, f"Unknown error ({rcode})"))
    for q in _get(root, "queries") or ():
        parts.append(f"{_dns_type(q)} {_dns_name(_get(q, 'name'))}")
    for section in ("answers", "authorities", "additionals"):
        for rr in _get(root, section) or ():
            if _get(rr, "rdata") is None:  # cut before its data: Wireshark stops there
                return " ".join(parts)
            parts.append(_dns_rr(rr))
    return " ".join(parts)


# types whose Info entry is the record's owner name (packet-dns.c, 4.0)
_DNS_OWNER_TYPES = frozenset(
    {3, 4, 7, 8, 9, 10, 14, 17, 18, 19, 20, 21, 22, 23, 26, 27, 42, 49, 51, 52, 55}
)


def _dns_type(rr: Any) -> str:
    t = _int(_get(rr, "type"))
    if t is None:
        return ""
    return _DNS_TYPES.get(t, f"Unknown ({t})")


def _dns_rr(rr: Any) -> str:
    """One resource record as Wireshark lists it: its type, then the data for a few types."""
    kind = _dns_type(rr)
    t = _int(_get(rr, "type"))
    rdata = _get(rr, "rdata")
    data: str | None = None
    if not _get(rr, "rdlength"):  # no data: the type alone
        return kind
    if t in _DNS_OWNER_TYPES:  # Wireshark shows the record's own name for these
        data = _dns_name(_get(rr, "name"))
    elif t in (1, 28):  # A, AAAA
        raw = _get(rdata, "address")
        if isinstance(raw, bytes) and len(raw) in (4, 16):
            data = str(ipaddress.ip_address(raw))
    elif t in (2, 5, 12, 39):  # NS, CNAME, PTR, DNAME
        data = _dns_name(_get(rdata, "name"))
    elif t == 15:  # MX
        pref = _int(_get(rdata, "preference"))
        if pref is not None:
            data = f"{pref} {_dns_name(_get(rdata, 'exchange'))}"
    elif t == 6:  # SOA
        data = _dns_name(_get(rdata, "mname"))
    elif t == 33:  # SRV
        nums = [_int(_get(rdata, n)) for n in ("priority", "weight", "port")]
        if None not in nums:
            data = " ".join(map(str, nums)) + f" {_dns_name(_get(rdata, 'target'))}"
    return kind if data is None else f"{kind} {data}"


def _icmp(root: Any, ip: Any) -> str:
    t = _int(_get(root, "type"))
    code = _int(_get(root, "code"))
    if t is None:
        return ""
    name = _ICMP_TYPES.get(t, "Unknown ICMP (obsolete or malformed?)")
    if t == 9 and code in (0, 16):  # Wireshark's name for every such advertisement
        name = "Mobile IP Advertisement"
    text = f"{name:<20}"
    codes = _ICMP_CODES.get(t)
    if codes is not None and code is not None:
        text += f" ({codes.get(code, f'Unknown code: {code}')})"
    if t in _ICMP_ID_SEQ:
        ident = _int(_get(root, "rest_of_header", "identifier"))
        seq = _int(_get(root, "rest_of_header", "seq_number"))
        if ident is not None and seq is not None:
            seq_le = ((seq & 0xFF) << 8) | (seq >> 8)
            text += f" id=0x{ident:04x}, seq={seq}/{seq_le}"
            ttl = _int(_get(ip, "ttl"))
            if ttl is not None:
                text += f", ttl={ttl}"
    return text


def _icmpv6(root: Any, ip: Any) -> str:
    t = _int(_get(root, "type"))
    code = _int(_get(root, "code"))
    if t is None:
        return ""
    text = _ICMPV6_TYPES.get(t, f"Unknown ({t})")
    codes = _ICMPV6_CODES.get(t)
    if codes is not None and code is not None:
        table, unknown = codes
        text += f" ({table.get(code, unknown.format(code))})"
    msg = _get(root, "msg")
    if t in (128, 129):
        ident = _int(_get(msg, "identifier"))
        seq = _int(_get(msg, "seq_number"))
        if ident is not None and seq is not None:
            text += f" id=0x{ident:04x}, seq={seq}"
            hlim = _int(_get(ip, "hop_limit"))
            if hlim is not None:
                text += f", hop limit={hlim}"
    elif t in (133, 134, 135, 136):  # RS, RA, NS, NA
        raw = _get(msg, "target_address")
        target = ipaddress.IPv6Address(raw) if isinstance(raw, bytes) and len(raw) == 16 else None
        if t == 135 and target is not None:
            text += f" for {target}"
        elif t == 136:
            if target is not None:
                text += f" {target}"
            flags = [
                label
                for attr, label in (
                    ("flag_router", "rtr"),
                    ("flag_solicited", "sol"),
                    ("flag_override", "ovr"),
                )
                if _get(msg, attr)
            ]
            text += f" ({', '.join(flags) or 'none'})"
        mac = _nd_mac(msg, 2 if t == 136 else 1)
        if mac:
            text += f" {mac}"
    return text


def _nd_mac(msg: Any, option_type: int) -> str | None:
    """``from <address>`` / ``is at <address>`` for the first ND option of ``option_type`` (1
    source, 2 target link-layer address): a 6-byte MAC, or the 8 bytes of an EUI-64 in a
    16-byte option (which Wireshark calls ``from`` for either type); None for other sizes."""
    for opt in _get(msg, "options") or ():
        if _int(_get(opt, "type")) != option_type:
            continue
        raw = _get(opt, "body", "address")
        if not isinstance(raw, bytes):
            return None
        if len(raw) == 6:
            return f"{'from' if option_type == 1 else 'is at'} {format_mac(raw)}"
        if len(raw) == 14 and not any(raw[6:12]):
            return f"from {format_mac(raw[:8])}"
        return None
    return None
