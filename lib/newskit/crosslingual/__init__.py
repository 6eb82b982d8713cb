"""Cross-language views: stories reported by several outlets
(:mod:`.stories`) and the facts each report states (:mod:`.facts`).
(Alignment and the translation audit join this package with issue 9.)"""

__all__ = ["conflicting_numbers", "fact_matrix", "group_stories", "story_facts", "unique_facts"]
