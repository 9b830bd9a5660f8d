"""The export file: one ZIP encrypted with AES-256 (WinZip AE-2, opened by 7-Zip, WinZip,
Keka, The Unarchiver), holding a single inner ZIP with the real files.

A ZIP's file names are not encrypted, only its contents: the inner archive keeps the names
(the patient's documents' names among them) inside the encrypted part. Everything is streamed:
the inner archive is written into the encrypted entry as it is produced, so no plaintext part
ever reaches the disk and the documents are never all in memory at once.

WinZip AES derives its key with PBKDF2-SHA1 at 1,000 iterations, which a weak password could
not survive: the password is therefore generated, 25 characters from a 32-letter alphabet
(125 bits), grouped by five so it can be read out or typed."""

from __future__ import annotations

import base64
import hashlib
import secrets
import zipfile
from collections.abc import Iterable
from typing import IO

import pyzipper

INNER_NAME = "dossier-patient.zip"
# No 0/O or 1/I/L look-alikes.
PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # noqa: S105 - an alphabet
PASSWORD_GROUPS = 5
PASSWORD_GROUP_SIZE = 5


def generate_password() -> str:
    groups = (
        "".join(secrets.choice(PASSWORD_ALPHABET) for _ in range(PASSWORD_GROUP_SIZE))
        for _ in range(PASSWORD_GROUPS)
    )
    return "-".join(groups)


class ExportArchive:
    """Use as a context manager over an open binary file; add files, then close."""

    def __init__(self, target: IO[bytes], password: str) -> None:
        self._outer = pyzipper.AESZipFile(
            target, "w", compression=pyzipper.ZIP_STORED, encryption=pyzipper.WZ_AES
        )
        self._outer.setpassword(password.encode("ascii"))
        self._outer.setencryption(pyzipper.WZ_AES, nbits=256)
        self._entry = self._outer.open(INNER_NAME, "w", force_zip64=True)
        self._inner = zipfile.ZipFile(
            self._entry, "w", compression=zipfile.ZIP_DEFLATED, allowZip64=True
        )

    def add_bytes(self, name: str, data: bytes) -> None:
        with self._inner.open(name, "w") as member:
            member.write(data)

    def add_stream(self, name: str, chunks: Iterable[bytes]) -> tuple[int, str]:
        """Write chunk by chunk; returns the size and the base64 SHA-1 of what was written."""
        digest = hashlib.sha1(usedforsecurity=False)
        size = 0
        with self._inner.open(name, "w", force_zip64=True) as member:
            for chunk in chunks:
                member.write(chunk)
                digest.update(chunk)
                size += len(chunk)
        return size, base64.b64encode(digest.digest()).decode("ascii")

    def close(self) -> None:
        self._inner.close()
        self._entry.close()
        self._outer.close()

    def __enter__(self) -> ExportArchive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def read_export(data: IO[bytes], password: str) -> dict[str, bytes]:
    """Every file of an export, by name (for checks and tests); RuntimeError on a bad password."""
    import io

    with pyzipper.AESZipFile(data) as outer:
        outer.setpassword(password.encode("ascii"))
        inner_bytes = outer.read(INNER_NAME)
    with zipfile.ZipFile(io.BytesIO(inner_bytes)) as inner:
        return {name: inner.read(name) for name in inner.namelist()}
