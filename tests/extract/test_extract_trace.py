"""The extractor specialised to a capture's first frames (``pktscope.extract.trace``).

The specialised function must print, for *every* frame, what the general extractor prints: the
path it was traced on when the frame takes it, the general code's line otherwise. Frames here
are built to sit close to the traced path (bytes flipped in the headers it tests, cut frames,
other ports and option orders) so that a guard too weak would show.
"""

from __future__ import annotations

import ast
import struct
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pktscope.extract.cache import Extractor, load_extractor
from pktscope.extract.render import RowCode, json_row_code, text_row_code
from pktscope.extract.runtime import Fallback
from pktscope.extract.trace import (
    TraceError,
    function_body,
    function_source,
    specialised,
    structs_of,
    trace,
)

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"
if str(SCRIPTS) not in sys.path:
    sys.path.insert(0, str(SCRIPTS))

import make_bench_pcap  # noqa: E402 - scripts/ is not a package
import netframes  # noqa: E402

BENCH = ["dhcp.chaddr", "dhcp.message_type", "ipv4.src"]
WIDE = ["eth.src", "eth.ether_type", "ipv4.ihl", "ipv4.total_length", "udp.dst_port",
        "dhcp.op", "dhcp.client_hw_addr", "dhcp.message_type", "ipv4.src"]  # fmt: skip


def _extractor(paths: list[str], tmp: Path) -> Extractor:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PKTSCOPE_CACHE_DIR", str(tmp))
        ex = load_extractor(paths)
    assert ex is not None
    return ex


@pytest.fixture(scope="module")
def plans(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Extractor]:
    tmp = tmp_path_factory.mktemp("plans")
    return {"bench": _extractor(BENCH, tmp), "wide": _extractor(WIDE, tmp)}


def _text_row(ex: Extractor) -> RowCode:
    return text_row_code(ex.facts, False, separator="\t", aggregator=",", quote="", occurrence="a")


def _pack(frames: list[bytes]) -> tuple[bytes, list[tuple[int, int]]]:
    """Frames laid out one after another (with a gap, as records are): buffer and bounds."""
    buf, bounds = bytearray(b"\xee" * 24), []
    for frame in frames:
        buf += b"\xee" * 16
        bounds.append((len(buf), len(buf) + len(frame)))
        buf += frame
    return bytes(buf), bounds


def _build(ex: Extractor, row: RowCode, frames: list[bytes]) -> tuple[Any, Any]:
    """The general line function and the one specialised to ``frames``."""
    buf, bounds = _pack(frames)
    layer = ex.first[1]
    general = row.framer(layer, len(ex.facts))
    fast = specialised(
        layer, ex.source, row, columns=len(ex.facts), general=general, buf=buf, samples=bounds
    )
    return general, fast


def _bench_frames(n: int, seed: int) -> list[bytes]:
    return list(make_bench_pcap.frames(n, seed))


def test_bench_frames_take_one_path(plans: dict[str, Extractor]) -> None:
    """Both DHCP ports, every message type, other MACs and lengths: one specialised path, that
    hands no bench frame over (the guards test what decides the path, not the sample's values)."""
    ex = plans["bench"]
    row = _text_row(ex)
    frames = _bench_frames(400, 3)
    general, fast = _build(ex, row, frames[:32])
    assert fast is not None and fast.__name__ == "_S"
    assert fast.__doc__ is not None and fast.__doc__.count("unpack_from") == 1
    handed: list[int] = []
    fast.__globals__["_G"] = lambda b, s, e: handed.append(s) or general(b, s, e)
    buf, bounds = _pack(frames)
    for s, e in bounds:
        assert fast(buf, s, e) == general(buf, s, e)
    assert handed == []


def _mangle(frame: bytes, flips: list[tuple[int, int]], cut: int | None) -> bytes:
    out = bytearray(frame)
    for at, mask in flips:
        out[at % len(out)] ^= mask
    return bytes(out[:cut] if cut is not None else out)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    seed=st.integers(0, 50),
    flips=st.lists(st.tuples(st.integers(0, 300), st.integers(1, 255)), max_size=3),
    cut=st.one_of(st.none(), st.integers(0, 360)),
    wide=st.booleans(),
)
def test_frames_near_the_traced_path_print_as_the_general_code(
    plans: dict[str, Extractor],
    seed: int,
    flips: list[tuple[int, int]],
    cut: int | None,
    wide: bool,
) -> None:
    ex = plans["wide" if wide else "bench"]
    row = _text_row(ex)
    clean = _bench_frames(8, seed)
    general, fast = _build(ex, row, clean)
    assert fast is not None
    frame = _mangle(clean[0], flips, cut)
    buf, ((s, e),) = _pack([frame])
    try:
        expected = general(buf, s, e)
    except Exception as exc:  # the general code refuses it: so must the specialised one
        with pytest.raises(type(exc)):
            fast(buf, s, e)
        return
    assert fast(buf, s, e) == expected


def _dhcp(options: list[bytes], *, dport: int = 67, vlan: bool = False) -> bytes:
    msg = netframes.bootp(1, 0x1234, bytes.fromhex("00163e000001"), options, min_size=300)
    src, dst = netframes.ip4("10.0.0.1"), netframes.ip4("255.255.255.255")
    ip = netframes.ipv4(src, dst, 17, netframes.udp(src, dst, 68, dport, msg))
    frame = netframes.ethernet("ff:ff:ff:ff:ff:ff", "00:16:3e:00:00:01", 0x0800, ip)
    if vlan:
        frame = frame[:12] + struct.pack("!HH", 0x8100, 5) + frame[12:]
    return frame


def test_other_layouts_are_handed_to_the_general_code(plans: dict[str, Extractor]) -> None:
    """Traced on option 53 first: option 53 after another option or after pads takes
    another path, and comes out as the general code prints it."""
    ex = plans["bench"]
    row = _text_row(ex)
    first = _dhcp([netframes.dhcp_option(53, b"\x01")])
    general, fast = _build(ex, row, [first] * 4)
    assert fast is not None
    others = [
        _dhcp([netframes.dhcp_option(61, b"\x01\x02"), netframes.dhcp_option(53, b"\x05")]),
        _dhcp([b"\0", b"\0", netframes.dhcp_option(53, b"\x07")]),  # pads first
        _dhcp([netframes.dhcp_option(53, b"\x02")], dport=68),
    ]
    handed: list[int] = []
    fast.__globals__["_G"] = lambda b, s, e: handed.append(s) or general(b, s, e)
    buf, bounds = _pack(others)
    lines = [fast(buf, s, e) for s, e in bounds]
    assert lines == [general(buf, s, e) for s, e in bounds]
    assert [line.split("\t")[1] for line in lines] == ["5", "7", "2"]
    assert len(handed) == 2  # the last one differs only in a port the guard allows


def test_no_path_serving_half_the_samples_means_no_specialisation(
    plans: dict[str, Extractor],
) -> None:
    ex = plans["bench"]
    row = _text_row(ex)
    mixed = [
        _dhcp([netframes.dhcp_option(53, b"\x01")], vlan=bool(i % 2))
        if i % 3
        else _dhcp([netframes.dhcp_option(12, b"x"), netframes.dhcp_option(53, b"\x01")])
        for i in range(12)
    ]
    # three layouts (one the general code refuses: VLAN tags), none in half of the frames
    _general, fast = _build(ex, row, mixed)
    assert fast is None


def test_json_rows_are_specialised_too(plans: dict[str, Extractor]) -> None:
    ex = plans["wide"]
    row = json_row_code(WIDE, ex.facts, True)
    frames = _bench_frames(40, 9)
    general, fast = _build(ex, row, frames[:16])
    assert fast is not None
    buf, bounds = _pack(frames)
    assert [fast(buf, s, e) for s, e in bounds] == [general(buf, s, e) for s, e in bounds]


def test_a_frame_the_general_code_refuses_is_not_traced(plans: dict[str, Extractor]) -> None:
    ex = plans["bench"]
    no_type = _dhcp([netframes.dhcp_option(12, b"host")])  # option 52 could be in sname/file
    buf, ((s, e),) = _pack([no_type])
    general = _text_row(ex).framer(ex.first[1], len(ex.facts))
    with pytest.raises(Fallback):
        general(buf, s, e)
    layer = ex.first[1]
    body = function_body(ex.source, layer.__name__)
    with pytest.raises(TraceError):
        trace(body, structs_of(ex.source), layer.__globals__, buf, start=s, end=e)


def test_a_failing_specialisation_leaves_the_general_code(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """An error inside the optimisation is not the user's problem: the scan goes on."""
    import pktscope.extract.trace as trace_module
    from pktscope.capture.records import Record
    from pktscope.capture.writer import write_pcap
    from pktscope.cli import main

    frames = _bench_frames(50, 4)
    cap = tmp_path / "b.pcap"
    write_pcap(
        cap,
        [Record(i, float(i), i, len(d), len(d), 0, 1, d, None, 0) for i, d in enumerate(frames)],
        1,
    )
    monkeypatch.setenv("PKTSCOPE_CACHE_DIR", str(tmp_path / "plans"))
    args = ["fields", str(cap), *[a for p in BENCH for a in ("-e", p)]]
    monkeypatch.setenv("PKTSCOPE_FIELDS_SPECIALISE", "0")
    assert main(args) == 0
    expected = capsys.readouterr()

    def broken(*_args: object, **_kw: object) -> None:
        raise RuntimeError("a bug in the tracer")

    monkeypatch.setattr(trace_module, "specialised", broken)
    monkeypatch.setenv("PKTSCOPE_FIELDS_SPECIALISE", "1")
    assert main(args) == 0
    assert capsys.readouterr() == expected
    assert len(expected.out.splitlines()) == 50


def test_specialisation_by_size_count_and_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    from pktscope.extract import scan

    monkeypatch.delenv("PKTSCOPE_FIELDS_SPECIALISE", raising=False)
    assert not scan._specialise(scan.SPECIALISE_MIN_BYTES - 1, None)
    assert scan._specialise(scan.SPECIALISE_MIN_BYTES, None)
    assert not scan._specialise(1 << 40, scan.SPECIALISE_MIN_FRAMES - 1)
    assert scan._specialise(1 << 40, scan.SPECIALISE_MIN_FRAMES)
    monkeypatch.setenv("PKTSCOPE_FIELDS_SPECIALISE", "0")
    assert not scan._specialise(1 << 40, None)
    monkeypatch.setenv("PKTSCOPE_FIELDS_SPECIALISE", "1")
    assert scan._specialise(10, 1)


def test_the_lazy_parse_follows_the_generated_code(plans: dict[str, Extractor]) -> None:
    """A block is parsed when the trace enters it, and parses as the whole function does."""
    ex = plans["wide"]
    layer = ex.first[1]
    whole = ast.parse(function_source(ex.source, layer.__name__)).body[0]
    assert isinstance(whole, ast.FunctionDef)

    def same(lazy: Any, real: list[ast.stmt]) -> None:
        lazy = list(lazy)
        assert len(lazy) == len(real)
        for a, b in zip(lazy, real, strict=True):
            assert type(a) is type(b)
            if isinstance(b, (ast.If, ast.While)):
                assert ast.dump(a.test) == ast.dump(b.test)
                same(a.body, b.body)
                same(a.orelse, b.orelse)
            else:
                assert ast.dump(a) == ast.dump(b)

    same(function_body(ex.source, layer.__name__), whole.body)
