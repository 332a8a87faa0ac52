"""Pass 1 of spec validation: the shape of the loaded YAML, as plain data.

Unknown keys (``-`` prefixed extension keys excepted), bad and duplicate ids, out-of-range bytes,
malformed ``repeat``/``switch``/``valid``/``contents``/``enums``, and the ``meta`` fields
(``id``, ``endian``, ``bit-endian``, ``ks-version``, ``imports``) are reported at their spec path,
without resolving any name or type (that is :mod:`pktscope.spec.validate_attrs`).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable
from typing import Any

from pktscope.spec.validate_hints import check_hints
from pktscope.spec.validate_report import ID_HINT, ID_RE, Report

__all__ = ["KS_VERSION", "ShapeChecker"]

#: The Kaitai Struct language version pktscope implements (``meta/ks-version`` above it fails).
KS_VERSION = (0, 11, 0)

_VERSION_RE = re.compile(r"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(?:\.(0|[1-9][0-9]*))?$")

META_KEYS = frozenset(
    [
        "application",
        "bit-endian",
        "encoding",
        "endian",
        "file-extension",
        "id",
        "imports",
        "ks-debug",
        "ks-opaque-types",
        "ks-version",
        "ks-zero-copy-substream",
        "license",
        "tags",
        "title",
        "xref",
    ]
)
TYPE_KEYS = frozenset(
    ["meta", "doc", "doc-ref", "params", "seq", "instances", "types", "enums", "to-string"]
)
ATTR_KEYS = frozenset(
    [
        "id",
        "doc",
        "doc-ref",
        "type",
        "if",
        "terminator",
        "consume",
        "include",
        "eos-error",
        "valid",
        "repeat",
        "contents",
        "size",
        "size-eos",
        "parent",
        "process",
        "pad-right",
        "encoding",
        "enum",
    ]
)
_SIZED_ONLY_KEYS = frozenset(
    ["size", "size-eos", "contents", "process", "pad-right", "parent", "encoding"]
)
_PRIM_RE = re.compile(r"^(?:[us][1248]|f[48]|b[1-9][0-9]*)(?:be|le)?$")
INSTANCE_KEYS = ATTR_KEYS - {"id"} | {"pos", "io", "value"}
VALUE_INSTANCE_KEYS = frozenset(["doc", "doc-ref", "enum", "if", "value"])
SWITCH_KEYS = frozenset({"switch-on", "cases"})
VALID_KEYS = frozenset(["eq", "min", "max", "any-of", "in-enum", "expr"])
PARAM_KEYS = frozenset(["id", "type", "enum", "doc", "doc-ref"])
ENUM_MEMBER_KEYS = frozenset(["id", "doc", "doc-ref", "-orig-id"])


def _is_ext(key: object) -> bool:
    """Keys starting with ``-`` are extensions (``-pktscope-payload``, ``-webide-...``)."""
    return isinstance(key, str) and key.startswith("-")


def _show(value: object) -> str:
    text = "null" if value is None else repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 60 else text[:57] + "..."


class ShapeChecker:
    """Pass 1: the structure of the YAML, without resolving names or types."""

    def __init__(self, report: Report) -> None:
        self.report = report

    def err(self, message: str, path: str) -> None:
        self.report.add(message, path)

    def keys(self, d: dict[Any, Any], allowed: Iterable[str], path: str, what: str = "") -> None:
        allowed = frozenset(allowed)
        for key in d:
            if key not in allowed and not _is_ext(key):
                expected = ", ".join(sorted(allowed))
                prefix = f"invalid key found in {what}" if what else "unknown key found"
                label = "allowed" if what else "expected"
                close = difflib.get_close_matches(str(key), sorted(allowed), n=1, cutoff=0.7)
                hint = f"; did you mean '{close[0]}'?" if close else ""
                self.err(f"{prefix}, {label}: {expected}{hint}", f"{path}/{key}")

    def check_id(self, value: Any, kind: str, path: str) -> bool:
        if not isinstance(value, str) or not ID_RE.match(value):
            self.err(f"invalid {kind} ID: {_show(value)}, {ID_HINT}", path)
            return False
        return True

    def top(self, data: Any) -> None:
        if not isinstance(data, dict):
            self.err(f"expected map, got {_show(data)}", "")
            return
        meta = data.get("meta")
        if not isinstance(meta, dict):
            if meta is not None or "meta" in data:
                self.err(f"expected map, got {_show(meta)}", "/meta")
            else:
                self.err("no `meta/id` encountered in top-level class spec", "/meta")
        elif "id" not in meta:
            self.err("no `meta/id` encountered in top-level class spec", "/meta")
        self.typespec(data, "", top=True)
        check_hints(self.report, data)

    def meta(self, meta: Any, path: str, *, top: bool) -> None:
        if not isinstance(meta, dict):
            if not top:
                self.err(f"expected map, got {_show(meta)}", path)
            return
        self.keys(meta, META_KEYS, path)
        if "id" in meta:
            self.check_id(meta["id"], "meta", f"{path}/id")
        if "ks-version" in meta:
            self.ks_version(meta["ks-version"], f"{path}/ks-version")
        endian = meta.get("endian")
        if "endian" in meta:
            if isinstance(endian, dict):
                self.switch(endian, f"{path}/endian", endian_cases=True)
            elif endian not in ("be", "le"):
                msg = (
                    "unable to parse endianness: `le`, `be` or calculated endianness map"
                    " is expected"
                )
                self.err(msg, f"{path}/endian")
        if "bit-endian" in meta and meta["bit-endian"] not in ("be", "le"):
            msg = (
                f"unable to parse bit endianness: expected `le` or `be`, found {meta['bit-endian']}"
            )
            self.err(msg, f"{path}/bit-endian")
        if "imports" in meta:
            imports = meta["imports"]
            if not isinstance(imports, list):
                self.err(f"expected array, got {_show(imports)}", f"{path}/imports")
            else:
                for i, name in enumerate(imports):
                    if not isinstance(name, str) or not name:
                        self.err(f"expected string, got {_show(name)}", f"{path}/imports/{i}")
        if "encoding" in meta and not isinstance(meta["encoding"], str):
            self.err(f"expected string, got {_show(meta['encoding'])}", f"{path}/encoding")

    def ks_version(self, value: Any, path: str) -> None:
        text = str(value)
        m = _VERSION_RE.match(text)
        if m is None or isinstance(value, bool):
            self.err(
                f"invalid compiler version {text!r}, expected 'X.Y' or 'X.Y.Z', where X, Y, Z"
                " are non-negative integers without leading zeros",
                path,
            )
            return
        version = tuple(int(g or 0) for g in m.groups())
        if version < (0, 6, 0):
            hint = ""
            if isinstance(value, float):
                hint = f" (if you meant {text}0, quote it: ks-version: '{text}0')"
            self.err(f"minimum allowed version is 0.6, but got {text}{hint}", path)
        elif version > KS_VERSION:
            have = ".".join(map(str, KS_VERSION))
            self.err(
                f"this ksy requires compiler version at least {text},"
                f" but pktscope implements {have}",
                path,
            )

    def typespec(self, d: Any, path: str, *, top: bool = False) -> None:
        if not isinstance(d, dict):
            if d is not None:
                self.err(f"expected map, got {_show(d)}", path or "")
            return
        self.keys(d, TYPE_KEYS, path)
        if "meta" in d:
            self.meta(d["meta"], f"{path}/meta", top=top)
        attr_ids: dict[str, str] = {}
        params = d.get("params")
        if params is not None:
            if not isinstance(params, list):
                self.err(f"expected array, found {_show(params)}", f"{path}/params")
            else:
                for i, p in enumerate(params):
                    self.param(p, f"{path}/params/{i}", attr_ids)
        seq = d.get("seq")
        if "seq" in d and seq is not None:
            if not isinstance(seq, list):
                self.err(f"expected array, found {_show(seq)}", f"{path}/seq")
            else:
                for i, attr in enumerate(seq):
                    self.seq_attr(attr, f"{path}/seq/{i}", attr_ids)
        self.named_map(d, "instances", path, self.instance, attr_ids)
        self.named_map(d, "types", path, self.subtype, attr_ids)
        self.named_map(d, "enums", path, self.enum, attr_ids)

    def named_map(
        self,
        d: dict[Any, Any],
        key: str,
        path: str,
        fn: Callable[[Any, Any, str, dict[str, str]], None],
        ids: dict[str, str],
    ) -> None:
        value = d.get(key)
        if value is None:
            return
        if not isinstance(value, dict):
            self.err(f"expected map, got {_show(value)}", f"{path}/{key}")
            return
        for name, sub in value.items():
            fn(name, sub, f"{path}/{key}/{name}", ids)

    def subtype(self, name: Any, d: Any, path: str, _ids: dict[str, str]) -> None:
        self.check_id(name, "type", path)
        self.typespec(d, path)

    def claim(self, ident: str, where: str, report_at: str, ids: dict[str, str]) -> None:
        if ident in ids:
            self.err(
                f"duplicate attribute ID '{ident}', previously defined at {ids[ident]}", report_at
            )
        else:
            ids[ident] = where

    def param(self, p: Any, path: str, ids: dict[str, str]) -> None:
        if not isinstance(p, dict):
            self.err(f"expected map, got {_show(p)}", path)
            return
        self.keys(p, PARAM_KEYS, path)
        if self.check_id(p.get("id"), "parameter", f"{path}/id"):
            self.claim(p["id"], f"{path}/id", f"{path}/id", ids)
        if "type" in p and not isinstance(p["type"], str):
            self.err(f"expected string, got {_show(p['type'])}", f"{path}/type")

    def seq_attr(self, a: Any, path: str, ids: dict[str, str]) -> None:
        if not isinstance(a, dict):
            self.err(f"expected map, got {_show(a)}", path)
            return
        if "id" in a and self.check_id(a["id"], "attribute", f"{path}/id"):
            self.claim(a["id"], f"{path}/id", f"{path}/id", ids)
        self.attr_body(a, path, ATTR_KEYS)

    def instance(self, name: Any, a: Any, path: str, ids: dict[str, str]) -> None:
        if self.check_id(name, "instance", path):
            self.claim(name, path, path, ids)
        if not isinstance(a, dict):
            self.err(f"expected map, got {_show(a)}", path)
            return
        if "value" in a:
            if a["value"] is None:
                self.err("expected string, got null", f"{path}/value")
            self.keys(a, VALUE_INSTANCE_KEYS, path, "value instance")
            return
        self.attr_body(a, path, INSTANCE_KEYS)

    def attr_body(self, a: dict[Any, Any], path: str, allowed: frozenset[str]) -> None:
        repeat = a.get("repeat")
        extra = (
            {"repeat-expr"}
            if repeat == "expr"
            else {"repeat-until"}
            if repeat == "until"
            else set()
        )
        typ = a.get("type")
        if isinstance(typ, str) and _PRIM_RE.match(typ.strip()):
            # a number has no byte size, contents, processing, padding or encoding
            allowed = allowed - _SIZED_ONLY_KEYS
        elif isinstance(typ, str) and typ.strip() not in ("str", "strz"):
            allowed = allowed - {"encoding"}
        self.keys(a, allowed | extra, path)
        if "size" in a and a.get("size-eos") is True:
            self.err("only one of 'size' or 'size-eos' must be specified", path)
        bounded = any(k in a for k in ("size", "size-eos", "terminator", "contents"))
        if (typ == "str" or ("type" not in a and "value" not in a)) and not bounded:
            self.err("'size', 'size-eos' or 'terminator' must be specified", path)
        if "repeat" in a:
            if repeat not in ("eos", "expr", "until"):
                self.err(f"expected eos / expr / until, got {_show(repeat)}", f"{path}/repeat")
            elif repeat != "eos" and a.get(f"repeat-{repeat}") is None:
                self.err(
                    f"`repeat: {repeat}` requires a `repeat-{repeat}` expression", f"{path}/repeat"
                )
        for key in ("pad-right", "terminator"):
            if key in a:
                v = a[key]
                if isinstance(v, bool) or not isinstance(v, int) or not 0 <= v <= 255:
                    self.err(f"expected an integer from 0 to 255, got {_show(v)}", f"{path}/{key}")
        for key in ("if", "size", "repeat-expr", "repeat-until", "pos", "io"):
            if key in a and a[key] is None:
                self.err("expected string, got null", f"{path}/{key}")
        for key in ("size-eos", "consume", "include", "eos-error"):
            if key in a and not isinstance(a[key], bool):
                self.err(f"expected boolean, got {_show(a[key])}", f"{path}/{key}")
        typ = a.get("type")
        if "type" in a:
            if isinstance(typ, dict):
                self.switch(typ, f"{path}/type", endian_cases=False)
            elif not isinstance(typ, str):
                self.err(f"expected map or string, found {_show(typ)}", f"{path}/type")
        if "valid" in a:
            self.valid(a["valid"], a, f"{path}/valid")
        if "contents" in a:
            self.contents(a["contents"], f"{path}/contents")
        if "encoding" in a and not isinstance(a["encoding"], str):
            self.err(f"expected string, got {_show(a['encoding'])}", f"{path}/encoding")
        if "enum" in a and not isinstance(a["enum"], str):
            self.err(f"expected string, got {_show(a['enum'])}", f"{path}/enum")

    def contents(self, value: Any, path: str) -> None:
        items = value if isinstance(value, list) else [value]
        for i, x in enumerate(items):
            where = f"{path}/{i}" if isinstance(value, list) else path
            if isinstance(x, bool) or not isinstance(x, int | str):
                self.err(f"unable to parse fixed content: {_show(x)}", where)
            elif isinstance(x, int) and not 0 <= x <= 255:
                self.err(f"expected an integer from 0 to 255, got {x}", where)

    def valid(self, v: Any, attr: dict[Any, Any], path: str) -> None:
        if not isinstance(v, dict):
            if v is None:
                self.err("expected string, got null", path)
            return
        self.keys(v, VALID_KEYS, path)
        if "in-enum" in v:
            if v["in-enum"] is not True:
                self.err(
                    f"only `true` is supported as value, got `{_show(v['in-enum']).lower()}`"
                    " (if you don't want any validation, omit the `valid` key)",
                    f"{path}/in-enum",
                )
            elif "enum" not in attr:
                self.err("`valid/in-enum` requires the `enum` key", f"{path}/in-enum")
        if "any-of" in v and not isinstance(v["any-of"], list):
            self.err(f"expected array, got {_show(v['any-of'])}", f"{path}/any-of")

    def switch(self, d: dict[Any, Any], path: str, *, endian_cases: bool) -> None:
        self.keys(d, SWITCH_KEYS, path)
        for key in ("switch-on", "cases"):
            if key not in d:
                self.err(f"missing mandatory argument `{key}`", path)
        cases = d.get("cases")
        if "cases" not in d:
            return
        if not isinstance(cases, dict):
            self.err(f"expected map, got {_show(cases)}", f"{path}/cases")
            return
        for key, value in cases.items():
            if isinstance(key, tuple | list | dict) or key is None:
                self.err(
                    f"expected string, got {_show(list(key) if isinstance(key, tuple) else key)}",
                    f"{path}/cases",
                )
            elif endian_cases and value not in ("be", "le"):
                self.err(f"expected be / le, got {_show(value)}", f"{path}/cases/{key}")
            elif not endian_cases and not isinstance(value, str):
                self.err(f"expected string, got {_show(value)}", f"{path}/cases/{key}")

    def enum(self, name: Any, d: Any, path: str, _ids: dict[str, str]) -> None:
        self.check_id(name, "enum", path)
        if not isinstance(d, dict):
            self.err(f"expected map, got {_show(d)}", path)
            return
        labels: dict[str, str] = {}
        for key, value in d.items():
            where = f"{path}/{key}"
            if isinstance(key, bool) or not isinstance(key, int):
                self.err(f"unable to parse enum key, expected integer, got {_show(key)}", where)
                continue
            label = value
            if isinstance(value, dict):
                self.keys(value, ENUM_MEMBER_KEYS, where)
                label = value.get("id")
                if "id" not in value:
                    self.err("missing mandatory argument `id`", where)
                    continue
            elif value is None or isinstance(value, list):
                self.err(f"expected string or map, got {_show(value)}", where)
                continue
            if isinstance(label, bool):
                label = str(label).lower()
            if not isinstance(label, str) or not ID_RE.match(label):
                self.err(f"invalid enum member ID: {_show(label)}, {ID_HINT}", where)
            elif label in labels:
                self.err(
                    f"duplicate enum member ID: '{label}', previously defined at {labels[label]}",
                    where,
                )
            else:
                labels[label] = where
