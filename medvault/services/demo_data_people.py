"""Synthetic French patients for demo vaults: identity as a desk would type it (accents, used
names, several first names), a NIR consistent with sex, birth date and birth place (Corsica,
overseas departments and births abroad included), phones and e-mails that pass validation.

Everything is drawn from one seed, so a seed always gives the same people. Nothing here writes:
the forms go through the usual validation when they are stored."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from faker import Faker
from stdnum.fr import nir as stdnum_nir

from medvault.core.patient import IdentityStatus, PatientForm, Sex
from medvault.core.text_search import words


@dataclass(frozen=True)
class Town:
    insee: str  # commune code (5 characters; 2A/2B for Corsica, 97x for overseas)
    postal_code: str
    name: str
    weight: int  # how often people live (or were born) there
    phone_zone: str  # first six digits of the landline numbers reserved for fiction there


# Real communes. The landline ranges are those ARCEP reserves for fiction (they ring nobody).
_IDF, _NW, _NE, _SE, _SW = "01 99 00", "02 61 91", "03 53 01", "04 65 71", "05 36 49"
TOWNS: tuple[Town, ...] = (
    Town("75108", "75008", "Paris", 6, _IDF),
    Town("75115", "75015", "Paris", 8, _IDF),
    Town("75118", "75018", "Paris", 7, _IDF),
    Town("93066", "93200", "Saint-Denis", 4, _IDF),
    Town("92012", "92100", "Boulogne-Billancourt", 4, _IDF),
    Town("91228", "91000", "Évry-Courcouronnes", 3, _IDF),
    Town("13208", "13008", "Marseille", 6, _SE),
    Town("13201", "13001", "Marseille", 4, _SE),
    Town("13001", "13090", "Aix-en-Provence", 3, _SE),
    Town("69383", "69003", "Lyon", 6, _SE),
    Town("69387", "69007", "Lyon", 4, _SE),
    Town("42218", "42000", "Saint-Étienne", 3, _SE),
    Town("38185", "38000", "Grenoble", 3, _SE),
    Town("06088", "06000", "Nice", 4, _SE),
    Town("83137", "83000", "Toulon", 3, _SE),
    Town("34172", "34000", "Montpellier", 4, _SE),
    Town("30189", "30000", "Nîmes", 3, _SE),
    Town("34032", "34500", "Béziers", 2, _SE),
    Town("2A004", "20000", "Ajaccio", 3, _SE),
    Town("2A247", "20137", "Porto-Vecchio", 1, _SE),
    Town("2B033", "20200", "Bastia", 3, _SE),
    Town("2B096", "20250", "Corte", 1, _SE),
    Town("31555", "31000", "Toulouse", 5, _SW),
    Town("33063", "33000", "Bordeaux", 5, _SW),
    Town("64445", "64000", "Pau", 2, _SW),
    Town("66136", "66000", "Perpignan", 2, _SW),
    Town("87085", "87000", "Limoges", 2, _SW),
    Town("63113", "63000", "Clermont-Ferrand", 3, _SE),
    Town("17300", "17000", "La Rochelle", 2, _SW),
    Town("44109", "44000", "Nantes", 5, _NW),
    Town("35238", "35000", "Rennes", 4, _NW),
    Town("29019", "29200", "Brest", 2, _NW),
    Town("29232", "29000", "Quimper", 2, _NW),
    Town("49007", "49000", "Angers", 3, _NW),
    Town("37261", "37000", "Tours", 3, _NW),
    Town("45234", "45000", "Orléans", 3, _NW),
    Town("72181", "72000", "Le Mans", 2, _NW),
    Town("76540", "76000", "Rouen", 3, _NW),
    Town("76351", "76600", "Le Havre", 2, _NW),
    Town("14118", "14000", "Caen", 2, _NW),
    Town("27229", "27000", "Évreux", 1, _NW),
    Town("59350", "59000", "Lille", 5, _NE),
    Town("80021", "80000", "Amiens", 2, _NE),
    Town("51454", "51100", "Reims", 2, _NE),
    Town("67482", "67000", "Strasbourg", 4, _NE),
    Town("57463", "57000", "Metz", 2, _NE),
    Town("54395", "54000", "Nancy", 2, _NE),
    Town("88160", "88000", "Épinal", 1, _NE),
    Town("21231", "21000", "Dijon", 3, _NE),
    Town("25056", "25000", "Besançon", 2, _NE),
    Town("71270", "71000", "Mâcon", 1, _NE),
)
_TOWN_WEIGHTS = tuple(t.weight for t in TOWNS)
# Births overseas: department 97x, commune on two digits.
OVERSEAS_BIRTH_PLACES = ("97302", "97120", "97209", "97411", "97101")
# Births abroad: "99" and the INSEE code of the country (Morocco, Algeria, Tunisia, Portugal,
# Belgium, Italy, Spain, Germany, Senegal, Vietnam).
FOREIGN_BIRTH_PLACES = (
    "99350",
    "99352",
    "99351",
    "99139",
    "99131",
    "99127",
    "99134",
    "99109",
    "99341",
    "99243",
)
# Surnames Faker rarely gives: particles, apostrophes, compound names.
_EXTRA_SURNAMES = (
    "Le Goff",
    "Le Bihan",
    "N'Diaye",
    "Da Silva",
    "de La Fontaine",
    "Dupont-Lefèvre",
    "Benoît-Mézière",
    "Lévêque",
    "Thérond",
    "Chênevert",
    "Béranger",
    "Noël",
)
_EMAIL_DOMAINS = ("example.com", "example.org", "example.net")  # reserved: reach nobody
_ADMIN_NOTES = (
    "Préfère être contacté(e) par SMS.",
    "Tiers payant.",
    "Mutuelle à mettre à jour.",
    "Nouvelle adresse à confirmer.",
    "Parle anglais.",
    "Joignable plutôt le matin.",
)
# Mobile prefixes valid in metropolitan France (06 39 and 06 9x belong to overseas operators).
_MOBILE_PREFIXES = tuple(
    [f"06{n:02d}" for n in (*range(10, 39), *range(40, 90))] + [f"07{n:02d}" for n in range(50, 90)]
)
CORSICA_SPLIT_YEAR = 1976  # before, Corsica was department 20 in the NIR


def build_nir(sex: Sex, birth_date: date, birth_place: str, order: int) -> str:
    """The 15-character NIR: sex, year, month, place of birth (commune, overseas commune or
    '99' and country), order number, then the key computed by python-stdnum."""
    if sex is Sex.INDETERMINATE:
        raise ValueError("a NIR starts with 1 (male) or 2 (female)")
    place = birth_place
    if place[:2] in ("2A", "2B") and birth_date.year < CORSICA_SPLIT_YEAR:
        place = "20" + place[2:]
    body = (
        f"{1 if sex is Sex.MALE else 2}{birth_date.year % 100:02d}{birth_date.month:02d}"
        f"{place}{order:03d}"
    )
    return body + str(stdnum_nir.calc_check_digits(body))


class PatientGenerator:
    """Patients drawn from one seed (Faker's French locale for names and streets)."""

    def __init__(self, seed: int, today: date) -> None:
        self._fake = Faker("fr_FR")
        self._fake.seed_instance(seed)
        self._rng = random.Random(f"patients:{seed}")  # noqa: S311 - synthetic data
        self._today = today
        self._streets: list[str] = []

    def patients(self, count: int) -> list[PatientForm]:
        """`count` forms; about one in 150 is a likely duplicate of an earlier one (same name
        and birth date, typed again without the NIR), as a real practice has."""
        # Faker's street addresses are slow to build: draw a pool once, then pick from it.
        self._streets = [str(self._fake.street_address()) for _ in range(min(count, 3000))]
        forms: list[PatientForm] = []
        duplicate_every = 150 if count >= 150 else (count // 2 if count >= 10 else 0)
        for index in range(count):
            if duplicate_every and index % duplicate_every == duplicate_every - 1:
                forms.append(self._retyped(self._rng.choice(forms)))
            else:
                forms.append(self._patient())
        return forms

    # -- one patient ----------------------------------------------------------------------------
    def _surname(self) -> str:
        if self._rng.random() < 0.05:
            return self._rng.choice(_EXTRA_SURNAMES)
        return str(self._fake.last_name())

    def _first_name(self, sex: Sex) -> str:
        name = self._fake.first_name_female() if sex is Sex.FEMALE else self._fake.first_name_male()
        return str(name).replace(" ", "-")  # one birth first name, compound ones hyphenated

    def _birth_date(self) -> date:
        rng = self._rng
        band = rng.choices(((0, 17), (18, 39), (40, 64), (65, 98)), weights=(20, 25, 33, 22))[0]
        age_days = rng.randint(band[0] * 365, band[1] * 365 + 364)
        return self._today - timedelta(days=age_days)

    def _birth_place(self, home: Town) -> str:
        draw = self._rng.random()
        if draw < 0.45:
            return home.insee
        if draw < 0.87:
            return self._rng.choices(TOWNS, weights=_TOWN_WEIGHTS)[0].insee
        if draw < 0.90:
            return self._rng.choice(OVERSEAS_BIRTH_PLACES)
        return self._rng.choice(FOREIGN_BIRTH_PLACES)

    def _mobile(self) -> str:
        rng = self._rng
        prefix = rng.choice(_MOBILE_PREFIXES)
        digits = f"{prefix}{rng.randrange(1_000_000):06d}"
        if rng.random() < 0.2:
            return "+33 " + " ".join([digits[1]] + [digits[i : i + 2] for i in range(2, 10, 2)])
        return " ".join(digits[i : i + 2] for i in range(0, 10, 2))

    def _landline(self, town: Town) -> str:
        number = self._rng.randrange(10_000)
        return f"{town.phone_zone} {number // 100:02d} {number % 100:02d}"

    def _email(self, first: str, surname: str) -> str:
        local = ".".join(words(first)[:1] + words(surname)).replace(" ", "")
        suffix = str(self._rng.randrange(10, 99)) if self._rng.random() < 0.3 else ""
        return f"{local}{suffix}@{self._rng.choice(_EMAIL_DOMAINS)}"

    def _first_names(self, sex: Sex) -> tuple[str, ...]:
        count = self._rng.choices((1, 2, 3), weights=(50, 40, 10))[0]
        names: list[str] = []
        while len(names) < count:
            name = self._first_name(sex)
            if name not in names:
                names.append(name)
        return tuple(names)

    def _identity_status(self, has_nir: bool) -> IdentityStatus:
        if not has_nir:
            return self._rng.choices(
                (IdentityStatus.PROVISIONAL, IdentityStatus.VALIDATED), weights=(80, 20)
            )[0]
        return self._rng.choices(
            (
                IdentityStatus.QUALIFIED,
                IdentityStatus.RETRIEVED,
                IdentityStatus.VALIDATED,
                IdentityStatus.PROVISIONAL,
            ),
            weights=(50, 15, 15, 20),
        )[0]

    def _patient(self) -> PatientForm:
        rng = self._rng
        sex = Sex.FEMALE if rng.random() < 0.52 else Sex.MALE
        birth_name = self._surname()
        first_names = self._first_names(sex)
        birth_date = self._birth_date()
        age = (self._today - birth_date).days // 365
        used_name = ""
        if sex is Sex.FEMALE and age >= 25 and rng.random() < 0.35:
            used_name = self._surname()  # a married name
        elif age >= 18 and rng.random() < 0.04:
            used_name = f"{birth_name}-{self._surname()}"
        used_first_name = first_names[1] if len(first_names) > 1 and rng.random() < 0.1 else ""
        home = rng.choices(TOWNS, weights=_TOWN_WEIGHTS)[0]
        birth_place = self._birth_place(home)
        has_nir = rng.random() < 0.85
        nir = build_nir(sex, birth_date, birth_place, rng.randint(1, 999)) if has_nir else ""
        contact_name = used_name or birth_name
        return PatientForm(
            birth_name=birth_name,
            first_names=first_names,
            sex=sex,
            birth_date=birth_date,
            used_name=used_name,
            used_first_name=used_first_name,
            birth_place_insee=birth_place,
            nir=nir,
            identity_status=self._identity_status(has_nir),
            address=rng.choice(self._streets),
            postal_code=home.postal_code,
            city=home.name,
            phone_mobile=self._mobile() if rng.random() < 0.85 else "",
            phone_other=self._landline(home) if rng.random() < 0.3 else "",
            email=self._email(first_names[0], contact_name) if rng.random() < 0.6 else "",
            referring_physician=(f"Dr {self._fake.last_name()}" if rng.random() < 0.5 else ""),
            admin_notes=rng.choice(_ADMIN_NOTES) if rng.random() < 0.08 else "",
        )

    def _retyped(self, original: PatientForm) -> PatientForm:
        """The same person registered again in a hurry: no NIR, another phone, provisional."""
        return PatientForm(
            birth_name=original.birth_name.upper(),
            first_names=original.first_names[:1],
            sex=original.sex,
            birth_date=original.birth_date,
            used_name=original.used_name,
            identity_status=IdentityStatus.PROVISIONAL,
            phone_mobile=self._mobile(),
        )
