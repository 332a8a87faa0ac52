"""Filter text → tokens, each with its 1-based column.

Tokens: field paths and bare literals (``ipv4.src``, ``10.0.0.1``, ``00:16:3e:00:00:01``,
``0x43``, ``00163e...``) are one ``WORD`` kind, resolved against the field's type at evaluation
time; quoted strings; comparison operators; ``and or not`` and ``&& || !``; parentheses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pktscope.errors import FilterError

__all__ = ["Token", "tokenize"]

# Longest first, so "==" wins over "=" and "!=" over "!".
_OPS = ("==", "!=", "~=", ">=", "<=", "&&", "||", ">", "<", "!", "(", ")", "=", "~")
_WORD = re.compile(r"[A-Za-z0-9_.:\[\]\-/]+")
_KEYWORDS = {
    "and": "and",
    "or": "or",
    "not": "not",
    "contains": "contains",
    "matches": "matches",
    "eq": "==",
    "ne": "!=",
    "all_ne": "!=",
    "any_ne": "~=",
    "any_eq": "==",
    "gt": ">",
    "lt": "<",
    "ge": ">=",
    "le": "<=",
}
_OP_ALIASES = {"&&": "and", "||": "or", "!": "not", "=": "==", "~": "matches"}


@dataclass(frozen=True, slots=True)
class Token:
    """``kind`` is ``word``, ``string``, an operator/keyword text, or ``end``."""

    kind: str
    text: str
    col: int


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into tokens; an unknown character raises :class:`FilterError` at its column.

    >>> [t.kind for t in tokenize('udp && ipv4.ttl >= 64')]
    ['word', 'and', 'word', '>=', 'word', 'end']
    """
    tokens: list[Token] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
            continue
        col = i + 1
        if ch in "\"'":
            j = i + 1
            out: list[str] = []
            while j < n and text[j] != ch:
                if text[j] == "\\" and j + 1 < n:
                    j += 1
                out.append(text[j])
                j += 1
            if j >= n:
                raise FilterError("unterminated string", text=text, col=col)
            tokens.append(Token("string", "".join(out), col))
            i = j + 1
            continue
        m = _WORD.match(text, i)
        if m:
            word = m.group(0)
            kind = _KEYWORDS.get(word.lower(), "word")
            tokens.append(Token(kind, word, col))
            i = m.end()
            continue
        for op in _OPS:
            if text.startswith(op, i):
                tokens.append(Token(_OP_ALIASES.get(op, op), op, col))
                i += len(op)
                break
        else:
            raise FilterError(f"unexpected character {ch!r}", text=text, col=col)
    tokens.append(Token("end", "", n + 1))
    return tokens
