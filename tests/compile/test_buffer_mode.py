"""Buffer mode (compile/fastpath.py): types read from the bytes with ``_pkt_read`` give the same
values, spans, stream positions and errors as their stream code, which runs on any stream that
is not a plain in-memory one (here: a buffered reader over the same bytes)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from kaitaistruct import KaitaiStream

import pktscope
from pktscope.compile.build import compile_spec
from pktscope.errors import DecodeError
from pktscope.protocols import dhcp, eth, ipv4

CAPTURES = Path(__file__).resolve().parents[2].parent / "shared" / "captures"


def _stream_mode(cls: Any, data: bytes) -> Any:
    """The official constructor on a stream that is no BytesIO: the stream code runs."""
    return cls(KaitaiStream(io.BufferedReader(io.BytesIO(data))))


def _run(fn: Any) -> tuple[Any, Any]:
    try:
        return fn(), None
    except DecodeError as exc:
        return exc.partial, (type(exc), str(exc), exc.offset, exc.field_path, exc.spec_path)


def _tree(obj: Any, depth: int = 0) -> Any:
    """Every seq field of ``obj`` (recursively) with its value and span."""
    if not hasattr(obj, "_pkt_span") or depth > 12:
        return obj
    out: list[Any] = [("@self", obj._pkt_span_self())]
    for name in type(obj).SEQ_FIELDS:
        if name not in obj.__dict__:
            continue
        value = obj.__dict__[name]
        if isinstance(value, list):
            items = [_tree(v, depth + 1) for v in value]
            spans = [obj._pkt_span(name, k) for k in range(len(value))]
            out.append((name, items, spans, obj._pkt_span(name)))
        else:
            out.append((name, _tree(value, depth + 1), obj._pkt_span(name)))
    return out


def _same_both_ways(cls: Any, data: bytes) -> None:
    fast, ferr = _run(lambda: cls.from_bytes(data))
    slow, serr = _run(lambda: _stream_mode(cls, data))
    assert ferr == serr
    assert _tree(fast) == _tree(slow)


def _frames(name: str, limit: int = 60) -> list[bytes]:
    return [bytes(r.data) for r in pktscope.open_records(CAPTURES / name)][:limit]


def test_bundled_layers_are_read_in_buffer_mode() -> None:
    for cls in (eth.Eth, eth.Eth.VlanTag, ipv4.Ipv4, dhcp.Dhcp, dhcp.Dhcp.Option):
        assert cls._pkt_read is not None, cls


@pytest.mark.parametrize("name", ["wswiki__dhcp.pcap", "wswiki__PRIV_bootp-both_overload.pcap"])
def test_dhcp_frames_same_in_both_modes(name: str) -> None:
    for frame in _frames(name):
        _same_both_ways(eth.Eth, frame)
        _same_both_ways(ipv4.Ipv4, frame[14:])
        _same_both_ways(dhcp.Dhcp, frame[42:])


_DHCP = [f[42:] for f in _frames("wswiki__dhcp.pcap", 8)]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(_DHCP), st.data())
def test_mangled_dhcp_same_in_both_modes(payload: bytes, data: st.DataObject) -> None:
    buf = bytearray(payload)
    for _ in range(data.draw(st.integers(0, 4))):
        i = data.draw(st.integers(0, len(buf) - 1))
        buf[i] = data.draw(st.sampled_from([0, 1, 2, 52, 53, 255, data.draw(st.integers(0, 255))]))
    buf = buf[: data.draw(st.integers(0, len(buf)))]
    _same_both_ways(dhcp.Dhcp, bytes(buf))


def test_lazy_stream_of_a_sized_child() -> None:
    d = dhcp.Dhcp.from_bytes(_DHCP[0])
    opt = next(o for o in d.options if isinstance(o.body, dhcp.Dhcp.MessageTypeBody))
    start = opt._pkt_span_self()[0]
    assert opt.body._pkt_span("message_type") == (start + 2, start + 3, None, None)
    assert opt.body._pkt_span_self() == (start + 2, start + 3)
    assert "_io" not in opt.body.__dict__  # spans need no stream: made on first use only
    body_io = opt.body._io
    assert body_io.size() == opt.length == 1
    assert body_io.pos() == 1  # where the body's reads ended, as on its own sub-stream
    assert opt._io is d._io  # an element in place shares its parent's stream
    assert d._io.size() == len(_DHCP[0])
    assert opt.body._pkt_span("message_type") == (start + 2, start + 3, None, None)


def test_official_constructor_on_bytesio_moves_the_stream() -> None:
    frame = _frames("wswiki__dhcp.pcap", 1)[0]
    stream = KaitaiStream(io.BytesIO(b"\xaa" * 3 + frame))
    stream.seek(3)
    e = eth.Eth(stream)
    assert stream.pos() == len(frame) + 3
    assert e._pkt_span("src") == (9, 15, None, None)


SPEC = """
meta: {id: mix, endian: be}
seq:
  - {id: n, type: u1}
  - {id: items, type: item, repeat: expr, repeat-expr: n}
  - {id: name, type: strz, encoding: ASCII}
  - {id: sized, size: 2, type: named}
types:
  item:
    seq:
      - {id: a, type: u2}
      - {id: b, size: a}
  named:
    seq:
      - {id: s, type: strz, encoding: ASCII}
"""


def test_stream_code_kept_for_what_buffers_do_not_read() -> None:
    mod = compile_spec(SPEC)
    assert mod.Mix.Item._pkt_read is not None
    assert mod.Mix._pkt_read is None  # strz: stream code only
    assert mod.Mix.Named._pkt_read is None
    data = bytes.fromhex("02 0001 aa 0000 6869 00 6100")
    obj = mod.Mix.from_bytes(data)
    assert [i.b for i in obj.items] == [b"\xaa", b""]
    assert obj.name == "hi" and obj.sized.s == "a"
    _same_both_ways(mod.Mix, data)
    _same_both_ways(mod.Mix, data[:5])


@pytest.mark.parametrize("cut", range(14))
def test_truncation_errors_same_in_both_modes(cut: int) -> None:
    mod = compile_spec(SPEC.replace("strz", "str, size: 1"))
    assert mod.Mix._pkt_read is not None
    _same_both_ways(mod.Mix, bytes.fromhex("02 0001 aa 0000 6869 00 6100")[:cut])
