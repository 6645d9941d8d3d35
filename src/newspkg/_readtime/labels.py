"""Read-time labels in the article's language ("7 min read", "7 Min. Lesezeit", "7 分钟阅读").

The wording and plural forms live in gettext catalogs (``newspkg/_data/locale/<lang>/
LC_MESSAGES/newspkg.mo``, compiled from the ``.po`` beside each by
``scripts/compile_catalogs.py``), read with the standard library's `gettext`. Each catalog's
``Plural-Forms`` is CLDR's rule for its language (checked against Babel's CLDR data by that
script and the tests), so Russian says "1 минута", "2 минуты", "5 минут". Languages without
a catalog get the English label.
"""

from __future__ import annotations

import functools
import gettext
from importlib import resources
from typing import Final

__all__ = ["CATALOG_LANGUAGES", "catalog_language", "reading_label"]

_DOMAIN: Final = "newspkg"
_SINGULAR: Final = "{n} min read"
_PLURAL: Final = "{n} min read"
_LOCALE: Final = resources.files("newspkg") / "_data" / "locale"

# The catalogs shipped; keys as gettext names locale directories (zh_Hans, not zh-Hans).
CATALOG_LANGUAGES: Final = frozenset(
    {
        "ar", "cs", "de", "en", "es", "fa", "fr", "he", "hi", "id", "it", "ja",
        "ko", "nl", "pl", "pt", "ru", "sv", "th", "tr", "uk", "vi", "zh_Hans", "zh_Hant",
    }
)  # fmt: skip
# Chinese is written in two scripts; a region implies one when the tag names none.
_TRADITIONAL_REGIONS: Final = frozenset({"tw", "hk", "mo"})
# Tags deprecated in BCP 47 that pages still declare.
_ALIASES: Final = {"iw": "he", "in": "id", "zh-cn": "zh_Hans", "zh-tw": "zh_Hant"}


def catalog_language(tag: str | None) -> str | None:
    """The catalog for a BCP 47 tag (``"pt-BR"`` → ``"pt"``, ``"zh-TW"`` → ``"zh_Hant"``).

    None when no catalog fits: the label is then English.

    >>> catalog_language("zh-Hant-HK"), catalog_language("de-CH"), catalog_language("gd")
    ('zh_Hant', 'de', None)
    """
    if not tag:
        return None
    subtags = tag.replace("_", "-").lower().split("-")
    primary = _ALIASES.get(subtags[0], subtags[0])
    if primary == "zh":
        rest = subtags[1:]
        traditional = "hant" in rest or (
            "hans" not in rest and any(s in _TRADITIONAL_REGIONS for s in rest)
        )
        return "zh_Hant" if traditional else "zh_Hans"
    return primary if primary in CATALOG_LANGUAGES else None


@functools.cache
def _translations(language: str | None) -> gettext.NullTranslations:
    if language is None:
        return gettext.NullTranslations()
    catalog = _LOCALE / language / "LC_MESSAGES" / f"{_DOMAIN}.mo"
    with catalog.open("rb") as mo_file:
        return gettext.GNUTranslations(mo_file)


def reading_label(minutes: int, tag: str | None) -> str:
    """The label for ``minutes`` in the language of BCP 47 ``tag`` (English without one).

    >>> reading_label(7, None), reading_label(7, "de"), reading_label(22, "ru")
    ('7 min read', '7 Min. Lesezeit', '22 минуты чтения')
    """
    translations = _translations(catalog_language(tag))
    return translations.ngettext(_SINGULAR, _PLURAL, minutes).format(n=minutes)
