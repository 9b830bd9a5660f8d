"""The registry of trusted key slots, kept in clinical.db.

The header's checksum is not a MAC: anyone who can write the vault folder could plant a slot,
and a key rotation would then seal the new keys to it. Only sessions holding K_clinical
(practitioners, recovery) can write this registry, and a rotation re-seals only the slots
registered here with the same role and public key."""

from __future__ import annotations

from medvault.core.keyslot_format import KeySlot
from medvault.storage import meta_repo
from medvault.storage.database import Connection

_PREFIX = "slot:"


def _value(slot: KeySlot) -> str:
    return f"{slot.kind.value}:{slot.role.value}:{slot.public_key.hex()}"


def register(clinical: Connection, slot: KeySlot) -> None:
    meta_repo.put(clinical, "clinical_meta", _PREFIX + slot.slot_id, _value(slot))


def forget(clinical: Connection, slot_id: str) -> None:
    meta_repo.delete(clinical, "clinical_meta", _PREFIX + slot_id)


def is_trusted(clinical: Connection, slot: KeySlot) -> bool:
    return meta_repo.get(clinical, "clinical_meta", _PREFIX + slot.slot_id) == _value(slot)
