"""Invented brand names with their katakana spelling: the long tail of a news vocabulary.

Most word types of a real news corpus are names seen once or twice.  A
hand-written pool gives a few dozen; these generators give thousands,
built from syllables that have an exact katakana reading (``Ve-ra-to`` is
ヴェラト), so a Japanese article spells the same company the way the
German one does, as the press would.  The pools are fixed (own seed), not
drawn per corpus: a name's Zipf rank is the same in every corpus.
"""

from __future__ import annotations

import random

__all__ = ["brand_devices", "brand_models", "brand_orgs"]

_SYLLABLES = (
    ("ka", "カ"), ("ki", "キ"), ("ko", "コ"), ("sa", "サ"), ("se", "セ"), ("so", "ソ"), ("ta", "タ"), ("ti", "ティ"),
    ("to", "ト"), ("na", "ナ"), ("ni", "ニ"), ("no", "ノ"), ("ma", "マ"), ("mi", "ミ"), ("mo", "モ"), ("ra", "ラ"),
    ("ri", "リ"), ("ro", "ロ"), ("ve", "ヴェ"), ("vi", "ヴィ"), ("da", "ダ"), ("do", "ド"), ("ba", "バ"),
    ("be", "ベ"), ("ga", "ガ"), ("zo", "ゾ"), ("fa", "ファ"), ("le", "レ"), ("lu", "ル"), ("pa", "パ"),
    ("po", "ポ"), ("xa", "ザ"), ("ne", "ネ"), ("te", "テ"), ("me", "メ"),
)
_ENDINGS = (("", ""), ("", ""), ("n", "ン"), ("x", "クス"), ("s", "ス"), ("l", "ル"))
_ORG_SUFFIXES = (
    ("", ""), ("", ""), ("Labs", "ラボ"), ("AI", "AI"), ("Systems", "システムズ"), ("Technologies", "テクノロジーズ"),
    ("Robotics", "ロボティクス"), ("Energy", "エナジー"), ("Bio", "バイオ"), ("Capital", "キャピタル"),
    ("Data", "データ"), ("Mobility", "モビリティ"), ("Networks", "ネットワークス"), ("Health", "ヘルス"),
)
_DEVICE_KINDS = (("Phone", "フォン"), ("Pad", "パッド"), ("Watch", "ウォッチ"), ("Buds", "バッズ"),
                 ("Book", "ブック"), ("Glass", "グラス"), ("Ring", "リング"), ("Cam", "カム"))


def _stem(rng: random.Random) -> tuple[str, str]:
    """A pronounceable invented word and its katakana: 2-3 syllables and an ending."""
    parts = rng.choices(_SYLLABLES, k=rng.choice((2, 3, 3)))
    end = rng.choice(_ENDINGS)
    latin = "".join(p for p, _ in parts) + end[0]
    return latin.capitalize(), "".join(k for _, k in parts) + end[1]


def _unique(make, n: int, seed: str) -> tuple[tuple[str, str], ...]:
    rng, seen, names = random.Random(seed), set(), []
    while len(names) < n:
        latin, kana = make(rng)
        if latin not in seen:
            seen.add(latin)
            names.append((latin, kana))
    return tuple(names)


def brand_orgs(n: int) -> tuple[tuple[str, str], ...]:
    """``n`` company names ``(Latin, Japanese)``: ``Veratox Labs`` / ``ヴェラトクス・ラボ``."""
    def make(rng: random.Random) -> tuple[str, str]:
        (latin, kana), (suffix, suffix_kana) = _stem(rng), rng.choice(_ORG_SUFFIXES)
        if not suffix:
            return latin, kana
        return f"{latin} {suffix}", f"{kana}{suffix_kana}" if suffix == "AI" else f"{kana}・{suffix_kana}"
    return _unique(make, n, "newskit.synth.brands:orgs")


def brand_models(n: int) -> tuple[tuple[str, str], ...]:
    """``n`` AI model names, spelt in Latin letters in every language (``Sorel-2``, ``Kamiro 7B``)."""
    def make(rng: random.Random) -> tuple[str, str]:
        latin = _stem(rng)[0]
        name = rng.choice((f"{latin} {rng.randint(2, 5)}", f"{latin}-{rng.randint(2, 9)}",
                           f"{latin} {rng.choice((7, 13, 34, 70))}B", f"{latin} Pro"))
        return name, name
    return _unique(make, n, "newskit.synth.brands:models")


def brand_devices(n: int) -> tuple[tuple[str, str], ...]:
    """``n`` device names, Latin in every language (``Kamiro Pad 3``)."""
    def make(rng: random.Random) -> tuple[str, str]:
        kind = rng.choice(_DEVICE_KINDS)[0]
        name = f"{_stem(rng)[0]} {kind}" + rng.choice(("", f" {rng.randint(2, 9)}", " Pro", " Mini"))
        return name, name
    return _unique(make, n, "newskit.synth.brands:devices")
