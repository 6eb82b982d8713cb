"""Languages at load: undeclared ones detected, declared ones checked for
every pair of supported languages, recorded detections reused."""

from __future__ import annotations

import hashlib
import itertools
import tomllib
import warnings

import pytest

import newskit
from newskit.errors import CorpusError, CorpusWarning
from newskit.io.languages import part_reads_as, recorded_detection
from newskit.io.normalize import normalize_text
from newskit.lang.detect import detect_language

from tests.builders import TEST_DATA, write_corpus

PARAGRAPHS = tomllib.loads((TEST_DATA / "lang" / "news_paragraphs.toml").read_text("utf-8"))
LANGS = ("ja", "de", "id", "en")
#: Two real paragraphs per language: well over the 150 letters an error needs.
ARTICLE = {lang: "\n".join(PARAGRAPHS[lang]["paragraphs"][:2]) + "\n" for lang in LANGS}
SCRIPT_PAIRS = {("ja", "de"), ("ja", "id"), ("ja", "en"), ("de", "ja"), ("id", "ja"), ("en", "ja")}


def load_one(tmp_path, text: str, lang: str, extra: str = "", values: str = ""):
    header = "doc_id,file,lang" + extra
    root = write_corpus(tmp_path, f"{header}\na,raw/a.txt,{lang}{values}\n", {"raw/a.txt": text.encode()})
    return root, newskit.load_corpus(root)


@pytest.mark.parametrize("written, declared", [p for p in itertools.permutations(LANGS, 2)])
def test_every_contradicting_pair_is_refused(tmp_path, written, declared):
    # Japanese against a Latin-script language is caught by the script check
    # (before the detector runs); every Latin-script pair by the detector
    root = write_corpus(tmp_path, f"doc_id,file,lang\na,raw/a.txt,{declared}\n",
                        {"raw/a.txt": ARTICLE[written].encode()})
    with pytest.raises(CorpusError) as info:
        newskit.load_corpus(root)
    assert info.value.path == root / "raw" / "a.txt"
    if (written, declared) in SCRIPT_PAIRS:
        assert "but its text is mostly" in info.value.problem
    else:
        assert f"declared {declared!r}" in info.value.problem and f"({written}," in info.value.problem


@pytest.mark.parametrize("lang", LANGS)
def test_declared_language_that_fits_loads(tmp_path, lang):
    _, corpus = load_one(tmp_path, ARTICLE[lang], lang)
    row = corpus.documents.iloc[0]
    assert (row["lang"], row["lang_source"], row["lang_detected"]) == (lang, "declared", lang)
    assert row["lang_confidence"] >= 0.9


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("cell", ["", "auto", "AUTO"])
def test_undeclared_language_is_detected(tmp_path, lang, cell):
    _, corpus = load_one(tmp_path, ARTICLE[lang], cell)
    row = corpus.documents.iloc[0]
    assert (row["lang"], row["lang_source"]) == (lang, "detected")
    assert corpus.lang_of("a") == lang
    # tokenized in the detected language (MeCab for ja: no token is a whole sentence)
    tokens = newskit.tokenize_corpus(corpus)
    assert tokens["surface"].str.len().max() < 40


def test_malay_reading_of_indonesian_is_no_contradiction(tmp_path):
    # lingua may read Indonesian as Malay (one language, two norms): declared id loads
    _, corpus = load_one(tmp_path, ARTICLE["id"], "id")
    assert corpus.lang_of("a") == "id"


def test_one_odd_passage_does_not_refuse_an_article(tmp_path):
    # 2,500 letters of German and a garbled tail that makes lingua say Malay:
    # half of the text reads as German, so this is a warning, not an error
    text = "Musk verlagert die Ressourcen von Tesla zu seiner neuen Firma. " * 40 + "\nﬁÆイーロン・マスクLlama 2\n"
    assert detect_language(text).detected == "ms" and part_reads_as(text, "de")
    with pytest.warns(CorpusWarning, match="half of the text does not contradict 'de'"):
        _, corpus = load_one(tmp_path, text, "de")
    assert corpus.lang_of("a") == "de"


def test_recorded_detection_is_reused(tmp_path, monkeypatch):
    # an imported row whose text is unchanged: the detector is not run again
    text = normalize_text(ARTICLE["de"], "de")
    digest = hashlib.sha256(text.encode()).hexdigest()
    calls = []
    import newskit.io.languages as languages

    monkeypatch.setattr(languages, "detect_languages", lambda texts, **kw: calls.append(texts) or [])
    _, corpus = load_one(tmp_path, ARTICLE["de"], "de", ",sha256,lang_detected,lang_confidence", f",{digest},de,0.9876")
    assert calls == [[]]  # one batch, empty
    assert corpus.documents.iloc[0]["lang_confidence"] == 0.9876


@pytest.mark.parametrize(
    "row, usable",
    [
        ({"lang_detected": "de", "lang_confidence": "0.99"}, True),     # as an import writes it
        ({"lang_detected": "de", "lang_confidence": ""}, False),        # no confidence
        ({"lang_detected": "xx", "lang_confidence": "0.99"}, False),    # not a detector language
        ({"lang_detected": "de", "lang_confidence": "1.5"}, False),     # not a probability
        ({"lang_detected": "de", "lang_confidence": "0.99", "sha256": "0" * 64}, False),  # text changed since
    ],
)
def test_recorded_detection_rules(row, usable):
    text = ARTICLE["de"]
    full = {"sha256": hashlib.sha256(text.encode()).hexdigest(), **row}
    assert (recorded_detection(full, text) is not None) == usable


def test_edited_lang_of_an_imported_row_is_still_checked(tmp_path):
    # the recorded detection says de; the researcher changed lang to en: refused
    text = normalize_text(ARTICLE["de"], "de")
    digest = hashlib.sha256(text.encode()).hexdigest()
    with pytest.raises(CorpusError, match="declared 'en' .English. but the text reads as German"):
        load_one(tmp_path, ARTICLE["de"], "en", ",sha256,lang_detected,lang_confidence", f",{digest},de,1.0")


def test_no_warning_on_the_shipped_corpora():
    with warnings.catch_warnings():
        warnings.simplefilter("error", CorpusWarning)
        for root in ("data", "data/examples"):
            corpus = newskit.load_corpus(root)
            assert (corpus.documents["lang_detected"] == corpus.documents["lang"]).all()
