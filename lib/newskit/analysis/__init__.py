"""Statistics over the token table: tables in, tables out, never a figure.

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

from newskit.analysis.clustering import Clustering, cluster_documents, cluster_terms, mds_map
from newskit.analysis.coding import CodeCrossTab, apply_codes, cross_tabulate_codes, load_codes, parse_codes
from newskit.analysis.collocations import association_scores, collocations
from newskit.analysis.correspondence import CorrespondenceAnalysis, ca_term_table, correspondence_analysis
from newskit.analysis.dispersion import dispersion_measures
from newskit.analysis.dtm import DocumentTermMatrix, document_term_matrix
from newskit.analysis.ngrams import multiword_terms, ngrams
from newskit.analysis.topics import (
    TopicModel,
    TopicOptions,
    choose_n_topics,
    npmi_coherence,
    topic_model,
    topics_over_time,
    umass_coherence,
)

__all__ = [
    "Clustering", "CodeCrossTab", "CorrespondenceAnalysis", "DocumentTermMatrix", "TopicModel", "TopicOptions",
    "apply_codes", "association_scores", "ca_term_table", "choose_n_topics", "cluster_documents",
    "cluster_terms", "collocations", "correspondence_analysis", "cross_tabulate_codes", "dispersion_measures",
    "document_term_matrix", "load_codes", "mds_map", "multiword_terms", "ngrams", "npmi_coherence",
    "parse_codes", "topic_model", "topics_over_time", "umass_coherence",
]
