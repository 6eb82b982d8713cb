"""Statistics on token, mention and quantity tables: tables in, tables out.

Everything here starts from the stable token table (``newskit.tokenize_corpus``)
or from the sparse :class:`DocumentTermMatrix` built from it, and returns
pandas tables or small frozen dataclasses; plotting lives in
:mod:`newskit.viz`.  This layer never imports matplotlib.

* :func:`document_term_matrix` — the shared sparse counts (rows: documents,
  paragraphs or any group; columns: terms);
* :func:`collocations`, :func:`ngrams`, :func:`multiword_terms` — words near a
  node, n-grams, FLR-ranked compound terms;
* :func:`dispersion_measures` — range, Juilland's D, Gries' DP (and DPnorm);
* :func:`correspondence_analysis` (+ :func:`ca_term_table`) — KH Coder style CA;
* :func:`cluster_terms`, :func:`cluster_documents`, :func:`mds_map` — hierarchical
  clusters on Jaccard / cosine distances and a 2-D map;
* :func:`topic_model`, :func:`choose_n_topics`, :func:`topics_over_time` — LDA / NMF
  with UMass and NPMI coherence;
* :func:`load_codes`, :func:`apply_codes`, :func:`cross_tabulate_codes` — KH Coder
  style coding rules and their cross-tabulation with χ² and adjusted residuals.
"""

from newskit.analysis.clustering import (
    Clustering,
    cluster_documents,
    cluster_terms,
    mds_map,
)
from newskit.analysis.coding import (
    CodeCrossTab,
    apply_codes,
    cross_tabulate_codes,
    load_codes,
    parse_codes,
)
from newskit.analysis.collocations import association_scores, collocations
from newskit.analysis.cooccurrence import (
    build_cooccurrence_graph,
    cooccurrence_pairs,
    count_units,
    select_network,
)
from newskit.analysis.correspondence import (
    CorrespondenceAnalysis,
    ca_term_table,
    correspondence_analysis,
)
from newskit.analysis.dispersion import dispersion_measures
from newskit.analysis.distinctive import distinctive_keyness, distinctive_tfidf
from newskit.analysis.dtm import DocumentTermMatrix, document_term_matrix
from newskit.analysis.frequency import (
    count_bigrams,
    count_terms,
    frequencies_for_wordcloud,
    rank_frequency,
    select_terms,
    top_terms,
)
from newskit.analysis.groups import add_document_column
from newskit.analysis.keyness import (
    compute_keyness,
    compute_p_value,
    log_likelihood,
    log_ratio,
)
from newskit.analysis.kwic import dispersion, kwic, term_coverage
from newskit.analysis.ngrams import multiword_terms, ngrams
from newskit.analysis.overview import (
    count_kinds,
    sample_tokenization,
    summarise_by_language,
    summarise_lengths,
)
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
from newskit.analysis.topics import (
    TopicModel,
    TopicOptions,
    choose_n_topics,
    npmi_coherence,
    topic_model,
    topics_over_time,
    umass_coherence,
)
from newskit.analysis.views import side_by_side, wide_ranks

__all__ = [
    "Clustering", "CodeCrossTab", "CorrespondenceAnalysis", "DocumentTermMatrix", "TopicModel",
    "TopicOptions", "add_document_column", "apply_codes", "association_scores", "build_cooccurrence_graph",
    "ca_term_table", "choose_n_topics", "cluster_documents", "cluster_terms", "collocations",
    "compute_keyness", "compute_p_value", "compute_tfidf", "cooccurrence_pairs", "correspondence_analysis",
    "cosine_similarity_matrix", "count_bigrams", "count_kinds", "count_terms", "count_units",
    "cross_tabulate_codes", "dispersion", "dispersion_measures", "distinctive_keyness", "distinctive_tfidf",
    "document_term_matrix", "frequencies_for_wordcloud", "kwic", "load_codes", "log_likelihood", "log_ratio",
    "mds_map", "multiword_terms", "ngrams", "npmi_coherence", "order_by_language", "paragraph_offsets",
    "parse_codes", "phrase_before", "rank_frequency", "rate_per_thousand", "sample_tokenization",
    "select_network", "select_terms", "side_by_side", "similarity_contributions", "similarity_pairs",
    "summarise_by_language", "summarise_contributions", "summarise_lengths", "term_coverage",
    "token_size_profile", "top_terms", "top_tfidf", "topic_model", "topics_over_time", "umass_coherence",
    "wide_ranks",
]
