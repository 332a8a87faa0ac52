"""The Kaitai Struct expression language: text -> :mod:`pktscope.spec.expr_ast` nodes.

A lexer (:mod:`pktscope.spec.expr_lex`) and a recursive-descent parser that follows the
official grammar (``kaitai_struct_compiler`` ``exprlang/Expressions.scala`` and ``Lexical.scala``),
lowest precedence first::

    ternary   c ? a : b            right-associative
    or, and                        left-associative
    not x                          prefix
    comparison == != < <= > >=     one per level, never chained
    | ^ & (<< >>) (+ -) (* / %)    left-associative, Python's relative order
    unary - ~ +                    prefix (``+x`` is ``x``)
    postfix .name .name(args) [i] .as<type>
    atoms: literals, names, f-strings, lists, enum refs, sizeof<t>, bitsizeof<t>, ( ... )

Every failure raises :class:`~pktscope.errors.ExpressionError` with the 0-based column; nesting
is bounded so hostile input cannot exhaust the Python stack.
"""

from __future__ import annotations

import functools

from pktscope.errors import ExpressionError
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
from pktscope.spec.expr_lex import OPS, Tok, tokenize

__all__ = ["MAX_DEPTH", "parse_expr", "parse_type_ref"]

#: Deepest nesting accepted (parentheses, prefix operators, ternaries, and the depth of the
#: resulting tree), so parsing and every later recursive walk stay far from Python's stack limit.
MAX_DEPTH = 64

_COMPARE = frozenset({"==", "!=", "<", "<=", ">", ">="})
_BINARY_PREC = {
    "|": 0,
    "^": 1,
    "&": 2,
    "<<": 3,
    ">>": 3,
    "+": 4,
    "-": 4,
    "*": 5,
    "/": 5,
    "%": 5,
}


def _describe(tok: Tok) -> str:
    return "end of expression" if tok.kind == "eof" else repr(tok.text)


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.toks = tokenize(text)
        self.i = 0
        self.depth = 0

    # -- token helpers -------------------------------------------------------------------
    @property
    def tok(self) -> Tok:
        return self.toks[self.i]

    def fail(self, message: str, pos: int | None = None) -> ExpressionError:
        col = self.tok.pos if pos is None else pos
        return ExpressionError(message, expression=self.text, expr_col=col)

    def unexpected(self, wanted: str) -> ExpressionError:
        return self.fail(f"expected {wanted}, got {_describe(self.tok)}")

    def is_op(self, *ops: str) -> bool:
        return self.tok.kind == "op" and self.tok.text in ops

    def is_kw(self, word: str) -> bool:
        return self.tok.kind == "kw" and self.tok.text == word

    def advance(self) -> Tok:
        tok = self.tok
        self.i += 1
        return tok

    def expect_op(self, op: str) -> Tok:
        if not self.is_op(op):
            raise self.unexpected(repr(op))
        return self.advance()

    def expect_close_angle(self) -> None:
        """Consume one ``>``, splitting ``>>`` / ``>=`` as the character-level grammar does."""
        tok = self.tok
        if not (tok.kind == "op" and tok.text.startswith(">")):
            raise self.unexpected("'>'")
        # Re-lex the operator characters that follow, as `>>>` is `>` then `>>`.
        rest, end, k = tok.text[1:], tok.pos + len(tok.text), self.i + 1
        while self.toks[k].kind == "op" and self.toks[k].pos == end:
            rest += self.toks[k].text
            end += len(self.toks[k].text)
            k += 1
        relexed: list[Tok] = []
        pos = tok.pos + 1
        while rest:
            op = next(o for o in OPS if rest.startswith(o))
            relexed.append(Tok("op", op, pos))
            pos += len(op)
            rest = rest[len(op) :]
        self.toks[self.i : k] = relexed

    def enter(self) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise self.fail(f"expression nested too deeply (more than {MAX_DEPTH} levels)")

    # -- grammar -------------------------------------------------------------------------
    def parse_top(self) -> Node:
        node = self.ternary()
        if self.tok.kind != "eof":
            if self.tok.kind == "op" and self.tok.text in _COMPARE:
                raise self.fail("comparison operators cannot be chained")
            raise self.unexpected("end of expression")
        return node

    def ternary(self) -> Node:
        self.enter()
        cond = self.or_test()
        if self.is_op("?"):
            self.advance()
            if_true = self.ternary()
            self.expect_op(":")
            if_false = self.ternary()
            cond = Ternary(cond, if_true, if_false, col=cond.col)
        self.depth -= 1
        return cond

    def or_test(self) -> Node:
        left = self.and_test()
        while self.is_kw("or"):
            self.advance()
            left = BinOp("or", left, self.and_test(), col=left.col)
        return left

    def and_test(self) -> Node:
        left = self.not_test()
        while self.is_kw("and"):
            self.advance()
            left = BinOp("and", left, self.not_test(), col=left.col)
        return left

    def starts_operand(self, tok: Tok) -> bool:
        if tok.kind in ("name", "kw", "int", "float", "str", "fstart"):
            return True
        return tok.kind == "op" and tok.text in ("(", "[", "-", "~", "+", "::")

    def not_test(self) -> Node:
        # `not` with nothing to negate is a plain name (`not * 2`), as in the official grammar
        if self.is_kw("not") and self.starts_operand(self.toks[self.i + 1]):
            tok = self.advance()
            self.enter()
            node = UnaryOp("not", self.not_test(), col=tok.pos)
            self.depth -= 1
            return node
        return self.comparison()

    def comparison(self) -> Node:
        left = self.binary(0)
        if self.tok.kind == "op" and self.tok.text in _COMPARE:
            op = self.advance().text
            left = BinOp(op, left, self.binary(0), col=left.col)
        return left

    def binary(self, min_prec: int) -> Node:
        left = self.unary()
        while True:
            tok = self.tok
            prec = _BINARY_PREC.get(tok.text, -1) if tok.kind == "op" else -1
            if prec < min_prec:
                return left
            self.advance()
            left = BinOp(tok.text, left, self.binary(prec + 1), col=left.col)

    def unary(self) -> Node:
        if self.is_op("-", "~", "+"):
            tok = self.advance()
            self.enter()
            operand = self.unary()
            self.depth -= 1
            return operand if tok.text == "+" else UnaryOp(tok.text, operand, col=tok.pos)
        return self.postfix()

    def postfix(self) -> Node:
        node = self.atom()
        while True:
            if self.is_op("."):
                self.advance()
                if self.tok.kind not in ("name", "kw"):
                    raise self.unexpected("an attribute or method name after '.'")
                name_tok = self.advance()
                if name_tok.text == "as" and self.is_op("<"):
                    saved = self.i
                    self.advance()
                    type_ref = self.try_type_name()
                    if type_ref is not None:
                        node = Cast(node, type_ref, col=node.col)
                        continue
                    self.i = saved
                node = Attr(node, name_tok.text, col=node.col)
            elif self.is_op("("):
                open_tok = self.advance()
                if not isinstance(node, Attr):
                    raise self.fail(
                        "only methods can be called, as in 'obj.method(...)'", open_tok.pos
                    )
                args: list[Node] = []
                if not self.is_op(")"):
                    args.append(self.ternary())
                    while self.is_op(","):
                        self.advance()
                        args.append(self.ternary())
                if not self.is_op(")"):
                    raise self.unexpected("',' or ')' in argument list")
                self.advance()
                node = Call(node, tuple(args), col=node.col)
            elif self.is_op("["):
                self.advance()
                index = self.ternary()
                if not self.is_op("]"):
                    raise self.unexpected("']'")
                self.advance()
                node = Index(node, index, col=node.col)
            else:
                return node

    def try_type_name(self) -> TypeRef | None:
        """``::? name (:: name)* []?`` then ``>``; None (nothing consumed) if it does not match."""
        start = self.i
        try:
            type_ref = self.type_name()
            self.expect_close_angle()
        except ExpressionError:
            self.i = start
            return None
        return type_ref

    def type_name(self) -> TypeRef:
        col = self.tok.pos
        absolute = False
        if self.is_op("::"):
            absolute = True
            self.advance()
        if self.tok.kind != "name":
            raise self.unexpected("a type name")
        path = [self.advance().text]
        while self.is_op("::"):
            self.advance()
            if self.tok.kind != "name":
                raise self.unexpected("a type name after '::'")
            path.append(self.advance().text)
        is_array = False
        if self.is_op("[") and self.toks[self.i + 1].text == "]":
            self.i += 2
            is_array = True
        return TypeRef(tuple(path), is_array, absolute, col=col)

    def atom(self) -> Node:
        tok = self.tok
        kind = tok.kind
        if kind == "int":
            self.advance()
            assert isinstance(tok.value, int)
            return IntLit(tok.value, col=tok.pos)
        if kind == "float":
            self.advance()
            assert isinstance(tok.value, float)
            return FloatLit(tok.value, col=tok.pos)
        if kind == "str":
            parts: list[str] = []
            while self.tok.kind == "str":
                value = self.advance().value
                assert isinstance(value, str)
                parts.append(value)
            return StrLit("".join(parts), col=tok.pos)
        if kind == "fstart":
            return self.fstring()
        if kind in ("name", "kw") or self.is_op("::"):  # `and`/`or`/`not` name fields too
            return self.name_like()
        if self.is_op("("):
            self.advance()
            node = self.ternary()
            if not self.is_op(")"):
                raise self.unexpected("')'")
            self.advance()
            return node
        if self.is_op("["):
            return self.list_lit()
        raise self.unexpected("an expression")

    def _next_is_scope(self) -> bool:
        nxt = self.toks[self.i + 1]
        return nxt.kind == "op" and nxt.text == "::"

    def name_like(self) -> Node:
        tok = self.tok
        if self.is_op("::") or self._next_is_scope():
            absolute = self.is_op("::")
            if absolute:
                self.advance()
            names: list[str] = []
            while True:
                if self.tok.kind != "name":
                    raise self.unexpected("a name after '::'" if names or absolute else "a name")
                names.append(self.advance().text)
                if not self.is_op("::"):
                    break
                self.advance()
            if len(names) < 2:
                raise self.fail("enum reference needs 'enum::label'", tok.pos)
            return EnumRef(tuple(names[:-2]), names[-2], names[-1], absolute, col=tok.pos)
        self.advance()
        if tok.text in ("sizeof", "bitsizeof") and self.is_op("<"):
            saved = self.i
            self.advance()
            type_ref = self.try_type_name()
            if type_ref is not None:
                if tok.text == "sizeof":
                    return SizeOf(type_ref, col=tok.pos)
                return BitSizeOf(type_ref, col=tok.pos)
            self.i = saved
        if tok.text == "true":
            return BoolLit(True, col=tok.pos)
        if tok.text == "false":
            return BoolLit(False, col=tok.pos)
        return Name(tok.text, col=tok.pos)

    def list_lit(self) -> Node:
        open_tok = self.advance()
        items: list[Node] = []
        while not self.is_op("]"):
            items.append(self.ternary())
            if self.is_op(","):
                self.advance()
            elif not self.is_op("]"):
                raise self.unexpected("',' or ']' in list")
        self.advance()
        return ListLit(tuple(items), col=open_tok.pos)

    def fstring(self) -> Node:
        open_tok = self.advance()
        parts: list[str | Node] = []
        while True:
            tok = self.advance()
            if tok.kind == "fend":
                break
            if tok.kind == "ftext":
                assert isinstance(tok.value, str)
                if parts and isinstance(parts[-1], str):
                    parts[-1] += tok.value
                else:
                    parts.append(tok.value)
                continue
            # lbrace: the lexer emits nothing else inside an f-string's text
            parts.append(self.ternary())
            if self.tok.kind != "rbrace":
                raise self.unexpected("'}' closing the f-string part")
            self.advance()
        return FStr(tuple(parts), col=open_tok.pos)


def _check_depth(root: Node, text: str) -> None:
    """Reject trees deeper than MAX_DEPTH (long operator chains), walking without recursion."""
    stack: list[tuple[Node, int]] = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise ExpressionError(
                f"expression nested too deeply (more than {MAX_DEPTH} levels)",
                expression=text,
                expr_col=node.col,
            )
        for value in vars(node).values():
            if isinstance(value, Node):
                stack.append((value, depth + 1))
            elif isinstance(value, tuple):
                stack.extend((v, depth + 1) for v in value if isinstance(v, Node))


def _run(text: str, top: bool) -> tuple[Node, tuple[Node, ...]]:
    if not isinstance(text, str):
        raise ExpressionError(f"expression must be a string, got {type(text).__name__}")
    return _run_cached(text, top)


# Validation and code generation parse the same texts again and again (``_io.size``,
# ``_parent.len``, every type reference), so parses are remembered by text. The trees are
# immutable (frozen dataclasses and tuples), so sharing one is safe; a failed parse raises and is
# not remembered, so every caller gets its own ExpressionError.
@functools.lru_cache(maxsize=16384)
def _run_cached(text: str, top: bool) -> tuple[Node, tuple[Node, ...]]:
    try:
        parser = _Parser(text)
        if parser.tok.kind == "eof":
            raise parser.fail("empty expression")
        if top:
            node: Node = parser.parse_top()
            args: tuple[Node, ...] = ()
        else:
            node, args = _type_ref_with_args(parser)
    except RecursionError:  # a safety net: MAX_DEPTH should stop hostile input first
        raise ExpressionError("expression nested too deeply", expression=text, expr_col=0) from None
    for sub in (node, *args):
        _check_depth(sub, text)
    return node, args


def _type_ref_with_args(parser: _Parser) -> tuple[Node, tuple[Node, ...]]:
    type_ref = parser.type_name()
    args: list[Node] = []
    if parser.is_op("("):
        parser.advance()
        args.append(parser.ternary())
        while parser.is_op(","):  # no trailing comma, as in the official grammar
            parser.advance()
            args.append(parser.ternary())
        if not parser.is_op(")"):
            raise parser.unexpected("',' or ')' in type arguments")
        parser.advance()
    if parser.tok.kind != "eof":
        raise parser.unexpected("end of type reference")
    return type_ref, tuple(args)


def parse_expr(text: str) -> Node:
    """Parse one Kaitai expression.

    >>> node = parse_expr("a.b + 1")
    >>> node.op, node.left, node.right
    ('+', Attr(col=0, obj=Name(col=0, name='a'), name='b'), IntLit(col=6, value=1))

    Raises :class:`~pktscope.errors.ExpressionError` (with ``expr_col``) on any error.
    """
    return _run(text, top=True)[0]


def parse_type_ref(text: str) -> tuple[TypeRef, tuple[Node, ...]]:
    """Parse a ``type:`` value: ``foo::bar`` or ``foo(1, _parent.len)``, returning the type and
    its argument expressions.

    >>> parse_type_ref("pair(2)")
    (TypeRef(col=0, path=('pair',), is_array=False, absolute=False), (IntLit(col=5, value=2),))
    """
    node, args = _run(text, top=False)
    assert isinstance(node, TypeRef)
    return node, args
