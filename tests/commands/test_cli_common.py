"""Shared CLI plumbing: the error row with a caret, colour choice, path checks, progress."""

from __future__ import annotations

import argparse
import io
from pathlib import Path

import pytest

from pktscope.commands._common import (
    UsageError,
    check_paths,
    decode_error_text,
    error_row,
    progress,
    use_color,
)
from pktscope.errors import TruncatedError


@pytest.mark.parametrize(
    ("data", "offset", "row", "caret"),
    [
        (
            bytes(range(32)),
            0,
            "00000000: 00 01 02 03 04 05 06 07  08 09 0A 0B 0C 0D 0E 0F  ................",
            10,
        ),
        (
            bytes(range(32)),
            8,
            "00000000: 00 01 02 03 04 05 06 07  08 09 0A 0B 0C 0D 0E 0F  ................",
            35,
        ),
        (
            bytes(range(32)),
            31,
            "00000010: 10 11 12 13 14 15 16 17  18 19 1A 1B 1C 1D 1E 1F  ................",
            10 + 3 * 15 + 1,
        ),
        # past the end (a truncation): the last row, caret just after its last byte
        (bytes.fromhex("4142"), 5, "00000000: 41 42" + " " * 45 + "AB", 16),
    ],
)
def test_error_row(data: bytes, offset: int, row: str, caret: int) -> None:
    line, mark = error_row(data, offset).split("\n")
    assert line == row
    assert mark == " " * caret + "^"


def test_decode_error_text() -> None:
    err = TruncatedError("need 4 bytes, 1 available", offset=0x11, field_path="udp.length")
    assert decode_error_text(err, bytes(range(18))) == (
        "decode error: udp.length @ 0x0011: need 4 bytes, 1 available\n"
        "00000010: 10 11" + " " * 45 + "..\n" + " " * 13 + "^"
    )
    assert decode_error_text(err, None) == (
        "decode error: udp.length @ 0x0011: need 4 bytes, 1 available"
    )


def test_use_color(monkeypatch: pytest.MonkeyPatch) -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    ns = argparse.Namespace
    assert use_color(ns(color=True), io.StringIO()) is True
    assert use_color(ns(color=False), Tty()) is False
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert use_color(ns(color=None), Tty()) is True
    assert use_color(ns(color=None), io.StringIO()) is False
    monkeypatch.setenv("NO_COLOR", "1")
    assert use_color(ns(color=None), Tty()) is False


@pytest.mark.parametrize(
    "paths",
    [
        ["dhcp.chaddr"],
        ["dhcp.options[2].code"],
        ["dns.queries.name", "frame.protocols"],
        ["eth.vlan[0].id"],
        ["myproto.x"],
    ],
)
def test_check_paths_accepts(paths: list[str], tmp_path: Path) -> None:
    spec = tmp_path / "myproto.ksy"
    spec.write_text("meta: {id: myproto}\nseq:\n  - {id: x, type: u1}\n")
    check_paths(paths, {"myproto": str(spec)})


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("dhcp.chadr", "did you mean: dhcp.chaddr"),
        ("frame.numbr", "did you mean: frame.number"),
        ("dhcpp.xid", "no protocol 'dhcpp'; did you mean: dhcp"),
        ("dhcp..xid", "bad field path"),
    ],
)
def test_check_paths_rejects(path: str, message: str) -> None:
    with pytest.raises(UsageError, match=message.replace("(", r"\(").replace(".", r"\.")):
        check_paths([path])


def test_progress_is_transparent_off_terminal() -> None:
    assert list(progress(range(50_000), total=50_000, label="x")) == list(range(50_000))
    assert list(progress(iter("abc"), total=None, label="x")) == ["a", "b", "c"]
