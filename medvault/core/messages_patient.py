"""French and English messages for refused patient fields, one place for translators.

Messages describe the rule, never the refused value (it may be patient data)."""

from __future__ import annotations

from medvault.core.errors import FieldError

# field -> (French, English)
MESSAGES: dict[str, tuple[str, str]] = {
    "birth_name": (
        "Le nom de naissance est obligatoire (100 caractères au plus : lettres, espaces, "
        "tirets, apostrophes).",
        "The birth name is required (at most 100 characters: letters, spaces, hyphens, "
        "apostrophes).",
    ),
    "used_name": (
        "Le nom utilisé doit faire 100 caractères au plus (lettres, espaces, tirets, apostrophes).",
        "The used name must be at most 100 characters (letters, spaces, hyphens, apostrophes).",
    ),
    "first_names": (
        "Au moins un prénom est obligatoire ; chaque prénom est fait de lettres, tirets ou "
        "apostrophes, 100 caractères au plus pour la liste.",
        "At least one first name is required; each is made of letters, hyphens or apostrophes, "
        "at most 100 characters for the list.",
    ),
    "used_first_name": (
        "Le prénom utilisé doit faire 50 caractères au plus (lettres, espaces, tirets, "
        "apostrophes).",
        "The used first name must be at most 50 characters (letters, spaces, hyphens, "
        "apostrophes).",
    ),
    "sex": (
        "Le sexe doit être F, M ou I (indéterminé).",
        "Sex must be F, M or I (indeterminate).",
    ),
    "birth_date": (
        "La date de naissance est obligatoire, au format jj/mm/aaaa, et ne peut pas être "
        "dans le futur ni avant 1880.",
        "The birth date is required, as dd/mm/yyyy, and cannot be in the future or before 1880.",
    ),
    "birth_place_insee": (
        "Le lieu de naissance est un code INSEE de 5 caractères (ex. 75056, 2A004 ; 99xxx "
        "pour une naissance à l'étranger).",
        "The birth place is a 5-character INSEE code (e.g. 75056, 2A004; 99xxx for a birth "
        "abroad).",
    ),
    "nir": (
        "Le NIR/NIA doit comporter 15 caractères (13 + clé de contrôle de 2 chiffres) et sa "
        "clé doit être juste.",
        "The NIR/NIA must have 15 characters (13 + a 2-digit check key) and a correct key.",
    ),
    "nir_kind": (
        "Le type d'identifiant doit être NIR ou NIA.",
        "The identifier kind must be NIR or NIA.",
    ),
    "identity_status": (
        "Le statut d'identité doit être provisoire, récupérée, validée ou qualifiée ; "
        "« récupérée » et « qualifiée » exigent un NIR ou NIA.",
        "The identity status must be provisional, retrieved, validated or qualified; "
        "'retrieved' and 'qualified' need a NIR or NIA.",
    ),
    "address": (
        "L'adresse doit faire 200 caractères au plus.",
        "The address must be at most 200 characters.",
    ),
    "postal_code": (
        "Le code postal français comporte 5 chiffres (10 caractères au plus à l'étranger).",
        "A French postal code has 5 digits (at most 10 characters abroad).",
    ),
    "city": (
        "La ville doit faire 100 caractères au plus.",
        "The city must be at most 100 characters.",
    ),
    "country": (
        "Le pays est un code ISO à 2 lettres (ex. FR, BE).",
        "The country is a 2-letter ISO code (e.g. FR, BE).",
    ),
    "phone_mobile": (
        "Le numéro de téléphone portable n'est pas un numéro valide.",
        "The mobile phone number is not a valid number.",
    ),
    "phone_other": (
        "L'autre numéro de téléphone n'est pas un numéro valide.",
        "The other phone number is not a valid number.",
    ),
    "email": (
        "L'adresse e-mail n'est pas valide (forme nom@domaine.fr, 254 caractères au plus).",
        "The email address is not valid (form name@domain.com, at most 254 characters).",
    ),
    "referring_physician": (
        "Le médecin traitant doit faire 120 caractères au plus.",
        "The referring physician must be at most 120 characters.",
    ),
    "admin_notes": (
        "Les notes administratives doivent faire 2000 caractères au plus.",
        "Administrative notes must be at most 2000 characters.",
    ),
    "deletion_reason": (
        "Le motif de suppression est obligatoire (200 caractères au plus).",
        "The reason for deletion is required (at most 200 characters).",
    ),
    "merge": (
        "Une fiche ne peut être fusionnée qu'avec une autre fiche active.",
        "A record can only be merged into another, active record.",
    ),
}


def field_error(field: str) -> FieldError:
    fr, en = MESSAGES[field]
    return FieldError(field, fr, en)
