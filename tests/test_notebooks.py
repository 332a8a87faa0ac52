"""Execute notebooks/*.ipynb with nbclient on this virtualenv's Python and check their outputs.

The kernel is a kernelspec written to a temporary Jupyter data dir whose argv is this
interpreter (``sys.executable -m ipykernel_launcher``), so the notebook runs against the
checkout and its installed dependencies wherever the tests run (CI included), whatever kernels
the machine has registered.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
NOTEBOOKS = REPO / "notebooks"
SHARED = REPO.parent / "shared"
KERNEL = "pktscope-venv"


@pytest.fixture(scope="module")
def kernel_name(tmp_path_factory: pytest.TempPathFactory) -> str:
    """Register a kernelspec for this interpreter in a private Jupyter path."""
    pytest.importorskip("ipykernel")
    data = tmp_path_factory.mktemp("jupyter")
    spec = data / "kernels" / KERNEL
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(
        json.dumps(
            {
                "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                "display_name": "pktscope (.venv)",
                "language": "python",
            }
        )
    )
    mp = pytest.MonkeyPatch()
    mp.setenv("JUPYTER_PATH", str(data))
    mp.setenv("PKTSCOPE_SHARED", str(SHARED))
    yield KERNEL
    mp.undo()


def _execute(path: Path, kernel: str) -> Any:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    nb = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(
        nb,
        kernel_name=kernel,
        timeout=120,
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()
    return nb


def _texts(cell: Any) -> str:
    """Everything a code cell showed: stream text, text/plain and text/html results."""
    parts = []
    for out in cell.get("outputs", []):
        if out["output_type"] == "stream":
            parts.append(out["text"])
        elif out["output_type"] in ("execute_result", "display_data"):
            data = out["data"]
            parts.append(data.get("text/html", "") + data.get("text/plain", ""))
        elif out["output_type"] == "error":
            parts.append(f"ERROR {out['ename']}: {out['evalue']}")
    return "".join(parts)


@pytest.fixture(scope="module")
def explore_dhcp(kernel_name: str) -> list[str]:
    nb = _execute(NOTEBOOKS / "explore_dhcp.ipynb", kernel_name)
    return [_texts(c) for c in nb.cells if c.cell_type == "code"]


def test_no_cell_failed(explore_dhcp: list[str]) -> None:
    assert not [t for t in explore_dhcp if "ERROR" in t]
    assert explore_dhcp[0].strip() == "4"


def test_packet_list(explore_dhcp: list[str]) -> None:
    assert explore_dhcp[1].splitlines() == [
        "1 eth:ipv4:udp:dhcp discover (1) 0.0.0.0",
        "2 eth:ipv4:udp:dhcp offer (2) 192.168.0.1",
        "3 eth:ipv4:udp:dhcp request (3) 0.0.0.0",
        "4 eth:ipv4:udp:dhcp ack (5) 192.168.0.1",
    ]


def test_packet_html_tree_and_highlight(explore_dhcp: list[str]) -> None:
    html = explore_dhcp[2]
    assert html.startswith('<div class="pktscope-packet"')
    assert "000b8201fc4200000000000000000000" in html  # chaddr in the field tree
    # the chaddr bytes of row 0x40 sit inside one coloured span of the hexdump
    assert "background-color: #" in html
    row = html[html.index(">00000040</span>") :].split("\n", 1)[0]
    assert 'background-color: #4e79a7">00 0B  82 01 FC 42 00 00 00 00</span>' in row


def test_chaddr_hex_strings(explore_dhcp: list[str]) -> None:
    assert explore_dhcp[3].splitlines() == [
        "70 16 86",
        "000b8201fc4200000000000000000000",
        "00:0b:82:01:fc:42:00:00:00:00:00:00:00:00:00:00",
        "000B 8201 FC42 0000 0000 0000 0000 0000",
        "00:0b:82:01:fc:42",
    ]


def test_field_hexdump_absolute(explore_dhcp: list[str]) -> None:
    assert explore_dhcp[4] == (
        "00000046: 00 0B 82 01 FC 42 00 00  00 00 00 00 00 00 00 00  .....B..........\n"
    )


def test_field_html(explore_dhcp: list[str]) -> None:
    assert explore_dhcp[5].startswith('<div class="pktscope-field"')
    assert "<code>dhcp.yiaddr</code></td><td>0x003a..0x003d  4 bytes</td>" in explore_dhcp[5]


def test_dataframe(explore_dhcp: list[str]) -> None:
    pytest.importorskip("pandas")
    html = explore_dhcp[6]
    assert "<table" in html
    assert html.count("000b8201fc4200000000000000000000") >= 4
    assert "192.168.0.10" in html
    assert explore_dhcp[7].strip() == "['discover', 'offer', 'request', 'ack']"
