"""Stop words: the maintained stopwords-iso lists plus a short project list.

stopwords-iso covers function words; news about companies and money adds its
own noise that would top every frequency table without saying anything
(Japanese honorific 氏 after every name, date units 年/月/日, German and
Indonesian reporting verbs and currency fragments).  The project additions are
deliberately short and live in each language's profile
(``LanguageProfile.stopword_additions``, each entry with its reason in
``newskit/lang/<code>.py``); extend them per study rather than editing the
maintained lists.
"""

from __future__ import annotations

from functools import lru_cache

import stopwordsiso

from newskit.lang import get_profile

__all__ = ["NEVER_STOPWORDS", "is_stopword", "stopwords_for"]


@lru_cache(maxsize=None)
def stopwords_for(lang: str) -> frozenset[str]:
    """Lower-cased stop words for ``lang``: stopwords-iso plus the profile's additions."""
    profile = get_profile(lang)
    maintained = stopwordsiso.stopwords(lang) if stopwordsiso.has_lang(lang) else set()
    return frozenset(w.lower() for w in maintained) | profile.stopword_additions


#: Surfaces that are names, never stop words, whatever the lists say (case
#: sensitive): stopwords-iso lists the letter "x" for German and English but
#: not for Japanese or Indonesian, so X, the platform, would be content in two
#: languages and not in the other two.
NEVER_STOPWORDS = frozenset({"X"})


def is_stopword(surface: str, lemma: str, lang: str) -> bool:
    """True when the surface or the lemma is a stop word of ``lang`` (and
    the surface is not one of :data:`NEVER_STOPWORDS`)."""
    if surface in NEVER_STOPWORDS:
        return False
    words = stopwords_for(lang)
    return surface.lower() in words or lemma.lower() in words
