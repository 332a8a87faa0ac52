"""Bad input end to end: mutated real capture files through every front-end path.

The unit suites fuzz each stage alone (capture framing, one spec, the chain). This file feeds
whole *files* through what a user runs: ``open_capture`` -> every packet -> every field's value,
display, span and hexdump -> the text tree -> ``pktscope show -V -x`` and ``fields``. Only
``PktscopeError`` may escape the library; the CLI must exit 0 or 1 with a ``pktscope:`` message,
never a traceback; and every span must stay inside its frame.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from conftest import CAPTURES

import pktscope
from pktscope.cli import main
from pktscope.errors import PktscopeError
from pktscope.render.tree import render_tree

SOURCES = sorted({p.name for p in CAPTURES.glob("*.pcap*")} | {"wswiki__dns.cap"})


def _mutations(data: bytes, rnd: random.Random, n: int) -> list[bytes]:
    """Byte flips, truncations and splices; the 24-byte pcap header is mostly kept so that
    records exist and the dissectors, not only the framing, see the damage."""
    out = []
    for _ in range(n):
        buf = bytearray(data)
        kind = rnd.randrange(4)
        if kind == 0:  # flip a few bytes past the file header
            for _ in range(rnd.randint(1, 8)):
                i = rnd.randrange(24, len(buf))
                buf[i] = rnd.randrange(256)
        elif kind == 1:  # cut anywhere
            del buf[rnd.randrange(24, len(buf)) :]
        elif kind == 2:  # zero a run (lengths, counts, option codes become 0)
            i = rnd.randrange(24, len(buf))
            buf[i : i + rnd.randint(1, 32)] = bytes(min(32, len(buf) - i))
        else:  # 0xff a run (lengths become huge, pointers loop)
            i = rnd.randrange(24, len(buf))
            n_ff = rnd.randint(1, 16)
            buf[i : i + n_ff] = b"\xff" * len(buf[i : i + n_ff])
        out.append(bytes(buf))
    return out


def _exercise(path: Path) -> int:
    """Touch everything a user can reach for each packet; returns the number of fields seen."""
    seen = 0
    try:
        cap = pktscope.open_capture(path)
        for pkt in cap:
            size = len(pkt.buffer)
            for f in pkt.walk():
                seen += 1
                assert isinstance(f.display, str)
                if f.offset is not None and f.end is not None:
                    assert 0 <= f.offset <= f.end <= size, f.path
                    assert bytes(f.raw) == bytes(pkt.buffer[f.offset : f.end])
                    pkt.hexdump(highlight=f.path)
            assert isinstance(render_tree(pkt), str)
            assert isinstance(pkt.protocols, str)
    except PktscopeError:
        pass
    return seen


@pytest.mark.parametrize("name", SOURCES)
def test_mutated_captures_only_pktscope_errors(name: str, tmp_path: Path) -> None:
    data = (CAPTURES / name).read_bytes()
    rnd = random.Random(name)  # deterministic per capture
    total = 0
    for i, mutated in enumerate(_mutations(data, rnd, 6)):
        path = tmp_path / f"m{i}.pcap"
        path.write_bytes(mutated)
        total += _exercise(path)
    # The mutations must leave most of the capture decodable, or this tests nothing.
    assert total > 0


@pytest.mark.parametrize("name", ["wswiki__dhcp.pcap", "wswiki__dns.cap", "tcpdump__icmpv6.pcap"])
def test_cli_on_mutated_captures_never_tracebacks(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = (CAPTURES / name).read_bytes()
    rnd = random.Random("cli" + name)
    for i, mutated in enumerate(_mutations(data, rnd, 4)):
        path = tmp_path / f"c{i}.pcap"
        path.write_bytes(mutated)
        for argv in (
            ["show", str(path), "-V", "-x"],
            ["fields", str(path), "-e", "frame.errors", "-e", "ipv4.src", "--json"],
        ):
            code = main(argv)
            _out, err = capsys.readouterr()
            assert code in (0, 1), (argv, code, err)
            assert "Traceback" not in err
            if code == 1:
                assert err.startswith("pktscope: "), err
