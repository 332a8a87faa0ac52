"""Parse throughput of pktscope's generated parsers (spans on) vs the official compiler's Python
output (plain and --debug), on Ethernet -> IPv4 -> UDP from ../shared/kaitai/formats/network over
the frames of ../shared/captures replicated to ~20k packets; plus wall time to compile all 186
public formats (pktscope in a fresh Python process vs the official compiler in one node process).

Run: .venv/bin/python benchmarks/bench_compiler.py   (needs node + the official compiler)
"""

from __future__ import annotations

import importlib
import os
import struct
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
FORMATS = SHARED / "kaitai" / "formats"
KSC_JS = SHARED / "tools" / "ksc.js"
N_PACKETS = 20_000


def ksc_dir() -> Path:
    for cand in (os.environ.get("PKTSCOPE_KSC_DIR"), str(REPO / ".tools" / "ksc"), "/tmp/ksc"):
        if cand and (Path(cand) / "node_modules" / "kaitai-struct-compiler").is_dir():
            return Path(cand)
    sys.exit("official compiler not found (make tools)")


def frames() -> list[bytes]:
    out: list[bytes] = []
    for cap in sorted((SHARED / "captures").glob("*.pcap")):
        data = cap.read_bytes()
        magic = data[:4]
        if magic in (b"\xd4\xc3\xb2\xa1", b"\x4d\x3c\xb2\xa1"):
            e = "<"
        elif magic in (b"\xa1\xb2\xc3\xd4", b"\xa1\xb2\x3c\x4d"):
            e = ">"
        else:
            continue
        if struct.unpack(e + "I", data[20:24])[0] != 1:  # Ethernet only
            continue
        off = 24
        while off + 16 <= len(data):
            incl = struct.unpack(e + "I", data[off + 8 : off + 12])[0]
            frame = data[off + 16 : off + 16 + incl]
            off += 16 + incl
            if (
                len(frame) >= 42
                and frame[12:14] == b"\x08\x00"
                and frame[23] == 17
                and 14 + int.from_bytes(frame[16:18], "big") <= len(frame)
            ):
                out.append(frame)  # IPv4/UDP
    reps = N_PACKETS // max(1, len(out)) + 1
    return (out * reps)[:N_PACKETS]


def ksc(args: list[str]) -> float:
    env = dict(os.environ, NODE_PATH=str(ksc_dir() / "node_modules"))
    t0 = time.perf_counter()
    subprocess.run(["node", str(KSC_JS), "--json", *args], check=True, env=env, capture_output=True)
    return time.perf_counter() - t0


def rate(fn, pkts: list[bytes]) -> float:
    for p in pkts[:200]:
        fn(p)
    t0 = time.perf_counter()
    for p in pkts:
        fn(p)
    return len(pkts) / (time.perf_counter() - t0)


def dhcp_bench(pkts: list[bytes]) -> None:
    """The bundled specs/dhcp.ksy (options and all) on the DHCP frames, ours vs official."""
    from kaitaistruct import BytesIO, KaitaiStream

    from pktscope.compile.build import compile_spec

    spec = REPO / "specs" / "dhcp.ksy"
    if not spec.exists():
        return
    bodies = [p[42:] for p in pkts if p[34:36] in (b"\x00\x43", b"\x00\x44")]
    if not bodies:
        return
    ours = compile_spec(spec).Dhcp
    with tempfile.TemporaryDirectory() as tmp:
        plain, debug = Path(tmp, "plain"), Path(tmp, "debug")
        plain.mkdir()
        debug.mkdir()
        ksc([str(spec), str(plain)])
        ksc(["--debug", str(spec), str(debug)])
        sys.path.insert(0, str(plain))
        off_plain = importlib.import_module("dhcp").Dhcp
        del sys.modules["dhcp"]
        sys.path[0] = str(debug)
        off_debug = importlib.import_module("dhcp").Dhcp
        del sys.modules["dhcp"]
        sys.path.pop(0)

        def ours_fn(b: bytes) -> None:
            _ = ours.from_bytes(b).options

        def plain_fn(b: bytes) -> None:
            _ = off_plain.from_bytes(b).options

        def debug_fn(b: bytes) -> None:
            f = off_debug(KaitaiStream(BytesIO(b)))
            f._read()

        r = {"ours": 0.0, "plain": 0.0, "debug": 0.0}
        for _ in range(3):
            r["ours"] = max(r["ours"], rate(ours_fn, bodies))
            r["plain"] = max(r["plain"], rate(plain_fn, bodies))
            r["debug"] = max(r["debug"], rate(debug_fn, bodies))
    print(f"DHCP payloads ({len(bodies)}, specs/dhcp.ksy with options):")
    print(
        f"  pktscope {r['ours']:.0f}/s, official plain {r['plain']:.0f}/s, "
        f"debug {r['debug']:.0f}/s; ours/plain {r['ours'] / r['plain']:.2f}x, "
        f"ours/debug {r['ours'] / r['debug']:.2f}x"
    )


def pcap_frames(path: Path) -> list[bytes]:
    """The frames of a little-endian classic pcap file."""
    data = path.read_bytes()
    out: list[bytes] = []
    off = 24
    while off + 16 <= len(data):
        incl = struct.unpack("<I", data[off + 8 : off + 12])[0]
        out.append(data[off + 16 : off + 16 + incl])
        off += 16 + incl
    return out


def cpu_rate(fn, items: list[bytes]) -> float:
    t0 = time.process_time()
    for b in items:
        fn(b)
    return len(items) / (time.process_time() - t0)


def layers_bench() -> None:
    """The bundled generated parsers (pktscope/protocols) per layer on the 5,000 frames of
    benchmarks/data/dhcp_5k.pcap, each layer's from_bytes on its own bytes, vs dpkt's DHCP;
    process time, best of 5 interleaved rounds."""
    import dpkt

    from pktscope.dissect.registry import load_spec

    path = REPO / "benchmarks" / "data" / "dhcp_5k.pcap"
    if not path.exists():
        return
    fr = pcap_frames(path)
    eth, ipv4, udp, dhcp = (load_spec(x) for x in ("eth", "ipv4", "udp", "dhcp"))

    def chain(f: bytes) -> None:
        eth.from_bytes(f)
        ipv4.from_bytes(f[14:])
        udp.from_bytes(f[34:])
        dhcp.from_bytes(f[42:])

    cases = [
        ("eth", eth.from_bytes, fr),
        ("ipv4", ipv4.from_bytes, [f[14:] for f in fr]),
        ("udp", udp.from_bytes, [f[34:] for f in fr]),
        ("dhcp", dhcp.from_bytes, [f[42:] for f in fr]),
        ("eth+ipv4+udp+dhcp", chain, fr),
        ("dpkt.dhcp.DHCP", dpkt.dhcp.DHCP, [f[42:] for f in fr]),
    ]
    best = dict.fromkeys([c[0] for c in cases], 0.0)
    for _ in range(5):
        for name, fn, items in cases:
            best[name] = max(best[name], cpu_rate(fn, items))
    print(f"bundled parsers per layer ({len(fr)} frames of {path.name}, process time):")
    for name, r in best.items():
        print(f"  {name:18s} {r:10.0f} /s")
    print(f"  dhcp / dpkt dhcp: {best['dhcp'] / best['dpkt.dhcp.DHCP']:.2f}x")


def main() -> None:
    from kaitaistruct import BytesIO, KaitaiStream

    from pktscope.compile.build import compile_spec

    pkts = frames()
    eth = FORMATS / "network" / "ethernet_frame.ksy"
    ours = compile_spec(eth, import_paths=[FORMATS]).EthernetFrame

    def ours_full(b: bytes) -> None:
        # spans are recorded while parsing; reading one is a separate (lazy) cost
        _ = ours.from_bytes(b).body.body.body.dst_port

    def ours_spans(b: bytes) -> None:
        f = ours.from_bytes(b)
        f._pkt_span("dst_mac")
        f.body.body.body._pkt_span("dst_port")

    with tempfile.TemporaryDirectory() as tmp:
        plain, debug = Path(tmp, "plain"), Path(tmp, "debug")
        plain.mkdir()
        debug.mkdir()
        ksc(["-I", str(FORMATS), str(eth), str(plain)])
        ksc(["--debug", "-I", str(FORMATS), str(eth), str(debug)])
        sys.path.insert(0, str(plain))
        off_plain = importlib.import_module("ethernet_frame").EthernetFrame
        for m in [
            m for m in sys.modules if m.split(".")[0] in {p.stem for p in plain.glob("*.py")}
        ]:
            del sys.modules[m]
        sys.path[0] = str(debug)
        off_debug = importlib.import_module("ethernet_frame").EthernetFrame
        sys.path.pop(0)

        def plain_full(b: bytes) -> None:
            _ = off_plain.from_bytes(b).body.body.body.dst_port

        def debug_full(b: bytes) -> None:
            f = off_debug(KaitaiStream(BytesIO(b)))
            f._read()
            _ = f._debug["dst_mac"]
            _ = f.body.body.body.dst_port

        # interleaved rounds, best of each: the machine is shared and noisy
        r_ours = r_plain = r_debug = r_spans = 0.0
        for _ in range(3):
            r_ours = max(r_ours, rate(ours_full, pkts))
            r_spans = max(r_spans, rate(ours_spans, pkts))
            r_plain = max(r_plain, rate(plain_full, pkts))
            r_debug = max(r_debug, rate(debug_full, pkts))
    print(f"packets: {len(pkts)} (Ethernet/IPv4/UDP frames from captures, replicated)")
    print(f"pktscope (spans on): {r_ours:10.0f} pkt/s")
    print(f"  + 2 span lookups:  {r_spans:10.0f} pkt/s")
    print(f"official plain:      {r_plain:10.0f} pkt/s")
    print(f"official --debug:    {r_debug:10.0f} pkt/s")
    print(f"ratio ours/plain: {r_ours / r_plain:.2f}x   ours/debug: {r_ours / r_debug:.2f}x")

    dhcp_bench(pkts)
    layers_bench()

    specs = sorted(FORMATS.rglob("*.ksy"))
    # a fresh process, as the official compiler gets (and not this one, full of the objects
    # the benchmarks above left, which the garbage collector would walk again and again)
    loop = (
        "import sys; from pathlib import Path; from pktscope.compile.build import compile_spec\n"
        "formats = Path(sys.argv[1])\n"
        "for p in sorted(formats.rglob('*.ksy')):\n"
        "    compile_spec(p, import_paths=[formats])\n"
    )
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", loop, str(FORMATS)], check=True, cwd=REPO)
    t_ours = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp:
        t_off = ksc(["-I", str(FORMATS), *map(str, specs), tmp])
    print(
        f"compile {len(specs)} formats: pktscope {t_ours:.1f} s (one process, in memory, incl. "
        "exec), "
        f"official {t_off:.1f} s; ratio official/ours {t_off / t_ours:.2f}x"
    )


if __name__ == "__main__":
    main()
