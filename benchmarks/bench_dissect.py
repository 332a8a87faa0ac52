"""Dissection throughput on 100,000 Ethernet/IPv4/UDP/DHCP frames, against tshark, dpkt, Scapy.

Two measurements, each against its peers in the same run (DESIGN.md "Performance targets"):

1. ``pktscope fields -e dhcp.chaddr -e dhcp.message_type -e ipv4.src`` as a subprocess (its
   output drained through a pipe) against ``tshark -T fields -e dhcp.hw.mac_addr -e
   dhcp.option.dhcp -e ip.src``: target >= 10x. Both outputs are checked to give the same
   chaddr MACs, message types and sources.
2. A full decode of every layer with spans, through the library (``open_capture``: the chain
   decodes Ethernet, IPv4, UDP and DHCP with its options; every field's span is recorded), reading
   the values dpkt gives (MACs, addresses, ports, chaddr, every option), against dpkt (``Ethernet``
   and ``dpkt.dhcp.DHCP`` with its option list) -- target >= 2x --, the official Kaitai compiler's
   Python output of the same specs chained by hand -- target >= 5x; its ``--debug`` output, which
   keeps positions as ours keeps spans, is printed too --, and Scapy (``Ether(raw)``
   with every layer's fields read) on a 5,000-frame subset, scaled to pkt/s. Informational lines:
   the same with the fields' spans read, our parsers chained by hand, and ``pkt.walk()`` building
   a Field object for every field.

Wall time (best of ``--repeat``) and CPU time are both reported; the machine may be shared.

    python benchmarks/bench_dissect.py [-n 100000] [--repeat 1] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import resource
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DATA = ROOT / "benchmarks" / "data"
SCAPY_FRAMES = 5_000


def _children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def measure(fn: Callable[[], Any], repeat: int, *, child: bool = False) -> tuple[float, float, Any]:
    """Best wall time, best CPU time and the last result of ``repeat`` runs."""
    best_wall = best_cpu = float("inf")
    result: Any = None
    for _ in range(repeat):
        c0 = _children_cpu() if child else time.process_time()
        w0 = time.perf_counter()
        result = fn()
        wall = time.perf_counter() - w0
        cpu = (_children_cpu() if child else time.process_time()) - c0
        best_wall, best_cpu = min(best_wall, wall), min(best_cpu, cpu)
    return best_wall, best_cpu, result


def ensure_capture(count: int) -> Path:
    """The benchmark capture (generated once by scripts/make_bench_pcap.py, git-ignored)."""
    path = DATA / f"dhcp_{count // 1000}k.pcap"
    if not path.exists():
        DATA.mkdir(parents=True, exist_ok=True)
        script = ROOT / "scripts" / "make_bench_pcap.py"
        subprocess.run([sys.executable, str(script), str(path), "-n", str(count)], check=True)
    return path


def drain(argv: list[str]) -> bytes:
    """Run ``argv`` with stdout to a pipe, read it all (as a consumer would), check success."""
    proc = subprocess.run(argv, capture_output=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"{argv[0]} failed ({proc.returncode}): {proc.stderr[-400:]!r}")
    return proc.stdout


# -- 1. fields --------------------------------------------------------------------------------
def ours_fields(path: Path) -> bytes:
    return drain(
        [
            sys.executable,
            "-m",
            "pktscope",
            "fields",
            str(path),
            "-e",
            "dhcp.chaddr",
            "-e",
            "dhcp.message_type",
            "-e",
            "ipv4.src",
        ]
    )


def tshark_fields(path: Path, tshark: str) -> bytes:
    return drain(
        [
            tshark,
            "-n",
            "-r",
            str(path),
            "-T",
            "fields",
            "-e",
            "dhcp.hw.mac_addr",
            "-e",
            "dhcp.option.dhcp",
            "-e",
            "ip.src",
        ]
    )


def same_fields(ours: bytes, theirs: bytes) -> bool:
    """chaddr's first 6 bytes = tshark's MAC (first occurrence), same type and source."""
    a = ours.decode().splitlines()
    b = theirs.decode().splitlines()
    if len(a) != len(b):
        return False
    for x, y in zip(a, b, strict=True):
        chaddr, mtype, src = x.split("\t")
        mac, ttype, tsrc = y.split("\t")
        if chaddr[:12] != mac.split(",")[0].replace(":", "") or mtype != ttype or src != tsrc:
            return False
    return True


# -- 2. full decode ---------------------------------------------------------------------------
# Every peer reads the same values: both MACs, both IPv4 addresses, both ports, chaddr and every
# DHCP option (dpkt's (code, bytes) pairs; pktscope's and Kaitai's option objects with code and
# body). Every layer is decoded in full by each tool; pktscope records every field's span too.
def ours_full(path: Path) -> int:
    """``open_capture`` and the chain: every layer decoded (spans recorded), common values read."""
    from pktscope.dissect.capture import open_capture

    n = 0
    with open_capture(path) as cap:
        for pkt in cap:
            eth, ip, udp, dhcp = (layer.root for layer in pkt.layers)
            _ = (eth.src, eth.dst, ip.src, ip.dst, udp.src_port, udp.dst_port, dhcp.chaddr)
            _ = [(o.code, getattr(o, "body", None)) for o in dhcp.options]
            n += 1
    return n


def ours_spans(path: Path) -> int:
    """As :func:`ours_full`, reading each of those fields' absolute span as well."""
    from pktscope.dissect.capture import open_capture

    n = 0
    with open_capture(path) as cap:
        for pkt in cap:
            layers = pkt.layers
            eth, ip, udp, dhcp = (layer.root for layer in layers)
            _ = (eth.src, eth.dst, ip.src, ip.dst, udp.src_port, udp.dst_port, dhcp.chaddr)
            _ = (
                eth._pkt_span("src"),
                eth._pkt_span("dst"),
                ip._pkt_span("src"),
                ip._pkt_span("dst"),
                udp._pkt_span("src_port"),
                udp._pkt_span("dst_port"),
                dhcp._pkt_span("chaddr"),
            )
            _ = [(o.code, o.body, o._pkt_span_self()) for o in dhcp.options]
            n += 1
    return n


def ours_walk(path: Path) -> int:
    """Every layer through the user-facing field model: ``pkt.walk()``, every value and offset."""
    from pktscope.dissect.capture import open_capture

    n = 0
    with open_capture(path) as cap:
        for pkt in cap:
            for f in pkt.walk():
                f.value  # noqa: B018 - the point is to evaluate it
                f.offset  # noqa: B018
            n += 1
    return n


def chain_by_hand(path: Path, classes: tuple[Any, Any, Any, Any]) -> int:
    """Kaitai-style parsers chained by hand (each layer's ``body`` to the next), values read."""
    from pktscope.capture.open import open_records

    eth_c, ip_c, udp_c, dhcp_c = classes
    n = 0
    with open_records(path) as rf:
        for _num, _lt, data in rf.frames():
            eth = eth_c.from_bytes(data)
            ip = ip_c.from_bytes(eth.body)
            udp = udp_c.from_bytes(ip.body)
            dhcp = dhcp_c.from_bytes(udp.body)
            _ = (eth.src, eth.dst, ip.src, ip.dst, udp.src_port, udp.dst_port, dhcp.chaddr)
            _ = [(o.code, getattr(o, "body", None)) for o in dhcp.options]
            n += 1
    return n


def ours_classes() -> tuple[Any, Any, Any, Any]:
    from pktscope.protocols import dhcp, eth, ipv4, udp

    return eth.Eth, ipv4.Ipv4, udp.Udp, dhcp.Dhcp


def official_classes(tmp: Path, *, debug: bool = False) -> tuple[Any, Any, Any, Any] | None:
    """The bundled specs through the official compiler (plain Python output, or ``--debug``:
    positions recorded, ``_read()`` called by hand), or None."""
    import importlib
    import os

    shared = ROOT.parent / "shared"
    ksc_js = shared / "tools" / "ksc.js"
    node = shutil.which("node")
    candidates = (os.environ.get("PKTSCOPE_KSC_DIR"), str(ROOT / ".tools" / "ksc"), "/tmp/ksc")
    ksc_dir = next(
        (
            Path(c)
            for c in candidates
            if c and (Path(c) / "node_modules" / "kaitai-struct-compiler").is_dir()
        ),
        None,
    )
    if node is None or ksc_dir is None or not ksc_js.exists():
        return None
    specs = [str(ROOT / "specs" / f"{name}.ksy") for name in ("eth", "ipv4", "udp", "dhcp")]
    env = dict(os.environ, NODE_PATH=str(ksc_dir / "node_modules"))
    flags = ["--debug"] if debug else []
    subprocess.run(
        [node, str(ksc_js), *flags, *specs, str(tmp)], check=True, env=env, capture_output=True
    )
    sys.path.insert(0, str(tmp))
    try:
        mods = [importlib.import_module(name) for name in ("eth", "ipv4", "udp", "dhcp")]
    finally:
        sys.path.remove(str(tmp))
        for name in ("eth", "ipv4", "udp", "dhcp"):
            sys.modules.pop(name, None)
    return mods[0].Eth, mods[1].Ipv4, mods[2].Udp, mods[3].Dhcp


def chain_by_hand_debug(path: Path, classes: tuple[Any, Any, Any, Any]) -> int:
    """:func:`chain_by_hand` for ``--debug`` output: each object read by hand, positions kept.
    (A copy, not a flag: a timed loop must not carry another peer's indirection.)"""
    from pktscope.capture.open import open_records

    eth_c, ip_c, udp_c, dhcp_c = classes
    n = 0
    with open_records(path) as rf:
        for _num, _lt, data in rf.frames():
            eth = eth_c.from_bytes(data)
            eth._read()
            ip = ip_c.from_bytes(eth.body)
            ip._read()
            udp = udp_c.from_bytes(ip.body)
            udp._read()
            dhcp = dhcp_c.from_bytes(udp.body)
            dhcp._read()
            _ = (eth.src, eth.dst, ip.src, ip.dst, udp.src_port, udp.dst_port, dhcp.chaddr)
            _ = [(o.code, getattr(o, "body", None)) for o in dhcp.options]
            n += 1
    return n


def dpkt_full(path: Path) -> int:
    import dpkt

    n = 0
    with path.open("rb") as fh:
        for _ts, buf in dpkt.pcap.Reader(fh):
            eth = dpkt.ethernet.Ethernet(buf)
            ip = eth.data
            udp = ip.data
            dhcp = dpkt.dhcp.DHCP(udp.data)
            _ = (eth.src, eth.dst, ip.src, ip.dst, udp.sport, udp.dport, dhcp.chaddr)
            _ = list(dhcp.opts)
            n += 1
    return n


def scapy_frames(path: Path, count: int) -> list[bytes]:
    from pktscope.capture.open import open_records

    with open_records(path) as rf:
        return [bytes(r.data) for r in rf[:count]]


def scapy_full(frames: list[bytes]) -> int:
    from scapy.layers.l2 import Ether

    n = 0
    for raw in frames:
        pkt = Ether(raw)
        layer = pkt
        while layer:
            for name in layer.fields:
                layer.getfieldval(name)
            layer = layer.payload
        n += 1
    return n


# -- report -----------------------------------------------------------------------------------
def row(name: str, frames: int, wall: float, cpu: float) -> str:
    return (
        f"  {name:<34} {frames / wall:>10,.0f} pkt/s wall  {frames / cpu:>10,.0f} pkt/s cpu"
        f"  ({wall:.2f} s)"
    )


def profile_full(path: Path, frames: int) -> None:
    prof = cProfile.Profile()
    prof.enable()
    ours_full(path)
    prof.disable()
    out = io.StringIO()
    pstats.Stats(prof, stream=out).sort_stats("tottime").print_stats(18)
    print(f"\nprofile of the full decode ({frames} frames), by own time:")
    print("\n".join(out.getvalue().splitlines()[6:32]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--count", type=int, default=100_000, help="frames (default 100k)")
    parser.add_argument("--repeat", type=int, default=1, help="runs per tool, best kept")
    parser.add_argument("--profile", action="store_true", help="cProfile the full decode")
    parser.add_argument(
        "--only", choices=("fields", "full"), help="run one of the two measurements"
    )
    args = parser.parse_args()

    path = ensure_capture(args.count)
    frames = args.count
    print(f"capture: {path.name}, {frames:,} frames, {path.stat().st_size / 1e6:.1f} MB")
    ok = True

    if args.only != "full":
        ok &= bench_fields(path, frames, args.repeat)
    if args.only != "fields":
        ok &= bench_full(path, frames, args.repeat)
    if args.profile:
        profile_full(path, frames)
    return 0 if ok else 1


def bench_fields(path: Path, frames: int, repeat: int) -> bool:
    """Measurement 1; False when the outputs disagree or the target is missed."""
    ok = True
    print("\n1. fields -e dhcp.chaddr -e dhcp.message_type -e ipv4.src (subprocess, piped)")
    w_ours, c_ours, out_ours = measure(lambda: ours_fields(path), repeat, child=True)
    print(row("pktscope fields", frames, w_ours, c_ours))
    tshark = shutil.which("tshark")
    if tshark is None:
        print("  tshark not installed: skipped")
    else:
        w_ts, c_ts, out_ts = measure(lambda: tshark_fields(path, tshark), repeat, child=True)
        print(row("tshark -T fields", frames, w_ts, c_ts))
        same = same_fields(out_ours, out_ts)
        ratio = w_ts / w_ours
        print(
            f"  ratio pktscope/tshark: {ratio:.2f}x wall, {c_ts / c_ours:.2f}x cpu "
            f"(target >= 10x)   outputs agree: {same}"
        )
        ok &= same and ratio >= 10
    return ok


def bench_full(path: Path, frames: int, repeat: int) -> bool:
    """Measurement 2; False when a target is missed."""
    import tempfile

    ok = True
    print("\n2. full decode of every layer with spans (library; same values read by every peer)")
    w_full, c_full, n = measure(lambda: ours_full(path), repeat)
    assert n == frames, n
    print(row("pktscope open_capture (chain)", frames, w_full, c_full))
    w_sp, c_sp, _ = measure(lambda: ours_spans(path), repeat)
    print(row("  + the same fields' spans read", frames, w_sp, c_sp))
    w_hand, c_hand, _ = measure(lambda: chain_by_hand(path, ours_classes()), repeat)
    print(row("pktscope parsers chained by hand", frames, w_hand, c_hand))
    try:
        w_dp, c_dp, _ = measure(lambda: dpkt_full(path), repeat)
        print(row("dpkt (eth/ip/udp/dhcp + opts)", frames, w_dp, c_dp))
        ratio = w_dp / w_full
        print(f"  ratio pktscope/dpkt: {ratio:.2f}x wall, {c_dp / c_full:.2f}x cpu (target >= 2x)")
        ok &= ratio >= 2
    except ImportError:
        print("  dpkt not installed: skipped")
    with tempfile.TemporaryDirectory() as tmp:
        official = official_classes(Path(tmp))
        if official is None:
            print("  official Kaitai compiler (node) not found: skipped")
        else:
            w_k, c_k, _ = measure(lambda: chain_by_hand(path, official), repeat)
            print(row("official Kaitai output, by hand", frames, w_k, c_k))
            ratio = w_k / w_full
            print(
                f"  ratio pktscope/official: {ratio:.2f}x wall, {c_k / c_full:.2f}x cpu "
                "(target >= 5x)"
            )
            ok &= ratio >= 5
    with tempfile.TemporaryDirectory() as tmp:
        debug = official_classes(Path(tmp), debug=True)
        if debug is not None:  # informational: the official output keeping positions too
            w_kd, c_kd, _ = measure(lambda: chain_by_hand_debug(path, debug), repeat)
            print(row("official Kaitai --debug, by hand", frames, w_kd, c_kd))
            print(f"  ratio pktscope/official --debug: {w_kd / w_full:.2f}x wall (informational)")
    try:
        subset = scapy_frames(path, SCAPY_FRAMES)
        w_sc, c_sc, _ = measure(lambda: scapy_full(subset), repeat)
        print(row(f"scapy ({len(subset):,}-frame subset)", len(subset), w_sc, c_sc))
        ours_rate = frames / w_full
        print(
            f"  ratio pktscope/scapy: {ours_rate / (len(subset) / w_sc):.2f}x wall, "
            f"{(frames / c_full) / (len(subset) / c_sc):.2f}x cpu"
        )
    except ImportError:
        print("  scapy not installed: skipped")
    w_walk, c_walk, _ = measure(lambda: ours_walk(path), repeat)
    print(row("pktscope walk(): every Field object", frames, w_walk, c_walk))
    return ok


if __name__ == "__main__":
    sys.exit(main())
