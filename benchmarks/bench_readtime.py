"""Read time and word counts against the PyPI `readtime` package and `str.split`.

Run: ``python benchmarks/bench_readtime.py``. Inputs are generated here from a
fixed seed (no network); every ratio compares timings taken in this run.
Targets (issue 4): at most 1.0x `readtime` (which is fast because it is wrong)
and at most 5x ``len(text.split())`` (the floor) on the same plain text.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from functools import partial

import readtime
from _timing import best_of

from newspkg._html.text import readable_text
from newspkg._readtime.estimate import SourceFormat, reading_time
from newspkg._readtime.words import count_words

MEGABYTE = 1_000_000
SEED = 4

_ENGLISH = (  # noqa: SIM905 (a sentence of words reads better than a list literal)
    "the of and to in a is that for it as was with be by on not he this are or his from at "
    "which but have an they you were her she there would their we him been has when who will "
    "more no if out so said what up its about into than them can only other new some could "
    "time these two may then do first any my now such like our over man me even most made "
    "after also did many before must through back years where much your way well down should "
    "because each just those people how too little state good very make world still own see "
    "men work long get here between both life being under never day same another know while "
    "last might us great old year off come since against go came right used take three "
    "don't it's 3.14 1,000 2024 e-mail U.S. well-known city's government's"
).split()
# The 500 most common-looking CJK ideographs by code point, and the kana syllabaries.
_HAN = "".join(chr(code) for code in range(0x4E00, 0x4E00 + 500))
_KANA = "".join(chr(code) for code in [*range(0x3042, 0x3094), *range(0x30A2, 0x30F4), 0x30FC])
_LATIN_IN_CJK = [
    "Python",
    "iPhone",
    "AI",
    "GDP",
    "2024",
    "3.5%",
    "COVID-19",
    "https://example.com/a",
]


def english_html(rng: random.Random) -> str:
    """About 1 MB (UTF-8) of article HTML: headings, paragraphs, links, figures, code, lists."""
    parts: list[str] = []
    size = 0
    while size < MEGABYTE:
        words = [rng.choice(_ENGLISH) for _ in range(rng.randint(40, 120))]
        for index in range(0, len(words), 17):
            words[index] = f'<a href="https://example.com/{index}">{words[index]}</a>'
        for index in range(5, len(words), 23):
            words[index] = f"<em>{words[index]}</em>"
        block = "<p>" + " ".join(words).capitalize() + ".</p>\n"
        roll = rng.random()
        if roll < 0.08:
            block = f"<h2>{' '.join(rng.choices(_ENGLISH, k=6))}</h2>\n" + block
        elif roll < 0.12:
            block += (
                '<figure><img src="https://example.com/i.jpg" alt="A photo">'
                f"<figcaption>{' '.join(rng.choices(_ENGLISH, k=12))}</figcaption></figure>\n"
            )
        elif roll < 0.14:
            block += "<pre><code>def f(x):\n    return x * 2</code></pre>\n"
        elif roll < 0.17:
            items = "".join(f"<li>{' '.join(rng.choices(_ENGLISH, k=8))}</li>" for _ in range(4))
            block += f"<ul>{items}</ul>\n"
        parts.append(block)
        size += len(block.encode())
    return "<article>" + "".join(parts) + "</article>"


def mixed_cjk_text(rng: random.Random) -> str:
    """About 1 MB (UTF-8) of Chinese and Japanese sentences with Latin words mixed in."""
    parts: list[str] = []
    size = 0
    while size < MEGABYTE:
        pieces: list[str] = []
        for _ in range(rng.randint(3, 8)):
            alphabet = _HAN if rng.random() < 0.7 else _KANA
            pieces.append("".join(rng.choices(alphabet, k=rng.randint(4, 14))))
            if rng.random() < 0.4:
                latin = rng.choice(_LATIN_IN_CJK)
                if latin.startswith("https://"):
                    # Pages link to different places: one URL repeated 1,500 times
                    # would let a per-link cache hide what counting links costs.
                    latin += f"/{len(parts)}"
                pieces.append(f" {latin} ")
            pieces.append(rng.choice("\uff0c\u3001"))  # full-width comma, ideographic comma
        sentence = "".join(pieces)[:-1] + "。"
        if rng.random() < 0.1:
            sentence += "\n\n"
        parts.append(sentence)
        size += len(sentence.encode())
    return "".join(parts)


def typographic(text: str, rng: random.Random) -> str:
    """``text`` as edited copy looks: curly apostrophes and quotes, em dashes.

    Those characters are outside Latin-1, so this exercises the slower way
    newspkg maps characters to their word-break kinds.
    """
    words = text.replace("'", "\u2019").split(" ")
    for index in range(0, len(words), 29):
        words[index] = f"\u201c{words[index]}\u201d"
    for index in range(rng.randrange(40), len(words), 41):
        words[index] += " \u2014"
    return " ".join(words)


def report(
    name: str,
    ours: Callable[[], object],
    baseline_name: str,
    baseline: Callable[[], object],
    *,
    target: float,
    rounds: int,
) -> None:
    ours_time, baseline_time = best_of(rounds, ours, baseline, runs_per_round=3)
    ratio = ours_time / baseline_time
    verdict = "ok" if ratio <= target else "over target"
    print(
        f"  {name:<34} {ours_time * 1000:8.1f} ms  vs {baseline_name:<22} "
        f"{baseline_time * 1000:8.1f} ms"
        f"  = {ratio:5.2f}x (target <= {target:.1f}x, {verdict})"
    )


def main() -> None:
    rng = random.Random(SEED)
    html = english_html(rng)
    english = readable_text(html).text
    cjk = mixed_cjk_text(rng)
    curly = typographic(english, rng)
    print(
        f"inputs: English HTML {len(html.encode()) / MEGABYTE:.2f} MB "
        f"({len(english.encode()) / MEGABYTE:.2f} MB readable text), "
        f"mixed CJK/Latin text {len(cjk.encode()) / MEGABYTE:.2f} MB"
    )
    print(
        f"counts: newspkg {count_words(english)} words (English), {count_words(cjk)} (CJK); "
        f"str.split {len(english.split())} / {len(cjk.split())}"
    )

    print("English HTML body:")
    report(
        "reading_time(html)",
        partial(reading_time, html),
        "readtime.of_html",
        partial(readtime.of_html, html),
        target=1.0,
        rounds=2,
    )
    texts = (
        ("English text", english),
        ("English text, typographic quotes and dashes", curly),
        ("mixed CJK/Latin text", cjk),
    )
    for label, text in texts:
        print(f"{label}:")
        report(
            "reading_time(text)",
            partial(reading_time, text, source_format=SourceFormat.TEXT),
            "readtime.of_text",
            partial(readtime.of_text, text),
            target=1.0,
            rounds=5,
        )
        report(
            "count_words(text)",
            partial(count_words, text),
            "len(text.split())",
            partial(_split_count, text),
            target=5.0,
            rounds=5,
        )


def _split_count(text: str) -> int:
    return len(text.split())


if __name__ == "__main__":
    main()
