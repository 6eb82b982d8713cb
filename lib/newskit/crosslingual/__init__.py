"""Across versions, languages and outlets: paragraph alignment, the
translation audit, entity views of the versions side by side, paragraph
units shared by translations (to count a translation group once), stories
reported by several outlets and the facts each report states."""

from newskit.lazy import lazy_exports

#: Public name → module of this subpackage it lives in (imported on first use).
_EXPORTS = {
    "ALIGNED_KINDS": "align",
    "align_paragraphs": "align",
    "agreement_rates": "audit",
    "aligned_view": "audit",
    "audit_translations": "audit",
    "translation_groups": "audit",
    "conflicting_numbers": "facts",
    "fact_matrix": "facts",
    "find_quotes": "facts",
    "story_facts": "facts",
    "unique_facts": "facts",
    "document_features": "stories",
    "group_stories": "stories",
    "add_aligned_units": "units",
    "aligned_units": "units",
    "agreement_by_language": "views",
    "aligned_entity_kwic": "views",
    "compare_translations": "views",
    "format_para_ids": "views",
    "readable_audit": "views",
}

__all__ = sorted(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
