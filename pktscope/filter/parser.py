"""Tokens → filter AST by recursive descent: ``or`` < ``and`` < ``not`` < comparison.

Grammar::

    expr    := and_ ("or" and_)*
    and_    := unary ("and" unary)*
    unary   := "not" unary | primary
    primary := "(" expr ")" | PATH [ CMP literal ]
    CMP     := == != ~= > < >= <= contains matches
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pktscope.errors import FilterError
from pktscope.filter.lexer import Token, tokenize

__all__ = ["And", "Compare", "Literal", "Node", "Not", "Or", "Present", "parse"]

_PATH = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(\[-?\d+\])?(\.[A-Za-z_][A-Za-z0-9_]*(\[-?\d+\])?)*")
COMPARISONS = ("==", "!=", "~=", ">", "<", ">=", "<=", "contains", "matches")


@dataclass(frozen=True, slots=True)
class Literal:
    """The right-hand side as written; typed against the field's value when evaluated."""

    text: str
    quoted: bool
    col: int


@dataclass(frozen=True, slots=True)
class Present:
    path: str


@dataclass(frozen=True, slots=True)
class Compare:
    path: str
    op: str
    literal: Literal


@dataclass(frozen=True, slots=True)
class Not:
    operand: Node


@dataclass(frozen=True, slots=True)
class And:
    operands: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Or:
    operands: tuple[Node, ...]


Node = Present | Compare | Not | And | Or


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = tokenize(text)
        self.i = 0

    @property
    def tok(self) -> Token:
        return self.tokens[self.i]

    def error(self, message: str, tok: Token | None = None) -> FilterError:
        return FilterError(message, text=self.text, col=(tok or self.tok).col)

    def take(self) -> Token:
        tok = self.tokens[self.i]
        self.i += 1
        return tok

    def parse(self) -> Node:
        if self.tok.kind == "end":
            raise self.error("empty filter")
        node = self.expr()
        if self.tok.kind != "end":
            raise self.error(f"unexpected {self.tok.text!r}")
        return node

    def expr(self) -> Node:
        items = [self.and_()]
        while self.tok.kind == "or":
            self.take()
            items.append(self.and_())
        return items[0] if len(items) == 1 else Or(tuple(items))

    def and_(self) -> Node:
        items = [self.unary()]
        while self.tok.kind == "and":
            self.take()
            items.append(self.unary())
        return items[0] if len(items) == 1 else And(tuple(items))

    def unary(self) -> Node:
        if self.tok.kind == "not":
            self.take()
            return Not(self.unary())
        return self.primary()

    def primary(self) -> Node:
        tok = self.tok
        if tok.kind == "(":
            self.take()
            node = self.expr()
            if self.tok.kind != ")":
                raise self.error(
                    "expected ')'"
                    if self.tok.kind == "end"
                    else f"expected ')', got {self.tok.text!r}"
                )
            self.take()
            return node
        if tok.kind == "end":
            raise self.error("expected a field or layer name")
        if tok.kind != "word":
            raise self.error(f"expected a field or layer name, got {tok.text!r}")
        if not _PATH.fullmatch(tok.text):
            raise self.error(f"not a field path: {tok.text!r}")
        self.take()
        if self.tok.kind not in COMPARISONS:
            return Present(tok.text)
        op = self.take().kind
        lit = self.tok
        if lit.kind not in ("word", "string"):
            raise self.error(
                f"expected a value after {op!r}"
                if lit.kind == "end"
                else f"expected a value after {op!r}, got {lit.text!r}"
            )
        self.take()
        return Compare(tok.text, op, Literal(lit.text, lit.kind == "string", lit.col))


def parse(text: str) -> Node:
    """Parse filter ``text``; raises :class:`FilterError` with the column of the problem.

    >>> parse("udp.dst_port >= 67")
    Compare(path='udp.dst_port', op='>=', literal=Literal(text='67', quoted=False, col=17))
    """
    return _Parser(text).parse()
