from __future__ import annotations

import pytest

from medvault.core.password_policy import charset_entropy, evaluate_password


@pytest.mark.parametrize(
    "password",
    [
        "Xk9#mP2vL!qR",  # 12 characters, four kinds (CNIL example 1)
        "Kj8mNq2Rt5Vw9Z",  # 14 characters, upper, lower and digits (CNIL example 2)
        "girafe nuage cuivre lampe orage tilleul brique",  # 7-word passphrase
        'l\'été "chaud" sur la plage de sable fin',
    ],
)
def test_accepted(password: str) -> None:
    verdict = evaluate_password(password)
    assert verdict.accepted, verdict.explain("en")
    assert verdict.score == 4


@pytest.mark.parametrize(
    ("password", "reason"),
    [
        ("Court1!", "Too short"),
        ("motdepasselong", "Too short"),
        ("Password123456!", "Too easy"),
        ("azertyuiopAZERTY123", "Too easy"),
    ],
)
def test_refused_with_plain_reasons(password: str, reason: str) -> None:
    verdict = evaluate_password(password)
    assert not verdict.accepted
    assert reason in verdict.explain("en")
    assert verdict.explain("fr")
    assert verdict.score <= 3


def test_personal_information_counts_against_the_password() -> None:
    assert (
        evaluate_password("Dupont2026", ["dupont"]).score < evaluate_password("Xq7#Lm2!").score
        or not evaluate_password("Dupont2026", ["dupont"]).accepted
    )


def test_entropy_follows_the_cnil_computation() -> None:
    # 12 characters drawn from 26+26+10+37 symbols: about 80 bits.
    assert 79 < charset_entropy("Ab1!Ab1!Ab1!") < 80
    assert charset_entropy("") == 0
