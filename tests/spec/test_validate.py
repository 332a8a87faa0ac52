"""check_spec: table-driven error cases on small specs, ordering and location, no false positives
on every valid spec of the conformance suite and the format library, and robustness (any YAML
gives a list of SpecError, never another exception)."""

from __future__ import annotations

import copy
import random
import textwrap
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pktscope.errors import ExpressionError, SpecError, SpecErrors
from pktscope.spec.load import load_file
from pktscope.spec.validate import SpecWarning, check_loaded, check_spec, validate_file

KAITAI = Path(__file__).resolve().parents[2].parent / "shared" / "kaitai"
TEST_FORMATS = KAITAI / "tests" / "formats"
LIBRARY = KAITAI / "formats"

HEAD = "meta:\n  id: t\n  endian: le\n"


def _spec(body: str) -> str:
    return HEAD + textwrap.dedent(body)


# (spec body after meta, spec path of the error, words in its message)
CASES = [
    ("seq:\n  - id: Foo\n    type: u1\n", "/seq/0/id", "invalid attribute id"),
    ("seq:\n  - id: a\n    type: u1\n    colour: red\n", "/seq/0/colour", "unknown key"),
    ("seq:\n  - id: a\n    type: u1\n    if: 1\n", "/seq/0/if", "expected boolean, got integer"),
    ("seq:\n  - id: a\n    size: '\"x\"'\n", "/seq/0/size", "expected integer, got string"),
    ("seq:\n  - id: a\n    size: 1 +\n", "/seq/0/size", "parsing expression '1 +'"),
    ("seq:\n  - id: a\n    size: nope\n", "/seq/0/size", "unable to access 'nope'"),
    ("seq:\n  - id: a\n    type: b4\n    repeat: bad\n", "/seq/0/repeat", "eos / expr / until"),
    ("seq:\n  - id: a\n    type: u1\n    repeat: expr\n", "/seq/0/repeat", "repeat-expr"),
    (
        "seq:\n  - id: a\n    type: u1\n    repeat-expr: 2\n",
        "/seq/0/repeat-expr",
        "unknown key",
    ),
    (
        "seq:\n  - id: a\n    type: u1\n    repeat: until\n    repeat-until: _ + 1\n",
        "/seq/0/repeat-until",
        "expected boolean",
    ),
    ("seq:\n  - id: a\n    terminator: 300\n    type: u1\n", "/seq/0/terminator", "0 to 255"),
    ("seq:\n  - id: a\n    type: nothing\n", "/seq/0/type", "unable to find type 'nothing'"),
    ("seq:\n  - id: a\n    type: u1\n    enum: pets\n", "/seq/0/enum", "unable to find enum"),
    ("seq:\n  - id: a\n    type: strz\n", "/seq/0", "no encoding"),
    ("seq:\n  - id: a\n    type: u1\n  - id: a\n    type: u1\n", "/seq/1/id", "duplicate"),
    ("seq:\n  - id: a\n    type: u1\n    valid: '\"x\"'\n", "/seq/0/valid", "can't compare"),
    (
        "seq:\n  - id: a\n    type: u1\n    valid:\n      in-enum: true\n",
        "/seq/0/valid/in-enum",
        "requires the `enum` key",
    ),
    (
        "seq:\n  - id: a\n    type:\n      switch-on: 1\n",
        "/seq/0/type",
        "missing mandatory argument `cases`",
    ),
    (
        "seq:\n  - id: a\n    type: u1\n  - id: b\n    type:\n      switch-on: a\n"
        "      cases:\n        '\"s\"': u1\n",
        '/seq/1/type/cases/"s"',
        "can't compare",
    ),
    ("instances:\n  v:\n    value: 1\n    size: 2\n", "/instances/v/size", "value instance"),
    ("instances:\n  v:\n    value: x.frob\n", "/instances/v/value", "unable to access 'x'"),
    (
        "seq:\n  - id: b\n    size: 2\ninstances:\n  v:\n    value: b.frob\n",
        "/instances/v/value",
        "don't know how to call method 'frob'",
    ),
    (
        "seq:\n  - id: b\n    size: 2\ninstances:\n  v:\n    value: b.to_s(1)\n",
        "/instances/v/value",
        "wrong arguments to method call `to_s`",
    ),
    ("instances:\n  v:\n    value: not 3\n", "/instances/v/value", "unary operator not"),
    ("instances:\n  v:\n    value: e::x\nenums:\n  e:\n    1: y\n", "/instances/v/value", "member"),
    ("instances:\n  v:\n    value: 1.as<zzz>\n", "/instances/v/value", "find type 'zzz'"),
    ("instances:\n  _v:\n    value: 1\n", "/instances/_v", "invalid instance id"),
    ("enums:\n  e:\n    1: a\n    2: a\n", "/enums/e/2", "duplicate enum member"),
    ("enums:\n  e:\n    1: A\n", "/enums/e/1", "invalid enum member id"),
    ("enums:\n  e:\n    1:\n", "/enums/e/1", "expected string or map"),
    ("types:\n  Bad: {}\n", "/types/Bad", "invalid type id"),
    ("params:\n  - id: p\n    type: nothing\n", "/params/0/type", "unable to find type"),
    (
        "seq:\n  - id: a\n    type: t(1, 2)\ntypes:\n  t:\n    params:\n      - id: p\n"
        "        type: u1\n",
        "/seq/0/type",
        "parameter count mismatch: 1 declared, but 2 used",
    ),
    (
        "seq:\n  - id: a\n    type: t(1.5)\ntypes:\n  t:\n    params:\n      - id: p\n"
        "        type: bool\n",
        "/seq/0/type",
        "can't pass argument #0 of type float",
    ),
    ("to-string: 1\n", "/to-string", "expected string, got integer"),
    ("seq: foo\n", "/seq", "expected array"),
]


@pytest.mark.parametrize(("body", "path", "words"), CASES, ids=[c[1] for c in CASES])
def test_error_table(body: str, path: str, words: str) -> None:
    errors = check_spec(_spec(body))
    assert [e.spec_path for e in errors] == [path], [str(e) for e in errors]
    assert words.lower() in errors[0].message.lower()
    assert errors[0].line > 0


def test_meta_errors() -> None:
    cases = {
        "meta:\n  id: Bad\n": "/meta/id",
        "meta:\n  id: t\n  endian: middle\n": "/meta/endian",
        "meta:\n  id: t\n  bit-endian: x\n": "/meta/bit-endian",
        "meta:\n  id: t\n  ks-version: 99.1\n": "/meta/ks-version",
        "meta:\n  id: t\n  ks-version: 0.1\n": "/meta/ks-version",
        "meta:\n  id: t\n  colour: red\n": "/meta/colour",
        "meta:\n  id: t\n  imports:\n": "/meta/imports",
        "meta:\n  title: x\n": "/meta",
        "meta:\n  id: t\nseq:\n  - id: a\n    type: u2\n": "/seq/0/type",
        "[1, 2]\n": "/",
    }
    for text, path in cases.items():
        errors = check_spec(text)
        assert [e.spec_path for e in errors] == [path], (text, [str(e) for e in errors])


def test_all_errors_sorted_by_line_and_located() -> None:
    text = _spec(
        """\
        seq:
          - id: Bad
            type: u1
          - id: b
            type: nothing
          - id: c
            type: u1
            if: 7
        """
    )
    errors = check_spec(text)
    assert [(e.line, e.spec_path) for e in errors] == [
        (5, "/seq/0/id"),
        (8, "/seq/1/type"),
        (11, "/seq/2/if"),
    ]
    assert str(errors[0]).startswith("<spec>:5:")


def test_file_location_and_yaml_errors(tmp_path: Path) -> None:
    spec = tmp_path / "x.ksy"
    spec.write_text("meta:\n  id: x\nseq:\n  - id: a\n    type: u1\n    if: 3\n")
    (err,) = check_spec(spec)
    assert str(err) == f"{spec}:6:9: /seq/0/if: invalid type: expected boolean, got integer"
    spec.write_text("meta:\n  id: x\n  id: y\n")
    (err,) = check_spec(spec)
    assert (err.line, err.col, "duplicate key id" in err.message) == (3, 3, True)
    spec.write_text("meta: [\n")
    (err,) = check_spec(spec)
    assert err.line > 0 and "yaml" in err.message


def test_imports_are_checked(tmp_path: Path) -> None:
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "inner.ksy").write_text(
        "meta:\n  id: inner\nseq:\n  - id: X\n    type: u1\n"
    )
    main = tmp_path / "main.ksy"
    main.write_text("meta:\n  id: main\n  imports:\n    - /inner\n    - nowhere\n")
    errors = check_spec(main, import_paths=[tmp_path / "lib"])
    assert [(Path(e.file or "").name, e.spec_path) for e in errors] == [
        ("main.ksy", "/meta/imports/1"),
        ("inner.ksy", "/seq/0/id"),
    ]


def test_warnings_are_opt_in() -> None:
    text = _spec("seq:\n  - id: s\n    type: str\n    size: 2\n    encoding: utf-8\n")
    assert check_spec(text) == []
    (warn,) = check_spec(text, warnings=True)
    assert isinstance(warn, SpecWarning)
    assert "`UTF-8` instead of `utf-8`" in warn.message


def _valid_specs() -> list[tuple[Path, list[Path]]]:
    out = [(p, [TEST_FORMATS / "ks_path", LIBRARY]) for p in sorted(TEST_FORMATS.glob("*.ksy"))]
    out += [(p, [LIBRARY]) for p in sorted(LIBRARY.rglob("*.ksy"))]
    return out


VALID = _valid_specs()


def test_valid_suite_is_there() -> None:
    assert len(VALID) > 500


@pytest.mark.parametrize(
    ("spec", "import_paths"), VALID, ids=[str(p.relative_to(KAITAI)) for p, _ in VALID]
)
def test_no_false_positives(spec: Path, import_paths: list[Path]) -> None:
    assert [str(e) for e in check_spec(spec, import_paths=import_paths)] == []


_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-300, 300),
    st.sampled_from(["u1", "u2", "str", "x", "1 +", "a.b", "_parent.x", "foo", "BAD", "eos"]),
)
_keys = st.sampled_from(
    [
        "id",
        "type",
        "size",
        "if",
        "repeat",
        "repeat-expr",
        "enum",
        "value",
        "seq",
        "instances",
        "types",
        "enums",
        "meta",
        "params",
        "valid",
        "switch-on",
        "cases",
        "encoding",
        "contents",
        "terminator",
        "pos",
        "1",
        "foo",
    ]
)
_docs = st.recursive(
    _scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_keys, inner, max_size=4),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_docs)
def test_any_yaml_gives_only_spec_errors(doc: object) -> None:
    text = yaml.safe_dump({"meta": {"id": "t"}, **doc} if isinstance(doc, dict) else doc)
    errors = check_spec(text)
    assert all(isinstance(e, SpecError) for e in errors)
    assert [e.line for e in errors] == sorted(e.line for e in errors)


def test_expression_errors_point_at_the_token() -> None:
    text = _spec(
        """\
        seq:
          - id: a
            type: u1
            if: a == 1 and bogus > 2
          - id: b
            size: "a + "
          - id: c
            type:
              switch-on: a
              cases:
                nope: u1
        """
    )
    errors = check_spec(text)
    assert [(e.line, e.col, e.spec_path) for e in errors] == [
        (7, 20, "/seq/0/if"),  # the b of `bogus`
        (9, 16, "/seq/1/size"),  # the end of the quoted text
        (14, 9, "/seq/2/type/cases/nope"),  # a case is located at its key
    ]
    assert all(isinstance(e, ExpressionError) for e in errors)
    assert (errors[0].expression, errors[0].expr_col) == ("a == 1 and bogus > 2", 11)


_POOL: list[object] = [
    None,
    True,
    0,
    -1,
    256,
    1.5,
    "",
    "x",
    "u2",
    "strz",
    "b1",
    "foo::bar",
    "_parent.x",
    "1 +",
    "[1,2]",
    'f"{x}"',
    "BAD",
    "eos",
    "expr",
    "not 1",
    "x.as<u4>",
    "sizeof<u4>",
    "_sizeof",
    "a ? b : c",
    "::",
    "x(1)",
    "x(",
    "e::v",
    "_on",
    {},
    [],
    {"switch-on": "x", "cases": {1: "u1"}},
]
_MUTANT_KEYS = [
    "id",
    "type",
    "size",
    "if",
    "repeat",
    "repeat-expr",
    "enum",
    "value",
    "valid",
    "cases",
    "params",
    "seq",
    "instances",
    "types",
    "enums",
    "parent",
    "encoding",
]


def _mutate(node: object, rnd: random.Random) -> object:
    if isinstance(node, dict):
        for key in list(node):
            if rnd.random() < 0.25:
                node[key] = _mutate(node[key], rnd)
        if rnd.random() < 0.15:
            node[rnd.choice(_MUTANT_KEYS)] = copy.deepcopy(rnd.choice(_POOL))
    elif isinstance(node, list):
        for i, item in enumerate(node):
            if rnd.random() < 0.25:
                node[i] = _mutate(item, rnd)
    elif rnd.random() < 0.3:
        return copy.deepcopy(rnd.choice(_POOL))
    return node


_SEEDS = [yaml.safe_load(p.read_text(encoding="utf-8")) for p, _ in VALID[::25]]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.randoms(use_true_random=False))
def test_mutated_real_specs_give_only_spec_errors(rnd: random.Random) -> None:
    doc = _mutate(copy.deepcopy(rnd.choice(_SEEDS)), rnd)
    errors = check_spec(yaml.safe_dump(doc))
    assert all(isinstance(e, SpecError) and e.line > 0 for e in errors)


def test_validate_file_raises_all_errors() -> None:
    validate_file(_spec("seq:\n  - id: a\n    type: u1\n"))
    with pytest.raises(SpecErrors) as info:
        validate_file(_spec("seq:\n  - id: A\n    type: u1\n  - id: b\n    type: zz\n"))
    assert [e.spec_path for e in info.value.errors] == ["/seq/0/id", "/seq/1/type"]


BUNDLED = sorted((Path(__file__).resolve().parents[2] / "specs").glob("*.ksy"))


@pytest.mark.parametrize("spec", BUNDLED, ids=[p.name for p in BUNDLED])
def test_bundled_specs_are_valid(spec: Path) -> None:
    assert [str(e) for e in check_spec(spec, import_paths=[spec.parent])] == []


def test_check_loaded_reuses_the_callers_yaml(tmp_path: Path) -> None:
    spec = tmp_path / "y.ksy"
    text = "meta:\n  id: y\nseq:\n  - id: a\n    type: u1\n    if: nope\n"
    spec.write_text(text)
    loaded = load_file(spec)
    (err,) = check_loaded(loaded, text)
    assert (err.file, err.line, err.col, err.spec_path) == (str(spec), 6, 9, "/seq/0/if")
    assert [str(e) for e in check_spec(spec)] == [str(err)]


def test_cycles_in_value_instances() -> None:
    cyclic = _spec("instances:\n  a:\n    value: b + 1\n  b:\n    value: a * 2\n")
    assert [e.spec_path for e in check_spec(cyclic)] == ["/instances/a/value", "/instances/b/value"]
    # recursion through other objects, cut by a cast, is how recursive formats are written
    recursive = _spec(
        """\
        seq:
          - id: len
            type: u1
          - id: child
            type: node
            if: len > 0
        instances:
          text:
            value: 'len == 0 ? "" : child.text.as<str>'
        types:
          node:
            seq:
              - id: inner
                type: t
            instances:
              text:
                value: inner.text.as<str> + "."
          t:
            instances:
              text:
                value: _root.text.as<str>
        """
    )
    assert check_spec(recursive) == []
