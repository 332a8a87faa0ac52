"""Style advice on a spec, as :class:`~pktscope.spec.validate.SpecWarning` (never a failure):
encoding names that are unknown or not in canonical spelling, and integer ids used only as the
byte size (``len_foo``) or the repeat count (``num_foos``) of one field but named otherwise.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pktscope.errors import ExpressionError, SpecError
from pktscope.spec import expr_ast as A
from pktscope.spec.expr import parse_expr
from pktscope.spec.load import Loaded
from pktscope.spec.validate_report import SpecWarning

__all__ = ["CANONICAL_ENCODINGS", "canonical_encoding", "style_warnings"]

CANONICAL_ENCODINGS = (
    "ASCII UTF-8 UTF-16BE UTF-16LE UTF-32BE UTF-32LE SJIS BIG5 EUC-JP EUC-KR GB2312 GBK GB18030"
    " KOI8-R KOI8-U IBM437 IBM850 IBM866 ISO-2022-JP"
    " "
    + " ".join(f"ISO-8859-{i}" for i in (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 15, 16))
    + " "
    + " ".join(f"windows-{i}" for i in range(1250, 1259))
).split()
_BY_CODEC = {codecs.lookup(name).name: name for name in CANONICAL_ENCODINGS}
_STYLE_URL = "https://doc.kaitai.io/ksy_style_guide.html"


def canonical_encoding(name: str) -> str | None:
    """The canonical Kaitai spelling of an encoding name, or None if Python does not know it."""
    try:
        return _BY_CODEC.get(codecs.lookup(name).name, name)
    except LookupError:
        return None


def _encoding_advice(name: Any) -> str | None:
    if not isinstance(name, str):
        return None
    canon = canonical_encoding(name)
    if canon is None:
        return f"unrecognized encoding name {name!r}"
    if canon != name:
        return (
            f"use canonical encoding name `{canon}` instead of `{name}`"
            f" (see {_STYLE_URL}#encoding-name)"
        )
    return None


def _types(data: Any, path: str) -> Iterator[tuple[dict[Any, Any], str]]:
    if not isinstance(data, dict):
        return
    yield data, path
    for name, sub in (
        (data.get("types") or {}).items() if isinstance(data.get("types"), dict) else ()
    ):
        yield from _types(sub, f"{path}/types/{name}")


def _attrs(
    spec: dict[Any, Any], path: str
) -> Iterator[tuple[str | None, dict[Any, Any], str, str]]:
    """(id, attr, attr path, path of its id) for seq items and instances."""
    seq = spec.get("seq")
    for i, a in enumerate(seq if isinstance(seq, list) else []):
        if isinstance(a, dict):
            ident = a.get("id")
            yield (
                ident if isinstance(ident, str) else None,
                a,
                f"{path}/seq/{i}",
                f"{path}/seq/{i}/id",
            )
    inst = spec.get("instances")
    for name, a in inst.items() if isinstance(inst, dict) else ():
        if isinstance(a, dict):
            yield str(name), a, f"{path}/instances/{name}", f"{path}/instances/{name}"


_USE_KEYS = ("size", "repeat-expr", "if", "pos", "value", "repeat-until", "io")


def _names(node: A.Node) -> Iterator[str]:
    if isinstance(node, A.Name):
        yield node.name
    for value in vars(node).values():
        for item in value if isinstance(value, tuple) else (value,):
            if isinstance(item, A.Node) and not (isinstance(node, A.Attr) and item is not node.obj):
                yield from _names(item)


def _id_advice(spec: dict[Any, Any], path: str) -> Iterator[tuple[str, str]]:
    attrs = list(_attrs(spec, path))
    uses: dict[str, list[tuple[str, str | None, bool]]] = {}
    for ident, a, _, _ in attrs:
        for key in _USE_KEYS:
            text = a.get(key)
            if not isinstance(text, str):
                continue
            try:
                node = parse_expr(text)
            except ExpressionError:
                continue
            whole = node.name if isinstance(node, A.Name) else None
            for n in _names(node):
                uses.setdefault(n, []).append((key, ident, n == whole))
    for ident, a, _, id_path in attrs:
        if ident is None or a.get("repeat"):
            continue
        found = uses.get(ident, [])
        targets = {t for _, t, _ in found}
        if not found or len(targets) != 1 or not all(whole for _, _, whole in found):
            continue
        keys = {k for k, _, _ in found}
        (target,) = targets
        if target is None:
            continue
        if keys == {"size"} and ident != f"len_{target}":
            yield (
                id_path,
                (
                    f"use `len_{target}` instead of `{ident}`, given that it's only used as a byte"
                    f" size of `{target}` (see {_STYLE_URL}#attr-id)"
                ),
            )
        elif keys == {"repeat-expr"} and ident != f"num_{target}":
            yield (
                id_path,
                (
                    f"use `num_{target}` instead of `{ident}`, given that it's only used as repeat"
                    f" count of `{target}` (see {_STYLE_URL}#attr-id)"
                ),
            )


def style_warnings(loaded: Loaded) -> list[SpecError]:
    found: list[tuple[str, str]] = []
    for spec, path in _types(loaded.data, ""):
        meta = spec.get("meta")
        if isinstance(meta, dict) and "encoding" in meta:
            advice = _encoding_advice(meta["encoding"])
            if advice:
                found.append((f"{path}/meta/encoding", advice))
        for _, a, apath, _ in _attrs(spec, path):
            if "encoding" in a:
                advice = _encoding_advice(a["encoding"])
                if advice:
                    found.append((f"{apath}/encoding", advice))
        found.extend(_id_advice(spec, path))
    meta = loaded.data.get("meta") if isinstance(loaded.data, dict) else None
    sid = meta.get("id") if isinstance(meta, dict) else None
    stem = Path(loaded.file).stem if loaded.file else None
    if isinstance(sid, str) and stem is not None and stem != sid:
        found.append(
            (
                "/meta/id",
                f"id '{sid}' differs from the file name '{stem}.ksy': imports, --spec-dir and "
                "--decode-as find a spec by its file name, and its layer takes that name",
            )
        )
    out: list[SpecError] = []
    for where, message in found:
        line, col = loaded.loc(where)
        out.append(SpecWarning(message, file=loaded.file, line=line, col=col, spec_path=where))
    return out
