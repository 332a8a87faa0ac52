"""A spec path that cannot be read: a clear, located error from ``check``, ``compile`` and
``compile_spec``, never a traceback or the path read as YAML text."""

from __future__ import annotations

from pathlib import Path

import pytest

from pktscope import compile_spec
from pktscope.cli import main
from pktscope.errors import SpecError
from pktscope.spec.load import looks_like_path

LATIN1 = b"meta:\n  id: x\nseq:\n  - id: a\n    type: u1\n    doc: caf\xe9\n"


@pytest.fixture
def latin1(tmp_path: Path) -> Path:
    path = tmp_path / "latin1.ksy"
    path.write_bytes(LATIN1)
    return path


def test_not_utf8_is_a_located_spec_error(latin1: Path) -> None:
    with pytest.raises(SpecError) as info:
        compile_spec(latin1)
    err = info.value
    assert (err.file, err.line, err.col) == (str(latin1), 6, 13)
    assert "not UTF-8 text: byte 0xe9" in str(err)


@pytest.mark.parametrize("command", ["check", "compile"])
def test_cli_reports_unreadable_specs(
    command: str, latin1: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    extra = ["-o", str(tmp_path / "out")] if command == "compile" else []
    for arg, message in [
        (str(latin1), f"{latin1}:6:13: not UTF-8 text: byte 0xe9 cannot be decoded"),
        (str(tmp_path / "missing"), "missing: cannot read spec: No such file or directory"),
        (str(tmp_path), f"{tmp_path}: cannot read spec: Is a directory"),
    ]:
        assert main([command, arg, *extra]) != 0
        out = capsys.readouterr()
        assert message in out.out + out.err
        assert "Traceback" not in out.err and "expected map" not in out.out + out.err


def test_path_or_text() -> None:
    assert looks_like_path(Path("x"))
    assert looks_like_path("specs/myproto.ks")  # one line without ':' cannot be a spec
    assert looks_like_path("x.ksy")
    assert not looks_like_path("meta: {id: x}")
    assert not looks_like_path("meta:\n  id: x\n")
