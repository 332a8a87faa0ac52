"""``pktscope fields -j N``: forked workers give the one-process output, in order.

Workers own chunks of ``scan.CHUNK`` frames in turn, so the captures here are a few chunks
long, with frames that take the full decode (VLAN tags) scattered through them, and cut at
every kind of boundary the record loop knows.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from extract_helpers import Both, make_both

from pktscope.capture.records import Record
from pktscope.capture.writer import write_pcap
from pktscope.commands import fields
from pktscope.commands._common import UsageError
from pktscope.extract import scan

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"
if str(SCRIPTS) not in sys.path:
    sys.path.insert(0, str(SCRIPTS))

import make_bench_pcap  # noqa: E402 - scripts/ is not a package

FRAMES = 2 * scan.CHUNK + 123  # three chunks, the last one short
PATHS = ["-e", "dhcp.chaddr", "-e", "dhcp.message_type", "-e", "ipv4.src", "-e", "udp.length"]


@pytest.fixture(scope="module")
def capture_bytes() -> bytes:
    recs = list(make_bench_pcap.records(FRAMES, seed=7))
    for i in range(5, FRAMES, 997):  # a VLAN tag: the plan refuses these frames
        data = bytes(recs[i].data)
        tagged = data[:12] + b"\x81\x00\x00\x05" + data[12:]
        recs[i] = Record(i + 1, recs[i].time, recs[i].time_ns, len(tagged), len(tagged),
                         0, 1, tagged, None, 0)  # fmt: skip
    buf = io.BytesIO()
    write_pcap(buf, recs, 1)
    return buf.getvalue()


@pytest.fixture
def both(
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> Both:
    return make_both(tmp_path_factory, monkeypatch, capsys)


def _run(both: Both, argv: list[str]) -> tuple[int, str, str]:
    return both.run(argv, slow=False)


@pytest.mark.parametrize("extra", [[], ["--json"], ["-E", "header=y", "-E", "quote=d"]])
def test_workers_print_what_one_process_prints(
    both: Both, tmp_path: Path, capture_bytes: bytes, extra: list[str]
) -> None:
    path = tmp_path / "bench.pcap"
    path.write_bytes(capture_bytes)
    one = _run(both, [str(path), *PATHS, *extra, "-j", "1"])
    assert one[0] == 0
    assert one[1].count("\n") == FRAMES + (1 if "header=y" in extra else 0)
    for jobs in (2, 3):
        assert _run(both, [str(path), *PATHS, *extra, "-j", str(jobs)]) == one


def test_refused_frames_are_decoded_in_full_by_the_workers(
    both: Both, tmp_path: Path, capture_bytes: bytes
) -> None:
    path = tmp_path / "bench.pcap"
    path.write_bytes(capture_bytes)
    args = [str(path), "-e", "eth.vlan.id", "-e", "ipv4.src"]
    lines = _run(both, [*args, "-j", "2"])[1].splitlines()
    assert lines == both.run(args, slow=True)[1].splitlines()
    assert [i for i, line in enumerate(lines) if line.startswith("5\t")] == list(
        range(5, FRAMES, 997)
    )


@pytest.mark.parametrize("count", [1, scan.CHUNK - 1, scan.CHUNK, scan.CHUNK + 1, 2 * scan.CHUNK])
def test_count_stops_every_worker_at_the_same_frame(
    both: Both, tmp_path: Path, capture_bytes: bytes, count: int
) -> None:
    path = tmp_path / "bench.pcap"
    path.write_bytes(capture_bytes)
    argv = [str(path), *PATHS, "-c", str(count)]
    one = _run(both, [*argv, "-j", "1"])
    assert one[1].count("\n") == count
    assert _run(both, [*argv, "-j", "2"]) == one


@pytest.mark.parametrize("cut", [10, 16 + 300, 5])
def test_a_cut_file_gives_the_same_rows_and_one_warning(
    both: Both, tmp_path: Path, capture_bytes: bytes, cut: int
) -> None:
    path = tmp_path / "cut.pcap"
    path.write_bytes(capture_bytes[:-cut])
    one = _run(both, [str(path), *PATHS, "-j", "1"])
    assert one[2].count("warning") == 1
    assert "file has" in one[2] or "inside a record header" in one[2]
    assert _run(both, [str(path), *PATHS, "-j", "2"]) == one
    assert both.run([str(path), *PATHS], slow=True) == one  # the full decode warns alike


def test_jobs_default_by_file_size_and_count() -> None:
    parser = fields.argparse.ArgumentParser()
    sub = parser.add_subparsers()
    fields.add_parser(sub)
    args = parser.parse_args(["fields", "x.pcap", "-e", "ipv4.src"])
    assert fields.jobs_for(args, fields.PARALLEL_MIN_BYTES - 1) == 1
    big = fields.jobs_for(args, fields.PARALLEL_MIN_BYTES)
    assert 1 <= big <= fields.MAX_AUTO_JOBS
    args.count = fields.PARALLEL_MIN_FRAMES - 1
    assert fields.jobs_for(args, 1 << 40) == 1
    args.jobs = 3
    assert fields.jobs_for(args, 10) == 3
    args.jobs = 0
    with pytest.raises(UsageError, match="at least 1"):
        fields.jobs_for(args, 10)


def test_a_cut_pcapng_warns_like_the_full_decode(
    both: Both, tmp_path: Path, capture_bytes: bytes
) -> None:
    from pktscope.capture.open import open_records
    from pktscope.capture.writer import write_pcapng

    path = tmp_path / "bench.pcap"
    path.write_bytes(capture_bytes)
    with open_records(str(path)) as rf:
        recs = list(rf[:50])
    buf = io.BytesIO()
    write_pcapng(buf, recs)
    cut = tmp_path / "cut.pcapng"
    cut.write_bytes(buf.getvalue()[:-40])
    fast = _run(both, [str(cut), *PATHS])
    assert fast[1].count("\n") == 49
    assert fast[2].count("warning") == 1
    assert both.run([str(cut), *PATHS], slow=True) == fast


@pytest.mark.parametrize("cut", [0, 10])
def test_workers_count_frames_fallbacks_and_the_cut_as_one_process(
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capture_bytes: bytes,
    cut: int,
) -> None:
    from extract_helpers import plan_dir

    from pktscope.extract.cache import load_extractor
    from pktscope.extract.render import RowCode

    monkeypatch.setenv("PKTSCOPE_CACHE_DIR", str(plan_dir(tmp_path_factory)))
    path = tmp_path / "bench.pcap"
    path.write_bytes(capture_bytes[: len(capture_bytes) - cut])
    ex = load_extractor(["eth.src", "ipv4.src"])
    assert ex is not None

    def counts(jobs: int) -> tuple[int, int, int]:
        stats = scan.scan(
            str(path),
            ex,
            row=RowCode(['line = ""'], {}),
            slow_row=lambda p: "",
            limit=None,
            write=lambda t: 0,
            jobs=jobs,
        )
        return stats.frames, stats.fallback, stats.cut

    tagged = len(range(5, FRAMES, 997))
    one = counts(1)
    assert one == ((FRAMES, tagged, 0) if not cut else (FRAMES - 1, tagged, FRAMES))
    assert counts(2) == one
    assert counts(3) == one
