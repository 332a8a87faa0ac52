"""Buffer-mode code is generated once, in the dry run, and replayed into the module: replaying
must give exactly what generating again gives (text, module-level names and their numbering,
imports, reader state), which ``VERIFY_REPLAY`` checks by doing both."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from pktscope.compile import python as py
from pktscope.compile import replay
from pktscope.compile.build import compile_spec
from pktscope.errors import CompileError, SpecError

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "kaitai"
FORMATS = SHARED / "formats"
KST_FORMATS = SHARED / "tests" / "formats"
BUNDLED = Path(__file__).resolve().parents[2] / "specs"

CASES = [
    *((p, FORMATS) for p in sorted((FORMATS / "network").glob("*.ksy"))),
    *((p, FORMATS) for p in sorted(FORMATS.rglob("*.ksy"))[::9]),
    *((p, KST_FORMATS) for p in sorted(KST_FORMATS.glob("*.ksy"))[::4]),
    *((p, BUNDLED) for p in sorted(BUNDLED.glob("*.ksy"))),
]


@pytest.mark.parametrize(("spec", "imports"), CASES, ids=lambda x: getattr(x, "stem", ""))
def test_replay_equals_generation(
    spec: Path, imports: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(replay, "VERIFY_REPLAY", True)
    try:
        compile_spec(spec, import_paths=[imports])
    except CompileError as exc:
        assert "replay" not in str(exc)
    except SpecError:
        pass  # specs the compiler rejects have no buffer code to compare


def test_verification_catches_a_difference(monkeypatch: pytest.MonkeyPatch) -> None:
    """A recording that no longer matches what generation gives is reported, not emitted."""
    monkeypatch.setattr(replay, "VERIFY_REPLAY", True)
    real = py.ModuleGen.dry_run

    def tampered(self: py.ModuleGen, em: Any, t: Any) -> str | None:
        bad = real(self, em, t)
        rec = self.recorded.get(id(t))
        if rec is not None:
            rec.lines.append("_p += 1")
        return bad

    monkeypatch.setattr(py.ModuleGen, "dry_run", tampered)
    with pytest.raises(CompileError, match="replay differs"):
        compile_spec("meta: {id: tiny, endian: le}\nseq: [{id: a, type: u2}, {id: b, type: u1}]")


def test_replayed_names_continue_the_module_numbering() -> None:
    """Two types using different struct formats: the second type's replayed ``_S`` name
    follows the first's, as a fresh generation numbers them."""
    mod = compile_spec(
        "meta: {id: two, endian: le}\nseq: [{id: a, type: inner}, {id: b, type: u4}]\n"
        "types:\n  inner:\n    seq: [{id: x, type: u2}, {id: y, type: u2}]\n"
    )
    obj = mod.Two.from_bytes(bytes(range(8)))
    assert (obj.a.x, obj.a.y, obj.b) == (0x0100, 0x0302, 0x07060504)
