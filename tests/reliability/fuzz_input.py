"""Turning fuzzer bytes into decisions, so one target serves hypothesis (st.binary), atheris and
the plain random loop of the long profile alike."""

from __future__ import annotations

from typing import Any


class Draw:
    """Reads choices from the bytes; when they run out every draw is 0 (the smallest case)."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._pos = 0

    def byte(self) -> int:
        if self._pos >= len(self._data):
            return 0
        self._pos += 1
        return self._data[self._pos - 1]

    def integer(self, low: int, high: int) -> int:
        """Uniform enough in [low, high] (inclusive)."""
        span = high - low + 1
        value = 0
        for _ in range(max(1, (span.bit_length() + 7) // 8)):
            value = (value << 8) | self.byte()
        return low + value % span

    def pick(self, items: list[Any]) -> Any:
        return items[self.integer(0, len(items) - 1)]

    def rest(self) -> bytes:
        tail = self._data[self._pos :]
        self._pos = len(self._data)
        return tail

    def json_value(self, depth: int = 0) -> Any:
        kind = self.integer(0, 8 if depth < 3 else 5)
        if kind == 0:
            return None
        if kind == 1:
            return bool(self.byte() & 1)
        if kind == 2:
            return self.pick([0, -1, 1, 2**31, 2**63, -(2**64), 10**400, 1])
        if kind == 3:
            return self.pick([0.0, -0.5, 1e308, 3.5])
        if kind == 4:
            size = self.integer(0, 40)
            return bytes(self.byte() for _ in range(size)).decode("latin-1")
        if kind == 5:
            return self.pick(["", "AAAA", "x" * 5000, "dr.martin", "practitioner", "recovery"])
        if kind == 6:
            return [self.json_value(depth + 1) for _ in range(self.integer(0, 3))]
        return {self.json_value(5).__str__(): self.json_value(depth + 1) for _ in range(2)}


def mutate_bytes(original: bytes, draw: Draw) -> bytes:
    """Byte-level damage: flips, insertions, deletions, truncation, appended garbage."""
    data = bytearray(original)
    for _ in range(draw.integer(1, 6)):
        op = draw.integer(0, 4)
        at = draw.integer(0, max(len(data) - 1, 0))
        if op == 0 and data:
            data[at] ^= draw.integer(1, 255)
        elif op == 1:
            data[at:at] = bytes(draw.byte() for _ in range(draw.integer(1, 16)))
        elif op == 2:
            del data[at : at + draw.integer(1, 64)]
        elif op == 3:
            del data[at:]
        else:
            data += bytes(draw.byte() for _ in range(draw.integer(1, 64)))
    return bytes(data)


def mutate_json(document: Any, draw: Draw) -> Any:
    """Replace one value somewhere in a JSON tree (or delete one key) with something odd."""
    if not isinstance(document, (dict, list)) or not document or draw.integer(0, 3) == 0:
        return draw.json_value()
    if isinstance(document, list):
        index = draw.integer(0, len(document) - 1)
        copy_list = list(document)
        copy_list[index] = mutate_json(document[index], draw)
        return copy_list
    key = draw.pick(sorted(document))
    copy = dict(document)
    if draw.integer(0, 7) == 0:
        del copy[key]
    else:
        copy[key] = mutate_json(document[key], draw)
    return copy
