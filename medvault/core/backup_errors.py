"""Errors of backups: each bad input gets its own plain words, and none of them carries patient
data, a code, a passphrase or key material."""

from __future__ import annotations

from medvault.core.errors import KnownError


class NotABackupError(KnownError):
    fr = "Ce fichier n'est pas une sauvegarde medvault (format age attendu)."
    en = "This file is not a medvault backup (age format expected)."


class BackupKeyError(KnownError):
    fr = (
        "Impossible d'ouvrir cette sauvegarde : code de secours ou phrase de passe incorrect, "
        "ou en-tête du fichier endommagé. Rien n'a été écrit."
    )
    en = (
        "Could not open this backup: wrong recovery code or passphrase, or the file's header "
        "is damaged. Nothing was written."
    )


class BackupNeedsPassphraseError(BackupKeyError):
    fr = (
        "Cette copie est protégée par une phrase de passe d'export : utilisez cette phrase "
        "(--passphrase-stdin). Rien n'a été écrit."
    )
    en = (
        "This copy is protected by an export passphrase: use that passphrase "
        "(--passphrase-stdin). Nothing was written."
    )


class BackupNeedsKeyError(BackupKeyError):
    fr = (
        "Cette sauvegarde n'est pas protégée par une phrase de passe : utilisez le code de "
        "secours du coffre. Rien n'a été écrit."
    )
    en = (
        "This backup is not protected by a passphrase: use the vault's recovery code. "
        "Nothing was written."
    )


class BackupDamagedError(KnownError):
    fr = (
        "La sauvegarde est endommagée ou a été modifiée (fichier tronqué, altéré ou complété). "
        "Utilisez une autre sauvegarde ; rien n'a été écrit."
    )
    en = (
        "The backup is damaged or was altered (truncated, modified or extended). "
        "Use another backup; nothing was written."
    )


class BackupWrongVaultError(KnownError):
    fr = "Cette sauvegarde appartient à un autre coffre ; rien n'a été écrit."
    en = "This backup belongs to another vault; nothing was written."


class BackupTooNewError(KnownError):
    fr = (
        "Cette sauvegarde a été faite par une version plus récente de medvault ; "
        "mettez medvault à jour. Rien n'a été écrit."
    )
    en = (
        "This backup was made by a newer medvault version; please update medvault. "
        "Nothing was written."
    )


class BackupTargetExistsError(KnownError):
    fr = (
        "La restauration se fait uniquement dans un nouveau dossier (absent ou vide) ; "
        "rien n'a été écrasé."
    )
    en = "A restore only goes into a new folder (missing or empty); nothing was overwritten."


class BackupFileExistsError(KnownError):
    fr = "Un fichier porte déjà ce nom ; choisissez-en un autre. Rien n'a été écrasé."
    en = "A file with this name already exists; choose another one. Nothing was overwritten."


class BackupFolderUnavailableError(KnownError):
    fr = (
        "Le dossier de sauvegarde est introuvable ou inaccessible (disque débranché, droits ?). "
        "Le coffre n'a pas été modifié."
    )
    en = (
        "The backup folder is missing or not writable (disk unplugged, permissions?). "
        "The vault was not changed."
    )


class BackupCheckFailedError(KnownError):
    """The backup decrypted, but a database or the audit chain inside it does not verify."""


class BackupCancelledError(KnownError):
    fr = "Sauvegarde annulée : aucun fichier n'a été écrit et le coffre n'a pas été modifié."
    en = "Backup cancelled: no file was written and the vault was not changed."


class BackupKeysRotatedError(KnownError):
    """The session's keys cannot check a backup made before the vault keys were rotated."""

    fr = (
        "Les clés du coffre ont été renouvelées depuis cette sauvegarde : les clés actuelles "
        "ne l'ouvrent plus. Vérifiez-la avec le code de secours."
    )
    en = (
        "The vault keys were rotated since this backup was made: the current keys no longer "
        "open it. Verify it with the recovery code."
    )
