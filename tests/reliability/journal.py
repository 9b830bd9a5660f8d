"""The writer's journal: one JSON line per write the services acknowledged, made durable
(fsync) before the next write starts. After a crash, everything in it must be in the vault.

A line may be missing for a write that happened (the kill came between the service's return
and the journal), never the reverse. Password changes are journalled twice: the intent before
the call (so the checker knows which passwords may be current) and the acknowledgement after."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


class Journal:
    def __init__(self, path: Path) -> None:
        self._fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)

    def write(self, **entry: Any) -> None:
        os.write(self._fd, (json.dumps(entry, ensure_ascii=False) + "\n").encode())
        os.fsync(self._fd)

    def close(self) -> None:
        os.close(self._fd)


def read_entries(path: Path) -> Iterator[dict[str, Any]]:
    if not path.exists():
        return
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.endswith("}"):
            continue  # torn by the kill: the write it describes was not acknowledged
        try:
            yield json.loads(line)
        except json.JSONDecodeError:
            continue


@dataclass
class Acknowledged:
    """What the journal says the vault must hold."""

    patients: dict[int, str] = field(default_factory=dict)  # id -> birth name
    consultations: dict[int, str] = field(default_factory=dict)  # id -> reason
    documents: dict[int, str] = field(default_factory=dict)  # id -> sha256
    users: set[str] = field(default_factory=set)
    disabled: set[str] = field(default_factory=set)
    backups: list[str] = field(default_factory=list)
    generation: int = 0
    password: str = ""
    pending_password: str | None = None
    writes: int = 0

    @classmethod
    def load(cls, path: Path, initial_password: str) -> Acknowledged:
        ack = cls(password=initial_password)
        for entry in read_entries(path):
            ack.apply(entry)
        return ack

    def apply(self, entry: dict[str, Any]) -> None:
        op = entry["op"]
        if op == "password_intent":
            self.pending_password = entry["password"]
            return
        if op in ("password", "password_found"):
            self.password = entry["password"]
            self.pending_password = None
            if op == "password_found":
                return  # the checker's finding, not a write
        elif op == "patient":
            self.patients[entry["id"]] = entry["name"]
        elif op == "consultation":
            self.consultations[entry["id"]] = entry["reason"]
        elif op == "document":
            self.documents[entry["id"]] = entry["sha256"]
        elif op == "user":
            self.users.add(entry["login"])
        elif op == "user_disabled":
            self.disabled.add(entry["login"])
        elif op == "rotation":
            self.generation = max(self.generation, entry["generation"])
        elif op == "backup":
            self.backups.append(entry["path"])
        self.writes += 1
