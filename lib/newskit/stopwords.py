"""Stop words: the maintained stopwords-iso lists plus a small project list.

stopwords-iso covers function words; news about companies and money adds its
own noise that would top every frequency table without saying anything
(Japanese honorific 氏 after every name, date units 年/月/日, German and
Indonesian reporting verbs and currency fragments).  The project list below is
deliberately short and each entry says why; extend it per study with
``extra=`` rather than editing the maintained lists.
"""

from __future__ import annotations

from functools import lru_cache

import stopwordsiso

#: Project additions per language, each with the reason it is noise here.
PROJECT_STOPWORDS: dict[str, frozenset[str]] = {
    "ja": frozenset({
        "氏",        # honorific after names (マスク氏): counted with the name, not alone
        "年", "月", "日", "か月", "ヶ月",  # date units: numbers are analysed separately
        "約", "等", "的", "化",            # approximation, 'etc.', adjectival/verbal suffixes
        "れる", "られる", "せる", "させる", "ない", "ます", "です", "だ", "た",  # auxiliaries
        "いう", "言う", "おる", "できる", "ある", "いる", "する", "なる",      # light verbs
        "上", "中", "後", "前", "間", "際", "他", "方",  # positional nouns used as particles
    }),
    "de": frozenset({
        "ca", "sei", "seien", "worden", "sowie", "laut",  # hedges, reported speech
        "us",  # 'US-Dollar' fragments after tokenization of 'US$'
    }),
    "id": frozenset({
        "tersebut", "yakni", "sekitar", "us",  # demonstrative, 'namely', 'about', 'US$'
    }),
    "en": frozenset({"us", "said", "says"}),
}


@lru_cache(maxsize=None)
def stopwords_for(lang: str) -> frozenset[str]:
    """Lower-cased stop words for ``lang``: stopwords-iso plus the project list."""
    maintained = stopwordsiso.stopwords(lang) if stopwordsiso.has_lang(lang) else set()
    return frozenset(w.lower() for w in maintained) | PROJECT_STOPWORDS.get(lang, frozenset())


def is_stopword(surface: str, lemma: str, lang: str) -> bool:
    """True when the surface or the lemma is a stop word of ``lang``."""
    words = stopwords_for(lang)
    return surface.lower() in words or lemma.lower() in words
