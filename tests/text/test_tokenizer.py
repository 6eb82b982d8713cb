"""Public tokenization API over all languages."""

from __future__ import annotations

import pytest

import newskit
from newskit.errors import ArgumentError, CorpusError


def surfaces(text, lang, **kw):
    return [t.surface for t in newskit.tokenize(text, lang, **kw)]


@pytest.mark.parametrize(
    "text, lang, whole",
    [
        ("マスク氏のxAIが発表した", "ja", "xAI"),                     # MeCab unknown Latin word
        ("OpenAIの旧本社", "ja", "OpenAI"),
        ("Grok-1.5Vを発売し", "ja", "Grok-1.5V"),                     # MeCab splits into 6 pieces
        ("GPT-4oに影響を与えます", "ja", "GPT-4o"),
        ("イーロン・マスクは日曜日に", "ja", "イーロン・マスク"),        # MeCab: イー/ロン/・/マスク
        ("MistralやLlama 2など", "ja", "Llama 2"),                    # multi-word model name
        ("Grok 2ベータ版", "ja", "Grok 2"),                           # name glued to kana
        ("マイクロソフトとの提携", "ja", "マイクロソフト"),              # UniDic short units マイクロ/ソフト
        ("die Beta-Version von Grok 2 auf", "de", "Grok 2"),
        ("höher als die von Llama 2 70B", "de", "Llama 2"),
        ("Einfluss auf GPT-4o starten", "de", "GPT-4o"),
        ("Modell Grok-1.5V auf den Markt", "de", "Grok-1.5V"),
        ("drei Tesla-Aktionäre", "de", "Tesla-Aktionäre"),            # hyphenated compound
        ("model besar multimodal Grok-1.5V", "id", "Grok-1.5V"),
        ("chatbot Grok-nya hanya", "id", "Grok-nya"),                 # clitic stays in the surface
    ],
)
def test_names_stay_whole(text, lang, whole):
    assert whole in surfaces(text, lang)


@pytest.mark.parametrize(
    "text, lang, surface, lemma",
    [
        ("マスクは発表した", "ja", "マスク", "マスク"),     # never UniDic's glossed lemma マスク-mask
        ("発表した", "ja", "し", "する"),                   # orthBase of a verb form
        ("ｘＡＩの", "ja", "ｘＡＩ", "xAI"),                 # full-width Latin: NFKC lemma
        ("テスラのドル", "ja", "ドル", "ドル"),              # not ドル-dollar
        ("haben Klagen eingereicht", "de", "Klagen", "Klage"),
        ("haben Klagen eingereicht", "de", "eingereicht", "einreichen"),
        ("Die Unternehmen", "de", "Die", "der"),             # sentence-initial article
        ("pemerintah dan perusahaan", "id", "pemerintah", "pemerintah"),  # id: no affix stripping
        ("pemerintah dan perusahaan", "id", "perusahaan", "perusahaan"),
        ("chatbot Grok-nya hanya", "id", "Grok-nya", "Grok"),  # clitic off the name's lemma
        ("Elon Musk's company", "en", "Musk's", "Musk"),
        ("companies released models", "en", "companies", "company"),
    ],
)
def test_lemmas(text, lang, surface, lemma):
    found = {t.surface: t.lemma for t in newskit.tokenize(text, lang)}
    assert found[surface] == lemma


def test_indonesian_lemmatization_can_be_switched_on():
    # opt-in, because it changes meaning: pemerintah (government) → perintah (order)
    lemmas = {t.surface: t.lemma for t in newskit.tokenize("pemerintah", "id", lemmatize=True)}
    assert lemmas["pemerintah"] == "perintah"


@pytest.mark.parametrize(
    "text, lang, word, is_stop, is_content",
    [
        ("マスク氏は", "ja", "氏", True, False),        # honorific: project stop word
        ("マスク氏は", "ja", "は", True, False),        # particle
        ("マスク氏は", "ja", "マスク", False, True),
        ("株を買った", "ja", "株", False, True),         # one-kanji word is content
        ("発表した。", "ja", "。", False, False),       # punctuation
        ("60億ドル", "ja", "60", False, False),        # numbers are not terms
        ("und die Klagen", "de", "und", True, False),
        ("und die Klagen", "de", "Klagen", False, True),
        ("43,5 Milliarden RMB", "de", "Milliarden", False, False),  # scale word tagged NUM
        ("yang dan perusahaan", "id", "yang", True, False),
        ("tersedia di X.", "id", "X", False, True),   # the platform X is a name, not a stray letter
    ],
)
def test_stop_and_content(text, lang, word, is_stop, is_content):
    token = next(t for t in newskit.tokenize(text, lang) if t.surface == word)
    assert (token.is_stop, token.is_content) == (is_stop, is_content)


@pytest.mark.parametrize(
    "text, lang",
    [
        ("イーロン・マスクは日曜日にGrok-1をオープンソース化した。", "ja"),
        ("Mindestens drei Tesla-Aktionäre haben Klagen eingereicht.", "de"),
        ("X telah menyumbangkan daya komputasi senilai $250 juta.", "id"),
        ("a\x00b マスク\x00氏", "ja"),          # NUL characters do not cut MeCab's input short
        ("Zeile eins\r\nZeile zwei", "de"),     # line breaks inside text
    ],
)
def test_offsets_cover_text(text, lang):
    tokens = newskit.tokenize(text, lang)
    for tok in tokens:
        assert text[tok.start:tok.end] == tok.surface
    covered = "".join(t.surface for t in tokens)
    # only whitespace (and NULs) are not covered by a token
    assert covered == "".join(ch for ch in text if not ch.isspace() and ch != "\x00")


def test_unsupported_language():
    # a bad call, not bad data: ArgumentError (also a ValueError)
    with pytest.raises(ArgumentError, match="unsupported language code 'fr'"):
        newskit.tokenize("Bonjour", "fr")


def test_token_table(tokens, corpus):
    assert list(tokens.columns) == ["doc_id", "para_id", "i", "start", "end", "surface", "lemma",
                                    "pos", "is_stop", "is_content"]
    versions = tokens.attrs["versions"]
    assert {"fugashi", "unidic-lite", "simplemma", "newskit", "dictionary_ja"} <= set(versions)
    # boilerplate and source lines are not tokenized by default
    kinds = corpus.paragraphs.set_index(["doc_id", "para_id"])["kind"]
    used = kinds.loc[list(zip(tokens["doc_id"], tokens["para_id"]))]
    assert set(used) <= {"heading", "caption", "body"}
    assert list(tokens["doc_id"].cat.categories) == list(corpus.documents["doc_id"])
    assert set(tokens["pos"]) <= set(newskit.text.tokens.COARSE_TAGS)


# --- lone surrogates (issue 10, item 15) ------------------------------------------------
#
# A lone surrogate reaches the kit only from code (a file decoded with
# ``surrogateescape``); the loader never makes one.  It used to surface as a raw
# UnicodeEncodeError from MeCab or Arrow.

SURROGATE_TEXTS = [
    pytest.param("Musk \ud800 baut xAI.", "de", 5, id="de-high"),      # a high surrogate alone
    pytest.param("マスク\udc80氏はxAIを", "ja", 3, id="ja-escaped-byte"),  # what surrogateescape makes of a bad byte
    pytest.param("\udfff", "en", 0, id="en-only-a-surrogate"),
]


@pytest.mark.parametrize("text, lang, offset", SURROGATE_TEXTS)
def test_tokenize_refuses_lone_surrogates(text, lang, offset):
    with pytest.raises(ArgumentError, match=f"lone surrogate .* at offset {offset}"):
        newskit.tokenize(text, lang)


@pytest.mark.parametrize("n_jobs", [1, 2])
def test_tokenize_corpus_names_the_document(corpus, n_jobs):
    # the per-document path (also in worker processes) used to raise UnicodeEncodeError
    paragraphs = corpus.paragraphs.astype({"text": object})  # pandas' Arrow strings cannot hold a surrogate
    row = paragraphs.index[(paragraphs["doc_id"] == "zdx-xai-de") & (paragraphs["kind"] == "body")][0]
    paragraphs.loc[row, "text"] = "Musk \udcff " + paragraphs.loc[row, "text"]
    bad = newskit.Corpus(root=corpus.root, documents=corpus.documents, paragraphs=paragraphs, texts=corpus.texts)
    para = paragraphs.loc[row, "para_id"]
    with pytest.raises(ArgumentError, match=f"document 'zdx-xai-de', paragraph {para}: .*lone surrogate '\\\\udcff' at offset 5"):
        newskit.tokenize_corpus(bad, n_jobs=n_jobs, progress=False)


@pytest.mark.parametrize("text, lang, offset", SURROGATE_TEXTS)
def test_other_per_text_functions_pass_surrogates_through(text, lang, offset):
    # extract_numbers, find_mentions_in_text and normalize_text never encode the text: they
    # work around the surrogate (defined result, offsets still index the text) and keep it
    from newskit.entities import find_mentions_in_text, load_gazetteer
    from newskit.io.normalize import normalize_text

    for quantity in newskit.extract_numbers(text + " 6 Milliarden Dollar", lang):
        assert (text + " 6 Milliarden Dollar")[quantity.start:quantity.end] == quantity.surface
    for mention in find_mentions_in_text(text, lang, load_gazetteer()):
        assert text[mention.start:mention.end] == mention.surface and "\ud800" not in mention.surface
    assert normalize_text(text, lang)[offset] == text[offset]  # kept, unchanged
