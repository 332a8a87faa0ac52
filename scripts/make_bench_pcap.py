"""Generate a deterministic Ethernet/IPv4/UDP/DHCP capture for the benchmarks.

    python scripts/make_bench_pcap.py benchmarks/data/dhcp_100k.pcap            # 100,000 frames
    python scripts/make_bench_pcap.py --million benchmarks/data/dhcp_1m.pcap    # TUI benchmark
    python scripts/make_bench_pcap.py -n 5000 --pcapng out.pcapng --seed 7

Frames vary client MACs, transaction ids, message types (Discover ... Inform, client and server
side), hostnames and parameter-request lists (so option lengths differ); IPv4 and UDP checksums
are valid. The same arguments always give the same bytes. The outputs are large: keep them in
benchmarks/data/ (git-ignored).
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
    ETH_IPV4,
    PROTO_UDP,
    bootp,
    dhcp_option,
    ethernet,
    ip4,
    ipv4,
    mac,
    udp,
)

from pktscope.capture.records import Record
from pktscope.capture.writer import write_pcap, write_pcapng

SERVER_MAC = "02:00:5e:10:00:01"
SERVER_IP = "10.0.0.1"
HOSTS = ("ip-{}", "ip-{}-{}", "ip-{}-{}-{}", "host-{:03d}-{:03d}-{:03d}.bench")
SERVER_MAC_B = mac(SERVER_MAC)
BROADCAST_MAC_B = mac(BROADCAST_MAC)
PAD = (300, 0)  # some clients pad BOOTP to its historic 300 bytes, some do not
MASK = ip4("255.255.0.0")
DNS2 = ip4("10.0.0.2")
START_NS = 1_700_000_000 * 10**9
CLIENT_TYPES = (1, 3, 4, 7, 8)  # discover, request, decline, release, inform
SERVER_TYPES = (2, 5, 6)  # offer, ack, nak
PRL_CODES = bytes([1, 3, 6, 15, 28, 42, 51, 54, 58, 59, 119, 121, 252, 26, 31, 33, 43, 44, 46, 47])


def frames(count: int, seed: int) -> Iterator[bytes]:
    """``count`` DHCP frames, deterministic for ``seed``."""
    rng = random.Random(seed)
    server_ip_b = ip4(SERVER_IP)
    bcast_b = ip4("255.255.255.255")
    zero_b = bytes(4)
    for _ in range(count):
        client_mac = bytes([0x00, 0x16, 0x3E]) + rng.randbytes(3)
        xid = rng.getrandbits(32)
        msg_type = rng.choice(CLIENT_TYPES + SERVER_TYPES)
        bits = rng.getrandbits(64)
        client_ip = bytes((10, 0, bits & 0xFF, 2 + (bits >> 8) % 253))
        host = HOSTS[(bits >> 16) & 3].format(
            bits >> 18 & 0xFF, bits >> 26 & 0xFF, bits >> 34 & 0xFF
        )
        opts = [dhcp_option(53, bytes([msg_type]))]
        if msg_type in CLIENT_TYPES:
            opts.append(dhcp_option(61, b"\x01" + client_mac))
            opts.append(dhcp_option(12, host.encode()))
            opts.append(dhcp_option(55, PRL_CODES[: rng.randrange(3, len(PRL_CODES))]))
            if msg_type == 3:
                opts.append(dhcp_option(50, client_ip))
                opts.append(dhcp_option(54, server_ip_b))
            payload = bootp(
                1, xid, client_mac, opts, secs=bits >> 42 & 3, min_size=PAD[bits >> 44 & 1]
            )
            src_b, dst_b, sport, dport = zero_b, bcast_b, 68, 67
            eth_dst, eth_src = BROADCAST_MAC_B, client_mac
        else:
            opts.append(dhcp_option(54, server_ip_b))
            if msg_type != 6:
                opts.append(dhcp_option(51, struct.pack("!I", rng.choice((600, 3600, 86400)))))
                opts.append(dhcp_option(1, MASK))
                opts.append(dhcp_option(3, server_ip_b))
                opts.append(dhcp_option(6, server_ip_b + DNS2))
                opts.append(dhcp_option(15, b"bench.internal"))
            payload = bootp(
                2, xid, client_mac, opts, yiaddr=client_ip, siaddr=server_ip_b, min_size=0
            )
            src_b, dst_b, sport, dport = server_ip_b, client_ip, 67, 68
            eth_dst, eth_src = client_mac, SERVER_MAC_B
        datagram = udp(src_b, dst_b, sport, dport, payload)
        ident = rng.getrandbits(16)
        packet = ipv4(
            src_b, dst_b, PROTO_UDP, datagram, ident=ident, ttl=64 if sport == 68 else 128
        )
        yield ethernet(eth_dst, eth_src, ETH_IPV4, packet)


def records(count: int, seed: int) -> Iterator[Record]:
    time_ns = START_NS
    step = random.Random(seed + 1)
    for number, frame in enumerate(frames(count, seed), 1):
        time_ns += step.randrange(1_000, 2_000_000) * 1000
        yield Record(number, time_ns / 1e9, time_ns, len(frame), len(frame), 0, 1, frame, None, 0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path)
    parser.add_argument("-n", "--count", type=int, default=100_000)
    parser.add_argument("--million", action="store_true", help="1,000,000 frames (TUI benchmark)")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--pcapng", action="store_true", help="write pcapng instead of pcap")
    args = parser.parse_args(argv)
    count = 1_000_000 if args.million else args.count
    args.output.parent.mkdir(parents=True, exist_ok=True)
    writer = write_pcapng if args.pcapng else write_pcap
    written = writer(args.output, records(count, args.seed))
    print(f"{args.output}: {written} frames, {args.output.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
