"""The exported file as a FHIR R4 (R4B, 4.3.0) JSON Bundle of type "collection".

Resources: Patient; Condition (medical and surgical history); FamilyMemberHistory (family
history: its subject is a relative, not the patient); AllergyIntolerance; MedicationStatement;
Immunization; Encounter (one per consultation, the notes as its narrative); Observation (vital
signs, LOINC-coded, UCUM units); DocumentReference (each exported document, attached by its path
in the archive with size and SHA-1). R4B is used because these resources are the same as in R4
(4.0.1) — R5 changed MedicationStatement and Encounter. Validation uses the R4B models of
fhir.resources (structure, cardinality and data types; code values are ours and tested)."""

from __future__ import annotations

import html
import json
import uuid
from collections.abc import Iterator
from typing import Any

from medvault.core.clinical import AllergyKind, HistoryKind, Severity
from medvault.core.clinical_consultation import Consultation
from medvault.core.patient import NirKind, Sex
from medvault.core.patient_export_content import ExportContent, ExportedDocument

Json = dict[str, Any]

_NIR_SYSTEM = "urn:oid:1.2.250.1.213.1.4.8"  # INS-NIR
_NIA_SYSTEM = "urn:oid:1.2.250.1.213.1.4.9"  # INS-NIA
_LOINC = "http://loinc.org"
_UCUM = "http://unitsofmeasure.org"
_GENDER = {Sex.FEMALE: "female", Sex.MALE: "male", Sex.INDETERMINATE: "other"}
_CRITICALITY = {
    Severity.SEVERE: "high",
    Severity.MODERATE: "low",
    Severity.MILD: "low",
    Severity.UNKNOWN: "unable-to-assess",
}
# (field, LOINC code, display, UCUM code)
_VITALS = (
    ("weight_kg", "29463-7", "Body weight", "kg"),
    ("height_cm", "8302-2", "Body height", "cm"),
    ("pulse_bpm", "8867-4", "Heart rate", "/min"),
    ("temperature_c", "8310-5", "Body temperature", "Cel"),
)


def _urn() -> str:
    return f"urn:uuid:{uuid.uuid4()}"


def _ref(urn: str) -> Json:
    return {"reference": urn}


def _concept(text: str) -> Json:
    return {"text": text}


def _notes(*texts: str) -> list[Json]:
    return [{"text": t} for t in texts if t]


def _patient(content: ExportContent) -> Json:
    data = content.patient.data
    names: list[Json] = [
        {"use": "official", "family": data.birth_name, "given": list(data.first_names)}
    ]
    if data.used_name or data.used_first_name:
        usual: Json = {"use": "usual", "family": data.used_name or data.birth_name}
        usual["given"] = [data.used_first_name] if data.used_first_name else list(data.first_names)
        names.append(usual)
    resource: Json = {
        "resourceType": "Patient",
        "name": names,
        "gender": _GENDER[data.sex],
        "birthDate": data.birth_date.isoformat(),
    }
    if data.nir:
        system = _NIA_SYSTEM if data.nir_kind is NirKind.NIA else _NIR_SYSTEM
        resource["identifier"] = [{"system": system, "value": data.nir}]
    telecom = [
        {"system": "phone", "value": data.phone_mobile, "use": "mobile"}
        if data.phone_mobile
        else None,
        {"system": "phone", "value": data.phone_other, "use": "home"} if data.phone_other else None,
        {"system": "email", "value": data.email} if data.email else None,
    ]
    if any(telecom):
        resource["telecom"] = [t for t in telecom if t]
    address = {
        key: value
        for key, value in (
            ("line", [data.address] if data.address else None),
            ("postalCode", data.postal_code),
            ("city", data.city),
            ("country", data.country),
        )
        if value
    }
    if data.address or data.postal_code or data.city:
        resource["address"] = [address]
    return resource


def _history(content: ExportContent, patient: str) -> Iterator[Json]:
    for entry in content.history:
        item = entry.data
        when: Json = {}
        if item.on_date is not None:
            when = {"date": item.on_date.isoformat()}
        elif item.year is not None:
            when = {"year": str(item.year)}
        notes = _notes(item.description, item.notes)
        if item.kind is HistoryKind.FAMILY:
            resource: Json = {
                "resourceType": "FamilyMemberHistory",
                "status": "completed",
                "patient": _ref(patient),
                "relationship": _concept("Famille (lien non précisé)"),
                "condition": [{"code": _concept(item.label)}],
            }
            if "date" in when:
                resource["date"] = when["date"]
        else:
            category = (
                "Antécédent chirurgical"
                if item.kind is HistoryKind.SURGICAL
                else ("Antécédent médical")
            )
            resource = {
                "resourceType": "Condition",
                "category": [
                    {
                        "coding": [
                            {
                                "system": "http://terminology.hl7.org/CodeSystem/"
                                "condition-category",
                                "code": "problem-list-item",
                            }
                        ],
                        "text": category,
                    }
                ],
                "code": _concept(item.label),
                "subject": _ref(patient),
            }
            if "date" in when:
                resource["onsetDateTime"] = when["date"]
            elif "year" in when:
                resource["onsetString"] = when["year"]
        if notes:
            resource["note"] = notes
        yield resource


def _allergies(content: ExportContent, patient: str) -> Iterator[Json]:
    for entry in content.allergies:
        item = entry.data
        resource: Json = {
            "resourceType": "AllergyIntolerance",
            "type": "intolerance" if item.kind is AllergyKind.INTOLERANCE else "allergy",
            "criticality": _CRITICALITY[item.severity],
            "code": _concept(item.substance),
            "patient": _ref(patient),
        }
        if item.recorded_on is not None:
            resource["recordedDate"] = item.recorded_on.isoformat()
        if item.reaction:
            resource["reaction"] = [{"manifestation": [_concept(item.reaction)]}]
        if item.notes:
            resource["note"] = _notes(item.notes)
        yield resource


def _treatments(content: ExportContent, patient: str) -> Iterator[Json]:
    today = content.generated_at.date()
    for entry in content.treatments:
        item = entry.data
        if item.stopped:
            status = "stopped"
        elif item.end_date is not None and item.end_date < today:
            status = "completed"
        else:
            status = "active"
        resource: Json = {
            "resourceType": "MedicationStatement",
            "status": status,
            "medicationCodeableConcept": _concept(item.drug_name),
            "subject": _ref(patient),
        }
        period = {
            key: value.isoformat()
            for key, value in (("start", item.start_date), ("end", item.end_date))
            if value is not None
        }
        if period:
            resource["effectivePeriod"] = period
        dosage = " — ".join(t for t in (item.dosage, item.frequency) if t)
        if dosage:
            resource["dosage"] = [{"text": dosage}]
        prescriber = f"Prescripteur : {item.prescriber}" if item.prescriber else ""
        notes = _notes(prescriber, item.notes)
        if notes:
            resource["note"] = notes
        yield resource


def _vaccinations(content: ExportContent, patient: str) -> Iterator[Json]:
    for entry in content.vaccinations:
        item = entry.data
        resource: Json = {
            "resourceType": "Immunization",
            "status": "completed",
            "vaccineCode": _concept(item.vaccine),
            "patient": _ref(patient),
            "occurrenceDateTime": item.given_on.isoformat(),
        }
        if item.lot_number:
            resource["lotNumber"] = item.lot_number
        if item.dose:
            resource["protocolApplied"] = [{"doseNumberString": item.dose}]
        if item.notes:
            resource["note"] = _notes(item.notes)
        yield resource


def _narrative(consultation: Consultation) -> str:
    data = consultation.data
    parts = [("Motif", data.reason)] + [
        (label, text)
        for label, text in (
            ("Subjectif", data.notes.subjective),
            ("Objectif", data.notes.objective),
            ("Appréciation", data.notes.assessment),
            ("Plan", data.notes.plan),
        )
        if text
    ]
    paragraphs = "".join(
        f"<p><b>{html.escape(label)}</b> : {html.escape(text).replace(chr(10), '<br/>')}</p>"
        for label, text in parts
    )
    return f'<div xmlns="http://www.w3.org/1999/xhtml">{paragraphs}</div>'


def _quantity(value: float, unit: str) -> Json:
    return {"value": value, "unit": unit, "system": _UCUM, "code": unit}


def _vital(patient: str, encounter: str, day: str, code: str, display: str) -> Json:
    return {
        "resourceType": "Observation",
        "status": "final",
        "category": [
            {
                "coding": [
                    {
                        "system": "http://terminology.hl7.org/CodeSystem/observation-category",
                        "code": "vital-signs",
                    }
                ]
            }
        ],
        "code": {"coding": [{"system": _LOINC, "code": code, "display": display}]},
        "subject": _ref(patient),
        "encounter": _ref(encounter),
        "effectiveDateTime": day,
    }


def _consultations(content: ExportContent, patient: str) -> Iterator[tuple[str, Json]]:
    for consultation in content.consultations:
        data = consultation.data
        day = data.consulted_on.isoformat()
        encounter = _urn()
        yield (
            encounter,
            {
                "resourceType": "Encounter",
                "text": {"status": "generated", "div": _narrative(consultation)},
                "status": "finished",
                "class": {
                    "system": "http://terminology.hl7.org/CodeSystem/v3-ActCode",
                    "code": "AMB",
                    "display": "ambulatory",
                },
                "subject": _ref(patient),
                "period": {"start": day, "end": day},
                "reasonCode": [_concept(data.reason)],
            },
        )
        vitals = data.vitals
        for field, code, display, unit in _VITALS:
            value = getattr(vitals, field)
            if value is not None:
                observation = _vital(patient, encounter, day, code, display)
                observation["valueQuantity"] = _quantity(value, unit)
                yield _urn(), observation
        if vitals.systolic_mmhg is not None and vitals.diastolic_mmhg is not None:
            pressure = _vital(patient, encounter, day, "85354-9", "Blood pressure panel")
            pressure["component"] = [
                {
                    "code": {"coding": [{"system": _LOINC, "code": code, "display": display}]},
                    "valueQuantity": _quantity(value, "mm[Hg]"),
                }
                for code, display, value in (
                    ("8480-6", "Systolic blood pressure", vitals.systolic_mmhg),
                    ("8462-4", "Diastolic blood pressure", vitals.diastolic_mmhg),
                )
            ]
            yield _urn(), pressure


def _document(document: ExportedDocument, patient: str) -> Json:
    info = document.info
    return {
        "resourceType": "DocumentReference",
        "status": "current",
        "type": _concept(info.category.value),
        "subject": _ref(patient),
        "date": info.created_at,
        "description": info.title,
        "content": [
            {
                "attachment": {
                    "contentType": info.media_type,
                    "url": document.path,
                    "size": info.size,
                    "hash": document.sha1_base64,
                    "title": info.original_name,
                    "creation": info.document_date.isoformat(),
                }
            }
        ],
        "context": {"period": {"start": info.document_date.isoformat()}},
    }


def build_bundle(content: ExportContent) -> Json:
    """The bundle as plain JSON data (validate_bundle checks it against the R4B models)."""
    patient = _urn()
    entries: list[tuple[str, Json]] = [(patient, _patient(content))]
    for make in (_history, _allergies, _treatments, _vaccinations):
        entries.extend((_urn(), resource) for resource in make(content, patient))
    entries.extend(_consultations(content, patient))
    entries.extend((_urn(), _document(d, patient)) for d in content.documents)
    return {
        "resourceType": "Bundle",
        "type": "collection",
        "timestamp": content.generated_at.isoformat(timespec="seconds"),
        "entry": [{"fullUrl": urn, "resource": resource} for urn, resource in entries],
    }


def validate_bundle(bundle: Json) -> None:
    """Raise pydantic's ValidationError if the bundle does not hold to the R4B models."""
    from fhir.resources.R4B.bundle import Bundle  # heavy: loaded only when exporting

    Bundle.model_validate(bundle)


def bundle_json(bundle: Json) -> bytes:
    return json.dumps(bundle, ensure_ascii=False, indent=2).encode("utf-8")
