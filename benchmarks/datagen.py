"""Synthetic, deterministic bulk data: French-looking patients and consultation notes.

The same seed gives the same records, so both databases of a comparison hold identical data and
two runs on different machines measure the same thing. Records are built in chunks so a million
notes never sit in memory at once."""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from medvault.core.clinical_consultation import ConsultationData, SoapNotes, Vitals
from medvault.core.patient import IdentityStatus, PatientData, Sex

SURNAMES = (
    "Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois", "Moreau",
    "Laurent", "Simon", "Michel", "Lefèvre", "Leroy", "Roux", "David", "Bertrand", "Morel",
    "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent",
    "Müller", "Lefebvre", "Faure", "André", "Mercier", "Blanc", "Guérin", "Boyer", "Garnier",
    "Chevalier", "François", "Legrand", "Gauthier", "Garcia", "Perrin", "Robin", "Clément",
    "Morin", "Nicolas", "Henry", "Roussel", "Mathieu", "Gautier", "Masson", "Marchand", "Duval",
    "Denis", "Dumont", "Marie", "Lemaire", "Noël", "Meyer", "Dufour", "Meunier", "Brun",
    "Blanchard", "Giraud", "Joly", "Rivière", "Lucas", "Brunet", "Gaillard", "Barbier", "Arnaud",
    "Martínez", "Gérard", "Roche", "Renard", "Schmitt", "Roy", "Leroux", "Colin", "Vidal",
    "Caron", "Picard", "Roger", "Fabre", "Aubert", "Lemoine", "Renaud", "Dumas", "Lacroix",
    "Olivier", "Philippe", "Bourgeois", "Pierre", "Benoît", "Rey", "Leclerc", "Payet", "Rolland",
    "Leclercq", "Guillaume", "Lecomte", "López", "Jean", "Dupuy", "Guillot", "Hubert", "Berger",
    "Carpentier", "Sánchez", "Dupuis", "Moulin", "Louis", "Deschamps", "Huet", "Vasseur",
    "Perez", "Boucher", "Fleury", "Royer", "Klein", "Jacquet", "Adam", "Paris", "Poirier",
    "Marty", "Aubry", "Guyot", "Carré", "Charles", "Renault", "Charpentier", "Ménard", "Maillard",
    "Baron", "Bertin", "Bailly", "Hervé", "Schneider", "Fernandez", "Le Gall", "Collet", "Léger",
    "Bouvier", "Julien", "Prévost", "Millet", "Perrot", "Daniel", "Le Roux", "Cousin", "Germain",
    "Breton", "Besson", "Langlois", "Rémy", "Le Goff", "Pelletier", "Lévêque", "Perrier",
    "Leblanc", "Barré", "Lebrun", "Marchal", "Weber", "Mallet", "Hamon", "Boulanger", "Jacob",
    "Monnier", "Michaud", "Rodríguez", "Guichard", "Gillet", "Étienne", "Grondin", "Poulain",
    "Tessier", "Chevallier", "Collin", "Chauvin", "Da Silva", "Bouchet", "Gay", "Lemaître",
    "Bénard", "Maréchal", "Humbert", "Reynaud", "Antoine", "Hoarau", "Perret", "Barthélemy",
    "Cordier", "Pichon", "Lejeune", "Gilbert", "Lamy", "Delaunay", "Pasquier", "Carlier",
    "Laporte", "de La Fontaine", "Kerbrat", "Le Bihan", "Œuvrard", "N'Diaye", "Cœurdacier",
)  # fmt: skip

FEMALE_FIRST_NAMES = (
    "Marie", "Jeanne", "Françoise", "Monique", "Catherine", "Nathalie", "Isabelle", "Sylvie",
    "Anne", "Christine", "Martine", "Hélène", "Céline", "Sophie", "Valérie", "Sandrine",
    "Émilie", "Julie", "Aurélie", "Camille", "Léa", "Manon", "Chloé", "Inès", "Zoé", "Jade",
    "Louise", "Alice", "Éloïse", "Noémie", "Maëlys", "Anaïs", "Agnès", "Béatrice", "Cécile",
    "Danièle", "Geneviève", "Josiane", "Thérèse", "Élise", "Clémence", "Margaux", "Océane",
    "Mélanie", "Laëtitia", "Ophélie", "Solène", "Gaëlle", "Maïwenn", "Zélie",
)  # fmt: skip

MALE_FIRST_NAMES = (
    "Jean", "Pierre", "Michel", "André", "Philippe", "Alain", "Bernard", "Jacques", "François",
    "Daniel", "Patrick", "Nicolas", "Christophe", "Stéphane", "Frédéric", "Laurent", "Sébastien",
    "Julien", "Thomas", "Lucas", "Hugo", "Louis", "Gabriel", "Raphaël", "Arthur", "Noé", "Jules",
    "Maël", "Léo", "Théo", "Mathéo", "Loïc", "Jérôme", "Grégoire", "Hervé", "Gérard", "René",
    "Rémi", "Benoît", "Cédric", "Anaël", "Joël", "Noël", "Aurélien", "Clément", "Étienne",
    "Gaëtan", "Yannick", "Killian", "Éric",
)  # fmt: skip

CITIES = (
    "Paris", "Lyon", "Marseille", "Toulouse", "Nice", "Nantes", "Montpellier", "Strasbourg",
    "Bordeaux", "Lille", "Rennes", "Reims", "Saint-Étienne", "Le Havre", "Toulon", "Grenoble",
    "Dijon", "Angers", "Nîmes", "Villeurbanne", "Clermont-Ferrand", "Le Mans", "Aix-en-Provence",
    "Brest", "Tours", "Amiens", "Limoges", "Annecy", "Perpignan", "Besançon", "Orléans", "Rouen",
    "Mulhouse", "Caen", "Nancy", "Saint-Denis", "Argenteuil", "Montreuil", "Roubaix", "Quimper",
)  # fmt: skip

# Reasons and findings weighted so that some words are everywhere and others nearly absent.
REASONS = (
    "Renouvellement d'ordonnance", "Toux persistante", "Fièvre", "Douleur abdominale",
    "Lombalgie", "Céphalées", "Contrôle tension artérielle", "Suivi diabète", "Vaccination",
    "Certificat de sport", "Angine", "Gastro-entérite", "Douleur thoracique", "Vertiges",
    "Fatigue", "Éruption cutanée", "Otite", "Suivi grossesse", "Anxiété", "Insomnie",
    "Entorse de cheville", "Conjonctivite", "Bilan sanguin", "Suivi asthme", "Cystite",
)  # fmt: skip
SYMPTOMS = (
    "toux sèche", "fièvre à 38,5", "douleur épigastrique", "nausées", "céphalées frontales",
    "fatigue", "dyspnée d'effort", "brûlures mictionnelles", "vertiges rotatoires",
    "douleur lombaire", "rhinorrhée", "odynophagie", "prurit", "palpitations", "insomnie",
    "douleur thoracique atypique", "diarrhée", "arthralgies", "perte d'appétit", "œdème",
)  # fmt: skip
DURATIONS = (
    "depuis deux jours", "depuis une semaine", "depuis trois semaines", "depuis hier soir",
    "depuis un mois", "depuis ce matin", "de façon intermittente", "après un effort",
)  # fmt: skip
FINDINGS = (
    "Auscultation pulmonaire normale", "Abdomen souple, indolore", "Tympans normaux",
    "Pharynx érythémateux", "Sibilants bilatéraux", "Pas d'adénopathie", "Bruits du cœur réguliers",
    "Examen neurologique normal", "Mollets souples", "Lasègue négatif", "Râles crépitants à droite",
    "Éruption maculo-papuleuse", "Conjonctives injectées", "Glycémie capillaire à 1,32 g/l",
)  # fmt: skip
COMMON_DIAGNOSES = (
    "rhinopharyngite virale", "hypertension artérielle équilibrée", "diabète de type 2",
    "lombalgie commune", "gastro-entérite aiguë", "angine virale", "syndrome grippal",
    "bronchite aiguë", "anxiété réactionnelle", "cystite simple", "otite moyenne aiguë",
    "migraine sans aura", "asthme contrôlé", "tendinite", "dyslipidémie", "hypothyroïdie",
)  # fmt: skip
RARE_DIAGNOSES = (
    "phéochromocytome", "sarcoïdose", "maladie de Horton", "polyarthrite rhumatoïde",
    "maladie de Lyme", "thrombose veineuse profonde", "embolie pulmonaire", "sclérose en plaques",
    "maladie de Basedow", "spondylarthrite ankylosante", "hémochromatose", "acromégalie",
)  # fmt: skip
RARE_DIAGNOSIS_RATE = 0.003  # share of notes with a rare diagnosis (~3 per thousand)
TREATMENTS = (
    "paracétamol 1 g trois fois par jour", "ibuprofène 400 mg si douleur", "amoxicilline 1 g matin "
    "et soir pendant 6 jours", "metformine 1000 mg deux fois par jour", "ramipril 5 mg le matin",
    "salbutamol à la demande", "lévothyroxine 75 µg", "atorvastatine 20 mg le soir",
    "kinésithérapie, 10 séances", "repos et hydratation", "arrêt de travail de trois jours",
    "sertraline 50 mg", "fosfomycine dose unique", "lavages de nez au sérum physiologique",
)  # fmt: skip
FOLLOW_UPS = (
    "Revoir dans un mois.", "Revoir si pas d'amélioration sous 72 h.", "Bilan biologique à faire.",
    "Consultation de contrôle dans trois mois.", "Adresser au cardiologue.", "Pas de suivi prévu.",
    "Radiographie thoracique demandée.", "Échographie abdominale prescrite.",
)  # fmt: skip

AUTHOR = "dr.martin"
_FIRST_DAY = date(2015, 1, 1)
_SPAN_DAYS = 3650


@dataclass(frozen=True)
class Sizes:
    """How big a dataset to build and how many timed calls per query."""

    patients: int
    notes: int
    repeats: int  # timed calls per query string and database
    chunk: int = 10_000  # rows generated and committed at a time

    def __post_init__(self) -> None:
        if self.patients < 1 or self.notes < 0 or self.repeats < 1 or self.chunk < 1:
            raise ValueError("sizes must be positive")


def _patient(rng: random.Random) -> PatientData:
    female = rng.random() < 0.52
    firsts = FEMALE_FIRST_NAMES if female else MALE_FIRST_NAMES
    birth_name = rng.choice(SURNAMES)
    if rng.random() < 0.08:  # double-barrelled birth names
        birth_name = f"{birth_name}-{rng.choice(SURNAMES)}"
    used_name = rng.choice(SURNAMES) if female and rng.random() < 0.3 else None
    first_names = tuple(rng.sample(firsts, rng.choice((1, 1, 1, 2, 2, 3))))
    city = rng.choice(CITIES)
    birth_date = date(1930, 1, 1) + timedelta(days=rng.randrange(33_000))
    mobile = f"+336{rng.randrange(10**8):08d}" if rng.random() < 0.85 else None
    return PatientData(
        birth_name=birth_name,
        first_names=first_names,
        sex=Sex.FEMALE if female else Sex.MALE,
        birth_date=birth_date,
        used_name=used_name,
        used_first_name=None,
        birth_place_insee=None,
        nir=None,
        nir_kind=None,
        identity_status=rng.choice(tuple(IdentityStatus)),
        address=f"{rng.randrange(1, 200)} rue {rng.choice(SURNAMES)}",
        postal_code=f"{rng.randrange(1000, 96000):05d}",
        city=city,
        country="FR",
        phone_mobile=mobile,
        phone_other=None,
        email=None,
        referring_physician=None,
        admin_notes=None,
    )


def _consultation(rng: random.Random, index: int, total: int) -> ConsultationData:
    # Dates grow with entry order (with some jitter), as in a practice's real history.
    day = _FIRST_DAY + timedelta(days=index * _SPAN_DAYS // max(total, 1) + rng.randrange(3))
    symptoms = rng.sample(SYMPTOMS, rng.choice((1, 2, 2, 3)))
    if rng.random() < RARE_DIAGNOSIS_RATE:
        diagnosis = rng.choice(RARE_DIAGNOSES)
    else:
        # Earlier entries of the list are more frequent (a rough Zipf law).
        diagnosis = COMMON_DIAGNOSES[int(len(COMMON_DIAGNOSES) * rng.random() ** 2)]
    systolic = rng.randrange(105, 170)
    return ConsultationData(
        consulted_on=day,
        reason=REASONS[int(len(REASONS) * rng.random() ** 1.5)],
        notes=SoapNotes(
            subjective=f"Patient décrit {', '.join(symptoms)} {rng.choice(DURATIONS)}.",
            objective=f"{rng.choice(FINDINGS)}. TA {systolic}/{systolic - rng.randrange(30, 60)}.",
            assessment=f"Évoque {diagnosis}.",
            plan=f"{rng.choice(TREATMENTS).capitalize()}. {rng.choice(FOLLOW_UPS)}",
        ),
        vitals=Vitals(
            weight_kg=round(rng.uniform(45, 110), 1),
            height_cm=float(rng.randrange(150, 195)),
            systolic_mmhg=systolic,
            diastolic_mmhg=systolic - 40,
            pulse_bpm=rng.randrange(55, 100),
            temperature_c=round(rng.uniform(36.2, 39.0), 1),
        ),
    )


def patient_chunks(sizes: Sizes, seed: int) -> Iterator[list[PatientData]]:
    """`sizes.patients` records, `sizes.chunk` at a time; the same for the same seed."""
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
    for start in range(0, sizes.patients, sizes.chunk):
        count = min(sizes.chunk, sizes.patients - start)
        yield [_patient(rng) for _ in range(count)]


def note_chunks(sizes: Sizes, seed: int) -> Iterator[list[tuple[int, ConsultationData]]]:
    """`sizes.notes` (patient number from 1, consultation) pairs, `sizes.chunk` at a time.

    Patient numbers are entry positions (the n-th patient written), so they equal the ids both
    databases give when the patients are written first, in order, into empty tables."""
    rng = random.Random(seed + 1)  # noqa: S311 - reproducible test data, not secrets
    for start in range(0, sizes.notes, sizes.chunk):
        count = min(sizes.chunk, sizes.notes - start)
        yield [
            (rng.randrange(1, sizes.patients + 1), _consultation(rng, start + i, sizes.notes))
            for i in range(count)
        ]
