"""Generate the bundled sample capture, pktscope/data/sample.pcapng (deterministic).

    python scripts/make_sample.py                 # rewrite pktscope/data/sample.pcapng
    python scripts/make_sample.py -o /tmp/x.pcapng

An EC2-style Xen guest (MAC 00:16:3e:6f:43:f4) boots in a VPC subnet 172.31.16.0/20: DHCP
Discover/Offer/Request/Ack with the VPC router (172.31.16.1, which answers ARP as
fe:ff:ff:ff:ff:ff as on Xen instances), ARP for the gateway and a gratuitous ARP, DNS A/AAAA
lookups (answers use name compression, one through a CNAME) against the VPC resolver 172.31.0.2,
an HTTP exchange with the instance metadata service and one with example.com (TCP handshakes
with MSS/SACK/window-scale/timestamp options, data, FIN teardown), ICMP echo and an ICMPv6
neighbour solicitation. Frames are built by hand (``netframes``), every checksum valid; times
and random fields come from a fixed seed, so the output is byte-for-byte reproducible.
"""

from __future__ import annotations

import argparse
import random
import struct
import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parents[1]))

from netframes import (
    BROADCAST_MAC,
    ETH_ARP,
    ETH_IPV4,
    ETH_IPV6,
    PROTO_ICMP,
    PROTO_ICMPV6,
    PROTO_TCP,
    PROTO_UDP,
    TCP_ACK,
    TCP_FIN,
    TCP_PSH,
    TCP_SYN,
    arp,
    bootp,
    dhcp_option,
    dns_message,
    ethernet,
    icmp_echo,
    icmpv6,
    ip4,
    ip6,
    ipv4,
    ipv6,
    mac,
    pointer,
    tcp,
    udp,
)

from pktscope.capture.records import Record
from pktscope.capture.writer import write_pcapng

OUTPUT = Path(__file__).resolve().parents[1] / "pktscope" / "data" / "sample.pcapng"
SEED = 20231114
START_NS = 1_699_950_000_000_000_000  # 2023-11-14 08:20:00 UTC

GUEST_MAC = "00:16:3e:6f:43:f4"
GATEWAY_MAC = "fe:ff:ff:ff:ff:ff"
GUEST_IP = "172.31.24.117"
ROUTER_IP = "172.31.16.1"
RESOLVER_IP = "172.31.0.2"
HOSTNAME = b"ip-172-31-24-117"
DOMAIN = b"eu-west-1.compute.internal"
IMDS_IP = "169.254.169.254"
EXAMPLE_IP = "93.184.215.14"
EXAMPLE_IP6 = "2606:2800:21f:cb07:6820:80da:af6b:8b2c"
GUEST_LL6 = "fe80::216:3eff:fe6f:43f4"
ROUTER_LL6 = "fe80::1"

PARAMETER_REQUEST_LIST = bytes([1, 28, 2, 3, 15, 6, 119, 12, 44, 47, 26, 121, 42, 51, 54, 58, 59])


class Clock:
    """Fixed gaps plus fixed-seed jitter; times in nanoseconds, whole microseconds."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.now = START_NS

    def after(self, micros: int) -> int:
        self.now += (micros + self.rng.randrange(50)) * 1000  # the file keeps microseconds
        return self.now


def dhcp_frames(rng: random.Random) -> Iterator[tuple[bytes, str | None]]:
    chaddr = mac(GUEST_MAC)
    xid = rng.getrandbits(32)
    client_id = dhcp_option(61, b"\x01" + chaddr)
    common = [client_id, dhcp_option(57, struct.pack("!H", 576)), dhcp_option(12, HOSTNAME)]
    prl = dhcp_option(55, PARAMETER_REQUEST_LIST)
    server = [
        dhcp_option(54, ip4(ROUTER_IP)),
        dhcp_option(51, struct.pack("!I", 3600)),
        dhcp_option(1, ip4("255.255.240.0")),
        dhcp_option(28, ip4("172.31.31.255")),
        dhcp_option(3, ip4(ROUTER_IP)),
        dhcp_option(6, ip4(RESOLVER_IP)),
        dhcp_option(15, DOMAIN),
        dhcp_option(12, HOSTNAME),
    ]

    def client(msg: bytes, secs: int) -> bytes:
        payload = bootp(1, xid, chaddr, [msg], secs=secs)
        dgram = udp(ip4("0.0.0.0"), ip4("255.255.255.255"), 68, 67, payload)
        packet = ipv4("0.0.0.0", "255.255.255.255", PROTO_UDP, dgram, tos=0x10, dont_fragment=False)
        return ethernet(BROADCAST_MAC, GUEST_MAC, ETH_IPV4, packet)

    def reply(msg_type: int) -> bytes:
        options = [dhcp_option(53, bytes([msg_type])), *server]
        payload = bootp(2, xid, chaddr, options, yiaddr=GUEST_IP)
        dgram = udp(ip4(ROUTER_IP), ip4(GUEST_IP), 67, 68, payload)
        packet = ipv4(ROUTER_IP, GUEST_IP, PROTO_UDP, dgram, ttl=255, dont_fragment=False)
        return ethernet(GUEST_MAC, GATEWAY_MAC, ETH_IPV4, packet)

    discover = dhcp_option(53, b"\x01") + b"".join(common) + prl
    yield client(discover, 0), "instance boot: DHCP with the VPC router"
    yield reply(2), None
    request = (
        dhcp_option(53, b"\x03")
        + b"".join(common)
        + dhcp_option(50, ip4(GUEST_IP))
        + dhcp_option(54, ip4(ROUTER_IP))
        + prl
    )
    yield client(request, 1), None
    yield reply(5), None


def arp_frames() -> Iterator[tuple[bytes, str | None]]:
    zero = "00:00:00:00:00:00"
    yield (
        ethernet(BROADCAST_MAC, GUEST_MAC, ETH_ARP, arp(1, GUEST_MAC, GUEST_IP, zero, ROUTER_IP)),
        None,
    )
    yield (
        ethernet(
            GUEST_MAC, GATEWAY_MAC, ETH_ARP, arp(2, GATEWAY_MAC, ROUTER_IP, GUEST_MAC, GUEST_IP)
        ),
        None,
    )
    gratuitous = arp(1, GUEST_MAC, GUEST_IP, zero, GUEST_IP)
    yield ethernet(BROADCAST_MAC, GUEST_MAC, ETH_ARP, gratuitous), "gratuitous ARP"


def dns_frames(rng: random.Random) -> Iterator[tuple[bytes, str | None]]:
    example_v4 = ip4(EXAMPLE_IP)
    lookups: list[tuple[str, int, list[tuple[bytes, int, int, bytes]]]] = [
        ("example.com", 1, [(pointer(12), 1, 2823, example_v4)]),
        ("example.com", 28, [(pointer(12), 28, 3016, ip6(EXAMPLE_IP6))]),
        (
            # CNAME rdata and the A owner both point into the question's "example.com"
            "www.example.com",
            1,
            [(pointer(12), 5, 300, pointer(16)), (pointer(16), 1, 2823, example_v4)],
        ),
        (
            "ec2.eu-west-1.amazonaws.com",
            1,
            [(pointer(12), 1, 5, ip4("52.95.120.37")), (pointer(12), 1, 5, ip4("52.95.120.8"))],
        ),
        ("ec2.eu-west-1.amazonaws.com", 28, []),
    ]
    for name, qtype, answers in lookups:
        ident = rng.getrandbits(16)
        sport = rng.randrange(32768, 61000)
        query = dns_message(ident, 0x0100, [(name, qtype)])
        response = dns_message(ident, 0x8180, [(name, qtype)], answers)
        out = (GUEST_MAC, GATEWAY_MAC, GUEST_IP, RESOLVER_IP, sport, 53)
        back = (GATEWAY_MAC, GUEST_MAC, RESOLVER_IP, GUEST_IP, 53, sport)
        yield _udp4(out, query, rng), None
        yield _udp4(back, response, rng), None


def _udp4(ends: tuple[str, str, str, str, int, int], payload: bytes, rng: random.Random) -> bytes:
    """UDP over IPv4 over Ethernet; ``ends`` = (src MAC, dst MAC, src IP, dst IP, ports)."""
    src_mac, dst_mac, src, dst, sport, dport = ends
    dgram = udp(ip4(src), ip4(dst), sport, dport, payload)
    packet = ipv4(src, dst, PROTO_UDP, dgram, ident=rng.getrandbits(16))
    return ethernet(dst_mac, src_mac, ETH_IPV4, packet)


def http_session(
    rng: random.Random, server_ip: str, request: bytes, response: bytes, server_ttl: int
) -> Iterator[tuple[bytes, str | None, int]]:
    """A whole TCP connection; yields (frame, comment, microseconds before it)."""
    cport = rng.randrange(32768, 61000)
    c_seq = rng.getrandbits(32)
    s_seq = rng.getrandbits(32)
    c_ts = rng.getrandbits(31)
    s_ts = rng.getrandbits(31)
    c_id = rng.getrandbits(16)
    s_id = 0
    c_ip, s_ip = ip4(GUEST_IP), ip4(server_ip)

    def ts_opt(val: int, ecr: int) -> bytes:
        return b"\x01\x01\x08\x0a" + struct.pack("!II", val, ecr)

    def frame(from_client: bool, flags: int, window: int, payload: bytes, options: bytes) -> bytes:
        nonlocal c_id, s_id
        if from_client:
            seg = tcp(
                c_ip,
                s_ip,
                cport,
                80,
                seq=c_seq,
                ack=s_seq if flags & TCP_ACK else 0,
                flags=flags,
                window=window,
                payload=payload,
                options=options,
            )
            c_id = (c_id + 1) & 0xFFFF
            packet = ipv4(GUEST_IP, server_ip, PROTO_TCP, seg, ident=c_id)
            return ethernet(GATEWAY_MAC, GUEST_MAC, ETH_IPV4, packet)
        seg = tcp(
            s_ip,
            c_ip,
            80,
            cport,
            seq=s_seq,
            ack=c_seq,
            flags=flags,
            window=window,
            payload=payload,
            options=options,
        )
        s_id = (s_id + 1) & 0xFFFF
        packet = ipv4(server_ip, GUEST_IP, PROTO_TCP, seg, ident=s_id, ttl=server_ttl)
        return ethernet(GUEST_MAC, GATEWAY_MAC, ETH_IPV4, packet)

    # SYN: MSS 8961 (jumbo frames in a VPC), SACK permitted, timestamps, NOP, window scale 7
    syn_opts = b"\x02\x04\x23\x01\x04\x02" + ts_opt(c_ts, 0)[2:] + b"\x01\x03\x03\x07"
    yield frame(True, TCP_SYN, 62727, b"", syn_opts), None, 0
    c_seq += 1
    synack_opts = b"\x02\x04\x05\xb4\x04\x02" + ts_opt(s_ts, c_ts)[2:] + b"\x01\x03\x03\x09"
    yield frame(False, TCP_SYN | TCP_ACK, 65160, b"", synack_opts), None, 900
    s_seq += 1
    c_ts += 1
    yield frame(True, TCP_ACK, 491, b"", ts_opt(c_ts, s_ts)), None, 40
    yield frame(True, TCP_PSH | TCP_ACK, 491, request, ts_opt(c_ts, s_ts)), None, 60
    c_seq += len(request)
    s_ts += 1
    yield frame(False, TCP_ACK, 128, b"", ts_opt(s_ts, c_ts)), None, 850
    s_ts += 1
    yield frame(False, TCP_PSH | TCP_ACK, 128, response, ts_opt(s_ts, c_ts)), None, 1200
    s_seq += len(response)
    c_ts += 2
    yield frame(True, TCP_ACK, 489, b"", ts_opt(c_ts, s_ts)), None, 50
    yield frame(True, TCP_FIN | TCP_ACK, 489, b"", ts_opt(c_ts, s_ts)), None, 300
    c_seq += 1
    s_ts += 1
    yield frame(False, TCP_FIN | TCP_ACK, 128, b"", ts_opt(s_ts, c_ts)), None, 800
    s_seq += 1
    c_ts += 1
    yield frame(True, TCP_ACK, 489, b"", ts_opt(c_ts, s_ts)), None, 40


def http(host: str, path: str) -> bytes:
    return (
        f"GET {path} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: curl/8.3.0\r\nAccept: */*\r\n\r\n"
    ).encode()


def http_ok(body: bytes, content_type: str, server: str) -> bytes:
    head = (
        "HTTP/1.1 200 OK\r\n"
        f"Content-Type: {content_type}\r\n"
        f"Content-Length: {len(body)}\r\n"
        "Date: Tue, 14 Nov 2023 08:20:01 GMT\r\n"
        f"Server: {server}\r\n\r\n"
    )
    return head.encode() + body


def icmp_frames(rng: random.Random) -> Iterator[tuple[bytes, str | None, int]]:
    ident = rng.getrandbits(16)
    payload = bytes(range(0x10, 0x38))  # ping's 40-byte pattern after its 16-byte timeval
    for seq in (1, 2):
        stamp = struct.pack("<QQ", 1_699_950_002 + seq, 251_000 + seq)
        echo = icmp_echo(False, ident, seq, stamp + payload)
        req = ipv4(GUEST_IP, "1.1.1.1", PROTO_ICMP, echo, ident=rng.getrandbits(16))
        yield ethernet(GATEWAY_MAC, GUEST_MAC, ETH_IPV4, req), None, 1_000_000 if seq > 1 else 0
        answer = icmp_echo(True, ident, seq, stamp + payload)
        rep = ipv4("1.1.1.1", GUEST_IP, PROTO_ICMP, answer, ttl=58, dont_fragment=False)
        yield ethernet(GUEST_MAC, GATEWAY_MAC, ETH_IPV4, rep), None, 1430


def neighbour_solicitation() -> bytes:
    target = ip6(ROUTER_LL6)
    solicited = ip6("ff02::1:ff00:0")[:13] + target[13:]
    body = b"\0\0\0\0" + target + b"\x01\x01" + mac(GUEST_MAC)  # + source link-layer option
    src = ip6(GUEST_LL6)
    msg = icmpv6(src, solicited, 135, 0, body)
    dst_mac = bytes.fromhex("3333ff") + target[13:]
    return ethernet(dst_mac, GUEST_MAC, ETH_IPV6, ipv6(src, solicited, PROTO_ICMPV6, msg, 255))


def frames() -> Iterator[tuple[int, bytes, str | None]]:
    """(time_ns, frame, comment) in capture order."""
    rng = random.Random(SEED)
    clock = Clock(rng)
    gaps = iter([0, 2100, 6000, 1900])
    for frame, comment in dhcp_frames(rng):
        yield clock.after(next(gaps)), frame, comment
    for gap, (frame, comment) in zip((15_000, 120, 30_000), arp_frames(), strict=True):
        yield clock.after(gap), frame, comment
    for i, (frame, comment) in enumerate(dns_frames(rng)):
        yield clock.after(700 if i % 2 else 250_000), frame, comment
    imds = http_session(
        rng,
        IMDS_IP,
        http("169.254.169.254", "/latest/meta-data/instance-id"),
        http_ok(b"i-0a1b2c3d4e5f60718", "text/plain", "EC2ws"),
        server_ttl=255,
    )
    for i, (frame, comment, gap) in enumerate(imds):
        yield clock.after(gap + (400_000 if i == 0 else 0)), frame, comment
    page = b"<!doctype html>\n<html><head><title>Example Domain</title></head>\n</html>\n"
    web = http_session(
        rng,
        EXAMPLE_IP,
        http("example.com", "/"),
        http_ok(page, "text/html; charset=UTF-8", "ECAcc (dcd/7D5A)"),
        server_ttl=52,
    )
    for i, (frame, comment, gap) in enumerate(web):
        yield clock.after(gap * 9 + (300_000 if i == 0 else 0)), frame, comment
    for frame, comment, gap in icmp_frames(rng):
        yield clock.after(gap + 200_000), frame, comment
    yield clock.after(500_000), neighbour_solicitation(), None


def records() -> list[Record]:
    out = []
    for number, (time_ns, frame, comment) in enumerate(frames(), 1):
        out.append(
            Record(number, time_ns / 1e9, time_ns, len(frame), len(frame), 0, 1, frame, comment, 0)
        )
    return out


def build(path: Path) -> int:
    """Write the sample to ``path``; returns the frame count."""
    return write_pcapng(path, records(), tsresol=6)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    count = build(args.output)
    print(f"{args.output}: {count} frames, {args.output.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
