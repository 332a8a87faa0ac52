"""Hand-built frames for the sample and benchmark captures: standard library only.

Each function returns the bytes of one layer with its payload, checksums filled in, so the
generator scripts read top-down like the packets they build. Used by ``make_sample.py`` and
``make_bench_pcap.py``; not part of the installed package.
"""

from __future__ import annotations

import ipaddress
import socket
import struct
import sys
from array import array
from collections.abc import Iterable, Sequence

ETH_IPV4 = 0x0800
ETH_ARP = 0x0806
ETH_IPV6 = 0x86DD
PROTO_ICMP = 1
PROTO_TCP = 6
PROTO_UDP = 17
PROTO_ICMPV6 = 58

BROADCAST_MAC = "ff:ff:ff:ff:ff:ff"
DHCP_MAGIC_COOKIE = b"\x63\x82\x53\x63"

TCP_FIN, TCP_SYN, TCP_RST, TCP_PSH, TCP_ACK = 0x01, 0x02, 0x04, 0x08, 0x10


def mac(text: str) -> bytes:
    return bytes.fromhex(text.replace(":", ""))


def ip4(text: str | bytes) -> bytes:
    return text if isinstance(text, bytes) else socket.inet_aton(text)


def ip6(text: str) -> bytes:
    return ipaddress.IPv6Address(text).packed


def checksum(data: bytes) -> int:
    """RFC 1071 Internet checksum (sum of 16-bit words in C via ``array``)."""
    if len(data) % 2:
        data += b"\0"
    total = sum(array("H", data))
    while total >> 16:
        total = (total & 0xFFFF) + (total >> 16)
    total = ~total & 0xFFFF
    if sys.byteorder == "little":  # the words were summed byte-swapped
        total = ((total & 0xFF) << 8) | (total >> 8)
    return total


def ethernet(dst: str | bytes, src: str | bytes, ether_type: int, payload: bytes) -> bytes:
    dst_b = mac(dst) if isinstance(dst, str) else dst
    src_b = mac(src) if isinstance(src, str) else src
    return dst_b + src_b + struct.pack("!H", ether_type) + payload


def ipv4(
    src: str | bytes,
    dst: str | bytes,
    proto: int,
    payload: bytes,
    *,
    ident: int = 0,
    ttl: int = 64,
    dont_fragment: bool = True,
    tos: int = 0,
) -> bytes:
    src_b = ip4(src) if isinstance(src, str) else src
    dst_b = ip4(dst) if isinstance(dst, str) else dst
    flags = 0x4000 if dont_fragment else 0
    hdr = struct.pack(
        "!BBHHHBBH4s4s", 0x45, tos, 20 + len(payload), ident, flags, ttl, proto, 0, src_b, dst_b
    )
    return hdr[:10] + struct.pack("!H", checksum(hdr)) + hdr[12:] + payload


def _pseudo4(src: bytes, dst: bytes, proto: int, length: int) -> bytes:
    return src + dst + struct.pack("!BBH", 0, proto, length)


def _pseudo6(src: bytes, dst: bytes, proto: int, length: int) -> bytes:
    return src + dst + struct.pack("!I3xB", length, proto)


def udp(src: bytes, dst: bytes, sport: int, dport: int, payload: bytes) -> bytes:
    """UDP datagram with its checksum over the IPv4 (4-byte addresses) or IPv6 pseudo-header."""
    length = 8 + len(payload)
    hdr = struct.pack("!HHHH", sport, dport, length, 0)
    pseudo = (_pseudo4 if len(src) == 4 else _pseudo6)(src, dst, PROTO_UDP, length)
    csum = checksum(pseudo + hdr + payload) or 0xFFFF
    return hdr[:6] + struct.pack("!H", csum) + payload


def tcp(
    src: bytes,
    dst: bytes,
    sport: int,
    dport: int,
    *,
    seq: int,
    ack: int,
    flags: int,
    window: int,
    payload: bytes = b"",
    options: bytes = b"",
) -> bytes:
    options += b"\0" * (-len(options) % 4)
    off = (20 + len(options)) // 4
    hdr = struct.pack("!HHIIBBHHH", sport, dport, seq, ack, off << 4, flags, window, 0, 0)
    hdr += options
    pseudo = _pseudo4(src, dst, PROTO_TCP, len(hdr) + len(payload))
    csum = checksum(pseudo + hdr + payload)
    return hdr[:16] + struct.pack("!H", csum) + hdr[18:] + payload


def icmp_echo(reply: bool, ident: int, seq: int, payload: bytes) -> bytes:
    hdr = struct.pack("!BBHHH", 0 if reply else 8, 0, 0, ident, seq)
    csum = checksum(hdr + payload)
    return hdr[:2] + struct.pack("!H", csum) + hdr[4:] + payload


def ipv6(src: bytes, dst: bytes, next_header: int, payload: bytes, hop_limit: int = 64) -> bytes:
    return struct.pack("!IHBB", 6 << 28, len(payload), next_header, hop_limit) + src + dst + payload


def icmpv6(src: bytes, dst: bytes, icmp_type: int, code: int, body: bytes) -> bytes:
    msg = struct.pack("!BBH", icmp_type, code, 0) + body
    csum = checksum(_pseudo6(src, dst, PROTO_ICMPV6, len(msg)) + msg)
    return msg[:2] + struct.pack("!H", csum) + msg[4:]


def arp(op: int, sender_mac: str, sender_ip: str, target_mac: str, target_ip: str) -> bytes:
    return struct.pack("!HHBBH", 1, ETH_IPV4, 6, 4, op) + (
        mac(sender_mac) + ip4(sender_ip) + mac(target_mac) + ip4(target_ip)
    )


def dhcp_option(code: int, value: bytes) -> bytes:
    return bytes((code, len(value))) + value


def bootp(
    op: int,
    xid: int,
    chaddr: bytes,
    options: Iterable[bytes],
    *,
    secs: int = 0,
    flags: int = 0,
    ciaddr: str | bytes = "0.0.0.0",
    yiaddr: str | bytes = "0.0.0.0",
    siaddr: str | bytes = "0.0.0.0",
    giaddr: str | bytes = "0.0.0.0",
    min_size: int = 300,
) -> bytes:
    """BOOTP/DHCP message: fixed header, magic cookie, options, end (255), pad to ``min_size``."""
    head = struct.pack(
        "!BBBBIHH4s4s4s4s16s64s128s",
        op,
        1,
        len(chaddr),
        0,
        xid,
        secs,
        flags,
        ip4(ciaddr),
        ip4(yiaddr),
        ip4(siaddr),
        ip4(giaddr),
        chaddr,
        b"",
        b"",
    )
    msg = head + DHCP_MAGIC_COOKIE + b"".join(options) + b"\xff"
    return msg + b"\0" * max(0, min_size - len(msg))


def dns_name(name: str) -> bytes:
    out = b"".join(bytes((len(p),)) + p.encode("ascii") for p in name.split(".") if p)
    return out + b"\0"


def dns_message(
    ident: int,
    flags: int,
    questions: Sequence[tuple[str, int]],
    answers: Sequence[tuple[bytes, int, int, bytes]] = (),
) -> bytes:
    """DNS message; ``answers`` are (encoded or compressed name, type, ttl, rdata), class IN."""
    out = struct.pack("!HHHHHH", ident, flags, len(questions), len(answers), 0, 0)
    for name, qtype in questions:
        out += dns_name(name) + struct.pack("!HH", qtype, 1)
    for name_b, rtype, ttl, rdata in answers:
        out += name_b + struct.pack("!HHIH", rtype, 1, ttl, len(rdata)) + rdata
    return out


def pointer(offset: int) -> bytes:
    """A DNS compression pointer to ``offset`` in the message."""
    return struct.pack("!H", 0xC000 | offset)
