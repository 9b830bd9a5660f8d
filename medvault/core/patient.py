"""Patient identity (French INS model) and contact details: the domain types and their checks.

A form gives a `PatientForm` (text as typed); `validate_patient` turns it into `PatientData`
(trimmed, normalised: NIR compacted, phones in E.164) or raises the FieldError of the first
refused field. Nothing is written before every field is valid."""

from __future__ import annotations

import enum
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from typing import TypeVar

import phonenumbers
from stdnum.exceptions import ValidationError
from stdnum.fr import nir as stdnum_nir

from medvault.core.messages_patient import field_error
from medvault.core.text_search import fold, word_suffixes, words


class Sex(enum.StrEnum):
    FEMALE = "F"
    MALE = "M"
    INDETERMINATE = "I"


class IdentityStatus(enum.StrEnum):
    PROVISIONAL = "provisional"
    RETRIEVED = "retrieved"  # INS retrieved from the INSi teleservice
    VALIDATED = "validated"  # identity checked against an identity document
    QUALIFIED = "qualified"  # retrieved and validated


class NirKind(enum.StrEnum):
    NIR = "NIR"
    NIA = "NIA"  # identifier given while a NIR is awaited (people born abroad)


DEFAULT_PHONE_REGION = "FR"
_EARLIEST_BIRTH = date(1880, 1, 1)
_NAME_PUNCTUATION = {" ", "-", "'"}
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u02bc": "'", "\u2018": "'"})
_INSEE = re.compile(r"(?:\d{5}|2[AB]\d{3})")
_FRENCH_POSTAL_CODE = re.compile(r"\d{5}")
_COUNTRY = re.compile(r"[A-Z]{2}")
_EMAIL = re.compile(
    r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+"
)
_NIA_FIRST_DIGITS = ("7", "8")
_E = TypeVar("_E", bound=enum.StrEnum)


@dataclass(frozen=True)
class PatientForm:
    """What a form gives, as typed. Dates may be `date` or text (dd/mm/yyyy or ISO)."""

    birth_name: str
    first_names: tuple[str, ...] | str
    sex: Sex | str
    birth_date: date | str
    used_name: str = ""
    used_first_name: str = ""
    birth_place_insee: str = ""
    nir: str = ""
    nir_kind: NirKind | str | None = None  # inferred from the NIR when not given
    identity_status: IdentityStatus | str = IdentityStatus.PROVISIONAL
    address: str = ""
    postal_code: str = ""
    city: str = ""
    country: str = "FR"
    phone_mobile: str = ""
    phone_other: str = ""
    email: str = ""
    referring_physician: str = ""
    admin_notes: str = ""

    @classmethod
    def from_data(cls, data: PatientData) -> PatientForm:
        """A form filled with stored values (to edit a record)."""
        return cls(
            birth_name=data.birth_name,
            first_names=data.first_names,
            sex=data.sex,
            birth_date=data.birth_date,
            used_name=data.used_name or "",
            used_first_name=data.used_first_name or "",
            birth_place_insee=data.birth_place_insee or "",
            nir=data.nir or "",
            nir_kind=data.nir_kind,
            identity_status=data.identity_status,
            address=data.address or "",
            postal_code=data.postal_code or "",
            city=data.city or "",
            country=data.country,
            phone_mobile=data.phone_mobile or "",
            phone_other=data.phone_other or "",
            email=data.email or "",
            referring_physician=data.referring_physician or "",
            admin_notes=data.admin_notes or "",
        )


@dataclass(frozen=True)
class PatientData:
    """Valid, normalised identity and contact details (optional fields are None when empty)."""

    birth_name: str
    first_names: tuple[str, ...]
    sex: Sex
    birth_date: date
    used_name: str | None
    used_first_name: str | None
    birth_place_insee: str | None
    nir: str | None  # 15 characters, compact
    nir_kind: NirKind | None
    identity_status: IdentityStatus
    address: str | None
    postal_code: str | None
    city: str | None
    country: str
    phone_mobile: str | None  # E.164
    phone_other: str | None  # E.164
    email: str | None
    referring_physician: str | None
    admin_notes: str | None


@dataclass(frozen=True)
class Patient:
    id: int
    data: PatientData
    version: int
    created_at: str
    created_by: str
    updated_at: str
    updated_by: str
    deleted_at: str | None = None
    deleted_by: str | None = None
    deletion_reason: str | None = None
    merged_into: int | None = None

    @property
    def is_active(self) -> bool:
        return self.deleted_at is None and self.merged_into is None


@dataclass(frozen=True)
class PatientSummary:
    """One line of a search result or listing."""

    id: int
    birth_name: str
    used_name: str | None
    first_names: tuple[str, ...]
    sex: Sex
    birth_date: date
    identity_status: IdentityStatus
    city: str | None
    phone_mobile: str | None  # E.164, as stored

    @property
    def display_name(self) -> str:
        return display_name(self.birth_name, self.used_name, self.first_names)


@dataclass(frozen=True)
class SavedPatient:
    """A created or updated record, with the live records that look like the same person."""

    patient: Patient
    possible_duplicates: tuple[PatientSummary, ...]


@dataclass(frozen=True)
class SearchKeys:
    """Folded keys stored beside a record: every name from each of its words, by rank (0 the
    whole birth or used name, 1 a later word of it, 2 a first name), and sorting keys."""

    name_keys: frozenset[tuple[int, str]]
    search_name: str  # " word word ... " for "every typed word starts a name word"
    sort_key: str
    used_name_key: str | None
    first_names_key: str
    city_key: str | None


def display_name(birth_name: str, used_name: str | None, first_names: tuple[str, ...]) -> str:
    """How the desk calls the patient: the used name (else the birth name) and first name."""
    first = first_names[0] if first_names else ""
    return f"{used_name or birth_name} {first}".strip()


def search_keys(data: PatientData) -> SearchKeys:
    ranked: dict[str, int] = {}

    def add(rank: int, keys: list[str]) -> None:
        for key in keys:
            ranked[key] = min(rank, ranked.get(key, rank))

    for name in (data.birth_name, data.used_name or ""):
        suffixes = word_suffixes(name)
        add(0, suffixes[:1])
        add(1, suffixes[1:])
    for first in (*data.first_names, data.used_first_name or ""):
        add(2, word_suffixes(first))
    all_words = [
        *words(data.birth_name),
        *words(data.used_name or ""),
        *(w for first in data.first_names for w in words(first)),
        *words(data.used_first_name or ""),
    ]
    first_names_key = fold(" ".join(data.first_names))
    return SearchKeys(
        name_keys=frozenset((rank, key) for key, rank in ranked.items()),
        search_name=f" {' '.join(all_words)} ",
        sort_key=f"{fold(data.birth_name)} {first_names_key}",
        used_name_key=fold(data.used_name) if data.used_name else None,
        first_names_key=first_names_key,
        city_key=fold(data.city) if data.city else None,
    )


# -- parsing helpers shared with search ------------------------------------------------------------
def parse_date(text: str) -> date | None:
    """dd/mm/yyyy (also with - or .) or ISO yyyy-mm-dd; None when it is not a date."""
    text = text.strip()
    for pattern in ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def compact_nir(text: str) -> str:
    return stdnum_nir.compact(text.replace("-", ""))


def normalise_phone(text: str, region: str = DEFAULT_PHONE_REGION) -> str | None:
    """E.164 form of a valid number typed in any usual format, else None."""
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


# -- validation ---------------------------------------------------------------------------------
def _clean(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def _name(text: str, field: str, *, required: bool, max_length: int) -> str | None:
    cleaned = _clean(text).translate(_APOSTROPHES)
    if not cleaned:
        if required:
            raise field_error(field)
        return None
    # Letters with their combining marks (NFC leaves some composed letters decomposed).
    letters_ok = all(
        c.isalpha() or c in _NAME_PUNCTUATION or unicodedata.category(c).startswith("M")
        for c in cleaned
    )
    if len(cleaned) > max_length or not letters_ok or not any(c.isalpha() for c in cleaned):
        raise field_error(field)
    return cleaned


def _first_names(value: tuple[str, ...] | str) -> tuple[str, ...]:
    # INS lists birth first names separated by spaces; a compound first name uses a hyphen.
    items = value.split() if isinstance(value, str) else [p for v in value for p in v.split()]
    names = tuple(_name(item, "first_names", required=True, max_length=100) or "" for item in items)
    if not names or len(" ".join(names)) > 100:
        raise field_error("first_names")
    return names


def _enum(kind: type[_E], value: _E | str, field: str) -> _E:
    try:
        return kind(value.strip() if isinstance(value, str) else value)
    except ValueError:
        raise field_error(field) from None


def _birth_date(value: date | str, today: date) -> date:
    parsed = value if isinstance(value, date) else parse_date(value)
    if parsed is None or not _EARLIEST_BIRTH <= parsed <= today:
        raise field_error("birth_date")
    return parsed


def _nir(value: str, kind: NirKind | str | None) -> tuple[str | None, NirKind | None]:
    if not value.strip():
        return None, None
    try:
        compact = stdnum_nir.validate(value.replace("-", ""))
    except ValidationError:
        raise field_error("nir") from None
    if kind is None or kind == "":
        return compact, NirKind.NIA if compact[0] in _NIA_FIRST_DIGITS else NirKind.NIR
    return compact, _enum(NirKind, kind, "nir_kind")


def _optional(text: str, field: str, max_length: int, *, multiline: bool = False) -> str | None:
    cleaned = text.strip() if multiline else _clean(text)
    if len(cleaned) > max_length:
        raise field_error(field)
    return cleaned or None


def _phone(text: str, field: str, region: str) -> str | None:
    if not text.strip():
        return None
    e164 = normalise_phone(text, region)
    if e164 is None:
        raise field_error(field)
    return e164


def validate_patient(form: PatientForm, *, today: date) -> PatientData:
    """Every field checked in form order; the first refused one raises its FieldError."""
    birth_name = _name(form.birth_name, "birth_name", required=True, max_length=100)
    used_name = _name(form.used_name, "used_name", required=False, max_length=100)
    first_names = _first_names(form.first_names)
    used_first_name = _name(form.used_first_name, "used_first_name", required=False, max_length=50)
    sex = _enum(Sex, form.sex.upper() if isinstance(form.sex, str) else form.sex, "sex")
    birth_date = _birth_date(form.birth_date, today)
    place = form.birth_place_insee.strip().upper() or None
    if place is not None and not _INSEE.fullmatch(place):
        raise field_error("birth_place_insee")
    nir, nir_kind = _nir(form.nir, form.nir_kind)
    status = _enum(IdentityStatus, form.identity_status, "identity_status")
    if status in (IdentityStatus.RETRIEVED, IdentityStatus.QUALIFIED) and nir is None:
        raise field_error("identity_status")
    address = _optional(form.address, "address", 200)
    country = form.country.strip().upper() or DEFAULT_PHONE_REGION
    postal_code = _optional(form.postal_code, "postal_code", 10)
    if postal_code and country == "FR" and not _FRENCH_POSTAL_CODE.fullmatch(postal_code):
        raise field_error("postal_code")
    city = _optional(form.city, "city", 100)
    if not _COUNTRY.fullmatch(country):
        raise field_error("country")
    region = country if country in phonenumbers.SUPPORTED_REGIONS else DEFAULT_PHONE_REGION
    phone_mobile = _phone(form.phone_mobile, "phone_mobile", region)
    phone_other = _phone(form.phone_other, "phone_other", region)
    email = form.email.strip() or None
    if email is not None and (len(email) > 254 or not _EMAIL.fullmatch(email)):
        raise field_error("email")
    return PatientData(
        birth_name=birth_name or "",
        first_names=first_names,
        sex=sex,
        birth_date=birth_date,
        used_name=used_name,
        used_first_name=used_first_name,
        birth_place_insee=place,
        nir=nir,
        nir_kind=nir_kind,
        identity_status=status,
        address=address,
        postal_code=postal_code,
        city=city,
        country=country,
        phone_mobile=phone_mobile,
        phone_other=phone_other,
        email=email,
        referring_physician=_optional(form.referring_physician, "referring_physician", 120),
        admin_notes=_optional(form.admin_notes, "admin_notes", 2000, multiline=True),
    )


def validate_deletion_reason(reason: str) -> str:
    cleaned = _clean(reason)
    if not cleaned or len(cleaned) > 200:
        raise field_error("deletion_reason")
    return cleaned
