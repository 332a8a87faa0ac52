"""The per-process caches behind compile_spec (checked spec files, parsed expressions, byte-code
of generated sources) never serve stale or shared state: an edited file is seen by the next
compile in the same process, and two compiles of one spec give equal, independent modules."""

from __future__ import annotations

import linecache
import os
import traceback
from pathlib import Path

import pytest

from pktscope.compile import codecache
from pktscope.compile.build import compile_spec
from pktscope.errors import SpecErrors
from pktscope.spec import cache
from pktscope.spec.validate import check_spec

FORMATS = Path(__file__).resolve().parents[2].parent / "shared" / "kaitai" / "formats"

MAIN = """meta:
  id: main
  imports: [sub]
seq:
  - id: head
    type: u1
  - type: u1
  - id: body
    type: sub
"""
SUB = """meta:
  id: sub
seq:
  - id: x
    type: u1
"""


def _write_same_stat(path: Path, text: str) -> None:
    """Replace the file's text keeping its size and mtime, as a fast editor save might."""
    st = path.stat()
    assert len(text.encode()) == st.st_size
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))


def test_edited_import_is_seen_in_the_same_process(tmp_path: Path) -> None:
    main, sub = tmp_path / "main.ksy", tmp_path / "sub.ksy"
    main.write_text(MAIN, encoding="utf-8")
    sub.write_text(SUB, encoding="utf-8")
    first = compile_spec(main).Main.from_bytes(b"\x01\x02\x03\x04")
    assert first.body.x == 3
    # u1 -> s1 (same size and mtime): the next compile must read the new text
    _write_same_stat(sub, SUB.replace("type: u1", "type: s1"))
    second = compile_spec(main).Main.from_bytes(b"\x01\x02\xfe")
    assert second.body.x == -2
    # now invalid: the error is reported (located in the import), not served from the cache
    _write_same_stat(sub, SUB.replace("type: u1", "type: zz"))
    with pytest.raises(SpecErrors) as info:
        compile_spec(main)
    assert any(e.file == str(sub) and e.spec_path == "/seq/0/type" for e in info.value.errors)
    # and valid again
    _write_same_stat(sub, SUB)
    assert compile_spec(main).Main.from_bytes(b"\x01\x02\x03").body.x == 3


def test_edited_main_spec_is_seen_by_check_spec(tmp_path: Path) -> None:
    path = tmp_path / "one.ksy"
    good = "meta: {id: one}\nseq: [{id: a, type: u1}]\n"
    path.write_text(good, encoding="utf-8")
    assert check_spec(path) == []
    _write_same_stat(path, good.replace("id: a,", "id: A,"))
    assert [e.spec_path for e in check_spec(path)] == ["/seq/0/id"]
    _write_same_stat(path, good)
    assert check_spec(path) == []


def test_two_compiles_are_equal_and_independent(tmp_path: Path) -> None:
    main, sub = tmp_path / "main.ksy", tmp_path / "sub.ksy"
    main.write_text(MAIN, encoding="utf-8")
    sub.write_text(SUB, encoding="utf-8")
    one, two = compile_spec(main), compile_spec(main)
    assert one is not two
    assert one.Main is not two.Main
    a, b = one.Main.from_bytes(b"\x01\x02\x03"), two.Main.from_bytes(b"\x01\x02\x03")
    assert (a.head, a._unnamed1, a.body.x) == (b.head, b._unnamed1, b.body.x) == (1, 2, 3)
    assert type(a.body) is not type(b.body)  # each compile has its own imported module
    # the generated text is the same, and so is its byte-code (compiled once)
    assert linecache.getlines(one.__file__) == linecache.getlines(two.__file__)
    # changing one module leaves the other alone
    one.Main.from_bytes = None
    assert two.Main.from_bytes(b"\x05\x06\x07").head == 5
    # the unnamed field was named by the generator without touching the shared model
    entry = cache.lookup(str(main), main.read_text(encoding="utf-8"))
    assert entry is not None and entry.model().root.seq[1].id is None
    assert check_spec(main) == []


def test_same_bad_spec_fails_the_same_way_twice(tmp_path: Path) -> None:
    path = tmp_path / "bad.ksy"
    path.write_text("meta: {id: bad}\nseq:\n  - id: a\n    type: u1\n    if: a +\n", "utf-8")
    messages = []
    for _ in range(2):
        with pytest.raises(SpecErrors) as info:
            compile_spec(path)
        messages.append([(str(e), e.line, e.col) for e in info.value.errors])
    assert messages[0] == messages[1]
    assert messages[0][0][1:] == (5, 12)


def test_public_format_compiles_alike_from_a_cold_and_a_warm_cache() -> None:
    spec = FORMATS / "network" / "ethernet_frame.ksy"
    if not spec.exists():
        pytest.skip("no Kaitai formats")
    cache.clear()
    cold = compile_spec(spec, import_paths=[FORMATS])
    warm = compile_spec(spec, import_paths=[FORMATS])
    for mod_c, mod_w in zip(cold._pkt_modules.values(), warm._pkt_modules.values(), strict=True):
        assert mod_c.__name__ == mod_w.__name__
        assert linecache.getlines(mod_c.__file__) == linecache.getlines(mod_w.__file__)
    frame = (
        bytes(12)
        + b"\x08\x00"
        + bytes.fromhex("4500001c000000004011000001020304050607080035003500080000")
    )
    c, w = cold.EthernetFrame.from_bytes(frame), warm.EthernetFrame.from_bytes(frame)
    assert c.body.body.body.dst_port == w.body.body.body.dst_port == 53


def test_cache_is_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "MAX_FILES", 2)
    for i in range(4):
        p = tmp_path / f"s{i}.ksy"
        p.write_text(f"meta: {{id: s{i}}}\nseq: [{{id: a, type: u1}}]\n", encoding="utf-8")
        assert compile_spec(p).__dict__[f"S{i}"].from_bytes(bytes([i])).a == i
    assert cache.lookup(str(tmp_path / "s0.ksy"), (tmp_path / "s0.ksy").read_text()) is None
    assert cache.lookup(str(tmp_path / "s3.ksy"), (tmp_path / "s3.ksy").read_text()) is not None


def test_code_cache_keys_on_the_whole_text() -> None:
    code1, name1 = codecache.compile_source("x = 1\n", "<pktscope:t:1>")
    code2, name2 = codecache.compile_source("x = 1\n", "<pktscope:t:2>")
    code3, name3 = codecache.compile_source("x = 2\n", "<pktscope:t:3>")
    assert code1 is code2 and name2 == name1 == "<pktscope:t:1>"
    assert code3 is not code1 and name3 == "<pktscope:t:3>"
    ns: dict[str, object] = {}
    exec(code3, ns)
    assert ns["x"] == 2
    assert linecache.getline(name3, 1) == "x = 2\n"


def test_traceback_shows_generated_line_of_a_cached_module(tmp_path: Path) -> None:
    path = tmp_path / "t.ksy"
    path.write_text("meta: {id: t}\nseq: [{id: a, type: u4be}]\n", encoding="utf-8")
    for _ in range(2):
        mod = compile_spec(path)
        try:
            mod.T.from_bytes(b"\x01")
        except Exception as exc:
            text = "".join(traceback.format_exception(exc))
        else:
            pytest.fail("a short read must fail")
        assert "<pktscope:t:" in text
