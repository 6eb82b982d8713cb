"""Measurements on the held-out set ``tests/data/discovery`` (shared by
``tests/integration/test_heldout.py`` and ``tools/evaluate_heldout.py``).

Definitions (documented here once, so the floors in the test and the figures
in a report mean the same thing):

* **gazetteer mentions**: :func:`newskit.find_mentions` against the gold
  counts, per document and surface: a found mention is right when the gold
  lists that surface in that document (matched = the smaller of the two
  counts); precision = matched / found, recall = matched / gold mentions.
* **discovery**: the spellings ``(lang, surface)`` of
  :func:`newskit.entities.discover_entities`.  A discovered spelling is right
  when some gold row of that language has that surface, or a surface
  discovery folds to it on purpose (a glued honorific 氏 / possessive, a
  dateline in capitals, a German genitive -s: :func:`folded_forms`).  Recall is over the gold
  spellings the gazetteer does *not* find (what discovery is for); *coverage*
  is the share of all gold spellings found by the gazetteer or by discovery.
* **linking**: over pairs of discovered spellings that are both right, a pair
  is predicted linked when the two share ``entity_key`` and gold-linked when
  their gold ``entity_key`` is the same; pairwise precision and recall.
* **stories**: pairwise precision/recall of "same story" over document pairs,
  and the adjusted Rand index, of :func:`newskit.crosslingual.stories.group_stories`
  against ``gold_stories.csv``.
* **facts**: for each shared gold story, :func:`story_facts` on its
  documents; a gold (fact, document) row is covered when the document has a
  predicted row of the same kind that matches it (a quantity: same unit and
  value within 1 %; an entity: the gold surface is inside the predicted
  surface or vice versa; a quote: the predicted passage contains the gold
  surface or vice versa).  A gold fact is *joined* when every document
  stating it has a covering row of one predicted ``fact_id``.  Conflicts: the
  gold "CONFLICTS" labels found by :func:`conflicting_numbers`.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from pathlib import Path

import pandas as pd
from sklearn.metrics import adjusted_rand_score

from newskit.quantities.model import comparable_quantity

ROOT = Path(__file__).resolve().parents[1]
HELDOUT = ROOT / "tests" / "data" / "discovery"
LANGS = ("ja", "de", "id", "en")
GLUED = ("氏", "'s", "’s")


def read_gold(name: str) -> pd.DataFrame:
    """One gold table of the held-out set, as strings."""
    return pd.read_csv(HELDOUT / name, dtype=str, keep_default_na=False)


def gold_with_lang(corpus) -> pd.DataFrame:
    """``gold_entities.csv`` with each row's document language."""
    gold = read_gold("gold_entities.csv")
    langs = dict(zip(corpus.documents["doc_id"], corpus.documents["lang"]))
    return gold.assign(lang=gold["doc_id"].map(langs), count=gold["count"].astype(int))


def ratio(part: float, whole: float) -> float:
    """part / whole, 0 for an empty whole (rounded for reports)."""
    return round(part / whole, 3) if whole else 0.0


def mention_scores(corpus, mentions: pd.DataFrame) -> dict[str, dict[str, float]]:
    """Gazetteer mentions against the gold counts, per language and overall."""
    gold = gold_with_lang(corpus)
    found = mentions.groupby(["doc_id", "surface"]).size()
    expected = gold.set_index(["doc_id", "surface"])["count"]
    langs = dict(zip(corpus.documents["doc_id"], corpus.documents["lang"]))
    scores = {}
    for lang in (*LANGS, "all"):
        def keep(index: pd.Index) -> list[bool]:
            return [lang == "all" or langs[d] == lang for d, _s in index]
        f, e = found[keep(found.index)], expected[keep(expected.index)]
        matched = sum(min(n, int(e.get(key, 0))) for key, n in f.items())
        scores[lang] = {"precision": ratio(matched, f.sum()), "recall": ratio(matched, e.sum()),
                        "found": int(f.sum()), "gold": int(e.sum())}
    return scores


def strip_glued(surface: str) -> str:
    """A surface without a glued honorific or possessive."""
    for tail in GLUED:
        if surface.endswith(tail) and len(surface) > len(tail):
            return surface[: -len(tail)].rstrip()
    return surface


def folded_forms(lang: str, surface: str) -> set[str]:
    """What discovery reports for a gold spelling it folds on purpose: the
    surface, without a glued honorific/possessive, a dateline in capitals as
    a title (JAKARTA → Jakarta), a German genitive without its s."""
    forms = {surface, strip_glued(surface)}
    if surface.isupper() and len(surface) > 4:
        forms.add(surface.title())
    if lang == "de" and surface.endswith("s"):
        forms.add(surface[:-1])
    return forms


def gold_keys(gold: pd.DataFrame) -> dict[tuple[str, str], str]:
    """(lang, surface) → gold entity_key, also under every folded form."""
    keys: dict[tuple[str, str], str] = {}
    for lang, surface, key in gold[["lang", "surface", "entity_key"]].itertuples(index=False):
        keys.setdefault((lang, surface), key)
    for lang, surface, key in gold[["lang", "surface", "entity_key"]].itertuples(index=False):
        for form in folded_forms(lang, surface):
            keys.setdefault((lang, form), key)
    return keys


def discovery_scores(corpus, discovered: pd.DataFrame, mentions: pd.DataFrame) -> dict[str, dict[str, float]]:
    """Discovery precision, recall (of what the gazetteer misses) and
    coverage, per language and overall."""
    gold = gold_with_lang(corpus)
    keys = gold_keys(gold)
    known = set(zip(mentions["doc_id"], mentions["surface"]))
    spelled = {(row.lang, row.surface) for row in discovered.itertuples()}
    right = {s for s in spelled if s in keys or (s[0], strip_glued(s[1])) in keys}
    scores = {}
    for lang in (*LANGS, "all"):
        rows = gold if lang == "all" else gold[gold["lang"] == lang]
        mine = {s for s in spelled if lang in ("all", s[0])}
        good = {s for s in right if lang in ("all", s[0])}
        gold_spellings = set(zip(rows["lang"], rows["surface"]))
        by_gazetteer = {(lng, s) for d, s, lng in rows[["doc_id", "surface", "lang"]].itertuples(index=False)
                        if (d, s) in known}
        missed = gold_spellings - by_gazetteer

        def found_by_discovery(spelling: tuple[str, str]) -> bool:
            return any((spelling[0], form) in spelled for form in folded_forms(*spelling))
        discovered_missed = {s for s in missed if found_by_discovery(s)}
        scores[lang] = {"precision": ratio(len(good), len(mine)), "recall": ratio(len(discovered_missed), len(missed)),
                        "coverage": ratio(len(by_gazetteer | discovered_missed), len(gold_spellings)),
                        "discovered": len(mine), "missed_by_gazetteer": len(missed)}
    return scores


def linking_scores(corpus, discovered: pd.DataFrame) -> dict[str, float]:
    """Pairwise precision/recall of discovered keys against gold keys."""
    keys = gold_keys(gold_with_lang(corpus))
    rows = []
    for row in discovered.itertuples():
        key = keys.get((row.lang, row.surface)) or keys.get((row.lang, strip_glued(row.surface)))
        if key:
            rows.append((row.entity_key, key, row.lang))
    tp = fp = fn = cross = 0
    for (pred_a, gold_a, lang_a), (pred_b, gold_b, lang_b) in itertools.combinations(rows, 2):
        same_pred, same_gold = pred_a == pred_b, gold_a == gold_b
        tp += same_pred and same_gold
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
        cross += same_pred and same_gold and lang_a != lang_b
    return {"precision": ratio(tp, tp + fp), "recall": ratio(tp, tp + fn), "linked_pairs": tp,
            "cross_language_pairs": cross, "gold_pairs": tp + fn, "spellings": len(rows)}


def story_scores(stories: pd.DataFrame) -> dict[str, float]:
    """Pairwise precision/recall and adjusted Rand index of story grouping."""
    gold = dict(read_gold("gold_stories.csv").to_numpy())
    predicted = dict(zip(stories["doc_id"], stories["story_id"]))
    docs = sorted(gold)
    tp = fp = fn = 0
    for a, b in itertools.combinations(docs, 2):
        same_pred, same_gold = predicted[a] == predicted[b], gold[a] == gold[b]
        tp += same_pred and same_gold
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
    ari = adjusted_rand_score([gold[d] for d in docs], [predicted[d] for d in docs])
    return {"precision": ratio(tp, tp + fp), "recall": ratio(tp, tp + fn), "ari": round(float(ari), 3)}


def _covers(row: pd.Series, predicted: pd.DataFrame) -> pd.DataFrame:
    """Predicted rows of the same document and kind that state the gold fact."""
    mine = predicted[(predicted["doc_id"] == row["doc_id"]) & (predicted["kind"] == row["kind"])]
    if row["kind"] == "quantity":
        # compared as the kit compares them: a duration in days, whatever unit it was written in
        unit, value = comparable_quantity(row["unit"], float(row["value"]))
        compared = [comparable_quantity(u, v) for u, v in zip(mine["unit"].fillna(""), mine["value"])]
        hit = [u == unit and abs(v - value) <= 0.01 * max(abs(value), 1e-9) for u, v in compared]
        return mine[pd.Series(hit, index=mine.index, dtype=bool)]
    gold_surface = strip_glued(row["surface"])
    hit = [gold_surface in s or strip_glued(s) in row["surface"] for s in mine["surface"]]
    return mine[pd.Series(hit, index=mine.index, dtype=bool)]


def fact_scores(corpus, story_facts, conflicting_numbers) -> dict[str, float]:
    """Coverage of gold fact rows, facts joined across documents, conflicts found."""
    gold = read_gold("gold_facts.csv")
    covered = joined = n_facts = 0
    per_kind: Counter[str] = Counter()
    per_kind_total: Counter[str] = Counter()
    conflicts_found = conflicts = 0
    for story_id, rows in gold.groupby("story_id", sort=False):
        doc_ids = list(dict.fromkeys(rows["doc_id"]))
        predicted = story_facts(corpus, doc_ids)
        for fact_id, fact_rows in rows.groupby("fact_id", sort=False):
            ids = []
            for _, row in fact_rows.iterrows():
                hits = _covers(row, predicted)
                per_kind_total[row["kind"]] += 1
                if len(hits):
                    covered += 1
                    per_kind[row["kind"]] += 1
                ids.append(set(hits["fact_id"]))
            n_facts += 1
            joined += bool(ids and set.intersection(*ids))
        found = conflicting_numbers(predicted)
        for label, fact_rows in rows.groupby("label"):
            if "CONFLICTS" not in label:
                continue
            conflicts += 1
            value = float(fact_rows["value"].iloc[0])
            values = set(found.get("value_a", pd.Series(dtype=float))) | set(found.get("value_b", pd.Series(dtype=float)))
            conflicts_found += any(math.isclose(value, v, rel_tol=0.01) for v in values)
    total = sum(per_kind_total.values())
    result = {"coverage": ratio(covered, total), "joined": ratio(joined, n_facts),
              "conflicts_found": conflicts_found, "conflicts": conflicts}
    for kind in ("quantity", "entity", "quote"):
        result[f"coverage_{kind}"] = ratio(per_kind[kind], per_kind_total[kind])
    return result
