"""After a login: put back the files the same user had open when the session locked, and offer
the drafts kept from unsaved edits (the user's own, whenever they were kept)."""

from __future__ import annotations

import contextlib
from typing import Protocol

from PySide6.QtCore import QCoreApplication

from medvault.core.drafts import NEW_PATIENT_EDITOR_KEY, DraftKind
from medvault.core.errors import KnownError
from medvault.gui.dialogs import Button, Dialogs
from medvault.gui.editor_drafts import PendingDraft, save_pending_draft
from medvault.gui.messages import language
from medvault.services import drafts, new_patient_drafts
from medvault.services.session import Session


class _FileWindow(Protocol):
    def restore_draft(self, draft: PendingDraft) -> bool: ...


class _MainWindow(Protocol):
    def open_patient(self, patient_id: int) -> _FileWindow | None: ...

    def new_patient(self) -> _FileWindow: ...


def reopen_files(window: _MainWindow, patient_ids: list[int]) -> int:
    """Open the files again (each read is audited as usual); the count reopened."""
    return sum(1 for patient_id in patient_ids if window.open_patient(patient_id) is not None)


def offer_drafts(window: _MainWindow, session: Session, dialogs: Dialogs) -> int:
    """Ask once; on yes, each draft is taken out of the vault and shown in its editor, still
    unsaved (a new-patient form in a new file window). On no they stay for later. Returns the
    count put back."""
    try:
        waiting = drafts.list_drafts(session)
        new_forms = new_patient_drafts.list_new_patient_drafts(session)
    except KnownError:
        return 0
    if not waiting and not new_forms:
        return 0
    title = QCoreApplication.translate("draft_offer", "Saisies non enregistrées")
    answer = dialogs.question(
        title,
        QCoreApplication.translate(
            "draft_offer",
            "{n} saisie(s) non enregistrée(s) ont été conservées, chiffrées, lors d'un "
            "verrouillage. Les rouvrir maintenant ?\n\n"
            "Non : elles restent conservées et vous seront proposées à nouveau.",
        ).format(n=len(waiting) + len(new_forms)),
    )
    if answer != Button.Yes:
        return 0
    restored = 0
    for summary in waiting:
        try:
            file_window = window.open_patient(summary.patient_id)
            if file_window is None:
                continue
            draft = drafts.take_draft(
                session,
                kind=summary.kind,
                patient_id=summary.patient_id,
                editor_key=summary.editor_key,
            )
        except KnownError as error:
            dialogs.warn(title, error.message(language()))
            continue
        if draft is None:
            continue
        pending = PendingDraft(draft.kind, summary.patient_id, draft.editor_key, draft.content)
        restored += _restore(session, file_window, pending)
    for new_form in new_forms:
        try:
            content = new_patient_drafts.take_new_patient_draft(session, draft_id=new_form.draft_id)
        except KnownError as error:
            dialogs.warn(title, error.message(language()))
            continue
        if content is None:
            continue
        pending = PendingDraft(DraftKind.ADMINISTRATIVE, None, NEW_PATIENT_EDITOR_KEY, content)
        restored += _restore(session, window.new_patient(), pending)
    return restored


def _restore(session: Session, file_window: _FileWindow, draft: PendingDraft) -> int:
    """1 when the editor took the draft; else the draft goes back to the vault (never lost)."""
    if file_window.restore_draft(draft):
        return 1
    with contextlib.suppress(KnownError):  # refused: nothing more can be done here
        save_pending_draft(session, draft)
    return 0
