"""Across versions and languages: paragraph alignment, the translation
audit, and entity views of the versions side by side."""

from newskit.crosslingual.align import ALIGNED_KINDS, align_paragraphs
from newskit.crosslingual.audit import agreement_rates, aligned_view, audit_translations, translation_groups
from newskit.crosslingual.views import aligned_entity_kwic, compare_translations

__all__ = ["ALIGNED_KINDS", "agreement_rates", "align_paragraphs", "aligned_entity_kwic", "aligned_view",
           "audit_translations", "compare_translations", "translation_groups"]
