"""What a packet-list line says about earlier frames, as a single pass of tshark says it.

tshark's line for a frame can depend on the frames before it: an echo reply names its request
(``(request in 9)``); TCP sequence numbers count from each direction's first segment and the
window is scaled by the shift both SYNs announced. :class:`Conversations` keeps that state. It
must see every frame once, in capture order (displayed or filtered out, as tshark dissects them
all); :meth:`Conversations.see` returns the frame's :class:`FrameNotes` for
:func:`pktscope.render.info.protocol_and_info`.

Random access (the TUI's packet list) has no such order: without notes, TCP numbers are shown
as they are on the wire and echo replies name no request.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any

__all__ = ["Conversations", "FrameNotes"]


@dataclass(slots=True)
class FrameNotes:
    """One frame's facts that need earlier frames (None: nothing known)."""

    echo_request: int | None = None  # the frame number of the request this reply answers
    tcp_seq: int | None = None  # relative sequence number
    tcp_ack: int | None = None  # relative acknowledgement number
    tcp_win: int | None = None  # window after scaling
    tcp_sack_base: int = 0  # subtracted from SACK edges (the other direction's base)


def _int(v: Any) -> int | None:
    if isinstance(v, enum.Enum):
        v = v.value
    return v if isinstance(v, int) and not isinstance(v, bool) else None


def _get(obj: Any, *names: str) -> Any:
    for name in names:
        if obj is None:
            return None
        try:
            obj = getattr(obj, name)
        except Exception:  # a partial object: the field was never read
            return None
    return obj


def _cksum_key(cksum: int, delta: int) -> int:
    """The one's-complement sum of ``cksum`` and ``delta``, as Wireshark predicts the checksum
    of the echo message that pairs with one whose checksum is ``cksum``."""
    k = (~cksum & 0xFFFF) + (~delta & 0xFFFF)
    k = (k & 0xFFFF) + (k >> 16)
    k = (k & 0xFFFF) + (k >> 16)
    return ~k & 0xFFFF


class Conversations:
    """Per-capture state of a sequential pass (see the module docstring)."""

    def __init__(self) -> None:
        # (address pair, checksum key, id << 16 | seq) -> [request frame, answered?]
        self._echo: dict[tuple[Any, ...], list[Any]] = {}
        self._tcp: dict[tuple[Any, ...], _TcpConversation] = {}

    def see(self, number: int, layers: list[Any]) -> FrameNotes:
        """Take in frame ``number`` (decoded ``layers``) and return its notes. Notes only add
        to a line: a frame they cannot be made for (an unforeseen partial object) gets none."""
        notes = FrameNotes()
        try:
            self._see(number, layers, notes)
        except Exception:  # the line is still printed, as a single frame shows it
            return FrameNotes()
        return notes

    def _see(self, number: int, layers: list[Any], notes: FrameNotes) -> None:
        ip = None
        for layer in layers:
            name = layer.name
            if name in ("ipv4", "ipv6"):
                ip = layer
            elif name in ("icmp", "icmpv6"):
                if ip is not None:
                    self._see_echo(number, name, ip.root, layer.root, notes)
                return  # what an ICMP error quotes is not a conversation of its own
            elif name == "tcp":
                if ip is not None:
                    self._see_tcp(ip, layer, notes)
                return

    # -- echo request / reply (packet-icmp.c, packet-icmpv6.c) -----------------------------------
    def _see_echo(self, number: int, name: str, ip: Any, icmp: Any, notes: FrameNotes) -> None:
        t = _int(_get(icmp, "type"))
        cksum = _int(_get(icmp, "checksum"))
        if name == "icmp":
            request, reply = t == 8, t == 0
            ident = _int(_get(icmp, "rest_of_header", "identifier"))
            seq = _int(_get(icmp, "rest_of_header", "seq_number"))
        else:
            request, reply = t == 128, t == 129
            ident = _int(_get(icmp, "msg", "identifier"))
            seq = _int(_get(icmp, "msg", "seq_number"))
        src, dst = _get(ip, "src"), _get(ip, "dst")
        if not (request or reply) or None in (cksum, ident, seq, src, dst):
            return
        assert cksum is not None and ident is not None and seq is not None
        pair = (src, dst) if src <= dst else (dst, src)
        if name == "icmp":  # the key is the checksum the reply carries
            key_ck = _cksum_key(cksum, 0x0800) if request else cksum
        else:
            key_ck = cksum if request else _cksum_key(cksum, 0x0100)
        if key_ck == 0xFFFF:
            key_ck = 0
        key = (name, pair, key_ck, (ident << 16) | seq)
        if request:
            self._echo[key] = [number, False]
            return
        entry = self._echo.get(key)
        if entry is not None and not entry[1]:
            entry[1] = True
            notes.echo_request = entry[0]

    # -- TCP (packet-tcp.c) -------------------------------------------------------------------
    def _see_tcp(self, ip: Any, tcp: Any, notes: FrameNotes) -> None:
        root = tcp.root
        src, dst = _get(ip.root, "src"), _get(ip.root, "dst")
        sport, dport = _int(_get(root, "src_port")), _int(_get(root, "dst_port"))
        seq, ack = _int(_get(root, "seq")), _int(_get(root, "ack"))
        flags, window = _int(_get(root, "flags")), _int(_get(root, "window"))
        if None in (src, dst, sport, dport, seq, ack, flags, window):
            return
        assert seq is not None and ack is not None and flags is not None and window is not None
        a, b = (src, sport), (dst, dport)
        key = (a, b) if a <= b else (b, a)
        conv = self._tcp.get(key)
        if conv is None or (
            flags & (_SYN | _ACK) == _SYN  # a new SYN on the same ports: a new conversation
            and conv.dirs[a <= b].base is not None
            and conv.dirs[a <= b].base != seq
        ):
            conv = self._tcp[key] = _TcpConversation()
        fwd, rev = (conv.dirs[1], conv.dirs[0]) if a <= b else (conv.dirs[0], conv.dirs[1])
        if flags & (_SYN | _ACK) == _SYN | _ACK and fwd.base is not None and fwd.base != seq:
            fwd.base = seq
        hlen = (_int(_get(root, "data_offset")) or 0) * 4
        declared = _int(_get(ip.root, "payload_end"))
        if declared is not None and ip.offset + declared - tcp.offset >= hlen:
            if fwd.base is None:  # a SYN counts from its own number, anything else from 1
                fwd.base = seq if flags & _SYN else (seq - 1) & _M
            if rev.base is None and flags & _ACK:
                rev.base = (ack - 1) & _M
            notes.tcp_seq = (seq - fwd.base) & _M
            if flags & _ACK:
                notes.tcp_ack = (ack - rev.base) & _M if rev.base is not None else ack
            if not flags & _SYN and fwd.win_scale >= 0:
                window = (window << fwd.win_scale) & _M
        notes.tcp_win = window
        notes.tcp_sack_base = rev.base or 0
        for item in _get(root, "options", "items") or ():  # a window scale counts from the next
            if _int(_get(item, "kind")) == 3 and _int(_get(item, "length")) == 3:
                shift = _int(_get(item, "body", "shift_count"))
                if shift is not None:
                    fwd.win_scale = min(shift, 14)
        if flags & _SYN:  # a SYN without the option turns scaling off both ways
            if fwd.win_scale == -1:
                fwd.win_scale = rev.win_scale = -2
            elif flags & _ACK and rev.win_scale == -2:
                fwd.win_scale = -2


_M = 0xFFFFFFFF
_SYN, _ACK = 0x002, 0x010


@dataclass(slots=True)
class _Direction:
    base: int | None = None  # the sequence number shown as 0
    win_scale: int = -1  # -1 unknown, -2 no scaling, else the shift its SYN announced


class _TcpConversation:
    """Relative numbering and window scaling of one TCP conversation (both directions)."""

    __slots__ = ("dirs",)

    def __init__(self) -> None:
        self.dirs = (_Direction(), _Direction())
