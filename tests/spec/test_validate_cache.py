"""Validation reuses a spec file's clean check only where it cannot differ: the same text, in a
universe holding the same specs it was checked among, with no name it looked up in vain."""

from __future__ import annotations

import os
from pathlib import Path

from pktscope.spec import cache
from pktscope.spec.validate import check_spec


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _messages(path: Path) -> list[tuple[str, str, int, int]]:
    return [(Path(e.file or "").name, e.spec_path, e.line, e.col) for e in check_spec(path)]


def test_clean_alone_but_not_among_more_specs(tmp_path: Path) -> None:
    # `foo` is an opaque type for k alone; where x also imports a spec `foo`, it is that spec,
    # which takes no argument: k's clean check alone must not be reused inside x
    k = _write(
        tmp_path / "k.ksy",
        "meta:\n  id: k\n  ks-opaque-types: true\nseq:\n  - id: a\n    type: foo(1)\n",
    )
    _write(tmp_path / "foo.ksy", "meta:\n  id: foo\nseq:\n  - id: b\n    type: u1\n")
    x = _write(
        tmp_path / "x.ksy",
        "meta:\n  id: x\n  imports: [k, foo]\nseq:\n  - id: c\n    type: k\n",
    )
    for _ in range(2):
        assert _messages(k) == []
        assert _messages(x) == [("k.ksy", "/seq/0/type", 6, 5)]


def test_importer_rechecked_when_its_import_changes(tmp_path: Path) -> None:
    sub = _write(tmp_path / "sub.ksy", "meta:\n  id: sub\nseq:\n  - id: x\n    type: u1\n")
    user = _write(
        tmp_path / "user.ksy",
        "meta:\n  id: user\n  imports: [sub]\nseq:\n  - id: s\n    type: sub\n"
        "instances:\n  v:\n    value: s.x + 1\n",
    )
    top = _write(
        tmp_path / "top.ksy",
        "meta:\n  id: top\n  imports: [user]\nseq:\n  - id: u\n    type: user\n",
    )
    assert _messages(user) == []
    assert _messages(top) == []  # user's clean check is reused here
    st = sub.stat()
    sub.write_text("meta:\n  id: sub\nseq:\n  - id: y\n    type: u1\n", encoding="utf-8")
    os.utime(sub, ns=(st.st_atime_ns, st.st_mtime_ns))
    # user.ksy did not change, but what it refers to did
    assert _messages(top) == [("user.ksy", "/instances/v/value", 9, 12)]
    assert _messages(user) == [("user.ksy", "/instances/v/value", 9, 12)]


def test_reuse_gives_the_same_answer_as_a_cold_cache(tmp_path: Path) -> None:
    formats = Path(__file__).resolve().parents[2].parent / "shared" / "kaitai" / "formats"
    specs = sorted((formats / "network").glob("*.ksy"))
    warm = [check_spec(p, import_paths=[formats]) for p in specs]
    cold = []
    for p in specs:
        cache.clear()
        cold.append(check_spec(p, import_paths=[formats]))
    assert [[str(e) for e in errs] for errs in warm] == [[str(e) for e in errs] for errs in cold]
