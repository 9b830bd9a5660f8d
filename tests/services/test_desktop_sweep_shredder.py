"""Overwrite-then-unlink of originals (medvault.storage.file_shredder)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from medvault.storage.file_shredder import shred_file

CONTENT = b"Compte rendu: patient DUPONT " * 4000


def test_content_is_overwritten_before_unlink(tmp_path: Path) -> None:
    original = tmp_path / "original.pdf"
    original.write_bytes(CONTENT)
    witness = tmp_path / "witness"
    os.link(original, witness)  # a second name on the same data shows what was written
    shred_file(original)
    assert not original.exists()
    overwritten = witness.read_bytes()
    assert len(overwritten) == len(CONTENT)
    assert b"DUPONT" not in overwritten
    assert overwritten != bytes(len(CONTENT))  # random bytes, not a hole


@pytest.mark.skipif(not hasattr(os, "O_NOFOLLOW"), reason="needs O_NOFOLLOW")
def test_a_link_is_refused_and_its_target_untouched(tmp_path: Path) -> None:
    target = tmp_path / "target.pdf"
    target.write_bytes(CONTENT)
    link = tmp_path / "link.pdf"
    link.symlink_to(target)
    with pytest.raises(OSError):
        shred_file(link)
    assert target.read_bytes() == CONTENT
    assert link.is_symlink()


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        shred_file(tmp_path)
    assert tmp_path.is_dir()


def test_empty_file_is_just_removed(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.write_bytes(b"")
    shred_file(empty)
    assert not empty.exists()
