"""Synthetic clinical content for demo vaults: history, allergies, treatments, vaccinations and
consultations with SOAP notes and vitals within their accepted ranges, all plausible for the
patient's age. Nothing here writes: the data go through the clinical services."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from medvault.core.clinical import (
    AllergyData,
    AllergyKind,
    HistoryData,
    HistoryKind,
    Severity,
    TreatmentData,
    VaccinationData,
)
from medvault.core.clinical_consultation import ConsultationData, SoapNotes, Vitals

_MEDICAL = (
    "Hypertension artérielle",
    "Diabète de type 2",
    "Asthme",
    "Hypothyroïdie",
    "Dyslipidémie",
    "Migraine",
    "Reflux gastro-œsophagien",
    "Lombalgie chronique",
    "Eczéma atopique",
    "Fibrillation atriale",
)
_SURGICAL = (
    "Appendicectomie",
    "Cholécystectomie",
    "Amygdalectomie",
    "Césarienne",
    "Prothèse totale de hanche",
    "Cure de hernie inguinale",
    "Arthroscopie du genou",
)
_FAMILY = (
    "Père : infarctus du myocarde à 58 ans",
    "Mère : cancer du sein à 62 ans",
    "Frère : diabète de type 1",
    "Mère : maladie d'Alzheimer",
    "Grand-père paternel : AVC",
)
# substance, kind, reaction, severity
_ALLERGIES = (
    ("Pénicilline", AllergyKind.ALLERGY, "Éruption cutanée", Severity.MODERATE),
    ("Amoxicilline", AllergyKind.ALLERGY, "Urticaire généralisée", Severity.MODERATE),
    ("Arachide", AllergyKind.ALLERGY, "Œdème de Quincke", Severity.SEVERE),
    ("Pollens de graminées", AllergyKind.ALLERGY, "Rhinite, conjonctivite", Severity.MILD),
    ("Acariens", AllergyKind.ALLERGY, "Rhinite", Severity.MILD),
    ("Ibuprofène", AllergyKind.INTOLERANCE, "Douleurs gastriques", Severity.MILD),
    ("Lactose", AllergyKind.INTOLERANCE, "Ballonnements", Severity.MILD),
    ("Produits de contraste iodés", AllergyKind.ALLERGY, "Malaise", Severity.UNKNOWN),
)
# drug, dosage, frequency
_LONG_TERM = (
    ("Amlodipine 5 mg", "1 comprimé", "le matin"),
    ("Ramipril 5 mg", "1 comprimé", "le matin"),
    ("Metformine 850 mg", "1 comprimé", "matin et soir"),
    ("Lévothyroxine 75 µg", "1 comprimé", "le matin à jeun"),
    ("Atorvastatine 20 mg", "1 comprimé", "le soir"),
    ("Salbutamol 100 µg/dose", "2 bouffées", "si besoin"),
    ("Oméprazole 20 mg", "1 gélule", "le matin"),
    ("Apixaban 5 mg", "1 comprimé", "matin et soir"),
)
_SHORT_COURSES = (
    ("Amoxicilline 1 g", "1 comprimé", "matin et soir", 6),
    ("Paracétamol 1 g", "1 comprimé", "jusqu'à 3 fois par jour", 5),
    ("Ibuprofène 400 mg", "1 comprimé", "3 fois par jour au repas", 5),
)
_ADULT_VACCINES = ("Grippe saisonnière", "COVID-19", "DTP (rappel)", "Pneumocoque")
_CHILD_VACCINES = ("ROR", "Hexavalent (DTCaP-Hib-HepB)", "Méningocoque C", "Pneumocoque")


@dataclass(frozen=True)
class Scenario:
    reason: str
    subjective: str
    objective: str
    assessment: str
    plan: str
    fever: bool = False


_SCENARIOS = (
    Scenario(
        "Toux et fièvre",
        "Toux sèche depuis {days} jours, fièvre à 38,5 °C, courbatures.",
        "Auscultation pulmonaire libre. Pharynx érythémateux.",
        "Syndrome grippal.",
        "Paracétamol, repos, arrêt de travail de 3 jours. Reconsulter si dyspnée.",
        fever=True,
    ),
    Scenario(
        "Mal de gorge",
        "Odynophagie depuis {days} jours.",
        "Amygdales érythémateuses, TDR angine positif.",
        "Angine streptococcique.",
        "Amoxicilline 6 jours.",
        fever=True,
    ),
    Scenario(
        "Suivi hypertension",
        "Pas de plainte. Bonne observance du traitement.",
        "Examen cardiovasculaire normal.",
        "HTA équilibrée.",
        "Renouvellement du traitement pour 3 mois. Bilan biologique annuel.",
    ),
    Scenario(
        "Suivi diabète",
        "Glycémies capillaires entre 1,1 et 1,6 g/L.",
        "Examen des pieds normal.",
        "Diabète de type 2 équilibré, HbA1c à contrôler.",
        "Renouvellement, HbA1c dans 3 mois, fond d'œil à programmer.",
    ),
    Scenario(
        "Douleur lombaire",
        "Lombalgie après un effort de port de charge il y a {days} jours.",
        "Contracture paravertébrale, pas de signe neurologique.",
        "Lombalgie commune aiguë.",
        "Antalgiques, reprise progressive de l'activité, kinésithérapie si persistance.",
    ),
    Scenario(
        "Certificat de sport",
        "Pratique du football en club, aucun antécédent notable.",
        "Examen clinique normal, auscultation cardiaque normale.",
        "Absence de contre-indication à la pratique sportive.",
        "Certificat remis.",
    ),
    Scenario(
        "Gastro-entérite",
        "Diarrhée et vomissements depuis {days} jours.",
        "Abdomen souple, pas de signe de déshydratation.",
        "Gastro-entérite virale probable.",
        "Réhydratation orale, régime adapté. Reconsulter si fièvre persistante.",
        fever=True,
    ),
    Scenario(
        "Entorse de cheville",
        "Torsion de la cheville droite il y a {days} jours.",
        "Œdème latéral, douleur à la palpation du ligament latéral externe.",
        "Entorse bénigne de la cheville.",
        "Repos, glace, contention, antalgiques.",
    ),
    Scenario(
        "Renouvellement d'ordonnance",
        "Demande de renouvellement, tolérance correcte.",
        "Examen sans particularité.",
        "Traitement de fond bien toléré.",
        "Renouvellement pour 3 mois.",
    ),
    Scenario(
        "Anxiété",
        "Troubles du sommeil et anxiété liés au travail depuis quelques semaines.",
        "Patient(e) calme, discours cohérent.",
        "Trouble anxieux réactionnel.",
        "Écoute, conseils d'hygiène du sommeil, orientation vers un psychologue.",
    ),
)


def age_on(birth_date: date, day: date) -> int:
    return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))


def _random_day(rng: random.Random, first: date, last: date) -> date:
    if last <= first:
        return last
    return first + timedelta(days=rng.randrange((last - first).days + 1))


def _vitals(rng: random.Random, age: int, fever: bool) -> Vitals:
    """Measures plausible for the age, all inside the ranges the consultation form accepts."""
    if age < 2:
        weight, height = rng.uniform(3.5, 12.5), rng.uniform(50, 87)
    elif age < 12:
        weight, height = rng.uniform(12, 40), rng.uniform(85, 150)
    else:
        height = rng.uniform(150, 195)
        weight = rng.uniform(18.5, 32) * (height / 100) ** 2
    temperature = rng.uniform(37.8, 39.5) if fever else rng.uniform(36.2, 37.3)
    systolic = diastolic = None
    if age >= 12:
        systolic = rng.randint(100, 165)
        diastolic = rng.randint(60, min(100, systolic - 30))
    return Vitals(
        weight_kg=round(weight, 1),
        height_cm=round(height),
        systolic_mmhg=systolic,
        diastolic_mmhg=diastolic,
        pulse_bpm=rng.randint(90, 140) if age < 2 else rng.randint(55, 100),
        temperature_c=round(temperature, 1),
    )


def consultation(rng: random.Random, birth_date: date, day: date) -> ConsultationData:
    scenario = rng.choice(_SCENARIOS)
    days = rng.randint(2, 6)
    return ConsultationData(
        consulted_on=day,
        reason=scenario.reason,
        notes=SoapNotes(
            subjective=scenario.subjective.format(days=days),
            objective=scenario.objective,
            assessment=scenario.assessment,
            plan=scenario.plan,
        ),
        vitals=_vitals(rng, age_on(birth_date, day), scenario.fever),
    )


def older_consultations(
    rng: random.Random, birth_date: date, today: date, count: int
) -> list[ConsultationData]:
    """Consultations over the last three years (never before birth)."""
    first = max(birth_date, today - timedelta(days=3 * 365))
    days = sorted(_random_day(rng, first, today - timedelta(days=22)) for _ in range(count))
    return [consultation(rng, birth_date, day) for day in days if day >= birth_date]


def _history(rng: random.Random, birth_date: date, today: date) -> list[HistoryData]:
    entries: list[HistoryData] = []
    age = age_on(birth_date, today)
    first_year = min(birth_date.year + 1, today.year)
    if age >= 30 and rng.random() < 0.6:
        for label in rng.sample(_MEDICAL, rng.randint(1, 2)):
            year = rng.randint(max(first_year, today.year - age + 25), today.year)
            entries.append(HistoryData(HistoryKind.MEDICAL, label, year=year))
    elif rng.random() < 0.2:
        entries.append(HistoryData(HistoryKind.MEDICAL, rng.choice(("Asthme", "Eczéma atopique"))))
    if age >= 10 and rng.random() < 0.4:
        day = _random_day(rng, birth_date + timedelta(days=3650), today)
        entries.append(HistoryData(HistoryKind.SURGICAL, rng.choice(_SURGICAL), on_date=day))
    if rng.random() < 0.3:
        entries.append(HistoryData(HistoryKind.FAMILY, rng.choice(_FAMILY)))
    return entries


def _allergies(rng: random.Random, birth_date: date, today: date) -> list[AllergyData]:
    if rng.random() >= 0.25:
        return []
    substance, kind, reaction, severity = rng.choice(_ALLERGIES)
    recorded = _random_day(rng, birth_date, today)
    return [AllergyData(substance, kind, reaction, severity, recorded_on=recorded)]


def _treatments(rng: random.Random, birth_date: date, today: date) -> list[TreatmentData]:
    treatments: list[TreatmentData] = []
    age = age_on(birth_date, today)
    if age >= 40:
        for drug, dosage, frequency in rng.sample(_LONG_TERM, rng.choice((0, 1, 1, 2, 3))):
            start = _random_day(rng, max(birth_date, today - timedelta(days=3650)), today)
            treatments.append(
                TreatmentData(drug, dosage, frequency, start_date=start, prescriber="Dr Démo")
            )
    if age >= 12 and rng.random() < 0.3:
        drug, dosage, frequency, length = rng.choice(_SHORT_COURSES)
        start = _random_day(rng, max(birth_date, today - timedelta(days=400)), today)
        end = start + timedelta(days=length)
        treatments.append(TreatmentData(drug, dosage, frequency, start_date=start, end_date=end))
    return treatments


def _vaccinations(rng: random.Random, birth_date: date, today: date) -> list[VaccinationData]:
    age = age_on(birth_date, today)
    names = _CHILD_VACCINES if age < 12 else _ADULT_VACCINES
    vaccinations = []
    for name in rng.sample(names, rng.randint(1, 3)):
        given = _random_day(
            rng, max(birth_date + timedelta(days=60), today - timedelta(3650)), today
        )
        if given < birth_date:
            continue
        lot = f"{rng.choice('ABCDEFGHKLMN')}{rng.choice('ABCDEFGHKLMN')}{rng.randrange(10**4):04d}"
        dose = "rappel" if rng.random() < 0.5 else str(rng.randint(1, 3))
        vaccinations.append(VaccinationData(name, given, lot_number=lot, dose=dose))
    return vaccinations


@dataclass(frozen=True)
class ClinicalLists:
    """The list entries of one patient's clinical file, each dated between birth and today."""

    history: tuple[HistoryData, ...]
    allergies: tuple[AllergyData, ...]
    treatments: tuple[TreatmentData, ...]
    vaccinations: tuple[VaccinationData, ...]

    def __len__(self) -> int:
        return (
            len(self.history) + len(self.allergies) + len(self.treatments) + len(self.vaccinations)
        )


def clinical_lists(rng: random.Random, birth_date: date, today: date) -> ClinicalLists:
    return ClinicalLists(
        history=tuple(_history(rng, birth_date, today)),
        allergies=tuple(_allergies(rng, birth_date, today)),
        treatments=tuple(_treatments(rng, birth_date, today)),
        vaccinations=tuple(_vaccinations(rng, birth_date, today)),
    )
