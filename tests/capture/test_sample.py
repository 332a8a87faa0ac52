"""The bundled sample capture and the benchmark generator: reproducible, valid, decodable."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from pktscope.capture.open import open_records

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "pktscope" / "data" / "sample.pcapng"
CHECKSUMS = [
    "-o", "ip.check_checksum:TRUE",
    "-o", "udp.check_checksum:TRUE",
    "-o", "tcp.check_checksum:TRUE",
]  # fmt: skip


def _script(name: str) -> ModuleType:
    scripts = str(REPO / "scripts")
    if scripts not in sys.path:
        sys.path.insert(0, scripts)
    spec = importlib.util.spec_from_file_location(
        f"_pktscope_{name}", REPO / "scripts" / f"{name}.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_sample_matches_the_script(tmp_path: Path) -> None:
    out = tmp_path / "sample.pcapng"
    count = _script("make_sample").build(out)
    assert out.read_bytes() == SAMPLE.read_bytes(), "run: python scripts/make_sample.py"
    assert 40 <= count <= 80


def test_sample_contents() -> None:
    with open_records(SAMPLE) as rf:
        records = list(rf)
        assert rf.warning is None
    assert len(records) == 42
    assert all(r.linktype == 1 and r.cap_len == r.len for r in records)
    times = [r.time_ns for r in records]
    assert times == sorted(times)
    discover = records[0].data
    assert discover[6:12].hex(":") == "00:16:3e:6f:43:f4"  # Xen guest
    assert discover[14 + 20 + 8 + 28 : 14 + 20 + 8 + 34].hex() == "00163e6f43f4"  # chaddr
    assert discover[14 + 20 + 8 + 236 : 14 + 20 + 8 + 240].hex() == "63825363"  # magic cookie
    assert records[0].comment == "instance boot: DHCP with the VPC router"


@pytest.mark.tools
def test_tshark_decodes_sample_cleanly(tshark: str) -> None:
    fields = subprocess.run(
        [tshark, "-n", "-r", str(SAMPLE), *CHECKSUMS, "-T", "fields", "-e", "frame.protocols",
         "-e", "_ws.malformed"],
        capture_output=True, text=True, check=True,
    ).stdout.splitlines()  # fmt: skip
    assert len(fields) == 42
    protocols = set()
    for line in fields:
        stack, _, malformed = line.partition("\t")
        assert not malformed, line
        protocols.update(stack.split(":"))
    assert {"eth", "ip", "udp", "dhcp", "arp", "dns", "tcp", "http", "icmp", "ipv6", "icmpv6"} <= (
        protocols
    )
    expert = subprocess.run(
        [tshark, "-n", "-r", str(SAMPLE), *CHECKSUMS, "-q", "-z", "expert"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    assert "Errors (" not in expert and "Warns (" not in expert, expert


@pytest.mark.tools
def test_tshark_sees_the_dhcp_options(tshark: str) -> None:
    out = subprocess.run(
        [tshark, "-n", "-r", str(SAMPLE), "-Y", "dhcp", "-T", "fields", "-e", "dhcp.option.type",
         "-e", "dhcp.option.end"],
        capture_output=True, text=True, check=True,
    ).stdout.splitlines()  # fmt: skip
    assert [line.split("\t")[1] for line in out] == ["255"] * 4
    discover, offer, request, ack = (set(line.split("\t")[0].split(",")) for line in out)
    assert {"53", "61", "12", "55"} <= discover
    assert {"53", "61", "12", "55", "50", "54"} <= request
    for reply in (offer, ack):
        assert {"53", "54", "51", "1", "3", "6", "15", "28"} <= reply


def test_bench_generator_is_deterministic(tmp_path: Path) -> None:
    bench = _script("make_bench_pcap")
    a, b = tmp_path / "a.pcap", tmp_path / "b.pcap"
    assert bench.main(["-n", "300", str(a)]) == 0
    assert bench.main(["-n", "300", str(b)]) == 0
    assert a.read_bytes() == b.read_bytes()
    with open_records(a) as rf:
        records = list(rf)
    assert len(records) == 300
    assert len({r.data[70:76] for r in records}) > 250  # client MACs (chaddr) vary
    assert len({r.cap_len for r in records}) > 10  # option lengths vary
    assert len({r.data[14 + 20 + 8 + 4 : 14 + 20 + 8 + 8] for r in records}) == 300  # xids


@pytest.mark.tools
def test_bench_capture_checksums_valid(tmp_path: Path, tshark: str) -> None:
    path = tmp_path / "bench.pcapng"
    assert _script("make_bench_pcap").main(["-n", "500", "--pcapng", str(path)]) == 0
    expert = subprocess.run(
        [tshark, "-n", "-r", str(path), *CHECKSUMS, "-q", "-z", "expert"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    assert "Errors (" not in expert and "Warns (" not in expert, expert
    types = subprocess.run(
        [tshark, "-n", "-r", str(path), "-T", "fields", "-e", "dhcp.option.dhcp"],
        capture_output=True, text=True, check=True,
    ).stdout.split()  # fmt: skip
    assert len(types) == 500
    assert set(types) == {"1", "2", "3", "4", "5", "6", "7", "8"}
