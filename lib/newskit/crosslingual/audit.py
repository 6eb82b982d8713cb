"""Translation audit: what does a reader of one version never learn?

Three of the articles are machine translations of one report.  For every
pair of documents in a translation group the paragraphs are aligned
(:mod:`newskit.crosslingual.align`) and each aligned pair is compared on facts that
survive translation unchanged in meaning but not in spelling:

* **entities** (gazetteer ids, so マスク氏 = Musk = Musks),
* **quantities** (normalised values, so 60億 = 6 Milliarden = 6 miliar),
* **quotations** (a quoted passage present on one side only),
* **length** (a paragraph far shorter than its counterpart lost sentences),
* **sentences** with no counterpart inside two aligned body paragraphs
  (:mod:`newskit.crosslingual.sentences`), so a deleted sentence that names
  nothing and counts nothing is found too,
* **whole paragraphs** with no counterpart (1–0 / 0–1 matches), and
  paragraphs a version **moved** (:mod:`newskit.crosslingual.moves`: two
  swapped paragraphs are one "moved" match each, not two wrong pairs that
  seem to miss each other's facts).

Notational differences therefore never raise a flag; a flag means the other
version states a fact this one does not.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from functools import lru_cache

import pandas as pd

from newskit.crosslingual.align import ALIGNED_KINDS, align_paragraphs
from newskit.crosslingual.moves import MOVED, find_moves
from newskit.crosslingual.sentences import missing_sentences
from newskit.entities.mentions import find_mentions
from newskit.errors import ArgumentError, CorpusError
from newskit.io.corpus import Corpus, document_lengths
from newskit.lang import get_profile, supported_languages
from newskit.quantities.extract import extract_quantities

__all__ = [
    "AUDIT_COLUMNS", "agreement_rates", "aligned_view", "audit_translations", "build_anchors",
    "quote_patterns", "translation_groups",
]

#: A paragraph whose length share is below this fraction of its counterpart's
#: lost content (machine translation keeps lengths within ~±35 % here).
SHORT_RATIO = 0.55
#: Only body paragraphs whose longer side has at least this many characters
#: are judged by length (captions are mostly names, which do not expand).
MIN_CHARS_FOR_LENGTH = 60

AUDIT_COLUMNS = ["doc_a", "doc_b", "para_a", "para_b", "match", "flag", "reason",
                 "entities_only_a", "entities_only_b", "entities_shared",
                 "numbers_only_a", "numbers_only_b", "numbers_shared",
                 "quotes_a", "quotes_b", "length_ratio", "sentences_only_a", "sentences_only_b"]
#: Characters of a missing sentence quoted in the reason.
QUOTED_CHARS = 60


def _fill_facts(corpus: Corpus, mentions: pd.DataFrame | None,
               numbers: pd.DataFrame | None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The corpus's entity mentions and quantities, computed where not given."""
    if mentions is None:
        mentions = find_mentions(corpus, kinds=ALIGNED_KINDS)
    if numbers is None:
        numbers = extract_quantities(corpus, kinds=ALIGNED_KINDS)
    return mentions, numbers


def build_anchors(corpus: Corpus, mentions: pd.DataFrame | None = None,
                  numbers: pd.DataFrame | None = None) -> pd.DataFrame:
    """Language-neutral anchors per paragraph: ``ent:<entity_id>`` and
    ``num:<value>`` (``doc_id, para_id, anchor``).  Computes mentions and
    numbers when not given."""
    mentions, numbers = _fill_facts(corpus, mentions, numbers)
    ent = mentions.assign(anchor="ent:" + mentions["entity_id"].astype(str))
    num = numbers.assign(anchor=[f"num:{_format_value(v)}" for v in numbers["value"]])
    return pd.concat([ent[["doc_id", "para_id", "anchor"]], num[["doc_id", "para_id", "anchor"]]],
                     ignore_index=True).drop_duplicates()


def _format_value(value: float) -> str:
    """A stable text form of a normalised quantity (6e9 → '6000000000')."""
    return f"{value:.6g}" if not float(value).is_integer() else str(int(value))


def _format_quantity(value: float, kind: str, unit: object) -> str:
    """What two versions must agree on, readably: '5000000000 USD (currency)',
    '5 (month)'.  Kind and unit take part, so July (month 7) never passes for
    seven of something."""
    unit_text = f" {unit}" if isinstance(unit, str) and unit else ""
    return f"{_format_value(value)}{unit_text} ({kind})"


@lru_cache(maxsize=1)
def quote_patterns() -> tuple[re.Pattern[str], ...]:
    """The quotation patterns of every registered language, each once: a
    machine translation keeps the source's marks (「…」 in German text), so
    every version is searched with all of them."""
    patterns = dict.fromkeys(p for lang in supported_languages() for p in get_profile(lang).quote_patterns)
    return tuple(re.compile(p) for p in patterns)


def _count_quotations(text: str, lang: str) -> int:
    """Quotations in a paragraph, as opposed to a scare-quoted term
    („Präferenz“, 「優先」): a passage at least as long as the language
    profile's ``min_quote`` (four words in Latin script, ten characters in
    Japanese)."""
    passages = [q for pattern in quote_patterns() for q in pattern.findall(text)]
    unit, minimum = get_profile(lang).min_quote
    if unit == "chars":
        return sum(1 for q in passages if len(q) >= minimum)
    return sum(1 for q in passages if len(q.split()) >= minimum)


def _collect_facts(corpus: Corpus, mentions: pd.DataFrame, numbers: pd.DataFrame) -> dict:
    """Per (doc_id, para_id): entity-id set, Counter of quantity values,
    number of quotations, text length and kind."""
    langs = corpus.languages()
    facts: dict[tuple[str, int], dict] = {}
    columns = ["doc_id", "para_id", "text", "kind"]
    for doc_id, para_id, text, kind in corpus.paragraphs[columns].itertuples(index=False):
        facts[(doc_id, int(para_id))] = {"entities": set(), "numbers": Counter(), "kinds": {str(kind)},
                                         "quotes": _count_quotations(text, langs[doc_id]), "chars": len(text),
                                         "text": text}
    for doc_id, para_id, entity in mentions[["doc_id", "para_id", "entity_id"]].itertuples(index=False):
        facts[(doc_id, int(para_id))]["entities"].add(entity)
    columns = ["doc_id", "para_id", "value", "kind", "unit"]
    for doc_id, para_id, value, kind, unit in numbers[columns].itertuples(index=False):
        facts[(doc_id, int(para_id))]["numbers"][_format_quantity(value, kind, unit)] += 1
    return facts


def _merge_facts(facts: dict, doc_id: str, para_ids: tuple[int, ...]) -> dict:
    """Facts of one side of a match (one or two paragraphs, or none)."""
    parts = [facts[(doc_id, p)] for p in para_ids]
    return {"entities": set().union(*(p["entities"] for p in parts)),
            "numbers": sum((p["numbers"] for p in parts), Counter()),
            "quotes": sum(p["quotes"] for p in parts), "chars": sum(p["chars"] for p in parts),
            "kinds": set().union(*(p["kinds"] for p in parts)), "text": " ".join(p["text"] for p in parts)}


def _judge_pair(a: dict, b: dict, share_ratio: float, names: tuple[str, str]) -> list[str]:
    """Reasons why a reader of one side misses a fact the other states."""
    reasons = []
    both_body = a["kinds"] == b["kinds"] == {"body"}
    for mine, other, name in ((a, b, names[0]), (b, a, names[1])):
        ents = sorted(mine["entities"] - other["entities"])
        nums = sorted((mine["numbers"] - other["numbers"]).elements())
        if ents:
            reasons.append(f"entities only in {name}: {', '.join(ents)}")
        if nums:
            reasons.append(f"quantities only in {name}: {', '.join(nums)}")
        if both_body and mine["quotes"] > other["quotes"]:
            reasons.append(f"quotation only in {name}")
    long_enough = both_body and max(a["chars"], b["chars"]) >= MIN_CHARS_FOR_LENGTH
    if long_enough and share_ratio < SHORT_RATIO:
        reasons.append(f"{names[0]} much shorter (length ratio {share_ratio:.2f}): sentences missing")
    elif long_enough and share_ratio > 1 / SHORT_RATIO:
        reasons.append(f"{names[1]} much shorter (length ratio {share_ratio:.2f}): sentences missing")
    return reasons


def _text_totals(corpus: Corpus) -> dict[str, int]:
    """Characters of the aligned paragraphs per document (for length shares)."""
    return document_lengths(corpus, ALIGNED_KINDS).to_dict()


def _quoted(sentence: str) -> str:
    """A sentence for a reason: its start, in guillemets."""
    return f"«{sentence[:QUOTED_CHARS]}{'…' if len(sentence) > QUOTED_CHARS else ''}»"


def _reasons(kind: str, pair: tuple[dict, dict], ratio: float, docs: tuple[str, str],
             missing: tuple[list[str], list[str]]) -> list[str]:
    """Why one match is flagged (see the module docstring)."""
    (a, b), (doc_a, doc_b) = pair, docs
    if kind == MOVED:
        where = f"moved: {doc_a} ¶{min(a['paras'])} is ¶{min(b['paras'])} of {doc_b} (paragraph order differs)"
        return [where, *_judge_pair(a, b, ratio, docs)]
    if not a["paras"] or not b["paras"]:
        return [f"paragraph only in {doc_b if not a['paras'] else doc_a}"]
    reasons = _judge_pair(a, b, ratio, docs)
    if any("much shorter" in r for r in reasons):
        return reasons  # sentences are missing already; which one, the sentence split cannot tell reliably
    for sentences, doc in zip(missing, docs):
        reasons += [f"sentence only in {doc}: {_quoted(s)}" for s in sentences]
    return reasons


def _audit_pair(corpus: Corpus, doc_a: str, doc_b: str, facts: dict, anchors: pd.DataFrame,
               totals: dict[str, int]) -> list[dict]:
    """Audit rows for every aligned paragraph pair of two documents
    (``totals``: :func:`_text_totals` of the corpus, computed once)."""
    alignment = align_paragraphs(corpus, doc_a, doc_b, anchors)
    matches = [(m.para_a, m.para_b, m.match) for m in alignment.itertuples(index=False)]
    rows = []
    for para_a, para_b, kind in find_moves(matches, facts, (doc_a, doc_b), (totals[doc_a], totals[doc_b])):
        a = {**_merge_facts(facts, doc_a, para_a), "paras": para_a}
        b = {**_merge_facts(facts, doc_b, para_b), "paras": para_b}
        share_a, share_b = a["chars"] / totals[doc_a], b["chars"] / totals[doc_b]
        ratio = share_a / share_b if share_b else math.inf
        both_body = bool(para_a and para_b) and a["kinds"] == b["kinds"] == {"body"} and kind != MOVED
        langs = (corpus.languages()[doc_a], corpus.languages()[doc_b])
        missing = (missing_sentences(a["text"], b["text"], (totals[doc_a], totals[doc_b]), langs)
                   if both_body else ([], []))
        reasons = _reasons(kind, (a, b), ratio, (doc_a, doc_b), missing)
        if not any(r.startswith("sentence only") for r in reasons):
            missing = ([], [])  # none, or the length check already says sentences are missing
        rows.append({
            "doc_a": doc_a, "doc_b": doc_b, "para_a": para_a, "para_b": para_b,
            "match": kind, "flag": bool(reasons), "reason": "; ".join(reasons),
            "entities_only_a": sorted(a["entities"] - b["entities"]),
            "entities_only_b": sorted(b["entities"] - a["entities"]),
            "entities_shared": len(a["entities"] & b["entities"]),
            "numbers_only_a": sorted((a["numbers"] - b["numbers"]).elements()),
            "numbers_only_b": sorted((b["numbers"] - a["numbers"]).elements()),
            "numbers_shared": sum((a["numbers"] & b["numbers"]).values()),
            "quotes_a": a["quotes"], "quotes_b": b["quotes"],
            "length_ratio": round(ratio, 3) if math.isfinite(ratio) else None,
            "sentences_only_a": missing[0], "sentences_only_b": missing[1],
        })
    return rows


def translation_groups(corpus: Corpus, group: str | None = None) -> dict[str, list[str]]:
    """Groups with at least two documents (``group`` column of the catalog)."""
    docs = corpus.documents
    if "group" not in docs.columns:
        raise CorpusError(corpus.root / "catalog.csv",
                          "has no 'group' column, so the kit cannot tell which documents are versions of one "
                          "text: add a column 'group' and give the versions of each text the same value "
                          "(e.g. 'zdx-2024-08-13' on the ja, de and id rows); other rows stay empty")
    groups = {g: list(d["doc_id"]) for g, d in docs.groupby("group", sort=False) if g and len(d) > 1}
    if group is not None:
        if group not in groups:
            raise CorpusError(corpus.root / "catalog.csv", f"no translation group {group!r} with two or more documents (groups: {', '.join(groups) or 'none'})")
        groups = {group: groups[group]}
    return groups


def audit_translations(corpus: Corpus, group: str | None = None, mentions: pd.DataFrame | None = None,
                       numbers: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per aligned paragraph pair, for every pair of documents in
    each translation group (or only ``group``): ``doc_a, doc_b, para_a,
    para_b, match, flag, reason``, the entities and quantities found on one
    side only, quotation counts and the length-share ratio."""
    mentions, numbers = _fill_facts(corpus, mentions, numbers)
    anchors = build_anchors(corpus, mentions, numbers)
    facts = _collect_facts(corpus, mentions, numbers)
    totals = _text_totals(corpus)
    rows = []
    for docs in translation_groups(corpus, group).values():
        for doc_a, doc_b in itertools.combinations(docs, 2):
            rows.extend(_audit_pair(corpus, doc_a, doc_b, facts, anchors, totals))
    return pd.DataFrame(rows, columns=AUDIT_COLUMNS)


def aligned_view(corpus: Corpus, audit: pd.DataFrame, pivot: str) -> pd.DataFrame:
    """The versions side by side, one row per paragraph of ``pivot``: a text
    column per document and a ``flagged`` column naming the documents whose
    match with the pivot row was flagged.  Paragraphs of other versions with
    no counterpart in the pivot appear as rows of their own."""
    texts = corpus.paragraphs.set_index(["doc_id", "para_id"])["text"]
    pairs = audit[(audit["doc_a"] == pivot) | (audit["doc_b"] == pivot)]
    rows: list[dict] = []
    for pair in pairs.itertuples(index=False):
        mine, other, doc = ((pair.para_a, pair.para_b, pair.doc_b) if pair.doc_a == pivot
                            else (pair.para_b, pair.para_a, pair.doc_a))
        key = mine[0] if mine else None
        rows.append({"pivot_para": key, "order": (mine or other)[0], "doc": doc,
                     "pivot_text": " / ".join(texts[(pivot, p)] for p in mine),
                     "text": " / ".join(texts[(doc, p)] for p in other), "flag": pair.flag,
                     "reason": pair.reason})
    long = pd.DataFrame(rows)
    if long.empty:
        raise ArgumentError(f"{pivot!r} is in no audited translation pair")
    return _pivot_view(long, pivot)


def _pivot_view(long: pd.DataFrame, pivot: str) -> pd.DataFrame:
    """Reshape the long aligned rows into one row per pivot paragraph."""
    docs = list(dict.fromkeys(long["doc"]))
    rows: dict[tuple, dict] = {}
    for rec in long.sort_values("order", kind="stable").to_dict("records"):
        key = (rec["order"], rec["pivot_para"]) if rec["pivot_para"] is not None else (rec["order"], rec["doc"])
        row = rows.setdefault(key, {"pivot_para": rec["pivot_para"], pivot: rec["pivot_text"],
                                    **{d: "" for d in docs}, "flagged": [], "reason": []})
        row[rec["doc"]] = rec["text"]
        if rec["flag"]:
            row["flagged"].append(rec["doc"])
            row["reason"].append(rec["reason"])
    view = pd.DataFrame(list(rows.values()))
    view["flagged"] = view["flagged"].map(", ".join)
    view["reason"] = view["reason"].map(" | ".join)
    return view


def agreement_rates(audit: pd.DataFrame) -> pd.DataFrame:
    """Per document pair: how much of what either version states the other
    states too — shared / (shared + only in a + only in b), summed over the
    aligned paragraphs, for entities and for quantities; plus the number of
    aligned and flagged pairs."""
    table = audit.assign(
        ent_diff=audit["entities_only_a"].map(len) + audit["entities_only_b"].map(len),
        num_diff=audit["numbers_only_a"].map(len) + audit["numbers_only_b"].map(len),
    ).groupby(["doc_a", "doc_b"], sort=False).agg(
        pairs=("flag", "size"), flagged=("flag", "sum"),
        ent_shared=("entities_shared", "sum"), ent_diff=("ent_diff", "sum"),
        num_shared=("numbers_shared", "sum"), num_diff=("num_diff", "sum"),
    )
    table["entity_agreement"] = (table["ent_shared"] / (table["ent_shared"] + table["ent_diff"])).round(3)
    table["number_agreement"] = (table["num_shared"] / (table["num_shared"] + table["num_diff"])).round(3)
    return table.reset_index()[["doc_a", "doc_b", "pairs", "flagged", "entity_agreement", "number_agreement"]]
