"""Bad input through every bundled spec: only kaitaistruct/pktscope errors, bounded time.

- random bytes (hypothesis) through each spec, then every instance of the decoded tree is
  evaluated (DNS name texts, DHCP overloaded options, ...);
- every prefix of every real layer buffer from the captures: the error (if any) is a
  kaitaistruct/pktscope error and every seq field decoded before it equals the full decode;
- adversarial DNS: pointer loops and maximal pointer chains stay bounded in time and text size.
"""

from __future__ import annotations

import time
from typing import Any

import kaitaistruct
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from specs_chain import (
    SPECS,
    Spec,
    capture_files,
    compiler_params,
    decode_chain,
    read_capture,
    specs_for,
)

from pktscope.errors import PktscopeError

COMPILERS = compiler_params()
SPEC_IDS = [
    "arp",
    "dhcp",
    "dns",
    "dns_tcp",
    "eth",
    "icmp",
    "icmpv6",
    "ipv4",
    "ipv6",
    "null",
    "raw",
    "sll",
    "sll2",
    "tcp",
    "udp",
]
ALLOWED = (kaitaistruct.KaitaiStructError, PktscopeError)


def instance_names(obj: Any) -> list[str]:
    names = getattr(type(obj), "_PKT_INSTANCES", None)
    if names is not None:
        return list(names)
    out = []
    for klass in type(obj).__mro__:
        if klass is kaitaistruct.KaitaiStruct:
            break
        out += [n for n, v in vars(klass).items() if isinstance(v, property)]
    return out


def walk(obj: Any, seen: set[int] | None = None) -> int:
    """Evaluate every field and instance below ``obj``; return how many objects were seen."""
    seen = set() if seen is None else seen
    if id(obj) in seen:
        return 0
    seen.add(id(obj))
    values = [v for k, v in vars(obj).items() if not k.startswith("_")]
    values += [getattr(obj, name) for name in instance_names(obj)]
    count = 1
    for v in values:
        for item in v if isinstance(v, list) else [v]:
            if isinstance(item, kaitaistruct.KaitaiStruct):
                count += walk(item, seen)
    return count


def decode_all(spec: Spec, buf: bytes) -> tuple[Any, BaseException | None]:
    obj, err = spec.decode(buf)
    if err is None:
        try:
            walk(obj)
        except ALLOWED as exc:
            err = exc
    return obj, err


@pytest.mark.parametrize("compiler", COMPILERS)
@pytest.mark.parametrize("spec_id", SPEC_IDS)
def test_random_bytes_raise_only_decode_errors(compiler: str, spec_id: str) -> None:
    spec = specs_for(compiler)[spec_id]

    @settings(
        max_examples=150, deadline=2000, suppress_health_check=[HealthCheck.too_slow], database=None
    )
    @given(st.binary(max_size=700))
    def check(buf: bytes) -> None:
        _, err = decode_all(spec, buf)
        if err is not None and not isinstance(err, ALLOWED):
            raise AssertionError(f"{spec_id}: {type(err).__name__}: {err}") from err

    check()


def size_eos_fields(spec_id: str) -> set[str]:
    data = yaml.safe_load((SPECS / f"{spec_id}.ksy").read_text())
    return {a["id"] for a in data.get("seq") or [] if a.get("size-eos")}


def seq_values(obj: Any, skip: set[str]) -> dict[str, Any]:
    """Plain seq values of the root, without the size-eos ones (they are the rest, by design)."""
    return {
        k: v
        for k, v in vars(obj).items()
        if not k.startswith("_")
        and k not in skip
        and not isinstance(v, kaitaistruct.KaitaiStruct | list)
    }


@pytest.mark.slow
@pytest.mark.parametrize("compiler", COMPILERS)
def test_truncated_real_layers_keep_earlier_fields(compiler: str) -> None:
    """Prefixes of distinct real layer buffers (the first 4 frames of each capture): every cut
    in the first 24 bytes (the fixed headers), then every 53rd byte."""
    specs = specs_for(compiler)
    seen: set[tuple[str, bytes]] = set()
    checked = 0
    for path in capture_files():
        for frame in list(read_capture(path))[:4]:
            for layer in decode_chain(specs, frame.linktype, frame.data):
                key = (layer.spec, layer.buf)
                if key in seen or layer.error is not None:
                    continue
                seen.add(key)
                spec = specs[layer.spec]
                skip = size_eos_fields(layer.spec)
                full = seq_values(layer.obj, skip)
                cuts = list(range(min(len(layer.buf), 24))) + list(range(24, len(layer.buf), 53))
                for cut in cuts:
                    obj, err = spec.decode(layer.buf[:cut])
                    assert err is None or isinstance(err, ALLOWED), (layer.spec, cut, err)
                    assert obj is not None, (layer.spec, cut, "partial object lost")
                    for name, v in seq_values(obj, skip).items():
                        # None = absent by `if` (e.g. no DHCP magic in a 236-byte BOOTP prefix)
                        assert v is None or full.get(name) == v, (layer.spec, cut, name)
                    checked += 1
    assert checked > 300


def dns_header(qdcount: int) -> bytes:
    return bytes.fromhex("00010100") + qdcount.to_bytes(2, "big") + bytes(6)


@pytest.mark.parametrize("compiler", COMPILERS)
def test_dns_worst_case_names_are_bounded(compiler: str) -> None:
    """A chain of 20 names of 20 labels each, every one ending in a pointer to the previous,
    then 300 questions pointing at the last: each text stops at 127 labels or 10 hops, so the
    cost per name is bounded (~137 label reads) whatever the message holds."""
    spec = specs_for(compiler)["dns"]
    body = bytearray()
    starts: list[int] = []
    for i in range(20):
        starts.append(12 + len(body))
        body += b"\x01a" * 20
        body += (0xC000 | starts[i - 1]).to_bytes(2, "big") if i else b"\x00"
        body += bytes.fromhex("00010001")
    questions = ((0xC000 | starts[-1]).to_bytes(2, "big") + bytes.fromhex("00010001")) * 300
    msg = dns_header(20 + 300) + bytes(body) + questions
    began = time.perf_counter()
    obj, err = spec.decode(msg)
    assert err is None
    texts = [q.name.text for q in obj.queries]
    elapsed = time.perf_counter() - began
    assert len(texts) == 320
    assert all(t.count(".") <= 130 and len(t) <= 300 for t in texts)
    assert texts[-1].endswith("<loop>")  # 20 names x 20 labels > 127 labels
    assert texts[0] == ".".join(["a"] * 20)
    assert elapsed < 20, f"{elapsed:.1f}s"


@pytest.mark.parametrize("compiler", COMPILERS)
@pytest.mark.parametrize("linktype", [0, 1, 101, 113, 276])
def test_random_frames_through_the_chain(compiler: str, linktype: int) -> None:
    """Whole random frames, chained: every layer's error is a decode error, the chain ends.

    Frames start with a plausible header (Ethernet/IPv4/UDP to port 53 or 67) so the random
    tail reaches the deeper specs, not only the first one."""
    specs = specs_for(compiler)
    prefixes = [
        b"",
        bytes.fromhex("000000000000111111111111080045000040000000004011000001010101020202020035"),
        bytes.fromhex("000000000000111111111111080045000140000000004011000001010101020202020043"),
        bytes.fromhex("00000000000011111111111186dd6000000000400640" + "00" * 32),
    ]

    @settings(
        max_examples=60, deadline=2000, suppress_health_check=[HealthCheck.too_slow], database=None
    )
    @given(st.sampled_from(prefixes), st.binary(max_size=400))
    def check(prefix: bytes, tail: bytes) -> None:
        layers = decode_chain(specs, linktype, prefix + tail)
        assert len(layers) <= 16
        for layer in layers:
            if layer.error is not None and not isinstance(layer.error, ALLOWED):
                raise AssertionError(f"{layer.spec}: {type(layer.error).__name__}: {layer.error}")

    check()
