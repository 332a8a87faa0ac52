"""Record: a frozen, slotted dataclass whose fast __init__ behaves like the generated one."""

from __future__ import annotations

import copy
import dataclasses
import pickle

import pytest

from pktscope.capture.records import Record, format_epoch

ARGS = (7, 1.5, 1_500_000_001, 3, 60, 2, 1, b"abc", "hello", 40)


def test_positional_and_keyword_construction_agree() -> None:
    names = [f.name for f in dataclasses.fields(Record)]
    assert Record(*ARGS) == Record(**dict(zip(names, ARGS, strict=True)))
    assert Record(*ARGS).len == 60 and Record(*ARGS).comment == "hello"


def test_frozen_and_slotted() -> None:
    rec = Record(*ARGS)
    with pytest.raises(dataclasses.FrozenInstanceError):
        rec.number = 8  # type: ignore[misc]
    assert not hasattr(rec, "__dict__")
    with pytest.raises(TypeError):
        Record(*ARGS[:-1])  # type: ignore[call-arg]


def test_copies_and_pickles() -> None:
    rec = Record(*ARGS)
    assert pickle.loads(pickle.dumps(rec)) == rec
    assert copy.deepcopy(rec) == rec
    assert dataclasses.replace(rec, comment=None).comment is None
    assert dataclasses.asdict(rec)["data"] == b"abc"


@pytest.mark.parametrize(
    ("ns", "text"),
    [(0, "0.000000000"), (1_500_000_001, "1.500000001"), (-1, "-0.000000001"),
     (1_699_950_000_123_456_789, "1699950000.123456789")],
)  # fmt: skip
def test_format_epoch(ns: int, text: str) -> None:
    assert format_epoch(ns) == text


def test_truncated_flag() -> None:
    assert Record(*ARGS).truncated
    assert not dataclasses.replace(Record(*ARGS), len=3).truncated
