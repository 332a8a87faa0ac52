"""The spec loader keeps a 1-based line/column for every YAML node, keyed by spec path."""

from __future__ import annotations

import pytest

from pktscope.errors import SpecError
from pktscope.spec.load import load_yaml
from pktscope.spec.model import build_spec

TEXT = """meta:
  id: demo
  endian: be
seq:
  - id: a
    type: u1
  - id: b
    size: a * 2
types:
  t:
    seq:
      - {id: x, type: u2le}
enums:
  e:
    0x10: sixteen
"""


@pytest.mark.parametrize(
    ("path", "loc"),
    [
        ("/meta", (1, 1)),
        ("/meta/id", (2, 3)),
        ("/seq/0", (5, 5)),
        ("/seq/0/type", (6, 5)),
        ("/seq/1/size", (8, 5)),
        ("/types/t/seq/0", (12, 9)),
        ("/types/t/seq/0/type", (12, 17)),
        ("/enums/e/16", (15, 5)),
    ],
)
def test_locations(path: str, loc: tuple[int, int]) -> None:
    assert load_yaml(TEXT).loc(path) == loc


def test_loc_falls_back_to_ancestor() -> None:
    assert load_yaml(TEXT).loc("/seq/1/nonexistent") == (7, 5)  # located at /seq/1


def test_data_matches_safe_load() -> None:
    import yaml

    assert load_yaml(TEXT).data == yaml.safe_load(TEXT)


def test_yaml_syntax_error_is_located() -> None:
    with pytest.raises(SpecError) as info:
        load_yaml("meta:\n  id: x\nseq: [\n", file="bad.ksy")
    err = info.value
    assert err.file == "bad.ksy"
    assert err.line >= 3
    assert str(err).startswith("bad.ksy:")


def test_model_shape_error_is_located() -> None:
    loaded = load_yaml("meta:\n  id: x\nseq:\n  - id: a\n    repeat: sometimes\n", file="r.ksy")
    with pytest.raises(SpecError) as info:
        build_spec(loaded)
    assert (info.value.line, info.value.col) == (5, 5)
    assert info.value.spec_path == "/seq/0/repeat"


def test_model_fields() -> None:
    spec = build_spec(load_yaml(TEXT))
    assert spec.id == "demo"
    assert [a.id for a in spec.root.seq] == ["a", "b"]
    assert spec.root.seq[1].size is not None and spec.root.seq[1].size.text == "a * 2"
    assert spec.root.types["t"].endian() == "be"
    assert spec.root.enums["e"].values == {16: "sixteen"}
    assert spec.root.enums["e"].owner is spec.root


def test_recursive_alias_is_refused_where_it_is() -> None:
    # PyYAML builds a list that holds itself; walking it never ended (`check` hung)
    with pytest.raises(SpecError, match="recursive alias") as info:
        load_yaml("meta: {id: x}\na: &a [1, *a]\n", file="x.ksy")
    assert (info.value.line, info.value.col) == (2, 4)


def test_alias_bomb_is_refused() -> None:
    lines = ["meta: {id: x}", "a: &a [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]"]
    for prev, name in zip("abcdef", "bcdefg", strict=True):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 10) + "]")
    with pytest.raises(SpecError, match="aliases expand to more than 1,000,000 nodes"):
        load_yaml("\n".join(lines) + "\n")


def test_shared_aliases_still_load() -> None:
    data = load_yaml("a: &f {id: x, type: u1}\nb: [*f, *f]\n").data
    assert data["b"] == [{"id": "x", "type": "u1"}] * 2


@pytest.mark.parametrize("word", ["on", "off", "yes", "no", "y", "n"])
def test_yaml_1_1_booleans_are_names(word: str) -> None:
    # `id: on` read as True ("invalid attribute ID: True"); the official compiler's YAML
    # (1.2) reads it as the name it is
    data = load_yaml(f"meta: {{id: x}}\nseq:\n  - id: {word}\n    type: u1\n    if: true\n").data
    assert data["seq"][0]["id"] == word and data["seq"][0]["if"] is True
