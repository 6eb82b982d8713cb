"""Statistics on token, mention and quantity tables: tables in, tables out.

Everything here starts from the stable token table (``newskit.tokenize_corpus``)
or from the sparse :class:`DocumentTermMatrix` built from it, and returns
pandas tables or small frozen dataclasses; plotting lives in
:mod:`newskit.viz`.  This layer never imports matplotlib.

* :func:`document_term_matrix` — the shared sparse counts (rows: documents,
  paragraphs or any group; columns: terms);
* :func:`collocations`, :func:`ngrams`, :func:`multiword_terms` — words near a
  node, n-grams, FLR-ranked compound terms;
* :func:`kwic` (match modes token / lemma / substring / regex, multi-word
  queries, sorting by L1 … R1 …), :func:`count_hits` — concordance lines and
  hits per document; :class:`Concordancer` for many queries on one corpus;
* :func:`compute_keyness`, :func:`distinctive_keyness` — G² with log ratio,
  Bonferroni / Benjamini–Hochberg correction and the expected-frequency guard;
* :func:`dispersion_measures` — range, Juilland's D, Gries' DP (and DPnorm);
* :func:`correspondence_analysis` (+ :func:`ca_term_table`) — KH Coder style CA;
* :func:`cluster_terms`, :func:`cluster_documents`, :func:`mds_map` — hierarchical
  clusters on Jaccard / cosine distances and a 2-D map;
* :func:`topic_model`, :func:`choose_n_topics`, :func:`topics_over_time` — LDA / NMF
  with UMass and NPMI coherence;
* :func:`parse_published`, :func:`articles_per_period`, :func:`count_hits_over_time`
  — dates (also partial), articles and rates per 1,000 tokens per week/month;
* :func:`resolve_grouping` — a notebook's ``GROUP_BY`` as the unit of its figures;
* :func:`load_codes`, :func:`apply_codes`, :func:`cross_tabulate_codes` — KH Coder
  style coding rules and their cross-tabulation with χ² and adjusted residuals.
"""

from newskit.lazy import lazy_exports

#: Public name → module of this subpackage it lives in (imported on first use).
_EXPORTS = {
    "Clustering": "clustering",
    "cluster_documents": "clustering",
    "cluster_terms": "clustering",
    "mds_map": "clustering",
    "CodeCrossTab": "coding",
    "apply_codes": "coding",
    "cross_tabulate_codes": "coding",
    "load_codes": "coding",
    "parse_codes": "coding",
    "association_scores": "association",
    "collocations": "association",
    "build_cooccurrence_graph": "cooccurrence",
    "cooccurrence_pairs": "cooccurrence",
    "count_units": "cooccurrence",
    "select_network": "cooccurrence",
    "CorrespondenceAnalysis": "correspondence",
    "ca_term_table": "correspondence",
    "correspondence_analysis": "correspondence",
    "dispersion_measures": "evenness",
    "distinctive_keyness": "distinctive",
    "distinctive_tfidf": "distinctive",
    "DocumentTermMatrix": "dtm",
    "document_term_matrix": "dtm",
    "count_bigrams": "frequency",
    "count_terms": "frequency",
    "frequencies_for_wordcloud": "frequency",
    "frequencies_for_wordclouds": "frequency",
    "rank_frequency": "frequency",
    "select_terms": "frequency",
    "top_terms": "frequency",
    "Grouping": "groups",
    "add_document_column": "groups",
    "KeynessTests": "keyness",
    "add_group_column": "groups",
    "group_documents": "groups",
    "resolve_grouping": "groups",
    "compute_keyness": "keyness",
    "adjust_p_values": "significance",
    "compute_p_value": "significance",
    "critical_value": "significance",
    "label_significance": "significance",
    "significance_threshold": "significance",
    "log_likelihood": "keyness",
    "log_ratio": "keyness",
    "Concordancer": "concordance",
    "count_hits": "concordance",
    "dispersion": "concordance",
    "kwic": "concordance",
    "term_coverage": "concordance",
    "documents_with_term": "scope",
    "multiword_terms": "sequences",
    "ngrams": "sequences",
    "count_kinds": "overview",
    "list_duplicates": "overview",
    "summarise_duplicates": "overview",
    "sample_tokenization": "overview",
    "summarise_by_language": "overview",
    "summarise_lengths": "overview",
    "paragraph_offsets": "positions",
    "rate_per_thousand": "rates",
    "document_map": "similarity",
    "group_similarity": "similarity",
    "latin_share_across_languages": "similarity",
    "order_by_language": "similarity",
    "similarity_contributions": "similarity",
    "similarity_pairs": "similarity",
    "summarise_contributions": "similarity",
    "top_similar_pairs": "similarity",
    "compute_tfidf": "tfidf",
    "cosine_similarity_matrix": "tfidf",
    "tfidf_vectors": "tfidf",
    "top_tfidf": "tfidf",
    "phrase_before": "token_sizes",
    "token_size_profile": "token_sizes",
    "TopicModel": "topics",
    "TopicOptions": "topics",
    "choose_n_topics": "topics",
    "compare_topic_models": "topics",
    "fit_topic_models": "topics",
    "npmi_coherence": "topics",
    "topic_model": "topics",
    "topics_over_time": "topics",
    "umass_coherence": "topics",
    "articles_per_period": "timeline",
    "assign_periods": "timeline",
    "count_hits_over_time": "timeline",
    "parse_published": "timeline",
    "term_hits": "timeline",
    "side_by_side": "views",
    "wide_ranks": "views",
}

__all__ = sorted(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
