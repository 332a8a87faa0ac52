"""Extracted values → the text and JSON ``pktscope fields`` prints, as the field model would.

An extracted value is what the generated parser holds (an int, a bool, bytes, text), with an
enum kept as its integer; each column's facts (display hint, size, enum labels) say how the
field renders. :func:`text_renderer` and :func:`json_renderer` give, per column, a function
equal to ``field_text`` / ``field_json`` of :mod:`pktscope.commands.fields` on the same field
(tests/extract checks both on every capture), with the common cases done without the generic
renderer: bytes shown as hex, a 4-byte ``ipv4``, a plain integer.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar


def display_value(value: Any, hint: str | None, *, enum_names: bool, size: int | None) -> str:
    """:func:`pktscope.render.display.display_value`, imported on first use (the common
    values render without it, and ``fields`` starts faster)."""
    from pktscope.render.display import display_value as shared  # noqa: PLC0415

    return shared(value, hint, enum_names=enum_names, size=size)


__all__ = ["RowCode", "json_renderer", "json_row_code", "text_renderer", "text_row_code"]

Facts = tuple[str | None, int | None, Mapping[int, str] | None]
_T = TypeVar("_T")


def _plain(hint: str | None, size: int | None) -> Callable[[Any], str]:
    """``display_plain`` of a scalar field: the shared renderer, enums as integers."""
    if hint in (None, "hex"):

        def show(v: Any) -> str:
            t = type(v)
            if t is bytes:
                return str(v.hex())
            if t is int and hint is None:
                return str(v)
            return display_value(v, hint, enum_names=False, size=size)

        return show
    if hint == "ipv4":

        def show_ipv4(v: Any) -> str:
            if type(v) is bytes and len(v) == 4:
                return f"{v[0]}.{v[1]}.{v[2]}.{v[3]}"
            return display_value(v, hint, enum_names=False, size=size)

        return show_ipv4

    def show_any(v: Any) -> str:
        return display_value(v, hint, enum_names=False, size=size)

    return show_any


def text_renderer(facts: Facts, names: bool) -> Callable[[Any], str]:
    """The column's text of one value (``field_text``)."""
    hint, size, labels = facts
    plain = _plain(hint, size)
    if not names or not labels:
        return plain
    table = dict(labels)

    def named(v: Any) -> str:
        if type(v) is int:
            label = table.get(v)
            if label is not None:
                return label
        return plain(v)

    return named


def json_renderer(facts: Facts, names: bool) -> Callable[[Any], Any]:
    """The column's JSON value of one value (``field_json``)."""
    hint, size, labels = facts
    plain = _plain(hint, size)
    table = dict(labels) if labels else {}
    address = hint in ("ipv4", "ipv6", "mac")

    def to_json(v: Any) -> Any:
        if isinstance(v, bool):
            return v
        if type(v) is int:
            if v in table:
                return table[v] if names else v
            return plain(v) if address else v
        if isinstance(v, float):
            return v
        return plain(v)

    return to_json


def _fast_text(i: int, facts: Facts, names: bool) -> str:
    """A Python expression for column ``i``'s text of value ``v{i}`` (``R[i]`` otherwise)."""
    hint, _size, labels = facts
    v = f"v{i}"
    generic = f"R[{i}]({v})"
    if names and labels:
        return f"(L[{i}][{v}] if type({v}) is int and {v} in L[{i}] else {generic})"
    if hint in (None, "hex"):
        text = f"({v}.hex() if type({v}) is bytes else {generic})"
        if hint is None:
            text = f'(f"{{{v}}}" if type({v}) is int else {text[1:-1]})'
        return text
    if hint == "ipv4":
        return f"(D[{v}] if type({v}) is bytes and len({v}) == 4 else {generic})"
    return generic


def _typed_text(i: int, facts: Facts, names: bool, kind: str | None) -> str | None:
    """:func:`_fast_text` for a value whose type is known (``int``, ``bytesN``), without
    the type tests; None when the renderer has to look."""
    hint, _size, labels = facts
    v = f"v{i}"
    if names and labels:
        return f"(L[{i}][{v}] if {v} in L[{i}] else R[{i}]({v}))" if kind == "int" else None
    if kind == "int" and hint is None:
        return f'f"{{{v}}}"'
    if kind is not None and kind.startswith("bytes") and hint in (None, "hex"):
        return f"{v}.hex()"
    if kind == "bytes4" and hint == "ipv4":
        return f"D[{v}]"
    return None


class _Dotted(dict[bytes, str]):
    """Dotted text of 4-byte addresses, each made once (a capture repeats its hosts); at
    most ``_DOTTED_MAX`` kept."""

    def __missing__(self, key: bytes) -> str:
        text = f"{key[0]}.{key[1]}.{key[2]}.{key[3]}"
        if len(self) < _DOTTED_MAX:
            self[key] = text
        return text


_DOTTED_MAX = 1 << 16


class RowCode:
    """How a frame's extracted columns (``cols``) become its output line: ``body`` are
    statements (no indent) setting ``line`` from ``cols``, run in namespace ``ns``; ``row`` is
    the same as a function. The scan loop inlines ``body`` (no call per frame)."""

    __slots__ = ("body", "ns", "row", "spec")

    def __init__(
        self,
        body: list[str],
        ns: dict[str, Any],
        spec: Callable[[list[int], list[str], list[str | None]], list[str] | None] | None = None,
    ) -> None:
        self.body = body
        self.ns = ns
        self.spec = spec or _lists_body
        """``spec(counts, values, kinds)``: statements setting ``line`` when column ``i`` has
        ``counts[i]`` values, whose code is in ``values`` (all columns' in order) and whose
        type is ``kinds`` (``int``, ``bytesN``, ``bytes`` or None: unknown): a specialised
        extractor's line (:mod:`pktscope.extract.trace`)."""
        src = "def row(cols):\n" + "".join(f"    {b}\n" for b in body) + "    return line\n"
        exec(compile(src, "<pktscope fields row>", "exec"), ns)
        self.row: Callable[[list[list[Any]]], str] = ns["row"]

    def framer(self, layer: Callable[..., None], columns: int) -> Callable[[Any, int, int], str]:
        """``line(buf, start, end)``: a frame's line, its columns extracted by ``layer`` (an
        extractor's first layer for the capture's link type) and rendered here, in one call."""
        cols = "[" + ", ".join("[]" for _ in range(columns)) + "]"
        src = (
            "def make(layer):\n    def line_of(buf, start, end):\n"
            f"        cols = {cols}\n        layer(buf, start, end, cols, 1)\n"
            + "".join(f"        {b}\n" for b in self.body)
            + "        return line\n    return line_of\n"
        )
        ns = dict(self.ns)
        exec(compile(src, "<pktscope fields frame>", "exec"), ns)
        made: Callable[[Any, int, int], str] = ns["make"](layer)
        return made


def _grouped(counts: list[int], values: list[_T]) -> list[list[_T]]:
    """``values`` (all columns' in order) split into the columns' lists."""
    out: list[list[_T]] = []
    k = 0
    for n in counts:
        out.append(values[k : k + n])
        k += n
    return out


def _lists_body(counts: list[int], values: list[str], kinds: list[str | None]) -> list[str]:
    """The columns as lists, then the general row statements."""
    cols = ", ".join("[" + ", ".join(vals) + "]" for vals in _grouped(counts, values))
    return [f"cols = [{cols}]", "line = ROW(cols)"]


def json_row_code(paths: list[str], facts: list[Facts], names: bool) -> RowCode:
    """``--json``: one object per frame keyed by path (``json_row`` of the field model)."""
    import json  # noqa: PLC0415 - only for --json

    convs = [json_renderer(f, names) for f in facts]
    keyed = list(zip(paths, convs, strict=True))

    def to_line(cols: list[list[Any]]) -> str:
        obj: dict[str, Any] = {}
        for (path, conv), vals in zip(keyed, cols, strict=True):
            if not vals:
                obj[path] = None
            elif len(vals) == 1:
                obj[path] = conv(vals[0])
            else:
                obj[path] = [conv(v) for v in vals]
        return json.dumps(obj, ensure_ascii=False)

    return RowCode(["line = JSON(cols)"], {"JSON": to_line})


def text_row_code(
    facts: list[Facts],
    names: bool,
    *,
    separator: str,
    aggregator: str,
    quote: str,
    occurrence: str,
) -> RowCode:
    """The text line of a frame's extracted columns, as ``row_text`` prints it: generated
    code, the usual single occurrence rendered inline, several joined as ``-E`` says."""
    head = ["".join(f"c{i}, " for i in range(len(facts))) + "= cols"]
    none = "None" if quote else '""'  # no occurrence: an empty, unquoted column
    body: list[str] = []
    for i, f in enumerate(facts):
        body += [  # unpacking one value is cheaper than testing the length
            "try:",
            f"    v{i}, = c{i}",
            "except ValueError:",
            f"    t{i} = J(R[{i}], c{i}) if c{i} else {none}",
            "else:",
            f"    t{i} = {_fast_text(i, f, names)}",
        ]
    if quote:
        parts = [f'(Q + t{i} + Q if t{i} is not None else "")' for i in range(len(facts))]
    else:
        parts = [f"t{i}" for i in range(len(facts))]
    if quote:
        final = "line = " + " + S + ".join(parts)
    else:  # one f-string: no intermediate strings
        sep = separator.replace("{", "{{").replace("}", "}}")
        final = "line = f" + repr(sep.join(f"{{{p}}}" for p in parts))

    def spec(counts: list[int], values: list[str], kinds: list[str | None]) -> list[str]:
        """The row when column ``i`` always has ``counts[i]`` values (known codes)."""
        lines: list[str] = []
        typed = _grouped(counts, kinds)
        for i, (f, vals) in enumerate(zip(facts, _grouped(counts, values), strict=True)):
            if not vals:
                lines.append(f"t{i} = {none}")
            elif len(vals) == 1:
                text = _typed_text(i, f, names, typed[i][0]) or _fast_text(i, f, names)
                lines += [f"v{i} = {vals[0]}", f"t{i} = {text}"]
            else:
                lines.append(f"t{i} = J(R[{i}], [{', '.join(vals)}])")
        return [*lines, final]

    renderers = [text_renderer(f, names) for f in facts]

    def join(show: Callable[[Any], str], vals: list[Any]) -> str:
        if occurrence == "f":
            vals = vals[:1]
        elif occurrence == "l":
            vals = vals[-1:]
        return aggregator.join([show(v) for v in vals])

    ns: dict[str, Any] = {
        "D": _Dotted(),
        "R": renderers,
        "L": [dict(f[2]) if f[2] else {} for f in facts],
        "J": join,
        "Q": quote,
        "S": separator,
    }
    return RowCode([*head, *body, final], ns, spec)
