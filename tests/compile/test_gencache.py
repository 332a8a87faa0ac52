"""A module generated for a spec is reused by a later compile only where the universe answers
every question its generation asked the same way; otherwise it is generated again."""

from __future__ import annotations

import linecache
from pathlib import Path
from typing import Any

import pytest

from pktscope.compile import gencache
from pktscope.compile import python as py
from pktscope.compile.build import compile_spec

FORMATS = Path(__file__).resolve().parents[2].parent / "shared" / "kaitai" / "formats"

SUB = """meta:
  id: sub
seq:
  - id: x
    type: u1
  - id: t
    type: t
types:
  t:
    seq:
      - id: y
        type: u1
    instances:
      up:
        value: _parent.x + y
"""
# uses sub as sub uses itself: the parent of sub::t stays sub's root type
USER_A = "meta:\n  id: a\n  imports: [sub]\nseq:\n  - id: s\n    type: sub\n"
# also uses sub::t directly: sub::t then has two users, so no single parent type
USER_B = (
    "meta:\n  id: b\n  imports: [sub]\nseq:\n  - id: s\n    type: sub\n"
    "  - id: x\n    type: u1\n  - id: t2\n    type: sub::t\n"
)


@pytest.fixture
def generated(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    made: list[str] = []
    real = py.ModuleGen.generate

    def counting(self: py.ModuleGen) -> Any:
        made.append(self.spec.id)
        return real(self)

    monkeypatch.setattr(py.ModuleGen, "generate", counting)
    return made


def _sources(mod: Any) -> dict[str, str]:
    return {k: "".join(linecache.getlines(v.__file__)) for k, v in mod._pkt_modules.items()}


def test_import_reused_where_answers_match(tmp_path: Path, generated: list[str]) -> None:
    (tmp_path / "sub.ksy").write_text(SUB, encoding="utf-8")
    (tmp_path / "a.ksy").write_text(USER_A, encoding="utf-8")
    alone = compile_spec(tmp_path / "sub.ksy")
    assert alone.Sub.from_bytes(b"\x05\x07").t.up == 12
    user = compile_spec(tmp_path / "a.ksy")
    assert generated == ["sub", "a"]  # sub's module came from the first compile
    assert user.A.from_bytes(b"\x05\x07").s.t.up == 12
    assert user._pkt_modules["sub"] is not alone  # a module of its own, the same text
    assert _sources(user)["sub"] == _sources(alone)["sub"]


def test_generated_again_where_an_answer_differs(tmp_path: Path, generated: list[str]) -> None:
    (tmp_path / "sub.ksy").write_text(SUB, encoding="utf-8")
    (tmp_path / "b.ksy").write_text(USER_B, encoding="utf-8")
    compile_spec(tmp_path / "sub.ksy")
    compile_spec(tmp_path / "b.ksy")
    assert generated == ["sub", "b", "sub"]  # parent_type(sub::t) is not sub any more


def test_warm_and_cold_generation_agree() -> None:
    specs = sorted((FORMATS / "network").glob("*.ksy"))
    if not specs:
        pytest.skip("no Kaitai formats")
    warm = [_sources(compile_spec(p, import_paths=[FORMATS])) for p in specs]
    cold = []
    for p in specs:
        gencache.clear()
        cold.append(_sources(compile_spec(p, import_paths=[FORMATS])))
    assert warm == cold
