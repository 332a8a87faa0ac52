"""Random bytes through every bundled spec as the first layer: only pktscope errors escape,
spans stay inside the frame, and lookups of every schema path terminate."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import pktscope
from pktscope.dissect.registry import bundled_ids, load_spec
from pktscope.errors import PktscopeError
from pktscope.fields.lookup import schema_paths

SPECS = bundled_ids()


@pytest.mark.parametrize("spec", SPECS)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(buf=st.binary(max_size=300))
def test_random_bytes(spec: str, buf: bytes) -> None:
    try:
        pkt = pktscope.decode(buf, spec)
        for f in pkt.walk():
            if f.offset is not None:
                assert f.end is not None and 0 <= f.offset <= f.end <= len(buf)
                assert bytes(f.raw) == buf[f.offset : f.end]
            assert isinstance(f.display, str)
        assert isinstance(pkt.protocols, str)
        for path in schema_paths(load_spec(spec), spec, depth=2)[:40]:
            for f in pkt.get_all(path):
                assert isinstance(f.path, str)
    except PktscopeError:
        pass
