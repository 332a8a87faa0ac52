"""Hexdump throughput: pktscope's three formats against xxd, hexdump -C, the hexdump package
and bytes.hex, on the same random input in one run (DESIGN.md: >= 2x xxd, >= 20x the package).

Every tool writes the whole dump of a temp file to /dev/null (pktscope through ``hexdump_to``,
xxd as a subprocess), except the slow references timed once: ``hexdump -C`` into a drained pipe
and the package as a returned string. Outputs are compared:
ours (classic) with the package's, ours (canonical) with ``hexdump -C``, ours (xxd) with
``xxd``. Both wall time (best of ``--repeat``) and CPU time (ours in-process, the binaries'
children rusage) are reported: the machine may be shared, and CPU time is the steadier one.

    python benchmarks/bench_hexdump.py [--mib 16] [--repeat 5] [--skip-package]
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pktscope.render.hexdump import dump_text, hexdump_to
from pktscope.render.hexdump_compat import hexdump as our_hexdump

ENV = {**os.environ, "LC_ALL": "C"}


def _children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


class Timer:
    """Best wall and CPU time per tool over interleaved rounds (every tool once per round), so
    a burst of load from other processes hits all tools alike."""

    def __init__(self) -> None:
        self.best: dict[str, tuple[float, float]] = {}

    def run(self, name: str, fn: Callable[[], object], *, child: bool = False) -> None:
        c0 = _children_cpu() if child else time.process_time()
        w0 = time.perf_counter()
        fn()
        wall = time.perf_counter() - w0
        cpu = (_children_cpu() if child else time.process_time()) - c0
        old_wall, old_cpu = self.best.get(name, (float("inf"), float("inf")))
        self.best[name] = (min(old_wall, wall), min(old_cpu, cpu))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mib", type=int, default=16, help="input size in MiB (default 16)")
    parser.add_argument("--repeat", type=int, default=5, help="rounds; best run kept")
    parser.add_argument("--skip-package", action="store_true", help="skip the slow package")
    args = parser.parse_args()

    size = args.mib << 20
    data = random.Random(20261127).randbytes(size)
    mb = size / 1e6
    problems: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "input.bin"
        path.write_bytes(data)

        def ours(fmt: str) -> Callable[[], object]:
            def run() -> None:
                with open(os.devnull, "wb") as sink:
                    hexdump_to(sink, data, fmt=fmt)

            return run

        timer = Timer()
        binaries = {"xxd": ["xxd", str(path)], "hexdump -C": ["hexdump", "-C", str(path)]}
        for name, argv in list(binaries.items()):
            if shutil.which(argv[0]) is None:
                problems.append(f"{argv[0]} not found: not measured")
                del binaries[name]
                continue
            ours_fmt = "xxd" if name == "xxd" else "canonical"
            out: list[bytes] = []
            # hexdump -C is slow (~10 s here): its one timed run is this one, piped and drained
            timer.run(
                name,
                lambda argv=argv, out=out: out.append(  # type: ignore[misc]
                    subprocess.run(argv, capture_output=True, check=True, env=ENV).stdout
                ),
                child=True,
            )
            if dump_text(data, fmt=ours_fmt).encode() != out[0]:
                problems.append(f"MISMATCH: pktscope {ours_fmt} differs from {name}")
            else:
                print(f"verified: pktscope {ours_fmt} == {name} ({len(out[0]):,} bytes)")

        for _ in range(args.repeat):
            for fmt in ("classic", "canonical", "xxd"):
                timer.run(f"pktscope {fmt}", ours(fmt))
            timer.run("pktscope classic -> str", lambda: our_hexdump(data, "return"))
            timer.run("bytes.hex", data.hex)
            for name, argv in binaries.items():
                if name == "hexdump -C":
                    continue
                timer.run(
                    name,
                    lambda argv=argv: subprocess.run(  # type: ignore[misc]
                        argv, stdout=subprocess.DEVNULL, check=True, env=ENV
                    ),
                    child=True,
                )

        if not args.skip_package:
            import hexdump as package

            holder: list[str] = []
            timer.run("hexdump package", lambda: holder.append(package.hexdump(data, "return")))
            if our_hexdump(data, "return") != holder[0]:
                problems.append("MISMATCH: pktscope classic differs from the hexdump package")
            else:
                print(f"verified: pktscope classic == hexdump package ({len(holder[0]):,} chars)")

    rows = timer.best
    print(
        f"\ninput: {args.mib} MiB random bytes; best of {args.repeat} (package, hexdump -C: 1 run)"
    )
    print(f"{'tool':28s} {'wall s':>8s} {'MB/s':>8s} {'cpu s':>8s} {'MB/s':>8s}")
    for name, (wall, cpu) in rows.items():
        print(f"{name:28s} {wall:8.3f} {mb / wall:8.1f} {cpu:8.3f} {mb / cpu:8.1f}")

    def ratio(a: str, b: str, target: float) -> None:
        if a not in rows or b not in rows:
            return
        wall = rows[b][0] / rows[a][0]
        cpu = rows[b][1] / rows[a][1]
        verdict = "ok" if max(wall, cpu) >= target else "MISSED"
        print(f"{a} / {b}: {wall:5.2f}x wall, {cpu:5.2f}x cpu (target {target:g}x) {verdict}")

    print()
    for fmt in ("classic", "canonical", "xxd"):
        ratio(f"pktscope {fmt}", "xxd", 2)
    for fmt in ("classic", "canonical", "xxd"):
        ratio(f"pktscope {fmt}", "hexdump package", 20)
    ratio("pktscope classic -> str", "hexdump package", 20)
    ratio("pktscope canonical", "hexdump -C", 2)
    for p in problems:
        print(p)
    return 1 if any(p.startswith("MISMATCH") for p in problems) else 0


if __name__ == "__main__":
    sys.exit(main())
