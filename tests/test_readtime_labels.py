"""Read-time labels in the text's language, and the language told by the script."""

from __future__ import annotations

import gettext
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newspkg import Article, ReadingTime, ValidationError, reading_time
from newspkg._readtime.labels import CATALOG_LANGUAGES, catalog_language, reading_label
from newspkg._readtime.scripts import _OTHER_SCRIPT_HINT, _letters, script_language

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "src" / "newspkg" / "_data" / "locale"


def label(minutes: int, lang: str | None) -> str:
    return ReadingTime(
        words=1, characters=0, images=0, duration=reading_time("a").duration, minutes=minutes,
        language=lang,
    ).label  # fmt: skip


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (None, "7 min read"),
        ("en-GB", "7 min read"),
        ("de", "7 Min. Lesezeit"),
        ("fr-CA", "7 min de lecture"),
        ("es-419", "7 min de lectura"),
        ("pt-BR", "7 min de leitura"),
        ("it", "7 min di lettura"),
        ("nl", "7 min leestijd"),
        ("zh", "7 分钟阅读"),
        ("zh-Hans-CN", "7 分钟阅读"),
        ("zh-TW", "7 分鐘閱讀"),
        ("zh-Hant", "7 分鐘閱讀"),
        ("ja", "7分で読めます"),
        ("ko-KR", "읽는 데 7분"),
        ("th", "อ่าน 7 นาที"),
        ("iw", "7 דקות קריאה"),  # the deprecated tag for Hebrew
        ("gd", "7 min read"),  # no catalog: English
    ],
)
def test_labels_in_the_language(lang: str | None, expected: str) -> None:
    assert label(7, lang) == expected


@pytest.mark.parametrize(
    ("lang", "labels"),
    [
        (
            "ru",
            {
                1: "1 минута чтения",
                2: "2 минуты чтения",
                5: "5 минут чтения",
                11: "11 минут чтения",
                21: "21 минута чтения",
                22: "22 минуты чтения",
                112: "112 минут чтения",
            },
        ),
        (
            "pl",
            {
                1: "1 minuta czytania",
                2: "2 minuty czytania",
                5: "5 minut czytania",
                12: "12 minut czytania",
                21: "21 minut czytania",  # unlike Russian, only 1 itself is singular
                24: "24 minuty czytania",
            },
        ),
        (
            "ar",
            {
                0: "0 دقيقة قراءة",
                1: "دقيقة قراءة واحدة",
                2: "دقيقتا قراءة",
                3: "3 دقائق قراءة",
                10: "10 دقائق قراءة",
                11: "11 دقيقة قراءة",
                100: "100 دقيقة قراءة",
                103: "103 دقائق قراءة",
            },
        ),
        ("he", {1: "דקת קריאה אחת", 2: "שתי דקות קריאה", 3: "3 דקות קריאה"}),
        ("cs", {1: "1 minuta čtení", 4: "4 minuty čtení", 5: "5 minut čtení"}),
        ("uk", {1: "1 хвилина читання", 3: "3 хвилини читання", 14: "14 хвилин читання"}),
    ],
)
def test_plural_forms(lang: str, labels: dict[int, str]) -> None:
    assert {minutes: label(minutes, lang) for minutes in labels} == labels


def test_at_least_twenty_languages_have_a_catalog() -> None:
    on_disk = {path.parent.parent.name for path in LOCALE.glob("*/LC_MESSAGES/newspkg.mo")}

    assert on_disk == CATALOG_LANGUAGES
    assert len(CATALOG_LANGUAGES) >= 20


@pytest.mark.parametrize("language", sorted(CATALOG_LANGUAGES))
def test_every_catalog_translates_every_plural_form(language: str) -> None:
    with (LOCALE / language / "LC_MESSAGES" / "newspkg.mo").open("rb") as mo_file:
        catalog = gettext.GNUTranslations(mo_file)
    forms = {catalog.ngettext("{n} min read", "{n} min read", n) for n in range(200)}

    assert catalog.info()["language"] == language
    assert all(form.strip() for form in forms)
    assert all(form.count("{n}") <= 1 for form in forms)
    if language != "en":
        assert "{n} min read" not in forms  # translated, not fallen back to the msgid


def _catalog_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "compile_catalogs", ROOT / "scripts" / "compile_catalogs.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("language", sorted(CATALOG_LANGUAGES))
def test_catalogs_are_compiled_and_follow_cldr_plural_rules(language: str) -> None:
    pytest.importorskip("babel", reason="Babel (newspkg[i18n]) compiles and checks catalogs")
    script = _catalog_script()
    po_path = LOCALE / language / "LC_MESSAGES" / "newspkg.po"

    assert script.plural_problem(po_path) is None
    assert script.compiled(po_path) == po_path.with_suffix(".mo").read_bytes(), (
        "stale catalog: run scripts/compile_catalogs.py"
    )


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("de-CH", "de"),
        ("zh", "zh_Hans"),
        ("zh-HK", "zh_Hant"),
        ("zh-Hans-HK", "zh_Hans"),
        ("zh-cmn-Hant", "zh_Hant"),
        ("in", "id"),
        ("EN-us", "en"),
        ("gd", None),
        (None, None),
    ],
)
def test_catalog_language(tag: str | None, expected: str | None) -> None:
    assert catalog_language(tag) == expected


@given(st.integers(min_value=0, max_value=10**6), st.sampled_from(sorted(CATALOG_LANGUAGES)))
def test_every_label_names_the_minutes_or_is_a_word_for_one_or_two(
    minutes: int, language: str
) -> None:
    text = reading_label(minutes, language.replace("_", "-"))

    assert str(minutes) in text or (minutes in {1, 2} and language in {"ar", "he"})


# --- the language told by the script --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("الحكومة تعلن عن خطة جديدة للطاقة", "ar"),
        ("הממשלה הודיעה על תוכנית חדשה", "he"),
        ("정부가 새로운 에너지 계획을 발표했다", "ko"),
        ("รัฐบาลประกาศแผนพลังงานใหม่", "th"),
        ("सरकार ने नई ऊर्जा योजना की घोषणा की", "hi"),
        ("Правительство объявило о новом плане", "ru"),  # noqa: RUF001
        ("政府宣布新的能源计划", "zh"),
        ("政府は新しいエネルギー計画を発表した", "ja"),
        ("The government announced a “new” plan", None),
        ("Правительство (Government) объявило о новом плане NATO", "ru"),  # noqa: RUF001
        ("A long English report quoting one word: Москва", None),
        ("", None),
        ("2026 — 12:00", None),
    ],
)
def test_script_language(text: str, expected: str | None) -> None:
    assert script_language(text) == expected


def test_the_other_script_hint_covers_every_letter_of_another_script_than_latin() -> None:
    # Text the hint misses is answered None without `regex`: that is exact only if every
    # letter that could make another script win is inside the hint.
    everything = "".join(
        chr(code) for code in range(sys.maxunicode + 1) if not 0xD800 <= code <= 0xDFFF
    )
    missed = [
        match.group()
        for match in _letters().finditer(everything)
        if (match.lastindex or 0) >= 2 and not _OTHER_SCRIPT_HINT.match(match.group())
    ]

    assert [f"U+{ord(char):04X}" for char in missed] == []


@pytest.mark.parametrize(
    "text",
    ["Größe “Übermaß” – 12 €", "Café œuvre ǅ ɐ \u02c8 ﬁ", "Ελληνικά κείμενο", "Tiếng Việt"],
)
def test_latin_and_greek_text_with_symbols_tells_no_language(text: str) -> None:
    assert script_language(text) is None


@pytest.mark.parametrize(
    ("text", "minutes", "expected"),
    [
        ("Слово " * 500, 3, "3 минуты чтения"),  # 500 / (184 * 238/228) = 2.6 -> 3
        ("كلمة " * 500, 4, "4 دقائق قراءة"),  # 500 / (138 * 238/228) = 3.5 -> 4
        ("מילה " * 500, 3, "3 דקות קריאה"),  # 500 / (187 * 238/228) = 2.6 -> 3
        ("단어 " * 500, 3, "읽는 데 3분"),  # 500 / (184 * 238/228) = 2.6 -> 3
        ("<p>" + "शब्द " * 500 + "</p>", 3, "3 मिनट में पढ़ें"),
    ],
)
def test_text_without_lang_is_timed_and_labelled_by_its_script(
    text: str, minutes: int, expected: str
) -> None:
    result = reading_time(text)

    assert (result.minutes, result.label) == (minutes, expected)


def test_an_article_without_a_language_is_told_by_its_body() -> None:
    article = Article(url="https://example.com/a", headline="h", body="Слово " * 500)

    assert reading_time(article).language == "ru"
    assert reading_time(article, lang="en").label == "3 min read"


def test_the_given_language_wins_over_the_script() -> None:
    result = reading_time("Слово " * 500, lang="uk")

    assert (result.language, result.label) == ("uk", "3 хвилини читання")


@pytest.mark.parametrize("lang", ["en_US", "", "de--DE", "x"])
def test_an_invalid_lang_raises_with_its_path(lang: str) -> None:
    with pytest.raises(ValidationError) as raised:
        reading_time("text", lang=lang)

    assert [problem.path for problem in raised.value.problems] == ["lang"]
