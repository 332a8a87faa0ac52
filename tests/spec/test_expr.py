"""Tests of the Kaitai expression parser: a table of cases, the whole conformance suite, and
hypothesis robustness (garbage raises only ExpressionError; deep nesting never RecursionError)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from pktscope.errors import ExpressionError
from pktscope.spec.expr import MAX_DEPTH, parse_expr, parse_type_ref
from pktscope.spec.expr_ast import (
    Attr,
    BinOp,
    BitSizeOf,
    BoolLit,
    Call,
    Cast,
    EnumRef,
    FloatLit,
    FStr,
    Index,
    IntLit,
    ListLit,
    Name,
    Node,
    SizeOf,
    StrLit,
    Ternary,
    TypeRef,
    UnaryOp,
)

KAITAI_TESTS = Path(__file__).resolve().parents[2].parent / "shared" / "kaitai" / "tests"

a, b, c, d = Name("a"), Name("b"), Name("c"), Name("d")


def _i(v: int) -> IntLit:
    return IntLit(v)


CASES: list[tuple[str, Node]] = [
    # integer literals
    ("0", _i(0)),
    ("123", _i(123)),
    ("1_000_000", _i(1000000)),
    ("0x1F", _i(31)),
    ("0XfF_ff", _i(0xFFFF)),
    ("0o17", _i(15)),
    ("0b1010_0101", _i(0xA5)),
    ("0xffffffffffffffff", _i(2**64 - 1)),
    # floats
    ("1.5", FloatLit(1.5)),
    ("1e3", FloatLit(1000.0)),
    ("1.5e-3", FloatLit(0.0015)),
    ("2E+2", FloatLit(200.0)),
    (".25", FloatLit(0.25)),
    ("42.", FloatLit(42.0)),
    # an int followed by a method is not a float
    ("42.to_s", Attr(_i(42), "to_s")),
    ("42 . to_s", Attr(_i(42), "to_s")),
    # strings
    ('"abc"', StrLit("abc")),
    ("'abc'", StrLit("abc")),
    (r"'a\nb'", StrLit("a\\nb")),
    (r'"a\nb\t\\\"\'"', StrLit("a\nb\t\\\"'")),
    (r'"\0\12\101"', StrLit("\x00\n" + "A")),
    (r'"\a\b\v\f\r\e"', StrLit("\a\b\v\f\r\x1b")),
    (r'"\u00e9\u20AC"', StrLit("é€")),
    ('"a" "b" \'c\'', StrLit("abc")),
    ('""', StrLit("")),
    # f-strings
    ('f"a{b}c"', FStr(("a", b, "c"))),
    ('f"{a}{b}"', FStr((a, b))),
    ('f""', FStr(())),
    (r'f"x\n{a + 1}}"', FStr(("x\n", BinOp("+", a, _i(1)), "}"))),
    ('f"{a ? "x" : f"{b}"}"', FStr((Ternary(a, StrLit("x"), FStr((b,))),))),
    # booleans, names
    ("true", BoolLit(True)),
    ("false", BoolLit(False)),
    ("true_ish", Name("true_ish")),
    ("_root", Name("_root")),
    ("_parent._parent", Attr(Name("_parent"), "_parent")),
    ("_io.pos", Attr(Name("_io"), "pos")),
    ("_index", Name("_index")),
    ("_", Name("_")),
    ("_on", Name("_on")),
    ("_is_le", Name("_is_le")),
    ("_sizeof", Name("_sizeof")),
    ("notation", Name("notation")),
    # keywords with nothing to apply to are names, as in the official grammar
    ("not", Name("not")),
    ("or", Name("or")),
    ("not * 2", BinOp("*", Name("not"), _i(2))),
    ("a.not", Attr(a, "not")),
    ("2. not", Attr(_i(2), "not")),
    ("android", Name("android")),
    ("sizeof", Name("sizeof")),
    ("sizeof < 3", BinOp("<", Name("sizeof"), _i(3))),
    # lists
    ("[]", ListLit(())),
    ("[1, 2]", ListLit((_i(1), _i(2)))),
    ("[0x41, a,]", ListLit((_i(0x41), a))),
    # postfix
    ("a.b.c", Attr(Attr(a, "b"), "c")),
    ('a.to_s("ASCII")', Call(Attr(a, "to_s"), (StrLit("ASCII"),))),
    ("a.b()", Call(Attr(a, "b"), ())),
    ("a.substring(1, 2)", Call(Attr(a, "substring"), (_i(1), _i(2)))),
    ("a[0]", Index(a, _i(0))),
    ("a[b + 1].c", Attr(Index(a, BinOp("+", b, _i(1))), "c")),
    ("[1, 2][0]", Index(ListLit((_i(1), _i(2))), _i(0))),
    ("'abc'.length", Attr(StrLit("abc"), "length")),
    ("a.as", Attr(a, "as")),
    ("a.as < 3", BinOp("<", Attr(a, "as"), _i(3))),
    # casts, sizeof
    ("a.as<u4>", Cast(a, TypeRef(("u4",)))),
    ("a.as<bytes>.size", Attr(Cast(a, TypeRef(("bytes",))), "size")),
    ("a.as<foo::bar>", Cast(a, TypeRef(("foo", "bar")))),
    ("a.as<::foo>", Cast(a, TypeRef(("foo",), absolute=True))),
    ("a.as<foo[]>", Cast(a, TypeRef(("foo",), is_array=True))),
    ("a.as<u1>>1", BinOp(">", Cast(a, TypeRef(("u1",))), _i(1))),
    ("a.as<u1>>>1", BinOp(">>", Cast(a, TypeRef(("u1",))), _i(1))),
    ("sizeof<u4>", SizeOf(TypeRef(("u4",)))),
    ("sizeof < foo :: bar >", SizeOf(TypeRef(("foo", "bar")))),
    ("bitsizeof<b3>", BitSizeOf(TypeRef(("b3",)))),
    ("sizeof<a>*8", BinOp("*", SizeOf(TypeRef(("a",))), _i(8))),
    # enums
    ("animal::cat", EnumRef((), "animal", "cat")),
    ("a::b::animal::cat", EnumRef(("a", "b"), "animal", "cat")),
    ("::a::animal::cat", EnumRef(("a",), "animal", "cat", absolute=True)),
    ("::animal::cat", EnumRef((), "animal", "cat", absolute=True)),
    ("x == animal::cat", BinOp("==", Name("x"), EnumRef((), "animal", "cat"))),
    ("animal::cat.to_i", Attr(EnumRef((), "animal", "cat"), "to_i")),
    # unary
    ("-1", UnaryOp("-", _i(1))),
    ("+1", _i(1)),
    ("~a", UnaryOp("~", a)),
    ("- -a", UnaryOp("-", UnaryOp("-", a))),
    ("-a.b", UnaryOp("-", Attr(a, "b"))),
    ("not a", UnaryOp("not", a)),
    ("not not a", UnaryOp("not", UnaryOp("not", a))),
    ("not a == b", UnaryOp("not", BinOp("==", a, b))),
    ("-a * b", BinOp("*", UnaryOp("-", a), b)),
    # binary precedence: * + << & ^ | compare and or, Python's order
    ("a + b * c", BinOp("+", a, BinOp("*", b, c))),
    ("a - b - c", BinOp("-", BinOp("-", a, b), c)),
    ("a / b % c", BinOp("%", BinOp("/", a, b), c)),
    ("a << 1 + b", BinOp("<<", a, BinOp("+", _i(1), b))),
    ("a & b << c", BinOp("&", a, BinOp("<<", b, c))),
    ("a ^ b & c", BinOp("^", a, BinOp("&", b, c))),
    ("a | b ^ c", BinOp("|", a, BinOp("^", b, c))),
    ("a & 1 == 1", BinOp("==", BinOp("&", a, _i(1)), _i(1))),
    ("a | b == c", BinOp("==", BinOp("|", a, b), c)),
    ("a >> 4 & 0xf", BinOp("&", BinOp(">>", a, _i(4)), _i(0xF))),
    ("a == b and c != d", BinOp("and", BinOp("==", a, b), BinOp("!=", c, d))),
    ("a or b and c", BinOp("or", a, BinOp("and", b, c))),
    ("a and b or c", BinOp("or", BinOp("and", a, b), c)),
    ("a <= b", BinOp("<=", a, b)),
    ("a >= b", BinOp(">=", a, b)),
    ("a>b", BinOp(">", a, b)),
    ("(a + b) * c", BinOp("*", BinOp("+", a, b), c)),
    # ternary: lowest, right-associative
    ("a ? b : c", Ternary(a, b, c)),
    ("a ? b : c ? d : a", Ternary(a, b, Ternary(c, d, a))),
    ("a ? b ? c : d : a", Ternary(a, Ternary(b, c, d), a)),
    ("a or b ? c + 1 : d", Ternary(BinOp("or", a, b), BinOp("+", c, _i(1)), d)),
    ("(a ? b : c).d", Attr(Ternary(a, b, c), "d")),
    # whitespace: spaces, newlines, tabs, backslash-newline
    ("  a\n+\tb \\\n ", BinOp("+", a, b)),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_parse_table(text: str, expected: Node) -> None:
    assert parse_expr(text) == expected


COLUMNS = [
    ("a + b", {BinOp: 0, Name: 0}),
    ("  x.y[3]", {Index: 2, IntLit: 6}),
    ("not  a", {UnaryOp: 0, Name: 5}),
    ('f"{a}"', {FStr: 0, Name: 3}),
    ("1 ? 2 : e::l", {Ternary: 0, EnumRef: 8}),
    ("q.as<  u4>", {Cast: 0, TypeRef: 7}),
]


def _walk(node: Node) -> Iterator[Node]:
    yield node
    for value in vars(node).values():
        items = value if isinstance(value, tuple) else (value,)
        for item in items:
            if isinstance(item, Node):
                yield from _walk(item)


@pytest.mark.parametrize(("text", "cols"), COLUMNS)
def test_columns(text: str, cols: dict[type, int]) -> None:
    found = {type(n): n.col for n in reversed(list(_walk(parse_expr(text))))}
    for cls, col in cols.items():
        assert found[cls] == col, cls


ERRORS = [
    ("", 0, "empty"),
    ("   ", 3, "empty"),
    ("a +", 3, "expected an expression, got end of expression"),
    ("(a", 2, "')'"),
    ("a)", 1, "end of expression"),
    ("a b", 2, "end of expression"),
    ("1 < 2 < 3", 6, "chained"),
    ("a == == b", 5, "expression"),
    ('"abc', 0, "unterminated string"),
    ("'abc", 0, "unterminated string"),
    (r'"\q"', 1, "invalid escape"),
    (r'"\x41"', 1, "invalid escape"),
    (r'"\u12"', 1, "\\u escape"),
    ('f"abc', 2, "unterminated f-string"),
    ('f"{a"', 4, "unterminated"),
    ('f"{}"', 3, "expected an expression"),
    ("0123", 0, "invalid number literal '0123'"),
    ("0x", 0, "invalid number literal"),
    ("0x_", 0, "invalid number literal '0x_'"),
    ("0b12", 0, "invalid number literal"),
    ("1abc", 0, "invalid number literal"),
    ("a $ b", 2, "unexpected character '$'"),
    ("a = b", 2, "unexpected character '='"),
    ("a ! b", 2, "unexpected character '!'"),
    ("{a}", 0, "unexpected character '{'"),
    ("a}", 1, "unexpected character '}'"),
    ("a ? b", 5, "':'"),
    ("a.", 2, "attribute or method name"),
    ("a.1", 1, "end of expression"),
    ("foo(1)", 3, "only methods can be called"),
    ("a.b(1,)", 6, "expected an expression"),
    ("a.b(1 2)", 6, "',' or ')'"),
    ("[1 2]", 3, "',' or ']'"),
    ("[,]", 1, "expected an expression"),
    ("a[]", 2, "expected an expression"),
    ("::", 2, "a name after '::'"),
    ("::a", 0, "enum reference"),
    ("a::", 3, "a name after '::'"),
    ("a + not b", 8, "expected end of expression, got 'b'"),
    ("a and", 5, "expected an expression"),
    ("- not a", 6, "expected end of expression, got 'a'"),
    ("a.as<>", 5, "expected an expression, got '>'"),
    ("sizeof<>", 7, "expected an expression, got '>'"),
]


@pytest.mark.parametrize(("text", "col", "message"), ERRORS, ids=[e[0] for e in ERRORS])
def test_parse_errors(text: str, col: int, message: str) -> None:
    with pytest.raises(ExpressionError) as info:
        parse_expr(text)
    assert message in info.value.message
    assert info.value.expr_col == col
    assert info.value.expression == text


def test_parse_type_ref() -> None:
    assert parse_type_ref("foo") == (TypeRef(("foo",)), ())
    assert parse_type_ref("::a::b(1, x.y)") == (
        TypeRef(("a", "b"), absolute=True),
        (_i(1), Attr(Name("x"), "y")),
    )
    with pytest.raises(ExpressionError, match="end of type reference"):
        parse_type_ref("foo bar")
    with pytest.raises(ExpressionError, match="expected an expression, got '\\)'"):
        parse_type_ref("foo(2 + 3, )")


# -- the whole conformance suite ---------------------------------------------------------

_EXPR_KEYS = ("if", "size", "repeat-expr", "repeat-until", "value", "pos", "io")
_VALID_KEYS = ("eq", "min", "max", "expr")


def _attr_exprs(attr: Any, where: str) -> Iterator[tuple[str, str, str]]:
    """(where, kind, text) for every expression in one seq item or instance."""
    if not isinstance(attr, dict):
        return
    for key in _EXPR_KEYS:
        if isinstance(attr.get(key), str):
            yield f"{where}/{key}", "expr", attr[key]
    typ = attr.get("type")
    if isinstance(typ, str):
        yield f"{where}/type", "type", typ
    elif isinstance(typ, dict):
        if isinstance(typ.get("switch-on"), str):
            yield f"{where}/type/switch-on", "expr", typ["switch-on"]
        for key, case_type in (typ.get("cases") or {}).items():
            if isinstance(key, str):
                yield f"{where}/type/cases/{key}", "expr", key
            if isinstance(case_type, str):
                yield f"{where}/type/cases/{key}/type", "type", case_type
    valid = attr.get("valid")
    if isinstance(valid, str):
        yield f"{where}/valid", "expr", valid
    elif isinstance(valid, dict):
        for key in _VALID_KEYS:
            if isinstance(valid.get(key), str):
                yield f"{where}/valid/{key}", "expr", valid[key]
        for i, item in enumerate(valid.get("any-of") or ()):
            if isinstance(item, str):
                yield f"{where}/valid/any-of/{i}", "expr", item
    proc = attr.get("process")
    if isinstance(proc, str) and "(" in proc:
        yield f"{where}/process", "args", proc[proc.index("(") :]


def _type_exprs(spec: Any, where: str) -> Iterator[tuple[str, str, str]]:
    if not isinstance(spec, dict):
        return
    if isinstance(spec.get("to-string"), str):
        yield f"{where}/to-string", "expr", spec["to-string"]
    for i, attr in enumerate(spec.get("seq") or ()):
        yield from _attr_exprs(attr, f"{where}/seq/{i}")
    for name, inst in (spec.get("instances") or {}).items():
        yield from _attr_exprs(inst, f"{where}/instances/{name}")
    for name, sub in (spec.get("types") or {}).items():
        yield from _type_exprs(sub, f"{where}/types/{name}")


def _suite_expressions() -> list[tuple[str, str, str]]:
    out: list[tuple[str, str, str]] = []
    for path in sorted((KAITAI_TESTS / "formats").glob("*.ksy")):
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
        out.extend((f"{path.name}:{w}", k, t) for w, k, t in _type_exprs(spec, ""))
    for path in sorted((KAITAI_TESTS / "spec" / "ks").glob("*.kst")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        for i, item in enumerate(doc.get("asserts") or ()):
            for key in ("actual", "expected"):
                value = item.get(key)
                text = value if isinstance(value, str) else str(value).lower()
                out.append((f"{path.name}:/asserts/{i}/{key}", "expr", text))
    return out


def _parse_any(kind: str, text: str) -> None:
    if kind == "expr":
        parse_expr(text)
    elif kind == "type":
        parse_type_ref(text)
    else:
        parse_expr("[" + text[1:-1] + "]")


def test_conformance_suite_expressions_all_parse() -> None:
    exprs = _suite_expressions()
    assert len(exprs) > 2000, len(exprs)
    failures = []
    for where, kind, text in exprs:
        try:
            _parse_any(kind, text)
        except ExpressionError as exc:
            failures.append(f"{where}: {text!r}: {exc.message} @ {exc.expr_col}")
    assert not failures, "\n".join(failures)


# -- robustness --------------------------------------------------------------------------

_ALPHABET = st.sampled_from(
    [
        *"abz_019.,:?()[]{}<>=!+-*/%&|^~'\"\\ \n\tfx",
        "::",
        "as<",
        "sizeof<",
        "not ",
        " and ",
        " or ",
        "0x",
        'f"',
        "true",
        "1e",
    ]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_ALPHABET, max_size=40).map("".join))
def test_garbage_raises_only_expression_error(text: str) -> None:
    try:
        node = parse_expr(text)
    except ExpressionError as exc:
        assert 0 <= exc.expr_col <= len(text)
    else:
        assert isinstance(node, Node)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=30))
def test_any_text_raises_only_expression_error(text: str) -> None:
    with contextlib.suppress(ExpressionError):
        parse_expr(text)


@pytest.mark.parametrize(
    "text",
    [
        "(" * 10_000 + "1" + ")" * 10_000,
        "-" * 10_000 + "1",
        "not " * 10_000 + "a",
        "[" * 10_000 + "]" * 10_000,
        "a" + ".b" * 10_000,
        "1" + " + 1" * 10_000,
        "a ? b : " * 10_000 + "c",
        'f"{' * 10_000 + "1" + '}"' * 10_000,
        "a" + "[0]" * 10_000,
    ],
    ids=["parens", "minus", "not", "lists", "attrs", "sum", "ternary", "fstr", "index"],
)
def test_deep_nesting_is_an_expression_error(text: str) -> None:
    with pytest.raises(ExpressionError, match="nested too deeply"):
        parse_expr(text)


def test_nesting_up_to_the_limit_parses() -> None:
    depth = MAX_DEPTH // 2
    assert parse_expr("(" * depth + "1" + ")" * depth) == _i(1)
