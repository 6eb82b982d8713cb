"""Named entities: the gazetteer (a CSV, extending the shipped base
gazetteer), its matching rules, the compiled matcher, mentions and their
counts, candidates and discovery of names the gazetteer misses, linking
spellings across scripts and languages, and the review loop that grows the
gazetteer."""

from newskit.lazy import lazy_exports

#: Public name → module of this subpackage it lives in (imported on first use).
_EXPORTS = {
    "candidate_entities": "candidates",
    "combine_gazetteers": "combine",
    "discover_entities": "discover",
    "link_entities": "discover",
    "load_base_gazetteer": "gazetteer",
    "load_default_gazetteer": "gazetteer",
    "load_gazetteer": "gazetteer",
    "assign_entity_keys": "link",
    "compile_matcher": "matcher",
    "MENTION_COLUMNS": "mentions",
    "Mention": "mentions",
    "count_mentions": "mentions",
    "find_mentions": "mentions",
    "find_mentions_in_text": "mentions",
    "map_families": "mentions",
    "find_place": "places",
    "place_names": "places",
    "merge_entities": "review",
    "write_review_sheet": "review",
}

__all__ = sorted(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
