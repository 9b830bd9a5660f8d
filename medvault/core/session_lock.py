"""How long an unattended session stays open: one delay per role, set by a practitioner for the
whole practice (the reception desk, seen by patients, may lock sooner)."""

from __future__ import annotations

from dataclasses import dataclass

from medvault.core.errors import FieldError
from medvault.core.permissions import Role

DEFAULT_MINUTES = 5
MIN_MINUTES = 1
MAX_MINUTES = 30


@dataclass(frozen=True)
class LockDelays:
    practitioner_minutes: int = DEFAULT_MINUTES
    receptionist_minutes: int = DEFAULT_MINUTES
    lock_on_minimise: bool = False

    def minutes_for(self, role: Role) -> int:
        if role is Role.RECEPTIONIST:
            return self.receptionist_minutes
        return self.practitioner_minutes


def validate_lock_delays(delays: LockDelays) -> LockDelays:
    for field, value in (
        ("practitioner_minutes", delays.practitioner_minutes),
        ("receptionist_minutes", delays.receptionist_minutes),
    ):
        if isinstance(value, bool) or not isinstance(value, int):
            raise FieldError(
                field,
                "Le délai de verrouillage doit être un nombre entier de minutes.",
                "The lock delay must be a whole number of minutes.",
            )
        if not MIN_MINUTES <= value <= MAX_MINUTES:
            raise FieldError(
                field,
                f"Le délai de verrouillage doit être compris entre {MIN_MINUTES} et "
                f"{MAX_MINUTES} minutes.",
                f"The lock delay must be between {MIN_MINUTES} and {MAX_MINUTES} minutes.",
            )
    if not isinstance(delays.lock_on_minimise, bool):
        raise FieldError(
            "lock_on_minimise",
            "Le choix « verrouiller en réduisant la fenêtre » doit être oui ou non.",
            "The 'lock when minimised' choice must be yes or no.",
        )
    return delays
