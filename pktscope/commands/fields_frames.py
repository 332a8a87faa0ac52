"""``frame.*`` columns beside the extraction plan (``pktscope fields``).

The plan (:mod:`pktscope.extract`) reads protocol fields from a frame's bytes; a column such as
``frame.number`` or ``frame.time_epoch`` comes from the capture record instead, so asking for
one used to send the whole run through the full decode (``-e frame.number -e dhcp.chaddr``
took 7.3 s on 100,000 frames against 0.36 s without ``frame.number``). When the record-only
``frame.*`` columns lead or end the column list, the plan serves the other columns and this
module puts the frame columns before or after each line, from a second walk over the records
(same order, one line per frame), rendered as the full decode renders them (the values of
:class:`~pktscope.fields.packet.Frame`, as ``display_value`` shows them; a test compares the
two outputs).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from pktscope.fields.packet import epoch_text, utc_text

__all__ = ["RECORD_ONLY", "FrameColumns", "split_frame_paths"]


def split_frame_paths(paths: Sequence[str]) -> tuple[str, list[str], list[str]] | None:
    """``("lead" | "tail", frame paths, other paths)`` when the record-only ``frame.*`` paths
    come first or last (and there is at least one), else None.

    >>> split_frame_paths(["frame.number", "dhcp.chaddr"])
    ('lead', ['frame.number'], ['dhcp.chaddr'])
    >>> split_frame_paths(["ipv4.src", "frame.number", "dhcp.chaddr"]) is None
    True
    """
    is_frame = [p.startswith("frame.") and p[6:] in RECORD_ONLY for p in paths]
    k = sum(is_frame)
    if k == 0:
        return None
    if all(is_frame[:k]):
        return "lead", list(paths[:k]), list(paths[k:])
    if all(is_frame[-k:]):
        return "tail", list(paths[-k:]), list(paths[:-k])
    return None


class FrameColumns:
    """Puts the frame columns on each line the plan writes, frame by frame in order."""

    def __init__(self, capture: str, where: str, paths: list[str], *, json_rows: bool) -> None:
        from pktscope.capture.open import open_records  # noqa: PLC0415 - cold path

        self.where = where
        self.names = [p[len("frame.") :] for p in paths]
        self.paths = paths
        self.json = json_rows
        self.separator = "\t"
        self.aggregate: Callable[[list[str]], str] = "\t".join
        self._records = open_records(capture)
        # (number, time, time_ns, cap_len, len, interface_id, linktype, ...): no Record objects
        self._iter = self._records.records_as(_fields)
        self._get = [_GETTERS[name] for name in self.names]
        self._text = [_TEXTS.get(name) or _GETTERS[name] for name in self.names]

    def text_format(self, separator: str, quote: str) -> None:
        """The ``-E separator=...``/``quote=...`` of the text rows."""
        self.separator = separator
        self.aggregate = (
            (lambda cols: separator.join(f"{quote}{c}{quote}" for c in cols))
            if (quote)
            else separator.join
        )

    def close(self) -> None:
        self._records.close()

    def _frame_part(self) -> str:
        rec = next(self._iter)
        if self.json:
            values = [get(rec) for get in self._get]
            return json.dumps(dict(zip(self.paths, values, strict=True)), ensure_ascii=False)
        return self.aggregate([text(rec) for text in self._text])

    def line(self, planned: str) -> str:
        """One output line: the frame part joined to the plan's line for the same frame."""
        part = self._frame_part()
        if self.json:  # two one-line objects: one object, keys in the asked order
            if self.where == "lead":
                return part[:-1] + ", " + planned[1:]
            return planned[:-1] + ", " + part[1:]
        if self.where == "lead":
            return part + self.separator + planned
        return planned + self.separator + part

    def lines(self, count: int | None) -> Iterator[str]:
        """Every frame's line (at most ``count``) when there are only frame columns."""
        n = 0
        while count is None or n < count:
            try:
                yield self._frame_part()
            except StopIteration:
                return
            n += 1

    @property
    def warning(self) -> Any:
        """Where the capture ends early (after the records were read), or None."""
        return self._records.warning

    def writer(self, write: Callable[[str], object]) -> Callable[[str], object]:
        """``write`` for the plan's output chunks (lines ending in newlines), frame columns
        added to every line."""

        def merged(chunk: str) -> object:
            if not chunk:
                return write(chunk)
            lines = chunk.split("\n")
            tail = lines.pop()  # "" after the last newline
            return write("\n".join(self.line(x) for x in lines) + "\n" + tail)

        return merged


def _fields(*rec: Any) -> tuple[Any, ...]:
    return rec


# a record-only frame field's value from records_as()'s tuple, as Frame gives it
_GETTERS: dict[str, Callable[[tuple[Any, ...]], Any]] = {
    "number": lambda r: r[0],
    "time": lambda r: utc_text(r[2]),
    "time_epoch": lambda r: epoch_text(r[2]),
    "cap_len": lambda r: r[3],
    "len": lambda r: r[4],
    "interface_id": lambda r: r[5],
    "linktype": lambda r: r[6],
    "truncated": lambda r: r[3] < r[4],
}
# ... and its text where it is not the value itself: what display_value() makes of an int or
# a bool (the time texts are already text, and plain ASCII)
_TEXTS: dict[str, Callable[[tuple[Any, ...]], str]] = {
    "number": lambda r: str(r[0]),
    "cap_len": lambda r: str(r[3]),
    "len": lambda r: str(r[4]),
    "interface_id": lambda r: str(r[5]),
    "linktype": lambda r: str(r[6]),
    "truncated": lambda r: "true" if r[3] < r[4] else "false",
}
# frame.* fields a capture record gives without decoding (protocols, malformed and errors
# need the decode)
RECORD_ONLY = frozenset(_GETTERS)
