"""documents_with_term: the documents a concordance of a term can concern."""

from __future__ import annotations

import pandas as pd

from newskit.analysis.concordance import kwic, term_coverage
from newskit.analysis.scope import documents_with_term
from tests.builders import make_tokens

#: a names GPU, b has the plural GPUs (contains, no match), c neither
TOKENS = make_tokens({"a": "die GPU rechnet", "b": "zwei GPUs", "c": "nichts hier"})
PARAGRAPHS = pd.DataFrame({"doc_id": ["a", "b", "c"], "para_id": [0, 0, 0], "kind": ["body"] * 3,
                           "text": ["die GPU rechnet", "zwei GPUs", "nichts hier"]})


def test_keeps_documents_that_match_or_contain_the_term() -> None:
    scope = documents_with_term(TOKENS, "gpu")
    # a by a whole-token match (case-insensitive), b because GPUs contains it; index and order kept
    assert scope["doc_id"].unique().tolist() == ["a", "b"]
    assert scope.index.equals(TOKENS.index[TOKENS["doc_id"].isin(["a", "b"])])


def test_concordance_and_coverage_are_unchanged_on_the_scope() -> None:
    scope = documents_with_term(TOKENS, ["GPU"])
    pd.testing.assert_frame_equal(kwic(scope, PARAGRAPHS, "GPU"), kwic(TOKENS, PARAGRAPHS, "GPU"))
    whole = term_coverage(TOKENS, "GPU")
    # the same rows, minus the document without the term
    pd.testing.assert_frame_equal(term_coverage(scope, "GPU"), whole[whole["doc_id"] != "c"].reset_index(drop=True))


def test_no_document_has_the_term() -> None:
    assert documents_with_term(TOKENS, "TPU").empty
