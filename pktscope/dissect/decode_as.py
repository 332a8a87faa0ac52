"""Decode-as rules: ``udp.port==9000:myproto`` makes the chain hand a payload to ``myproto``.

A rule is ``SELECTOR==VALUE:SPEC``. ``SELECTOR`` is a tshark-like name (``udp.port``,
``tcp.port`` — either port —, ``udp.srcport``/``udp.dstport``, ``eth.type``, ``ip.proto``,
``ipv6.nxt``) or any ``<layer>.<field>`` of a layer's root type; ``VALUE`` an integer (decimal or
``0x``); ``SPEC`` a bundled id, a ``.ksy`` path, or the stem of a ``.ksy`` in one of the user
spec directories. A matching rule overrides steps 3–4 of the chain algorithm (specs/README.md):
the payload goes to ``SPEC`` whatever ``next``/``when`` say.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pktscope.dissect.registry import find_spec
from pktscope.errors import PktscopeError

__all__ = ["DecodeAs", "DecodeAsRules", "parse_rule", "parse_rules"]

# tshark-style selector -> (layer, root fields whose value is compared), alternatives.
_SELECTORS: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "udp.port": (("udp", ("dst_port", "src_port")),),
    "udp.dstport": (("udp", ("dst_port",)),),
    "udp.srcport": (("udp", ("src_port",)),),
    "tcp.port": (("tcp", ("dst_port", "src_port")),),
    "tcp.dstport": (("tcp", ("dst_port",)),),
    "tcp.srcport": (("tcp", ("src_port",)),),
    "eth.type": (("eth", ("ether_type",)),),
    "ether.type": (("eth", ("ether_type",)),),
    "ethertype": (("eth", ("ether_type",)),),
    "ip.proto": (("ipv4", ("protocol",)), ("ipv6", ("payload_protocol",))),
    "ipv6.nxt": (("ipv6", ("payload_protocol",)),),
    "sll.protocol": (("sll", ("protocol",)), ("sll2", ("protocol",))),
}


@dataclass(frozen=True, slots=True)
class DecodeAs:
    """One parsed rule: in layers named ``layer``, when a field in ``fields`` equals ``value``,
    decode the payload with ``spec``."""

    targets: tuple[tuple[str, tuple[str, ...]], ...]
    value: int
    spec: str
    text: str


def parse_rule(text: str) -> DecodeAs:
    """Parse ``udp.port==9000:myproto``; :class:`PktscopeError` says what is wrong."""
    raw = text.strip()
    if "==" not in raw or ":" not in raw.split("==", 1)[1]:
        raise PktscopeError(
            f"bad decode-as rule {text!r}: expected SELECTOR==VALUE:SPEC (udp.port==9000:myproto)"
        )
    selector, rest = raw.split("==", 1)
    value_text, spec = rest.split(":", 1)
    selector, value_text, spec = selector.strip(), value_text.strip(), spec.strip()
    try:
        value = int(value_text, 0)
    except ValueError:
        raise PktscopeError(
            f"bad decode-as rule {text!r}: value {value_text!r} is not an integer"
        ) from None
    if not spec:
        raise PktscopeError(f"bad decode-as rule {text!r}: no spec after ':'")
    targets = _SELECTORS.get(selector)
    if targets is None:
        layer, dot, field = selector.partition(".")
        if not dot or not layer or not field or "." in field:
            raise PktscopeError(
                f"bad decode-as rule {text!r}: selector {selector!r} is not LAYER.FIELD "
                f"(known: {', '.join(sorted(_SELECTORS))})"
            )
        targets = ((layer, (field,)),)
    return DecodeAs(targets, value, spec, raw)


def parse_rules(items: Iterable[str | DecodeAs]) -> tuple[DecodeAs, ...]:
    """Parse each rule text (already parsed rules pass through)."""
    return tuple(i if isinstance(i, DecodeAs) else parse_rule(i) for i in items)


class DecodeAsRules:
    """Rules plus the user spec directories their spec names are looked up in."""

    __slots__ = ("_by_layer", "_classes", "_user", "rules", "spec_dirs")

    def __init__(
        self,
        rules: Iterable[str | DecodeAs] = (),
        spec_dirs: Iterable[str | os.PathLike[str]] = (),
    ) -> None:
        self.rules = parse_rules(rules)
        self.spec_dirs = tuple(spec_dirs)
        self._classes: dict[str, type] = {}
        self._user: dict[str, type | None] = {}
        self._by_layer: dict[str, list[tuple[tuple[str, ...], int, str]]] = {}
        for rule in self.rules:
            for layer, fields in rule.targets:
                self._by_layer.setdefault(layer, []).append((fields, rule.value, rule.spec))

    def __bool__(self) -> bool:
        return bool(self.rules)

    def spec_class(self, name: str) -> type:
        """The class for a rule's spec name (user directories first), cached."""
        cls = self._classes.get(name)
        if cls is None:
            cls = self._classes[name] = find_spec(name, self.spec_dirs)
        return cls

    def user_class(self, name: str) -> type | None:
        """The spec ``<dir>/<name>.ksy`` from the first user spec directory that has it, or
        None; cached. It overrides a bundled spec of that name wherever the chain names it
        (a payload's ``next`` table, the link type's first spec). A broken file raises."""
        try:
            cls = self._user[name]
        except KeyError:
            cls = None
            for d in self.spec_dirs:
                if (Path(d) / f"{name}.ksy").is_file():
                    cls = find_spec(name, (d,))
                    break
            self._user[name] = cls
        return cls

    def match(self, layer_name: str, value_of: Any) -> type | None:
        """The spec a rule picks for a layer, given ``value_of(field_id) -> int | None``."""
        entries = self._by_layer.get(layer_name)
        if not entries:
            return None
        for fields, value, spec in entries:
            for f in fields:
                if value_of(f) == value:
                    return self.spec_class(spec)
        return None
