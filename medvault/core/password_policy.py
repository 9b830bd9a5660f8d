"""Password policy after CNIL deliberation 2022-100: when the password is the only factor, at
least 80 bits of entropy (e.g. 12+ characters of 4 kinds, 14+ characters of upper, lower and
digits, or a passphrase of 7+ words), and not guessable (zxcvbn finds no predictable pattern)."""

from __future__ import annotations

import math
import string
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from zxcvbn import zxcvbn

REQUIRED_BITS = 80.0
PASSPHRASE_WORDS = 7
MIN_ZXCVBN_SCORE = 4  # about 10^10 guesses or more
# CNIL counts special characters from a list of at least 37.
_POOLS = {
    "lower": 26,
    "upper": 26,
    "digit": 10,
    "special": 37,
}
_ZXCVBN_MAX_CHARS = 100  # zxcvbn is slow on very long inputs; longer ones are scored on a prefix


@dataclass(frozen=True)
class PasswordVerdict:
    accepted: bool
    entropy_bits: float
    score: int  # 0..4, for a strength meter
    reasons_fr: tuple[str, ...]
    reasons_en: tuple[str, ...]

    def explain(self, language: str = "fr") -> str:
        return " ".join(self.reasons_fr if language.startswith("fr") else self.reasons_en)


def _classes(password: str) -> set[str]:
    found = set()
    for ch in password:
        if ch in string.ascii_lowercase:
            found.add("lower")
        elif ch in string.ascii_uppercase:
            found.add("upper")
        elif ch in string.digits:
            found.add("digit")
        elif unicodedata.category(ch).startswith("L"):
            # accented letters widen the alphabet as much as another class
            found.add("lower" if ch.islower() else "upper")
            found.add("special")
        else:
            found.add("special")
    return found


def _words(password: str) -> list[str]:
    for sep in "-_.,;:/+":
        password = password.replace(sep, " ")
    return [w for w in password.split() if len(w) >= 2]


def charset_entropy(password: str) -> float:
    """Entropy as CNIL computes it: length x log2(size of the alphabet used)."""
    pool = sum(_POOLS[c] for c in _classes(password))
    return len(password) * math.log2(pool) if pool else 0.0


def _meets_cnil_rule(password: str, bits: float) -> bool:
    classes = _classes(password)
    if len(password) >= 12 and len(classes) == 4:
        return True
    if len(password) >= 14 and {"lower", "upper", "digit"} <= classes:
        return True
    if len(_words(password)) >= PASSPHRASE_WORDS:
        return True
    return bits >= REQUIRED_BITS


def evaluate_password(password: str, user_inputs: Sequence[str] = ()) -> PasswordVerdict:
    normalized = unicodedata.normalize("NFC", password)
    bits = charset_entropy(normalized)
    result = zxcvbn(normalized[:_ZXCVBN_MAX_CHARS], user_inputs=[u for u in user_inputs if u])
    score = int(result["score"])
    reasons_fr: list[str] = []
    reasons_en: list[str] = []
    if not _meets_cnil_rule(normalized, bits):
        reasons_fr.append(
            "Trop court ou pas assez varié : il faut au moins 12 caractères mêlant majuscules, "
            "minuscules, chiffres et caractères spéciaux, ou 14 caractères avec majuscules, "
            "minuscules et chiffres, ou une phrase d'au moins 7 mots (recommandation CNIL)."
        )
        reasons_en.append(
            "Too short or not varied enough: use at least 12 characters mixing upper case, "
            "lower case, digits and symbols, or 14 characters with upper case, lower case and "
            "digits, or a passphrase of at least 7 words (CNIL recommendation)."
        )
    if score < MIN_ZXCVBN_SCORE:
        reasons_fr.append(
            "Trop facile à deviner : il contient un mot courant, un nom, une date, une suite "
            "ou une répétition. Évitez les informations personnelles et les schémas connus."
        )
        reasons_en.append(
            "Too easy to guess: it contains a common word, a name, a date, a sequence or a "
            "repetition. Avoid personal information and well-known patterns."
        )
    accepted = not reasons_fr
    meter = score if accepted else min(score, 3)
    return PasswordVerdict(accepted, bits, meter, tuple(reasons_fr), tuple(reasons_en))
