"""pktscope's own ``-pktscope-*`` keys (specs/README.md), checked with the shape pass.

The official compiler ignores every key that starts with ``-``, and so would a reader of these
keys that met a misspelt one: ``-pktscope-paylod`` or a payload ``field`` naming no field would
then do nothing, silently. Here each key is known by name and place, and each value has the
form the dissector chain and the field model read.

>>> from pktscope.spec.validate import check_spec
>>> text = "meta: {id: x}\\n-pktscope-paylod: {field: a}\\nseq: [{id: a, size-eos: true}]"
>>> [e.message for e in check_spec(text)]
['unknown key -pktscope-paylod; did you mean -pktscope-payload?']
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from typing import Any

from pktscope.spec.types import int_range
from pktscope.spec.validate_report import Report

__all__ = ["check_hints"]

PREFIX = "-pktscope-"
TYPE_KEYS = ("aliases", "layer", "linktypes", "payload", "value")  # beside `seq` (root: or meta)
ROOT_ONLY = ("aliases", "layer", "linktypes", "payload")
FIELD_KEYS = ("bytes", "display", "eager")  # on a seq field or an instance (see field())
DISPLAYS = ("mac", "ipv4", "ipv6", "hex", "text")
PAYLOAD_NAMES = ("field", "offset", "end", "length", "when")  # each names a field or instance
PAYLOAD_KEYS = (*PAYLOAD_NAMES, "next-on", "next_on", "next", "default", "quoted", "overrun")


def check_hints(report: Report, data: Any) -> None:
    """Add an error to ``report`` for each ``-pktscope-*`` key that is unknown, misplaced or
    malformed, in the spec ``data`` and its nested types."""
    if isinstance(data, dict):
        _HintChecker(report).type_def(data, "", root=True)


def _unknown(name: str, known: tuple[str, ...], where: str) -> str:
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    text = f"unknown key {PREFIX}{name}"
    if close:
        return text + f"; did you mean {PREFIX}{close[0]}?"
    return text + f" {where} (known: " + ", ".join(PREFIX + k for k in known) + ")"


class _HintChecker:
    def __init__(self, report: Report) -> None:
        self.report = report

    def err(self, message: str, path: str) -> None:
        self.report.add(message, path)

    def type_def(self, t: dict[Any, Any], path: str, *, root: bool) -> None:
        names = _attr_ids(t)
        holders = [(t, path)]
        meta = t.get("meta")
        if root and isinstance(meta, dict):
            holders.append((meta, f"{path}/meta"))
        for holder, hpath in holders:
            for key, name, kpath, value in _own_keys(holder, hpath):
                if name in FIELD_KEYS:
                    self.err(f"{key} belongs on a seq field or an instance, not on a type", kpath)
                elif name not in TYPE_KEYS:
                    self.err(_unknown(name, TYPE_KEYS, "on a type"), kpath)
                elif name in ROOT_ONLY and not root:
                    self.err(f"{key} belongs on the root type (the top of the file)", kpath)
                else:
                    getattr(self, f"type_{name}")(value, kpath, names)
        seq = t.get("seq")
        for i, a in enumerate(seq if isinstance(seq, list) else []):
            if isinstance(a, dict):
                self.field(a, f"{path}/seq/{i}", names, instance=False)
        insts = t.get("instances")
        for iname, a in (insts if isinstance(insts, dict) else {}).items():
            if isinstance(a, dict):
                self.field(a, f"{path}/instances/{iname}", names, instance=True)
        types = t.get("types")
        for tname, sub in (types if isinstance(types, dict) else {}).items():
            if isinstance(sub, dict):
                self.type_def(sub, f"{path}/types/{tname}", root=False)

    def field(self, a: dict[Any, Any], path: str, names: set[str], *, instance: bool) -> None:
        for key, name, kpath, value in _own_keys(a, path):
            if name in TYPE_KEYS:
                self.err(f"{key} belongs on a type (beside its `seq`), not on a field", kpath)
            elif name not in FIELD_KEYS:
                self.err(_unknown(name, FIELD_KEYS, "on a field"), kpath)
            elif name == "bytes":
                paths = [value] if isinstance(value, str) else value
                if not instance or "value" not in a:
                    self.err(f"{key} belongs on a value instance (a read field has bytes)", kpath)
                elif not isinstance(paths, list) or not all(isinstance(p, str) for p in paths):
                    self.err(f"{key} must be a path or a list of paths (alias syntax)", kpath)
                else:
                    for i, p in enumerate(paths):
                        self._path(p, f"{kpath}/{i}" if len(paths) > 1 else kpath, names, key)
            elif name == "eager":
                if not instance:
                    self.err(f"{key} belongs on an instance (a seq field is always read)", kpath)
                elif value is not True:
                    self.err(f"{key} must be true (leave it out for a lazy instance)", kpath)
            elif value not in DISPLAYS:
                self.err(f"{key} must be one of {', '.join(DISPLAYS)}, not {value!r}", kpath)
            else:
                clash = _display_clash(value, a.get("type"), a.get("size"))
                if clash is not None:
                    self.report.add(f"{key}: {value} {clash}", kpath, warning=True)

    def _path(self, value: str, path: str, names: set[str], what: str) -> None:
        """A relative path in alias syntax (``a.b[2].c``, ``items[].x``) whose first step
        names a field, instance or alias of this type."""
        if not _PATH_RE.fullmatch(value):
            self.err(f"{what}: {value!r} is not a path (ids joined by '.', '[i]' or '[]')", path)
            return
        first = value.split(".", maxsplit=1)[0].split("[", maxsplit=1)[0]
        if first not in names:
            close = difflib.get_close_matches(first, sorted(names), n=1, cutoff=0.6)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            self.err(
                f"{what}: path {value!r} starts at {first!r}, no field or instance of this "
                f"type{hint}",
                path,
            )

    def _name(self, value: Any, path: str, names: set[str], what: str) -> None:
        if not isinstance(value, str):
            self.err(f"{what} must name a field or instance of this type", path)
        elif value not in names:
            close = difflib.get_close_matches(value, sorted(names), n=1, cutoff=0.6)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            self.err(f"{what} names {value!r}, no field or instance of this type{hint}", path)

    def type_payload(self, v: Any, path: str, names: set[str]) -> None:
        if not isinstance(v, dict):
            self.err("-pktscope-payload must be a map (field, end, next-on, next, ...)", path)
            return
        for key, value in v.items():
            kpath = f"{path}/{key}"
            if key not in PAYLOAD_KEYS:
                close = difflib.get_close_matches(str(key), PAYLOAD_KEYS, n=1, cutoff=0.6)
                hint = f"; did you mean {close[0]!r}?" if close else ""
                self.err(f"unknown key {key!r} in -pktscope-payload{hint}", kpath)
            elif key in PAYLOAD_NAMES:
                self._name(value, kpath, names, f"payload {key}")
            elif key in ("next-on", "next_on"):
                items = [value] if isinstance(value, str) else value
                if not isinstance(items, list):
                    self.err("payload next-on must be a name or a list of names", kpath)
                    continue
                for i, item in enumerate(items):
                    self._name(item, f"{kpath}/{i}", names, "payload next-on")
            elif key == "next":
                if not isinstance(value, dict):
                    self.err("payload next must be a map of selector values to spec names", kpath)
                    continue
                for sel, spec in value.items():
                    if not isinstance(spec, str) or not spec:
                        self.err(f"payload next: the spec for {sel!r} must be a spec name", kpath)
                    elif not _number_key(sel):
                        self.err(
                            f"payload next: key {sel!r} is not a number: the chain compares "
                            "values (an enum's number, 0x0800 or 2048, not its name)",
                            f"{kpath}/{sel}",
                        )
            elif key == "default" and not isinstance(value, str):
                self.err("payload default must be a spec name", kpath)
            elif key == "quoted" and not isinstance(value, bool):
                self.err("payload quoted must be true or false", kpath)
            elif key == "overrun" and value not in ("error", "note"):
                self.err("payload overrun must be error or note", kpath)
        if "field" not in v and "offset" not in v:
            self.err("-pktscope-payload needs `field` or `offset`: where the payload starts", path)

    def type_linktypes(self, v: Any, path: str, names: set[str]) -> None:
        if not isinstance(v, list) or not all(type(x) is int and x >= 0 for x in v):
            self.err("-pktscope-linktypes must be a list of link type numbers", path)

    def type_aliases(self, v: Any, path: str, names: set[str]) -> None:
        if not isinstance(v, dict):
            self.err("-pktscope-aliases must be a map of names to paths", path)
            return
        for key, value in v.items():
            paths = [value] if isinstance(value, str) else value
            if (
                not isinstance(paths, list)
                or not paths
                or not all(isinstance(p, str) for p in paths)
            ):
                self.err(f"alias {key!r} must be a path or a list of paths", f"{path}/{key}")
            elif key in names:
                self.err(f"alias {key!r} hides the field of that name", f"{path}/{key}")
            else:
                for i, p in enumerate(paths):
                    where = f"{path}/{key}/{i}" if len(paths) > 1 else f"{path}/{key}"
                    self._path(p, where, names, f"alias {key!r}")

    def type_value(self, v: Any, path: str, names: set[str]) -> None:
        self._name(v, path, names, "-pktscope-value")

    def type_layer(self, v: Any, path: str, names: set[str]) -> None:
        if not isinstance(v, str) or not v.isidentifier() or v != v.lower():
            self.err("-pktscope-layer must be a lower-case layer name", path)


def _display_clash(display: str, type_: Any, size: Any) -> str | None:
    """Why a display hint does not fit its field's declared type (it then renders nonsense:
    ``ipv6`` on a ``u2`` shows ``::102``), or None when it fits or the type is not known
    here (a user type, a computed size, a value instance)."""
    if isinstance(type_, str) and int_range(type_) is not None:
        if display == "ipv4" and type_ in ("u4", "u4be", "u4le"):
            return None
        return f"is for bytes, not for an integer ({type_}); integers show in decimal"
    if type_ not in (None, "bytes") or not isinstance(size, int):
        return None
    want = {"ipv4": 4, "ipv6": 16}.get(display)
    if want is not None and size != want:
        return f"is for {want} bytes, not {size}"
    return None


_PATH_RE = re.compile(r"[a-z_][a-z0-9_]*(\[-?[0-9]*\])?(\.[a-z_][a-z0-9_]*(\[-?[0-9]*\])?)*")


def _number_key(key: Any) -> bool:
    """A ``next`` key the chain can match: an int, or a decimal or ``0x`` string."""
    if isinstance(key, int) and not isinstance(key, bool):
        return True
    text = str(key).strip().lower()
    return text.isdigit() or (
        text.startswith("0x") and len(text) > 2 and all(c in "0123456789abcdef" for c in text[2:])
    )


def _own_keys(holder: dict[Any, Any], path: str) -> Iterator[tuple[str, str, str, Any]]:
    """``(key, name without the prefix, its spec path, value)`` of each -pktscope-* key."""
    for key, value in holder.items():
        if isinstance(key, str) and key.startswith(PREFIX):
            yield key, key[len(PREFIX) :], f"{path}/{key}", value


def _attr_ids(t: dict[Any, Any]) -> set[str]:
    seq = t.get("seq")
    attrs = seq if isinstance(seq, list) else []
    ids = {a["id"] for a in attrs if isinstance(a, dict) and isinstance(a.get("id"), str)}
    insts = t.get("instances")
    ids.update(k for k in (insts if isinstance(insts, dict) else {}) if isinstance(k, str))
    return ids
