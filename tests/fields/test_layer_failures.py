"""The chain's inline decode keeps a failing layer exactly as ``decode_layer`` does.

A layer with a payload rule is decoded inline by the chain (``failed_root`` on an exception);
a last layer is decoded on first use through ``Layer._decode``. Both must leave the same root,
error class, message, offset and path, and only pktscope errors may come out.
"""

from __future__ import annotations

from typing import Any, ClassVar

import pytest
from fields_standins import Struct

from pktscope.dissect.chain import decode
from pktscope.errors import DecodeError, TruncatedError
from pktscope.fields.layer import decode_layer


class _Partial(Struct):
    FIELDS: ClassVar[list[tuple[str, str, Any, dict[str, Any]]]] = [("a", "int", ">H", {})]


def _raiser(exc: Exception, *, payload: bool) -> type:
    class Failing(Struct):
        FIELDS: ClassVar[list[tuple[str, str, Any, dict[str, Any]]]] = [
            ("a", "int", ">H", {}),
            ("body", "bytes", None, {}),
        ]
        _PKT_HINTS: ClassVar[dict[str, Any]] = (
            {"layer": "failing", "payload": {"field": "body", "default": "raw"}}
            if payload
            else {"layer": "failing"}
        )

        @classmethod
        def from_bytes(cls, buf: bytes) -> Struct:
            raise exc

    return Failing


def _cases() -> list[tuple[str, Exception]]:
    partial = _Partial(b"\x00\x07")
    partial._read()
    trunc = TruncatedError("need 4 bytes, 1 available", offset=2, field_path="a")
    trunc.partial = partial
    plain = DecodeError("bad value", offset=1, field_path="a")
    return [
        ("truncated", trunc),
        ("decode", plain),
        ("recursion", RecursionError("maximum recursion depth exceeded")),
        ("foreign", ZeroDivisionError("division by zero")),
        ("eof", EOFError("short read")),
    ]


EXPECTED = {
    "truncated": ("TruncatedError", "failing.a @ 0x0002: need 4 bytes, 1 available"),
    "decode": ("DecodeError", "failing.a @ 0x0001: bad value"),
    "recursion": (
        "DecodeError",
        "failing @ 0x0000: recursion too deep: maximum recursion depth exceeded",
    ),
    "foreign": ("DecodeError", "failing @ 0x0000: ZeroDivisionError: division by zero"),
    "eof": ("TruncatedError", "failing @ 0x0000: EOFError: short read"),
}


@pytest.mark.parametrize(("label", "exc"), _cases(), ids=[c[0] for c in _cases()])
@pytest.mark.parametrize("payload", [True, False], ids=["inline", "lazy"])
def test_failing_layer_same_as_decode_layer(label: str, exc: Exception, payload: bool) -> None:
    cls = _raiser(exc, payload=payload)
    pkt = decode(b"\x00\x07abcdef", spec=cls)
    layers = pkt.layers
    assert len(layers) == 1  # a failed layer with no payload span ends the chain
    got = layers[0]
    want = decode_layer("failing", cls, b"\x00\x07abcdef", 0)
    assert got.decoded == payload  # inline when it has a payload rule, else on first use
    assert got.root is want.root
    assert type(got.error) is type(want.error)
    assert isinstance(got.error, DecodeError)
    assert str(got.error) == str(want.error)
    assert (got.error.offset, got.error.field_path) == (want.error.offset, want.error.field_path)
    assert got.error.field_path is not None and got.error.field_path.startswith("failing")
    assert pkt.malformed == (label not in {"truncated", "eof"} or not got.truncated)
    assert [str(e) for e in pkt.errors] == [str(want.error)]
    assert (type(got.error).__name__, str(got.error)) == EXPECTED[label]
    shifted = decode_layer("failing", cls, b"\x00\x07abcdef", 14).error
    assert shifted is not None and got.error.offset is not None
    assert shifted.offset == got.error.offset + 14
    if label == "truncated":
        assert got.root is exc.partial  # type: ignore[attr-defined]
        assert pkt["failing.a"].value == 7
    if label == "eof":
        assert isinstance(got.error, TruncatedError)
