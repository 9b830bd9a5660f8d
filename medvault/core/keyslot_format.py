"""What a key slot is, as written in the header: read by the header parser without loading any
cryptography (the login window parses the header before anything is decrypted; the operations
on slots are in keyslots.py)."""

from __future__ import annotations

import enum
import json
from dataclasses import dataclass

from medvault.core.kdf import Argon2Params
from medvault.core.permissions import Role


class SlotKind(enum.StrEnum):
    USER = "user"
    RECOVERY = "recovery"


@dataclass(frozen=True)
class KeySlot:
    slot_id: str
    kind: SlotKind
    login: str | None  # None for the recovery slot
    role: Role  # the recovery slot holds every key, as a practitioner's
    kdf: Argon2Params
    salt: bytes
    public_key: bytes
    wrapped_private: bytes  # nonce || AES-GCM ciphertext
    sealed_bundle: bytes  # ephemeral public key || nonce || AES-GCM ciphertext

    def metadata(self, vault_id: str) -> bytes:
        """Associated data for the private-key wrap: everything a tamperer could want to change."""
        return canonical_json(
            {
                "vault_id": vault_id,
                "slot_id": self.slot_id,
                "kind": self.kind.value,
                "login": self.login,
                "role": self.role.value,
                "kdf": self.kdf.to_dict(),
                "salt": self.salt.hex(),
                "public_key": self.public_key.hex(),
            }
        )


def canonical_json(value: object) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()
