"""Errors. One root; "known" errors are problems a user can fix and carry plain words in French
and English. Messages never contain patient data, passwords or key material."""

from __future__ import annotations


class MedVaultError(Exception):
    """Root of every error raised by medvault."""


class KnownError(MedVaultError):
    """A problem the user can understand and fix; shown as is, never as a traceback."""

    fr: str = "Erreur."
    en: str = "Error."

    def __init__(self, fr: str | None = None, en: str | None = None) -> None:
        if fr is not None:
            self.fr = fr
        if en is not None:
            self.en = en
        super().__init__(f"{self.fr} / {self.en}")

    def message(self, language: str = "fr") -> str:
        return self.fr if language.startswith("fr") else self.en


class WrongCredentialsError(KnownError):
    # One generic message for unknown login and wrong password alike.
    fr = "Identifiant ou mot de passe incorrect."
    en = "Incorrect login or password."


class LoginThrottledError(KnownError):
    """Too many failed logins in a row: this attempt was refused before checking the password.
    `wait_seconds` (rounded up) says when the next attempt may run, for the login screen."""

    def __init__(self, wait_seconds: int) -> None:
        self.wait_seconds = max(int(wait_seconds), 1)
        wait_fr, wait_en = self._wait_words(self.wait_seconds)
        super().__init__(
            fr=(
                "Trop d'essais infructueux avec cet identifiant. Par sécurité, attendez "
                f"{wait_fr} avant de réessayer."
            ),
            en=(
                f"Too many failed attempts with this login. For safety, wait {wait_en} "
                "before trying again."
            ),
        )

    @staticmethod
    def _wait_words(seconds: int) -> tuple[str, str]:
        if seconds < 60:
            unit_fr, unit_en, count = "seconde", "second", seconds
        else:
            unit_fr, unit_en, count = "minute", "minute", -(-seconds // 60)
        plural = "s" if count > 1 else ""
        return f"{count} {unit_fr}{plural}", f"{count} {unit_en}{plural}"


class VaultInUseError(KnownError):
    fr = "Ce coffre est déjà ouvert par une autre instance de medvault."
    en = "This vault is already open in another medvault instance."


class VaultNotFoundError(KnownError):
    fr = "Aucun coffre medvault à cet emplacement."
    en = "There is no medvault vault at this location."


class VaultExistsError(KnownError):
    fr = "Un coffre ou des fichiers existent déjà à cet emplacement ; rien n'a été écrasé."
    en = "A vault or other files already exist at this location; nothing was overwritten."


class HeaderDamagedError(KnownError):
    fr = (
        "L'en-tête du coffre (vault.json) et sa copie sont endommagés ou absents. "
        "Restaurez une sauvegarde."
    )
    en = "The vault header (vault.json) and its copy are damaged or missing. Restore a backup."


class DatabaseDamagedError(KnownError):
    fr = "Une base du coffre est endommagée ou illisible. Restaurez une sauvegarde."
    en = "A vault database is damaged or unreadable. Restore a backup."


class DatabaseKeyMismatchError(KnownError):
    fr = (
        "Les clés déchiffrées ne correspondent pas à la base de données : "
        "le fichier a été remplacé ou endommagé. Restaurez une sauvegarde."
    )
    en = (
        "The unlocked keys do not match the database: the file was replaced or damaged. "
        "Restore a backup."
    )


class VaultTooNewError(KnownError):
    fr = "Ce coffre a été créé par une version plus récente de medvault ; mettez medvault à jour."
    en = "This vault was made by a newer medvault version; please update medvault."


class DiskFullError(KnownError):
    fr = "Le disque est plein ; l'opération a été annulée, rien n'a été perdu."
    en = "The disk is full; the operation was cancelled and nothing was lost."


class DiskWriteError(KnownError):
    # An I/O error (failing or removed drive, file too large for the filesystem): SQLite rolls
    # the transaction back, so the vault keeps its previous state.
    fr = (
        "Le disque a refusé une lecture ou une écriture (support défectueux ou retiré, fichier "
        "trop grand pour ce disque) ; l'opération a été annulée, le coffre est inchangé."
    )
    en = (
        "The disk refused a read or a write (failing or removed drive, file too large for this "
        "disk); the operation was cancelled and the vault was not changed."
    )


class VaultLockedError(KnownError):
    fr = "La session est verrouillée ; déverrouillez-la pour continuer."
    en = "The session is locked; unlock it to continue."


class PermissionDeniedError(KnownError):
    fr = "Votre profil ne permet pas cette action."
    en = "Your profile does not allow this action."


class PasswordChangeRequiredError(KnownError):
    fr = "Vous devez d'abord remplacer votre mot de passe initial."
    en = "You must first replace your initial password."


class WeakPasswordError(KnownError):
    """Raised with the specific reasons of the refusal."""


class InvalidInputError(KnownError):
    """Bad input, with a specific message built by the caller."""


class UserExistsError(KnownError):
    fr = "Cet identifiant est déjà utilisé."
    en = "This login is already taken."


class UnknownUserError(KnownError):
    fr = "Aucun utilisateur avec cet identifiant."
    en = "No user has this login."


class LastPractitionerError(KnownError):
    fr = "Le dernier praticien actif ne peut pas être désactivé."
    en = "The last active practitioner cannot be disabled."


class AuditChainBrokenError(KnownError):
    """The audit chain does not verify; the message names the first bad record."""


class FieldError(InvalidInputError):
    """A field's value is refused; `field` names it so a form can show the message beside it."""

    def __init__(self, field: str, fr: str, en: str) -> None:
        self.field = field
        super().__init__(fr=fr, en=en)


class UnknownRecordError(KnownError):
    fr = "Cette fiche n'existe pas (ou plus)."
    en = "This record does not exist (any more)."


class UnknownPatientError(UnknownRecordError):
    fr = "Ce patient n'existe pas dans le coffre."
    en = "This patient does not exist in the vault."


class PatientDeletedError(KnownError):
    fr = "Ce dossier patient a été supprimé ; il ne peut plus être modifié."
    en = "This patient file was deleted; it can no longer be changed."


class StaleWriteError(KnownError):
    fr = (
        "Cette fiche a été modifiée entre-temps (par une autre fenêtre ou un autre poste). "
        "Rechargez-la avant d'enregistrer : vos changements n'ont pas été écrits."
    )
    en = (
        "This record was changed in the meantime (in another window or session). Reload it "
        "before saving: your changes were not written."
    )


class DocumentImportCancelledError(KnownError):
    # Raised inside the import transaction, so the document is rolled back whole.
    fr = "Import interrompu : ce document n'a pas été ajouté au coffre."
    en = "Import cancelled: this document was not added to the vault."


class ErasureBasisError(InvalidInputError):
    fr = (
        "Indiquez le fondement légal de l'effacement (durée de conservation échue, demande du "
        "patient ou dossier créé par erreur)."
    )
    en = (
        "State the legal basis for the erasure (retention period over, patient's request, or "
        "file created in error)."
    )
