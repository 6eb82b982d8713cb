"""Measure discovery, linking, story grouping and story facts on the held-out
set ``tests/data/discovery`` (definitions: ``tests/evaluation.py``).

Usage (from the project root)::

    .venv/bin/python tools/evaluate_heldout.py           # every figure, as JSON
    .venv/bin/python tools/evaluate_heldout.py --misses  # plus what discovery missed / got wrong

A measurement, not a test: ``tests/integration/test_heldout.py`` keeps floors
slightly below these figures.  Never tune rules to this set: measure, fix a
general mechanism, measure again.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import newskit  # noqa: E402
from newskit.crosslingual.facts import conflicting_numbers, story_facts  # noqa: E402
from newskit.crosslingual.stories import group_stories  # noqa: E402
from newskit.entities import discover_entities  # noqa: E402

from tests import evaluation  # noqa: E402


def measure(show_misses: bool = False) -> dict:
    """Every held-out figure in one dictionary."""
    corpus = newskit.load_corpus(evaluation.HELDOUT)
    mentions = newskit.find_mentions(corpus)
    discovered = discover_entities(corpus)
    result = {
        "mentions": evaluation.mention_scores(corpus, mentions),
        "discovery": evaluation.discovery_scores(corpus, discovered, mentions),
        "linking": evaluation.linking_scores(corpus, discovered),
        "stories": evaluation.story_scores(group_stories(corpus, discovered=discovered)),
        "facts": evaluation.fact_scores(corpus, story_facts, conflicting_numbers),
    }
    if show_misses:
        gold = evaluation.gold_with_lang(corpus)
        keys = evaluation.gold_keys(gold)
        wrong = [(r.lang, r.surface) for r in discovered.itertuples()
                 if (r.lang, r.surface) not in keys and (r.lang, evaluation.strip_glued(r.surface)) not in keys]
        known = set(zip(mentions["doc_id"], mentions["surface"]))
        spelled = set(zip(discovered["lang"], discovered["surface"]))
        missed = sorted({(r.lang, r.surface) for r in gold.itertuples()
                         if (r.doc_id, r.surface) not in known
                         and not any((r.lang, f) in spelled for f in evaluation.folded_forms(r.lang, r.surface))})
        result["wrong"] = wrong
        result["missed"] = missed
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--misses", action="store_true", help="list wrong and missed spellings")
    args = parser.parse_args()
    print(json.dumps(measure(args.misses), indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
