"""Real service-level writes, as a practitioner does them, each journalled once acknowledged."""

from __future__ import annotations

import random
import string
from collections.abc import Callable
from datetime import date
from pathlib import Path

from medvault.core.clinical_consultation import ConsultationData, SoapNotes
from medvault.core.documents import DocumentCategory
from medvault.core.patient import PatientForm
from medvault.core.permissions import Role
from medvault.services import clinical_consultations, documents, key_rotation, patients, users
from medvault.services.backup import create_backup
from medvault.services.session import Session
from tests.reliability.journal import Acknowledged, Journal

MAX_EXTRA_USERS = 4
PDF_HEAD = b"%PDF-1.7\n"


def marker(rng: random.Random, prefix: str = "CANARI") -> str:
    """A name-shaped marker (letters only, so it passes the name rules)."""
    return prefix + "".join(rng.choice(string.ascii_uppercase) for _ in range(10))


class Workload:
    def __init__(
        self,
        session: Session,
        journal: Journal,
        ack: Acknowledged,
        rng: random.Random,
        scratch: Path,
        backups: Path,
        announce: Callable[[str], None] = lambda _name: None,
    ) -> None:
        self.session = session
        self.journal = journal
        self.ack = ack
        self.rng = rng
        self.scratch = scratch
        self.backups = backups
        self.announce = announce  # told which write starts, to say where a kill landed
        self.count = 0

    def step(self) -> str:
        """One write chosen at random (a patient first, when there is none)."""
        ops: list[tuple[Callable[[], None], int]] = [
            (self.create_patient, 30),
            (self.write_note, 25),
            (self.import_document, 15),
            (self.change_password, 6),
            (self.change_users, 6),
            (self.rotate_keys, 2),
            (self.export_backup, 4),
        ]
        if not self.ack.patients:
            op = self.create_patient
        else:
            op = self.rng.choices([o for o, _ in ops], weights=[w for _, w in ops])[0]
        self.announce(op.__name__)
        op()
        self.count += 1
        return op.__name__

    def _patient(self) -> int:
        return self.rng.choice(list(self.ack.patients))

    def _record(self, **entry: object) -> None:
        self.journal.write(**entry)
        self.ack.apply(entry)

    def create_patient(self) -> None:
        name = marker(self.rng)
        form = PatientForm(
            birth_name=name, first_names=("Alice",), sex="F", birth_date="1980-04-02"
        )
        saved = patients.create_patient(self.session, form)
        self._record(op="patient", id=saved.patient.id, name=name)

    def write_note(self) -> None:
        reason = "Suivi " + marker(self.rng, "NOTE")
        data = ConsultationData(
            consulted_on=date.today(),
            reason=reason,
            notes=SoapNotes(subjective="Toux " + marker(self.rng, "SOAP")),
        )
        created = clinical_consultations.create_consultation(self.session, self._patient(), data)
        self._record(op="consultation", id=created.id, reason=reason)

    def import_document(self) -> None:
        path = self.scratch / f"doc-{self.rng.getrandbits(48):012x}.pdf"
        path.write_bytes(PDF_HEAD + self.rng.randbytes(self.rng.randint(100, 48_000)))
        try:
            info = documents.import_clinical_document(
                self.session,
                patient_id=self._patient(),
                path=path,
                title="Bilan sanguin",
                document_date=date.today().isoformat(),
                category=DocumentCategory.LAB_RESULT,
            )
        finally:
            path.unlink()
        self._record(op="document", id=info.id, sha256=info.sha256)

    def change_password(self) -> None:
        new = users.generate_initial_password()
        self._record(op="password_intent", password=new)
        users.change_own_password(self.session, current=self.ack.password, new=new)
        self._record(op="password", password=new)

    def change_users(self) -> None:
        active = sorted(self.ack.users - self.ack.disabled)
        if len(active) >= MAX_EXTRA_USERS:
            login = active[0]
            users.disable_user(self.session, login=login)
            self._record(op="user_disabled", login=login)
            return
        login = "acc" + "".join(self.rng.choice(string.ascii_lowercase) for _ in range(8))
        users.add_user(self.session, login=login, display_name="Accueil", role=Role.RECEPTIONIST)
        self._record(op="user", login=login)

    def rotate_keys(self) -> None:
        key_rotation.rotate_keys(self.session)
        self._record(op="rotation", generation=self.session.header.key_generation)

    def export_backup(self) -> None:
        target = self.backups / f"backup-{self.rng.getrandbits(48):012x}.medvault-backup"
        create_backup(self.session, target)
        self._record(op="backup", path=str(target))
