"""Key buffers that can be wiped.

Keys live in bytearrays so that lock/close can overwrite them in place. Python may still hold
transient immutable copies (e.g. the bytes returned by a cipher); we drop those at once and keep
only the mutable buffer. docs/SECURITY.md states this limit."""

from __future__ import annotations

import hmac
import secrets

KEY_BYTES = 32


class SecretKey:
    """A 256-bit key held in a wipeable buffer."""

    __slots__ = ("_buf",)

    def __init__(self, material: bytes | bytearray) -> None:
        if len(material) != KEY_BYTES:
            raise ValueError("a key must be 32 bytes")
        self._buf = bytearray(material)

    @classmethod
    def generate(cls) -> SecretKey:
        return cls(secrets.token_bytes(KEY_BYTES))

    @property
    def buffer(self) -> bytearray:
        if self.wiped:
            raise ValueError("key was wiped")
        return self._buf

    @property
    def wiped(self) -> bool:
        return len(self._buf) == 0

    def hex_literal(self) -> str:
        """The SQLCipher raw-key literal x'<64 hex>' (never user text)."""
        return "x'" + self.buffer.hex() + "'"

    def wipe(self) -> None:
        for i in range(len(self._buf)):
            self._buf[i] = 0
        self._buf.clear()

    def copy(self) -> SecretKey:
        return SecretKey(self.buffer)

    def equals(self, other: SecretKey) -> bool:
        return hmac.compare_digest(self.buffer, other.buffer)

    def __repr__(self) -> str:  # never show key bytes
        return "SecretKey(<wiped>)" if self.wiped else "SecretKey(<hidden>)"


def wipe_bytearray(buf: bytearray) -> None:
    for i in range(len(buf)):
        buf[i] = 0
