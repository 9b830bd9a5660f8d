"""Search keys: text folded so that "Éloïse", "ELOISE" and "eloise" compare equal.

Keys are computed here, in Python, and stored in indexed columns: SQLite's LIKE and NOCASE only
fold ASCII, and an index on a folded key lets a prefix search be a range scan."""

from __future__ import annotations

import unicodedata

# Letters that Unicode decomposition does not split into base letter + accent.
_EXPANSIONS = {
    "œ": "oe",
    "æ": "ae",
    "ø": "o",
    "đ": "d",
    "ð": "d",
    "ł": "l",
    "þ": "th",
    "\u0131": "i",  # dotless i
}

_MAX_CODE_POINT = 0x10FFFF
_SURROGATES = range(0xD800, 0xE000)


def fold(text: str) -> str:
    """Lower case, accents removed, ligatures expanded; every run of characters that are not
    letters or digits (space, hyphen, apostrophe, punctuation) becomes one space."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    chars: list[str] = []
    for char in decomposed:
        if unicodedata.combining(char):
            continue
        plain = _EXPANSIONS.get(char, char)
        chars.append(plain if plain.isalnum() else " ")
    return " ".join("".join(chars).split())


def words(text: str) -> list[str]:
    """The folded words of a text ("Dupont-Lefèvre" -> ["dupont", "lefevre"])."""
    return fold(text).split()


def word_suffixes(text: str) -> list[str]:
    """The folded text from each of its words on: "de la Fontaine" -> ["de la fontaine",
    "la fontaine", "fontaine"], so a search may start at any word of a compound name."""
    parts = words(text)
    return [" ".join(parts[i:]) for i in range(len(parts))]


def prefix_upper_bound(prefix: str) -> str:
    """The smallest string greater than every string that starts with `prefix`, for
    `key >= prefix AND key < bound` (a range an index can serve, unlike LIKE)."""
    if not prefix:
        raise ValueError("empty prefix")
    last = ord(prefix[-1])
    if last >= _MAX_CODE_POINT:
        return prefix_upper_bound(prefix[:-1])  # ValueError if nothing is left
    following = last + 1
    if following in _SURROGATES:
        following = _SURROGATES.stop
    return prefix[:-1] + chr(following)
