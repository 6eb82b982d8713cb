"""Translation audit: real omissions flagged, notational differences not."""

from __future__ import annotations

from collections import Counter

import pytest

import newskit
from newskit.crosslingual.audit import aligned_view, audit_translations, _count_quotations, _format_quantity, _judge_pair
from newskit.errors import CorpusError

from tests.builders import write_corpus

JA, DE, ID = "zdx-xai-ja", "zdx-xai-de", "zdx-xai-id"


@pytest.fixture(scope="module")
def audit(corpus):
    return audit_translations(corpus)


# Every flagged pair of the seed translations, with the fact behind it (checked by reading the texts).
EXPECTED_FLAGS = {
    # de drops "今年5月 / Pada bulan Mei" (the funding came in May)
    (JA, DE, (13,), (11,)): ["quantities only in zdx-xai-ja: 5 (month)"],
    # id adds "Valuasinya langsung melebihi US$24 miliar" to the funding paragraph
    (JA, ID, (13,), (13,)): ["quantities only in zdx-xai-id: 24000000000 USD (currency)"],
    (DE, ID, (11,), (13,)): ["quantities only in zdx-xai-id: 24000000000 USD (currency), 5 (month)"],
    # ja drops Musk's quote to Jordan Peterson ("xAI is a fairly new company … 5, 10 or 20 years")
    (JA, DE, (16,), (14,)): ["quantities only in zdx-xai-de: 10 year-duration (count), 20 year-duration (count), 5 year-duration (count)", "quotation only in zdx-xai-de",
                             "zdx-xai-ja much shorter"],
    (JA, ID, (16,), (16,)): ["quantities only in zdx-xai-id: 10 year-duration (count), 20 year-duration (count), 5 year-duration (count)", "quotation only in zdx-xai-id",
                             "zdx-xai-ja much shorter"],
    # de breaks off after "Im Juli veröffentlichte er auf": the X poll on a $5bn Tesla investment is lost
    (JA, DE, (27,), (25,)): ["entities only in zdx-xai-ja: tesla, x, xai", "quantities only in zdx-xai-ja: 5000000000 USD (currency)",
                             "zdx-xai-de much shorter"],
    (DE, ID, (25,), (27,)): ["entities only in zdx-xai-id: tesla, x, xai", "quantities only in zdx-xai-id: 5000000000 USD (currency)",
                             "zdx-xai-de much shorter"],
    # ja drops "higher than Llama 2 70B and GPT-3.5" from the Grok-1 benchmark sentence
    (JA, DE, (47,), (45,)): ["entities only in zdx-xai-de: gpt-3.5, llama-2"],
    (JA, ID, (47,), (47,)): ["entities only in zdx-xai-id: gpt-3.5, llama-2"],
}


def test_flags_are_exactly_the_real_omissions(audit):
    flagged = audit[audit["flag"]]
    found = {(r.doc_a, r.doc_b, r.para_a, r.para_b): r.reason for r in flagged.itertuples()}
    assert set(found) == set(EXPECTED_FLAGS)
    for key, parts in EXPECTED_FLAGS.items():
        for part in parts:
            assert part in found[key], (key, found[key])


def test_every_pair_of_the_group_is_audited(audit):
    assert Counter(zip(audit["doc_a"], audit["doc_b"])) == {(JA, DE): 54, (JA, ID): 54, (DE, ID): 54}


@pytest.mark.parametrize(
    "para_a, para_b, doc_b",
    [
        ((13,), (11,), DE),   # 60億米ドル(約435億人民元) vs 6 Milliarden US-Dollar (ca. 43,5 Milliarden RMB)
        ((23,), (21,), DE),   # 2億5000万ドル vs 250 Millionen US-Dollar
        ((28,), (26,), DE),   # 67.9% vs 67,9 %
        ((14,), (14,), ID),   # 少なくとも 11 名 … 6 名 vs setidaknya 11 … 6
        ((11,), (11,), ID),   # 少なくとも3人のテスラ株主 vs Setidaknya tiga pemegang saham Tesla
    ],
)
def test_notational_differences_are_not_flagged(audit, para_a, para_b, doc_b):
    row = audit[(audit["doc_a"] == JA) & (audit["doc_b"] == doc_b)
                & (audit["para_a"] == para_a) & (audit["para_b"] == para_b)].iloc[0]
    # a quantity written differently is still the same quantity
    assert not [n for n in row["numbers_only_a"] + row["numbers_only_b"] if n != "5 (month)"]


@pytest.mark.parametrize(
    "text, lang, n",
    [
        ("同時にマスク氏のxAIへの「優先」も", "ja", 0),                             # scare quotes, not a quotation
        ("「テスラにはエヌビディアのチップを使う場所がない」だという", "ja", 1),      # a quotation
        ("「マスク氏がこれらの企業のリソースを『弄ぶ』たびに、他人のお金を扱う」", "ja", 1),  # nested 『』 inside 「」
        ("hat Musks „Präferenz“ für xAI", "de", 0),                                    # one quoted word
        ("sagte: „Tesla hat keinen Platz, um die Chips zu verwenden.“", "de", 1),     # „…“ quotation
        ('percaya bahwa "Setiap kali dia bermain dengan sumber daya.”', "id", 1),      # straight open, curly close
        ("no quotes at all", "en", 0),
    ],
)
def test_count_quotations(text, lang, n):
    assert _count_quotations(text, lang) == n


def facts(entities=(), numbers=(), quotes=0, chars=100, kind="body"):
    return {"entities": set(entities), "numbers": Counter(numbers), "quotes": quotes,
            "chars": chars, "kinds": {kind}}


@pytest.mark.parametrize(
    "a, b, ratio, expected",
    [
        (facts(["musk"]), facts(["musk"]), 1.0, []),                                    # same facts
        (facts(["musk", "x"]), facts(["musk"]), 1.0, ["entities only in a: x"]),        # entity dropped
        (facts(numbers=["5"]), facts(), 1.0, ["quantities only in a: 5"]),              # number dropped
        (facts(numbers=["5", "5"]), facts(numbers=["5"]), 1.0, ["quantities only in a: 5"]),  # one of two
        (facts(quotes=1), facts(), 1.0, ["quotation only in a"]),                       # quote dropped
        (facts(quotes=1, kind="caption"), facts(kind="caption"), 1.0, []),              # captions: no quote check
        (facts(), facts(), 0.4, ["a much shorter (length ratio 0.40): sentences missing"]),  # sentences lost
        (facts(chars=30), facts(chars=30), 0.4, []),                                    # too short to judge
        (facts(kind="caption"), facts(kind="caption"), 3.0, []),                        # captions are mostly names
    ],
)
def test_judge_pair(a, b, ratio, expected):
    assert _judge_pair(a, b, ratio, ("a", "b")) == expected


@pytest.mark.parametrize(
    "value, kind, unit, text",
    [
        (6e9, "currency", "USD", "6000000000 USD (currency)"),   # 60億米ドル = 6 Milliarden US-Dollar
        (67.9, "percent", "%", "67.9 % (percent)"),
        (7, "month", None, "7 (month)"),                         # July, not seven of something
        (7, "month", float("nan"), "7 (month)"),                 # pandas gives NaN for a missing unit
        (0.5, "amount", None, "0.5 (amount)"),
    ],
)
def test_format_quantity(value, kind, unit, text):
    assert _format_quantity(value, kind, unit) == text


def test_deleted_paragraph_is_flagged(tmp_path, corpus):
    # drop one body paragraph from the German version: the Japanese one has no counterpart
    lines = corpus.texts[DE].split("\n")
    root = write_corpus(tmp_path, "doc_id,file,lang,group\nja,ja.txt,ja,g\nde,de.txt,de,g\n",
                        {"ja.txt": corpus.texts[JA].encode(), "de.txt": "\n".join(lines[:21] + lines[22:]).encode()})
    audit = audit_translations(newskit.load_corpus(root))
    gone = audit[audit["match"] == "1-0"]
    assert list(gone["para_a"]) == [(23,)] and list(gone["reason"]) == ["paragraph only in ja"]


def test_aligned_view(corpus, audit):
    view = aligned_view(corpus, audit, JA)
    assert list(view.columns) == ["pivot_para", JA, DE, ID, "flagged", "reason"]
    assert len(view) == 54
    assert set(view.loc[view["flagged"] != "", "pivot_para"]) == {13, 16, 27, 47}


@pytest.mark.parametrize(
    "group, problem",
    [
        ("nope", "no translation group 'nope'"),              # unknown group
        ("quartz-2024-03-17", "no translation group"),        # a group of one document
    ],
)
def test_bad_group(corpus, group, problem):
    with pytest.raises(CorpusError, match=problem):
        audit_translations(corpus, group)


def test_agreement_rates_by_hand():
    import pandas as pd
    from newskit.crosslingual.audit import agreement_rates
    audit = pd.DataFrame({
        "doc_a": ["a", "a"], "doc_b": ["b", "b"], "flag": [True, False],
        "entities_only_a": [["x"], []], "entities_only_b": [[], []], "entities_shared": [1, 2],
        "numbers_only_a": [[], []], "numbers_only_b": [["5"], []], "numbers_shared": [0, 3],
    })
    rates = agreement_rates(audit).iloc[0]
    # entities: 3 shared, 1 on one side only → 3 / 4; numbers: 3 shared, 1 one-sided → 3 / 4
    assert (rates["pairs"], rates["flagged"]) == (2, 1)
    assert rates["entity_agreement"] == 0.75 and rates["number_agreement"] == 0.75


def test_agreement_rates_on_seeds(audit):
    from newskit.crosslingual.audit import agreement_rates
    rates = agreement_rates(audit).set_index(["doc_a", "doc_b"])
    # all three translations agree on at least 95 % of entity and 85 % of quantity mentions
    assert (rates["entity_agreement"] >= 0.95).all() and (rates["number_agreement"] >= 0.85).all()
    assert rates["flagged"].sum() == len(EXPECTED_FLAGS)


NVIDIA = [
    "Nvidia reported record revenue of 30 billion dollars on Wednesday. Analysts had expected less.",
    "The company said demand for its chips was strong in every region. Data centres bought most of them. "
    "Gaming sales were flat, and the car business grew slowly. Executives did not give a forecast for the next year.",
    "Jensen Huang told investors that supply would improve. He said new factories in Taiwan would help. "
    "The shares rose 4 percent after hours.",
    "Critics warned that the boom could end quickly. Some investors compared it with earlier bubbles. "
    "Others said the demand was real and would last for years.",
    "AMD and Intel also reported results this week. Both lost market share to Nvidia.",
]
LOST = "Gaming sales were flat, and the car business grew slowly."


def version_corpus(tmp_path, versions: dict[str, list[str]]):
    """One English text in several versions (a translation group of one language)."""
    catalog = "doc_id,file,lang,group\n" + "".join(f"{d},{d}.txt,en,g\n" for d in versions)
    return newskit.load_corpus(write_corpus(tmp_path, catalog, {f"{d}.txt": "\n".join(p).encode()
                                                                  for d, p in versions.items()}))


def test_a_deleted_sentence_without_facts_is_flagged(tmp_path):
    # b drops a quarter of paragraph 1: no name, no number, no quote, and the
    # paragraph stays above the 0.55 length ratio — only the sentence check sees it
    shorter = list(NVIDIA)
    shorter[1] = shorter[1].replace(LOST + " ", "")
    audit = audit_translations(version_corpus(tmp_path, {"a": NVIDIA, "b": shorter}))
    flagged = audit[audit["flag"]]
    assert list(zip(flagged["para_a"], flagged["para_b"])) == [((1,), (1,))]
    assert flagged["reason"].iloc[0] == f"sentence only in a: «{LOST}»"
    assert flagged["sentences_only_a"].iloc[0] == [LOST] and flagged["length_ratio"].iloc[0] > 0.55


def test_two_swapped_paragraphs_are_moves(tmp_path):
    # c swaps paragraphs 2 and 3: two "moved" matches, not missing names on wrong pairs
    swapped = list(NVIDIA)
    swapped[2], swapped[3] = swapped[3], swapped[2]
    audit = audit_translations(version_corpus(tmp_path, {"a": NVIDIA, "c": swapped}))
    flagged = audit[audit["flag"]]
    assert list(zip(flagged["para_a"], flagged["para_b"], flagged["match"])) == [
        ((2,), (3,), "moved"), ((3,), (2,), "moved")]
    assert flagged["reason"].tolist() == ["moved: a ¶2 is ¶3 of c (paragraph order differs)",
                                          "moved: a ¶3 is ¶2 of c (paragraph order differs)"]
    # every other paragraph is still a plain 1–1 pair
    assert set(audit.loc[~audit["flag"], "match"]) == {"1-1"}


def test_a_moved_paragraph_that_also_lost_a_fact_says_both(tmp_path):
    moved = [NVIDIA[0], NVIDIA[1], NVIDIA[3], NVIDIA[2].replace(" The shares rose 4 percent after hours.", ""),
             NVIDIA[4]]
    audit = audit_translations(version_corpus(tmp_path, {"a": NVIDIA, "d": moved}))
    row = audit[(audit["match"] == "moved") & (audit["para_a"] == (2,))].iloc[0]
    assert row["reason"].startswith("moved: a ¶2 is ¶3 of d") and "4 % (percent)" in row["reason"]
