"""Dissection throughput on 100,000 Ethernet/IPv4/UDP/DHCP frames, against tshark, dpkt, Scapy.

Two measurements, each against its peers in the same run (DESIGN.md "Performance targets"):

1. ``pktscope fields -e dhcp.chaddr -e dhcp.message_type -e ipv4.src`` as a subprocess (its
   output drained through a pipe) against ``tshark -T fields -e dhcp.hw.mac_addr -e
   dhcp.option.dhcp -e ip.src``: target >= 10x. Both outputs are checked to give the same
   chaddr MACs, message types and sources.
2. A full decode of every layer with spans, through the library (``open_capture`` and
   ``pkt.walk()`` touching every field's value and offset) against dpkt (Ethernet, IP, UDP and
   ``dpkt.dhcp.DHCP`` with its option list) -- target >= 2x -- and Scapy (``Ether(raw)`` with
   every layer's fields read) on a 5,000-frame subset, scaled to pkt/s.

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
def ours_full(path: Path) -> int:
    """Decode every layer and touch every field's value and span."""
    from pktscope.dissect.capture import open_capture

    n = 0
    with open_capture(path) as cap:
        for pkt in cap:
            for f in pkt.walk():
                f.value  # noqa: B018 - the point is to evaluate it
                f.offset  # noqa: B018
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
            _ = (eth.src, eth.dst, ip.src, ip.dst, udp.sport, udp.dport, dhcp.chaddr, dhcp.opts)
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
        bench_full(path, frames, args.repeat)
    if args.profile:
        profile_full(path, frames)
    return 0 if ok else 1


def bench_fields(path: Path, frames: int, repeat: int) -> bool:
    """Measurement 1; False when the outputs disagree."""
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
        ok &= same
    return ok


def bench_full(path: Path, frames: int, repeat: int) -> None:
    """Measurement 2."""
    print("\n2. full decode of every layer with spans (library, every field touched)")
    w_full, c_full, n = measure(lambda: ours_full(path), repeat)
    assert n == frames, n
    print(row("pktscope open_capture + walk()", frames, w_full, c_full))
    try:
        w_dp, c_dp, _ = measure(lambda: dpkt_full(path), repeat)
        print(row("dpkt (eth/ip/udp/dhcp + opts)", frames, w_dp, c_dp))
        print(
            f"  ratio pktscope/dpkt: {w_dp / w_full:.2f}x wall, {c_dp / c_full:.2f}x cpu "
            "(target >= 2x)"
        )
    except ImportError:
        print("  dpkt not installed: skipped")
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


if __name__ == "__main__":
    sys.exit(main())
