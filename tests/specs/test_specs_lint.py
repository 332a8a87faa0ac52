"""Static checks of specs/*.ksy: they compile, carry docs, and honour the specs/README.md contract.

- the official compiler and ``pktscope check`` accept every spec without errors;
- file stem = ``meta.id``; every user type has ``doc`` or ``doc-ref``; root fields have ``doc``;
- ``-pktscope-*`` keys are the documented ones, with valid values; payload/alias names exist;
  ``next`` targets are bundled specs; link types are claimed once;
- the field paths DESIGN.md requires exist.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from specs_chain import REPO, SPECS, ksc_dir, official_compile, require_tool, spec_hints

SPEC_PATHS = sorted(SPECS.glob("*.ksy"))
SPEC_IDS = [p.stem for p in SPEC_PATHS]
DISPLAY = {"mac", "ipv4", "ipv6", "hex", "text"}
ROOT_HINTS = {"linktypes", "payload", "aliases", "value"}
PAYLOAD_KEYS = {
    *("field", "offset", "end", "length", "when", "next-on", "next", "default", "quoted"),
    "overrun",
}

# DESIGN.md "Field paths" (array steps written without index).
REQUIRED = {
    "eth": ["dst", "src", "ether_type", "vlan.id", "vlan.pcp"],
    "arp": ["opcode", "sender_mac", "sender_ip", "target_mac", "target_ip"],
    "ipv4": ["version", "ihl", "total_length", "id", "ttl", "protocol", "checksum", "src", "dst"],
    "ipv6": ["payload_length", "next_header", "hop_limit", "src", "dst"],
    "icmp": ["type", "code"],
    "icmpv6": ["type", "code"],
    "udp": ["src_port", "dst_port", "length", "checksum"],
    "tcp": ["src_port", "dst_port", "seq", "ack", "flags", "window"],
    "dhcp": [
        "op",
        "htype",
        "hlen",
        "hops",
        "xid",
        "secs",
        "flags",
        "ciaddr",
        "yiaddr",
        "siaddr",
        "giaddr",
        "chaddr",
        "client_hw_addr",
        "sname",
        "file",
        "options.code",
        "options.length",
        "message_type",
    ],
    "dns": [
        "id",
        "qr",
        "opcode",
        "rcode",
        "queries.name",
        "queries.type",
        "answers.name",
        "answers.type",
    ],
}


def load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text())
    assert isinstance(data, dict)
    return data


def type_defs(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Every type of the spec by name (root as ``""``), nested types included."""
    out: dict[str, dict[str, Any]] = {"": data}
    stack = [data]
    while stack:
        t = stack.pop()
        for name, sub in (t.get("types") or {}).items():
            out[name] = sub
            stack.append(sub)
    return out


def attrs(t: dict[str, Any]) -> dict[str, dict[str, Any]]:
    found = {a["id"]: a for a in t.get("seq") or []}
    found.update(t.get("instances") or {})
    return found


def type_name(a: dict[str, Any]) -> str | None:
    t = a.get("type")
    return t.split("(")[0] if isinstance(t, str) else None


@pytest.mark.tools
def test_official_compiler_accepts_every_spec() -> None:
    require_tool("node", shutil.which("node") is not None)
    require_tool("the reference Kaitai compiler", ksc_dir() is not None, "make tools")
    with tempfile.TemporaryDirectory() as out:
        results = official_compile(SPEC_PATHS, Path(out), debug=False)
        assert [r.get("ok") for r in results] == [True] * len(SPEC_PATHS), results
        for path in SPEC_PATHS:  # and the output is valid Python
            compile((Path(out) / f"{path.stem}.py").read_text(), path.stem, "exec")


def test_pktscope_check_accepts_every_spec() -> None:
    if not (REPO / "pktscope" / "commands" / "check.py").exists():
        pytest.skip("pktscope check has not landed yet")
    argv = [sys.executable, "-m", "pktscope", "check", *map(str, SPEC_PATHS)]
    done = subprocess.run(argv, capture_output=True, text=True, timeout=120, cwd=REPO, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "error" not in (done.stdout + done.stderr).lower()


@pytest.mark.parametrize("path", SPEC_PATHS, ids=SPEC_IDS)
def test_spec_docs_and_ids(path: Path) -> None:
    data = load(path)
    assert data["meta"]["id"] == path.stem
    for name, t in type_defs(data).items():
        assert t.get("doc") or t.get("doc-ref") or not name, f"{path.stem}: type {name} has no doc"
    assert data.get("doc") and data.get("doc-ref"), f"{path.stem}: root needs doc and doc-ref"
    for a in data.get("seq") or []:
        assert a.get("doc"), f"{path.stem}: root field {a['id']} has no doc"
    for name, t in type_defs(data).items():
        for aname, a in attrs(t).items():
            for key, value in a.items():
                if key == "-pktscope-eager":  # only on instances, only `true`
                    assert aname in (t.get("instances") or {}), f"{path.stem}.{name}.{aname}"
                    assert value is True, f"{path.stem}.{name}.{aname}: eager {value}"
                elif key == "-pktscope-bytes":  # only on value instances: paths
                    assert "value" in a, f"{path.stem}.{name}.{aname}"
                    assert isinstance(value, list), f"{path.stem}.{name}.{aname}: bytes {value}"
                elif isinstance(key, str) and key.startswith("-pktscope-"):
                    assert key == "-pktscope-display", f"{path.stem}.{name}.{aname}: {key}"
                    assert value in DISPLAY, f"{path.stem}.{name}.{aname}: display {value}"
        for key in t:
            if isinstance(key, str) and key.startswith("-pktscope-") and name:
                assert key == "-pktscope-value", f"{path.stem} type {name}: {key}"
                assert t[key] in attrs(t), f"{path.stem} type {name}: value {t[key]}"


@pytest.mark.parametrize("path", SPEC_PATHS, ids=SPEC_IDS)
def test_spec_hints_follow_the_contract(path: Path) -> None:
    hints = spec_hints(path)
    root = attrs(load(path))
    assert set(hints) <= ROOT_HINTS, sorted(hints)
    payload = hints.get("payload")
    if payload is not None:
        assert set(payload) <= PAYLOAD_KEYS, sorted(payload)
        assert ("field" in payload) != ("offset" in payload), "exactly one of field/offset"
        for key in ("field", "offset", "end", "length", "when"):
            if key in payload:
                assert payload[key] in root, f"payload {key}: no attribute {payload[key]}"
        if "field" in payload:
            body = root[payload["field"]]
            assert body.get("size-eos") or "size" in body, "payload field must be sized bytes"
            assert "type" not in body, "payload field must be raw bytes (no nested protocol)"
        for name in payload.get("next-on") or []:
            assert name in root, f"next-on: no attribute {name}"
        targets = [*(payload.get("next") or {}).values(), payload.get("default")]
        for target in filter(None, targets):
            assert target in SPEC_IDS, f"next: unknown spec {target}"
        for key in payload.get("next") or {}:
            assert isinstance(key, int), f"next key {key!r} must be an integer"
    for alias, paths in (hints.get("aliases") or {}).items():
        assert alias not in root, f"alias {alias} shadows an attribute"
        for p in [paths] if isinstance(paths, str) else paths:
            assert p.split(".")[0].split("[")[0] in root, f"alias {alias}: {p}"


def test_link_types_are_claimed_once() -> None:
    seen: dict[int, str] = {}
    for path in SPEC_PATHS:
        for dlt in spec_hints(path).get("linktypes") or []:
            assert dlt not in seen, f"DLT {dlt}: {seen.get(dlt)} and {path.stem}"
            seen[dlt] = path.stem
    assert {seen[1], seen[113], seen[276], seen[0], seen[108], seen[101]} == {
        "eth",
        "sll",
        "sll2",
        "null",
        "raw",
    }


@pytest.mark.parametrize("spec_id", sorted(REQUIRED))
def test_required_field_paths_exist(spec_id: str) -> None:
    data = load(SPECS / f"{spec_id}.ksy")
    types = type_defs(data)
    aliases = spec_hints(SPECS / f"{spec_id}.ksy").get("aliases") or {}
    for path in REQUIRED[spec_id]:
        t = data
        for i, step in enumerate(path.split(".")):
            if i == 0 and step in aliases:
                break
            a = attrs(t).get(step)
            assert a is not None, f"{spec_id}.{path}: no {step}"
            name = type_name(a)
            if name in types:
                t = types[name]
