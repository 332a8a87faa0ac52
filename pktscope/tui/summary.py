"""One packet-list row (No., Time, Source, Destination, Protocol, Length, Info) from a packet.

The Protocol and Info columns come from :func:`pktscope.render.info.protocol_and_info`, in
Wireshark's words, read from the decoded layers; addresses and the ARP and UDP wording through
field paths. A packet without decoded layers (a field model answering only ``pkt[path]``) gets
the layer name and the field-path wording.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pktscope.render.conversations import FrameNotes, fragment_role
from pktscope.render.info import addresses, protocol_and_info, top_layer, udp_text

__all__ = ["Summary", "summarize"]


@dataclass(frozen=True, slots=True)
class Summary:
    number: int
    time: float
    source: str
    destination: str
    protocol: str
    length: int
    info: str
    malformed: bool = False


def _get(pkt: Any, path: str) -> Any:
    get = getattr(pkt, "get", None)
    try:
        if get is not None:  # no exception (and no close-match search) for absent fields
            return get(path)
        return pkt[path]
    except (KeyError, IndexError, LookupError):
        return None
    except Exception:
        return None


def _disp(pkt: Any, path: str, default: str = "") -> str:
    f = _get(pkt, path)
    return default if f is None else str(f.display)


def _int(pkt: Any, path: str) -> int | None:
    f = _get(pkt, path)
    try:
        return None if f is None else int(f.value)
    except (TypeError, ValueError):
        return None


def _info(pkt: Any, top: str) -> str:
    """Info text of the protocols :func:`~pktscope.render.info.protocol_and_info` leaves to
    field paths (ARP, UDP)."""
    if top == "arp":
        op = _int(pkt, "arp.opcode")
        if op == 1:
            return f"Who has {_disp(pkt, 'arp.target_ip')}? Tell {_disp(pkt, 'arp.sender_ip')}"
        if op == 2:
            return f"{_disp(pkt, 'arp.sender_ip')} is at {_disp(pkt, 'arp.sender_mac')}"
        return f"ARP opcode {op}"
    if top == "udp":
        return udp_text(
            _int(pkt, "udp.src_port"), _int(pkt, "udp.dst_port"), _int(pkt, "udp.length")
        )
    return ""


def summarize(
    pkt: Any, number: int, time: float, length: int, notes: FrameNotes | None = None
) -> Summary:
    """The list row of ``pkt``; ``time`` is already relative to the first frame; ``notes``
    carry what earlier frames tell (a sequential pass keeps them, see
    :mod:`pktscope.render.conversations`)."""
    found = list(getattr(pkt, "layers", ()) or ())
    names = [
        n
        for n in (f if isinstance(f, str) else str(getattr(f, "name", "")) for f in found)
        if n not in ("data", "frame", "raw")
    ]
    layers = [f for f in found if not isinstance(f, str)]
    top_layer_ = top_layer(layers) if all(hasattr(f, "root") for f in layers) else None
    top = top_layer_.name if top_layer_ is not None else names[-1] if names else "data"
    ends = addresses(layers) if top_layer_ is not None else None
    if ends is not None:
        src, dst = ends
    elif "ipv4" in names or "ipv6" in names:
        ip = "ipv4" if "ipv4" in names else "ipv6"
        src, dst = _disp(pkt, f"{ip}.src"), _disp(pkt, f"{ip}.dst")
    else:
        src, dst = _disp(pkt, "eth.src"), _disp(pkt, "eth.dst")
    if dst == "ff:ff:ff:ff:ff:ff":
        dst = "Broadcast"
    failed = [f for f in layers if getattr(f, "error", None) is not None]
    if top_layer_ is not None and top_layer_.name in ("icmp", "icmpv6"):
        # an ICMP error quotes a datagram's first bytes: running out of them is by design
        failed = [f for f in failed if f.index <= top_layer_.index or f.malformed]
    frag = next((f for f in layers if getattr(f, "name", "") == "ipv4"), None)
    if frag is not None and fragment_role(getattr(frag, "root", None)) is not None:
        # a fragment's payload is a piece of a datagram: what it cuts short is no error
        failed = [f for f in failed if f.index <= frag.index]
    malformed = any(getattr(f, "malformed", True) for f in failed)
    protocol, info_text = (
        protocol_and_info(layers, notes) if top_layer_ is not None else (top.upper(), None)
    )
    info = info_text if info_text is not None else _info(pkt, top)
    if failed:
        # A layer cut by the snap length is tshark's "short", not "malformed".
        label = "Malformed" if malformed else "Truncated"
        first = next((f for f in failed if getattr(f, "malformed", True)), failed[0])
        info = f"{info} [{label}: {first.error}]".lstrip()
    return Summary(number, time, src, dst, protocol, length, info, bool(failed))
