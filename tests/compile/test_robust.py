"""Hostile bytes: generated parsers raise only pktscope errors and never loop forever."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pktscope.compile.build import compile_spec
from pktscope.errors import DecodeError

FORMATS = Path(__file__).resolve().parents[2].parent / "shared" / "kaitai" / "formats"
_mods: dict[str, Any] = {}


def _eth() -> Any:
    if "eth" not in _mods:
        _mods["eth"] = compile_spec(
            FORMATS / "network" / "ethernet_frame.ksy", import_paths=[FORMATS]
        )
    return _mods["eth"].EthernetFrame


@settings(max_examples=300, deadline=None)
@given(
    data=st.binary(max_size=120),
    prefix=st.sampled_from([b"", bytes(12) + b"\x08\x00\x45", bytes(12) + b"\x86\xdd\x60"]),
)
def test_random_frames_raise_only_decode_errors(data: bytes, prefix: bytes) -> None:
    cls = _eth()
    try:
        frame = cls.from_bytes(prefix + data)
    except DecodeError as exc:
        assert exc.partial is not None
        assert exc.offset is None or 0 <= exc.offset <= len(prefix + data)
        return
    assert frame._pkt_span_self() == (0, len(prefix + data))


def test_zero_size_repeat_eos_stops() -> None:
    mod = compile_spec(
        "meta: {id: z}\nseq:\n  - {id: items, type: empty, repeat: eos}\n"
        "types:\n  empty:\n    seq: []\n"
    )
    with pytest.raises(DecodeError) as info:
        mod.Z.from_bytes(b"\x01")
    assert "consumed no bytes" in str(info.value)
    assert info.value.field_path.startswith("items")


def test_fetch_instances_evaluates_all() -> None:
    mod = compile_spec(
        "meta: {id: fi}\nseq:\n  - {id: a, type: sub}\n"
        "types:\n  sub:\n    seq:\n      - {id: x, type: u1}\n"
        "    instances:\n      at1: {pos: 1, type: u1}\n"
    )
    obj = mod.Fi.from_bytes(b"\x01\x02")
    assert obj.a._pkt_span("at1") is None
    obj._fetch_instances()
    assert obj.a._pkt_span("at1") == (1, 2, None, None)
