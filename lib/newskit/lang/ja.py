"""Japanese: MeCab with UniDic (unidic-lite), lemmas from ``orthBase``."""

from __future__ import annotations

from newskit.lang.profile import LanguageProfile

__all__ = ["PROFILE"]

PROFILE = LanguageProfile(
    code="ja",
    name="Japanese",
    script="japanese",
    tokenizer="mecab",
    legacy_codecs=("cp932", "shift_jis", "euc_jp", "iso2022_jp"),
    lemmatize_default=True,  # UniDic's orthBase is always used
    stopword_additions=frozenset({
        "氏",        # honorific after names (マスク氏): counted with the name, not alone
        "年", "月", "日", "か月", "ヶ月",  # date units: numbers are analysed separately
        "約", "等", "的", "化",            # approximation, 'etc.', adjectival/verbal suffixes
        "れる", "られる", "せる", "させる", "ない", "ます", "です", "だ", "た",  # auxiliaries
        "いう", "言う", "おる", "できる", "ある", "いる", "する", "なる",      # light verbs
        "上", "中", "後", "前", "間", "際", "他", "方",  # positional nouns used as particles
        "つく", "よる", "対する",  # compound particles: について, による/によると, に対して (lemmas つく/よる/対する)
        "しれる",  # かもしれない 'may': its verb part, never a content word
        "少ない",  # 少なくとも 'at least' comes out as 少なく/とも with lemma 少ない (as often as 'few')
        "同氏",    # 'the said person': a back-reference to a name, counted with the name's mentions
    }),
    context_chars=18,
    fullwidth_to_ascii="alphanumeric",  # ＧＰＵ → GPU as KH Coder users expect; ！？（） stay
    min_quote=("chars", 10),
    quote_patterns=(r"「([^「」]+)」", r"『([^『』]+)』"),  # each pair apart, so 「…『弄ぶ』…」 nests
    token_unit=("UniDic cuts Japanese into *short units*: a word such as 電気自動車 becomes "
                "電気 / 自動 / 車, and particles and inflections are tokens of their own"),
    other_names=("jpn", "Japanese", "日本語", "Japanisch", "Jepang"),
)
