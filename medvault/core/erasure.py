"""Legal bases for erasing a patient's file: the only words kept about an erased file, with its id,
the date and who did it (in the audit trail)."""

from __future__ import annotations

import enum


class ErasureBasis(enum.StrEnum):
    RETENTION_EXPIRED = "retention_expired"  # past the legal retention period (20 years, minors 28)
    PATIENT_REQUEST = "patient_request"  # a request the law allows (GDPR art. 17 where it applies)
    CREATED_IN_ERROR = "created_in_error"  # a file opened by mistake, e.g. a test or a duplicate
