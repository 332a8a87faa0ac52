"""A fixed run (neighbouring fixed-size fields read with one ``struct`` unpack) that fails part
way: what stays decoded, and where the error points. Found by driving a user spec on cut and
invalid packets: a cut run lost its enum names, a failed check pointed at the run's end, and
fields after the failed one stayed in the partial result."""

from __future__ import annotations

import pytest

from pktscope import compile_spec, errors

SPEC = """
meta: {id: runs, endian: be}
seq:
  - {id: magic, contents: [0x4d, 0x50]}
  - {id: kind, type: u1, enum: kind}
  - {id: level, type: u1, valid: {max: 5}}
  - {id: seq_no, type: u2}
enums:
  kind: {1: hello, 2: data}
"""


@pytest.fixture(scope="module")
def runs() -> type:
    mod = compile_spec(SPEC)
    assert mod.Runs._PKT_RUNS["seq_no"][0] == mod.Runs._PKT_RUNS["magic"][0]  # one run
    return mod.Runs


def _fail(cls: type, data: bytes) -> errors.DecodeError:
    with pytest.raises(errors.DecodeError) as info:
        cls.from_bytes(data)
    return info.value


def test_cut_run_keeps_enum_names(runs: type) -> None:
    err = _fail(runs, b"MP\x02\x01")
    assert isinstance(err, errors.TruncatedError)
    assert str(err) == "seq_no @ 0x0004: need 2 bytes, 0 available"
    kind = err.partial.kind
    assert kind is runs.Kind.data
    assert err.partial.magic == b"MP"  # contents: checked before it is kept
    # `valid` is not evaluated on a cut run: level is left out rather than kept unchecked
    assert not hasattr(err.partial, "level")
    assert not hasattr(err.partial, "seq_no")


def test_cut_run_keeps_no_unchecked_value(runs: type) -> None:
    # The run is cut before its checks ran: magic "XY" must not appear as decoded.
    err = _fail(runs, b"XY\x02")
    assert isinstance(err, errors.TruncatedError)
    assert not hasattr(err.partial, "magic")


def test_failed_check_names_its_own_offset(runs: type) -> None:
    err = _fail(runs, b"MP\x01\x09\x00\x07")
    assert isinstance(err, errors.ValidationGreaterThanError)
    assert err.offset == 3
    assert str(err) == "level @ 0x0003: validation failed: 9 is more than the maximum 5"
    assert err.partial.kind is runs.Kind.hello
    assert err.partial.level == 9  # the failing value itself stays, as kaitaistruct keeps it
    assert not hasattr(err.partial, "seq_no")  # read with the run, but after the failure


def test_contents_mismatch_message(runs: type) -> None:
    err = _fail(runs, b"XY\x01\x01\x00\x07")
    assert isinstance(err, errors.ValidationNotEqualError)
    assert str(err) == 'magic @ 0x0000: validation failed: expected 4d50 ("MP"), got 5859 ("XY")'
    assert not hasattr(err.partial, "kind")


def test_valid_data_unchanged(runs: type) -> None:
    obj = runs.from_bytes(b"MP\x02\x05\x00\x07")
    assert (obj.magic, obj.kind, obj.level, obj.seq_no) == (b"MP", runs.Kind.data, 5, 7)
    assert obj._pkt_span("level")[:2] == (3, 4)
