"""Buffer mode across specs: a type imported from another spec is read from the parent's
buffer when its class has buffer code (sized or in place), and through a stream otherwise;
either way values, spans, errors and stream positions match the stream code."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from kaitaistruct import KaitaiStream

import pktscope
from pktscope.compile.build import compile_spec
from pktscope.errors import DecodeError

ROOT = Path(__file__).resolve().parents[2].parent / "shared"
FORMATS = ROOT / "kaitai" / "formats"
CAPTURES = ROOT / "captures"


def _stream_mode(cls: Any, data: bytes) -> Any:
    return cls(KaitaiStream(io.BufferedReader(io.BytesIO(data))))


def _run(fn: Any) -> tuple[Any, Any]:
    try:
        return fn(), None
    except DecodeError as exc:
        return exc.partial, (type(exc), str(exc), exc.offset, exc.field_path, exc.spec_path)


def _tree(obj: Any, depth: int = 0) -> Any:
    if not hasattr(obj, "_pkt_span") or depth > 12:
        return obj
    out: list[Any] = [("@self", obj._pkt_span_self(), type(obj).__name__)]
    for name in type(obj).SEQ_FIELDS:
        if name not in obj.__dict__:
            continue
        value = obj.__dict__[name]
        if isinstance(value, list):
            items = [_tree(v, depth + 1) for v in value]
            out.append((name, items, obj._pkt_span(name)))
        else:
            out.append((name, _tree(value, depth + 1), obj._pkt_span(name)))
    return out


def _same_both_ways(cls: Any, data: bytes) -> Any:
    fast, ferr = _run(lambda: cls.from_bytes(data))
    slow, serr = _run(lambda: _stream_mode(cls, data))
    assert ferr == serr
    assert _tree(fast) == _tree(slow)
    return fast


@pytest.fixture(scope="module")
def eth() -> Any:
    mod = compile_spec(FORMATS / "network" / "ethernet_frame.ksy", import_paths=[FORMATS])
    return mod.EthernetFrame


def _frames() -> list[bytes]:
    recs = pktscope.open_records(CAPTURES / "wswiki__dhcp.pcap")
    return [bytes(r.data) for r in recs][:20]


def test_imported_chain_read_from_one_buffer(eth: Any) -> None:
    frame = _frames()[0]
    e = eth.from_bytes(frame)
    ip, pb, udp = e.body, e.body.body, e.body.body.body
    for obj in (e, ip, pb, udp):
        assert type(obj)._pkt_read is not None
        assert "_io" not in obj.__dict__  # no stream made for any layer
    # the official target gives types of another spec no parent and themselves as root
    assert ip._parent is None and ip._root is ip
    assert pb._parent is None and pb._root is pb and pb.protocol_num == 17
    assert udp._parent is None and udp._root is udp
    assert udp._pkt_span("dst_port") == (36, 38, None, None)
    assert udp._pkt_span_self() == (34, 34 + udp.length)
    assert pb._io is udp._io  # read in place: one stream, made on first use
    assert pb._io.size() == ip.total_length - ip.ihl_bytes
    assert udp._io.pos() == udp.length


def test_imported_chain_same_in_both_modes(eth: Any) -> None:
    for frame in _frames():
        e = _same_both_ways(eth, frame)
        assert e.body.body.body.dst_port in (67, 68)


@pytest.mark.parametrize("cut", [0, 13, 20, 33, 36, 41, 60, 200])
def test_imported_chain_truncation_same_in_both_modes(eth: Any, cut: int) -> None:
    _same_both_ways(eth, _frames()[0][:cut])


OUTER = """
meta: {id: outer, endian: be, imports: [inner]}
seq:
  - {id: n, type: u1}
  - {id: sized, size: n, type: inner}
  - {id: here, type: inner}
  - {id: tail, type: u1}
"""

INNER_STREAM = """
meta: {id: inner}
seq:
  - {id: s, type: strz, encoding: ASCII}
"""

INNER_BUFFER = """
meta: {id: inner}
seq:
  - {id: k, type: u1}
  - {id: s, size: k}
"""


@pytest.mark.parametrize(
    ("inner", "data"),
    [
        (INNER_STREAM, b"\x03ab\x00cd\x00\x07"),
        (INNER_BUFFER, b"\x03\x02ab\x02cd\x07"),
    ],
)
def test_imported_type_in_either_mode(tmp_path: Path, inner: str, data: bytes) -> None:
    (tmp_path / "outer.ksy").write_text(OUTER)
    (tmp_path / "inner.ksy").write_text(inner)
    mod = compile_spec(tmp_path / "outer.ksy", import_paths=[tmp_path])
    cls = mod.Outer
    assert cls._pkt_read is not None
    obj = _same_both_ways(cls, data)
    assert (type(obj.here)._pkt_read is None) == (inner is INNER_STREAM)
    assert obj.sized._parent is None and obj.here._root is obj.here
    assert obj.tail == 7
    assert obj._pkt_span("tail") == (7, 8, None, None)
    assert obj.here._pkt_span_self() == (4, 7)
    for cut in range(len(data)):
        _same_both_ways(cls, data[:cut])
    # the official constructor on an in-memory stream leaves it where the reads ended
    stream = KaitaiStream(io.BytesIO(b"\xee" + data + b"\xee"))
    stream.seek(1)
    assert cls(stream).tail == 7
    assert stream.pos() == len(data) + 1
    # a stream made after the reads stands at their end, even when the imported type in
    # place was read on it
    lazy = cls.from_bytes(data)
    assert lazy._io.pos() == len(data)
