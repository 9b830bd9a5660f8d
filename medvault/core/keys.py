"""The vault's key bundle: what a key slot releases once opened."""

from __future__ import annotations

import struct
from dataclasses import dataclass

from medvault.core.errors import HeaderDamagedError
from medvault.core.permissions import Role
from medvault.core.secrets import KEY_BYTES, SecretKey, wipe_bytearray

_MAGIC = b"MVKB"
_FORMAT = 1
_HAS_CLINICAL = 0x01
_HAS_BACKUP = 0x02


@dataclass
class KeyBundle:
    """K_admin and the audit key always; K_clinical and the backup identity only for
    practitioners and recovery. The audit key survives key rotation so that the chain written
    before a rotation still verifies after it."""

    admin_key: SecretKey
    audit_key: SecretKey
    clinical_key: SecretKey | None
    backup_identity: SecretKey | None

    @classmethod
    def generate(cls) -> KeyBundle:
        return cls(
            SecretKey.generate(), SecretKey.generate(), SecretKey.generate(), SecretKey.generate()
        )

    def for_role(self, role: Role) -> KeyBundle:
        """The keys a slot of this role may hold: a receptionist's holds no clinical key."""
        if role is Role.RECEPTIONIST:
            return KeyBundle(self.admin_key.copy(), self.audit_key.copy(), None, None)
        if self.clinical_key is None or self.backup_identity is None:
            raise ValueError("a practitioner bundle needs every key")
        return KeyBundle(
            self.admin_key.copy(),
            self.audit_key.copy(),
            self.clinical_key.copy(),
            self.backup_identity.copy(),
        )

    def serialize(self) -> bytearray:
        flags = (_HAS_CLINICAL if self.clinical_key else 0) | (
            _HAS_BACKUP if self.backup_identity else 0
        )
        out = bytearray(_MAGIC + struct.pack(">BB", _FORMAT, flags))
        out += self.admin_key.buffer
        out += self.audit_key.buffer
        if self.clinical_key:
            out += self.clinical_key.buffer
        if self.backup_identity:
            out += self.backup_identity.buffer
        return out

    @classmethod
    def deserialize(cls, data: bytearray) -> KeyBundle:
        try:
            if len(data) < 6 or bytes(data[:4]) != _MAGIC or data[4] != _FORMAT:
                raise HeaderDamagedError()
            flags = data[5]
            count = 2 + bool(flags & _HAS_CLINICAL) + bool(flags & _HAS_BACKUP)
            if flags & ~(_HAS_CLINICAL | _HAS_BACKUP) or len(data) != 6 + count * KEY_BYTES:
                raise HeaderDamagedError()
            parts = [data[6 + i * KEY_BYTES : 6 + (i + 1) * KEY_BYTES] for i in range(count)]
            keys = [SecretKey(part) for part in parts]
            for part in parts:
                wipe_bytearray(part)
            admin, audit = keys[0], keys[1]
            clinical = keys[2] if flags & _HAS_CLINICAL else None
            backup = keys[-1] if flags & _HAS_BACKUP else None
            return cls(admin, audit, clinical, backup)
        finally:
            wipe_bytearray(data)

    def wipe(self) -> None:
        for key in (self.admin_key, self.audit_key, self.clinical_key, self.backup_identity):
            if key is not None:
                key.wipe()
