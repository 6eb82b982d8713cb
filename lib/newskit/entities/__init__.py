"""Named entities: the gazetteer (a CSV), its matching rules, the compiled
matcher, mentions and their counts, and candidates the gazetteer misses."""

from newskit.entities.candidates import candidate_entities
from newskit.entities.gazetteer import load_default_gazetteer, load_gazetteer
from newskit.entities.matcher import compile_matcher
from newskit.entities.mentions import (
    MENTION_COLUMNS,
    Mention,
    count_mentions,
    find_mentions,
    find_mentions_in_text,
    map_families,
)

__all__ = ["MENTION_COLUMNS", "Mention", "candidate_entities", "compile_matcher", "count_mentions",
           "find_mentions", "find_mentions_in_text", "load_default_gazetteer", "load_gazetteer", "map_families"]
