"""The lexer of the Kaitai expression language: text -> a flat list of :class:`Tok`.

Whitespace is spaces, tabs, newlines and backslash-newline. Numbers follow the official
``Lexical.scala``: ``0x``/``0o``/``0b`` with ``_`` separators, decimal ints without leading zeros,
floats ``1.5`` ``.5`` ``1e3`` ``42.`` (but ``42.to_s`` is an int and a method). Double-quoted
strings decode ``\\a \\b \\t \\n \\v \\f \\r \\e \\' \\" \\\\``, octal ``\\ooo`` and
``\\uXXXX`` (there is no ``\\x``); single-quoted strings take no escapes. An f-string is lexed
with a mode stack: ``fstart``, then ``ftext`` runs and ``lbrace`` ... ``rbrace`` parts whose
inside are ordinary tokens, then ``fend``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pktscope.errors import ExpressionError

__all__ = ["KEYWORDS", "OPS", "Tok", "tokenize"]

_WS = " \t\r\n"
_DIGITS = frozenset("0123456789")
_NAME_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_FLOAT_RE = re.compile(
    r"[0-9]+[eE][+-]?[0-9]+"
    r"|[0-9]*\.[0-9]+(?:[eE][+-]?[0-9]+)?"
    r"|[0-9]+\.(?![ \t\r\n]*[A-Za-z_])"
)
_RADIX_RE = re.compile(r"0([xX][0-9a-fA-F_]+|[oO][0-7_]+|[bB][01_]+)")
_DEC_RE = re.compile(r"[1-9][0-9_]*|0")
OPS = (
    "::",
    "<<",
    ">>",
    "<=",
    ">=",
    "==",
    "!=",
    "<",
    ">",
    "+",
    "-",
    "*",
    "/",
    "%",
    "&",
    "|",
    "^",
    "~",
    "?",
    ":",
    ".",
    ",",
    "(",
    ")",
    "[",
    "]",
)
_ESCAPES = {
    "a": "\a",
    "b": "\b",
    "t": "\t",
    "n": "\n",
    "v": "\v",
    "f": "\f",
    "r": "\r",
    "e": "\x1b",
    "'": "'",
    '"': '"',
    "\\": "\\",
}
KEYWORDS = frozenset({"and", "or", "not"})


@dataclass(frozen=True)
class Tok:
    """``kind``: int float str name kw op fstart ftext lbrace rbrace fend eof."""

    kind: str
    text: str
    pos: int
    value: object = None


class _Lexer:
    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.toks: list[Tok] = []
        # One entry per open f-string: False while in its text, True inside a `{...}` part.
        self.fstack: list[bool] = []

    def fail(self, message: str, pos: int) -> ExpressionError:
        return ExpressionError(message, expression=self.text, expr_col=pos)

    def run(self) -> list[Tok]:
        text = self.text
        while True:
            if self.fstack and not self.fstack[-1]:
                self.lex_ftext()
                continue
            self.skip_ws()
            if self.pos >= len(text):
                break
            self.lex_one()
        if self.fstack:
            raise self.fail("unterminated f-string", len(text))
        self.toks.append(Tok("eof", "", len(text)))
        return self.toks

    def skip_ws(self) -> None:
        text = self.text
        while self.pos < len(text):
            ch = text[self.pos]
            if ch in _WS:
                self.pos += 1
            elif ch == "\\" and text.startswith("\\\n", self.pos):
                self.pos += 2
            else:
                break

    def lex_one(self) -> None:
        text, start = self.text, self.pos
        ch = text[start]
        if ch == "f" and text.startswith('f"', start):
            self.toks.append(Tok("fstart", 'f"', start))
            self.fstack.append(False)
            self.pos += 2
        elif ch.isascii() and (ch.isalpha() or ch == "_"):
            m = _NAME_RE.match(text, start)
            assert m is not None
            word = m.group()
            self.toks.append(Tok("kw" if word in KEYWORDS else "name", word, start))
            self.pos = m.end()
        elif ch in _DIGITS or (ch == "." and text[start + 1 : start + 2] in _DIGITS):
            self.lex_number()
        elif ch == '"':
            value = self.lex_dstring()
            self.toks.append(Tok("str", text[start : self.pos], start, value))
        elif ch == "'":
            end = text.find("'", start + 1)
            if end < 0:
                raise self.fail("unterminated string literal", start)
            self.toks.append(Tok("str", text[start : end + 1], start, text[start + 1 : end]))
            self.pos = end + 1
        elif ch == "}" and self.fstack:
            self.toks.append(Tok("rbrace", "}", start))
            self.fstack.pop()
            self.fstack.append(False)
            self.pos += 1
        else:
            for op in OPS:
                if text.startswith(op, start):
                    self.toks.append(Tok("op", op, start))
                    self.pos += len(op)
                    return
            raise self.fail(f"unexpected character {ch!r}", start)

    def lex_number(self) -> None:
        text, start = self.text, self.pos
        fm = _FLOAT_RE.match(text, start)
        rm = _RADIX_RE.match(text, start)
        value: int | float
        if rm is not None:
            digits = rm.group(1)[1:].replace("_", "")
            if not digits:
                raise self.fail(f"invalid number literal {rm.group()!r}", start)
            value = int(digits, {"x": 16, "o": 8, "b": 2}[rm.group(1)[0].lower()])
            end, kind = rm.end(), "int"
        elif fm is not None:
            value, end, kind = float(fm.group()), fm.end(), "float"
        else:
            dm = _DEC_RE.match(text, start)
            assert dm is not None
            value, end, kind = int(dm.group().replace("_", "")), dm.end(), "int"
        if end < len(text) and (text[end].isalnum() or text[end] == "_"):
            bad = re.match(r"[0-9A-Za-z_.]*", text[start:])
            assert bad is not None
            raise self.fail(f"invalid number literal {bad.group()!r}", start)
        self.toks.append(Tok(kind, text[start:end], start, value))
        self.pos = end

    def lex_escape(self) -> str:
        """Decode the escape at ``self.pos`` (on the backslash) and move past it."""
        text, start = self.text, self.pos
        ch = text[start + 1 : start + 2]
        if ch in _ESCAPES:
            self.pos += 2
            return _ESCAPES[ch]
        if ch and ch in "01234567":
            m = re.compile(r"[0-7]+").match(text, start + 1)
            assert m is not None
            self.pos = m.end()
            code = int(m.group(), 8)
            if code > 0xFFFF:
                raise self.fail(f"octal escape out of range: \\{m.group()}", start)
            return chr(code)
        if ch == "u":
            digits = text[start + 2 : start + 6]
            if len(digits) == 4 and all(c in "0123456789abcdefABCDEF" for c in digits):
                self.pos = start + 6
                return chr(int(digits, 16))
            raise self.fail("invalid \\u escape, expected 4 hex digits", start)
        if not ch:
            raise self.fail("unterminated string literal", start)
        raise self.fail(f"invalid escape sequence \\{ch}", start)

    def lex_dstring(self) -> str:
        text, start = self.text, self.pos
        self.pos += 1
        out: list[str] = []
        while True:
            if self.pos >= len(text):
                raise self.fail("unterminated string literal", start)
            ch = text[self.pos]
            if ch == '"':
                self.pos += 1
                return "".join(out)
            if ch == "\\":
                out.append(self.lex_escape())
            else:
                out.append(ch)
                self.pos += 1

    def lex_ftext(self) -> None:
        text, start = self.text, self.pos
        out: list[str] = []
        while True:
            if self.pos >= len(text):
                raise self.fail("unterminated f-string", start)
            ch = text[self.pos]
            if ch in '"{':
                break
            if ch == "\\":
                out.append(self.lex_escape())
            else:
                out.append(ch)
                self.pos += 1
        if out:
            self.toks.append(Tok("ftext", text[start : self.pos], start, "".join(out)))
        if ch == '"':
            self.toks.append(Tok("fend", '"', self.pos))
            self.fstack.pop()
        else:
            self.toks.append(Tok("lbrace", "{", self.pos))
            self.fstack[-1] = True
        self.pos += 1


def tokenize(text: str) -> list[Tok]:
    """Tokens of ``text``, ending with an ``eof`` token; ExpressionError when it cannot."""
    return _Lexer(text).run()
