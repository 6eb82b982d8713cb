"""Statistics on token, mention and quantity tables: tables in, tables out.

Nothing here imports matplotlib (a test checks it); figures live in
:mod:`newskit.viz`.
"""

from newskit.analysis.cooccurrence import build_cooccurrence_graph, cooccurrence_pairs, count_units, select_network
from newskit.analysis.distinctive import distinctive_keyness, distinctive_tfidf
from newskit.analysis.frequency import (
    count_bigrams,
    count_terms,
    frequencies_for_wordcloud,
    rank_frequency,
    select_terms,
    top_terms,
)
from newskit.analysis.groups import add_document_column
from newskit.analysis.keyness import compute_keyness, compute_p_value, log_likelihood, log_ratio
from newskit.analysis.kwic import dispersion, kwic, term_coverage
from newskit.analysis.overview import count_kinds, sample_tokenization, summarise_by_language, summarise_lengths
from newskit.analysis.positions import paragraph_offsets
from newskit.analysis.rates import rate_per_thousand
from newskit.analysis.similarity import (
    order_by_language,
    similarity_contributions,
    similarity_pairs,
    summarise_contributions,
)
from newskit.analysis.tfidf import compute_tfidf, cosine_similarity_matrix, top_tfidf
from newskit.analysis.token_sizes import phrase_before, token_size_profile
from newskit.analysis.views import side_by_side, wide_ranks

__all__ = [
    "add_document_column", "build_cooccurrence_graph", "compute_keyness", "compute_p_value", "compute_tfidf",
    "cooccurrence_pairs", "cosine_similarity_matrix", "count_bigrams", "count_kinds", "count_terms",
    "count_units", "dispersion", "distinctive_keyness", "distinctive_tfidf", "frequencies_for_wordcloud",
    "kwic", "log_likelihood", "log_ratio", "order_by_language", "paragraph_offsets", "phrase_before", "rank_frequency",
    "rate_per_thousand", "sample_tokenization", "select_network", "select_terms", "side_by_side",
    "similarity_contributions", "similarity_pairs", "summarise_by_language", "summarise_contributions",
    "summarise_lengths", "term_coverage", "token_size_profile", "top_terms", "top_tfidf", "wide_ranks",
]
