"""load_corpus(cache=True): the same corpus as without the memo, whatever
state the memo is in, and the slow steps really skipped when it is warm."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

import newskit
from newskit.errors import CacheWarning
from newskit.io import languages
from newskit.io import corpus as corpus_module
from newskit.io.memo import memo_dir

from tests.builders import write_corpus

WIRE = ("Die Bundesregierung hat am Dienstag neue Regeln für künstliche Intelligenz vorgestellt. "
        "Anbieter großer Sprachmodelle müssen ihre Trainingsdaten offenlegen und Risiken prüfen lassen. "
        "Verstöße sollen mit Bußgeldern von bis zu sechs Prozent des weltweiten Umsatzes geahndet werden.\n")
OTHER = ("Das Start-up aus München sammelte in einer Finanzierungsrunde 40 Millionen Euro ein. "
         "Mit dem Geld will das Unternehmen neue Rechenzentren in Bayern und Sachsen aufbauen.\n")
JAPANESE = "東京の新興企業が新しい言語モデルを公開した。開発者は日本語の性能が大きく向上したと説明している。\n"


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    """Four articles: a German wire story and its copy, another German one,
    a Japanese one whose language is left to the detector."""
    catalog = ("doc_id,file,lang,published\n"
               "a,a.txt,de,2024-05-01\nb,b.txt,de,2024-05-02\nc,c.txt,de,2024-05-03\nd,d.txt,,2024-05-04\n")
    return write_corpus(tmp_path / "corpus", catalog, {
        "a.txt": WIRE.encode(), "b.txt": ("Berlin (dpa) – " + WIRE).encode(), "c.txt": OTHER.encode(),
        "d.txt": JAPANESE.encode()})


def assert_same_corpus(a: newskit.Corpus, b: newskit.Corpus) -> None:
    """Every table and text of two loads equal, dtypes included."""
    assert_frame_equal(a.documents, b.documents)
    assert_frame_equal(a.paragraphs, b.paragraphs)
    assert a.texts == b.texts


@pytest.fixture
def detector_calls(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many texts each detector batch of a load was given."""
    calls: list[int] = []
    real = languages.detect_languages

    def counting(texts, **options):
        texts = list(texts)
        calls.append(len(texts))
        return real(texts, **options)
    monkeypatch.setattr(languages, "detect_languages", counting)
    return calls


@pytest.fixture
def duplicate_calls(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How often a load searched for copies."""
    calls: list[int] = []
    real = corpus_module.find_corpus_duplicates

    def counting(*args, **options):
        calls.append(1)
        return real(*args, **options)
    monkeypatch.setattr(corpus_module, "find_corpus_duplicates", counting)
    return calls


def test_cold_and_warm_loads_equal_the_plain_load(corpus_dir: Path, detector_calls, duplicate_calls) -> None:
    plain = newskit.load_corpus(corpus_dir)
    # without cache=True nothing is written
    assert not memo_dir(corpus_dir).exists()
    cold = newskit.load_corpus(corpus_dir, cache=True)
    warm = newskit.load_corpus(corpus_dir, cache=True)
    for loaded in (cold, warm):
        assert_same_corpus(plain, loaded)
    assert plain.documents.set_index("doc_id").at["b", "duplicate_of"] == "a"
    assert plain.documents.set_index("doc_id").at["d", "lang"] == "ja"
    # plain and cold detect all four texts and search for copies; warm does neither
    assert detector_calls == [4, 4, 0] and len(duplicate_calls) == 2


@pytest.mark.parametrize("duplicates", ["keep", "mark", "drop"])
def test_every_duplicates_mode(corpus_dir: Path, duplicates: str) -> None:
    # the memo holds the search, not the mode's decision: each mode gives what it gives without it
    plain = newskit.load_corpus(corpus_dir, duplicates=duplicates)
    newskit.load_corpus(corpus_dir, cache=True)
    assert_same_corpus(plain, newskit.load_corpus(corpus_dir, duplicates=duplicates, cache=True))


def test_an_edited_article_is_detected_and_compared_again(corpus_dir: Path, detector_calls) -> None:
    newskit.load_corpus(corpus_dir, cache=True)
    # c becomes a third copy of the wire story: only its text is detected again, and the copies are new
    (corpus_dir / "c.txt").write_text("München (AFP) – " + WIRE, encoding="utf-8")
    reloaded = newskit.load_corpus(corpus_dir, cache=True)
    assert detector_calls == [4, 1]
    assert_same_corpus(newskit.load_corpus(corpus_dir), reloaded)
    assert reloaded.documents.set_index("doc_id").at["c", "duplicate_of"] == "a"


def test_a_new_catalog_date_changes_the_original(corpus_dir: Path) -> None:
    newskit.load_corpus(corpus_dir, cache=True)
    # the copy b dated before a: b is now the original, although no text changed
    catalog = (corpus_dir / "catalog.csv").read_text(encoding="utf-8").replace("2024-05-02", "2024-04-30")
    (corpus_dir / "catalog.csv").write_text(catalog, encoding="utf-8")
    reloaded = newskit.load_corpus(corpus_dir, cache=True)
    assert reloaded.documents.set_index("doc_id").at["a", "duplicate_of"] == "b"


@pytest.mark.parametrize("damage", [
    # truncated by a crash of something else
    lambda data: data[: len(data) // 2],
    # a value edited by hand: the digest no longer matches
    lambda data: data.replace(b'"ja"', b'"de"'),
    # not JSON at all
    lambda data: b"\x00\x01garbage",
])
def test_a_damaged_memo_warns_and_is_rebuilt(corpus_dir: Path, damage) -> None:
    plain = newskit.load_corpus(corpus_dir)
    newskit.load_corpus(corpus_dir, cache=True)
    path = memo_dir(corpus_dir) / "languages.json"
    path.write_bytes(damage(path.read_bytes()))
    with pytest.warns(CacheWarning, match="languages.json"):
        loaded = newskit.load_corpus(corpus_dir, cache=True)
    assert_same_corpus(plain, loaded)
    # rebuilt: the next load reads it without a warning
    json.loads(path.read_bytes())


def test_a_memo_of_another_kit_version_is_a_silent_miss(corpus_dir: Path, detector_calls,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    newskit.load_corpus(corpus_dir, cache=True)
    monkeypatch.setattr("newskit.io.memo.memo_fingerprint", lambda: "another version")
    newskit.load_corpus(corpus_dir, cache=True)
    assert detector_calls == [4, 4]


def test_an_unwritable_memo_warns_and_loads(corpus_dir: Path) -> None:
    # a file where the memo folder should be: writing fails whoever runs the test
    memo_dir(corpus_dir).parent.mkdir(parents=True)
    memo_dir(corpus_dir).write_text("not a folder", encoding="utf-8")
    with pytest.warns(CacheWarning, match="cannot write the load cache"):
        loaded = newskit.load_corpus(corpus_dir, cache=True)
    assert_same_corpus(newskit.load_corpus(corpus_dir), loaded)


def test_duplicate_table_round_trip(corpus_dir: Path) -> None:
    # originals keep NaN similarity, copies their exact figures, through JSON and back
    newskit.load_corpus(corpus_dir, cache=True)
    stored = json.loads((memo_dir(corpus_dir) / "duplicates.json").read_bytes())["payload"]
    by_id = {row[0]: row for row in stored}
    assert by_id["a"][1:] == [None, None, None]
    assert by_id["b"][1] == "a" and 0.8 <= by_id["b"][2] <= 1
    documents = newskit.load_corpus(corpus_dir, cache=True).documents
    assert pd.isna(documents.set_index("doc_id").at["a", "duplicate_similarity"])
