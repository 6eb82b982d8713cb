"""Twelve invented outlets, three per language, each with its house style.

The style decides what surrounds the article's own words, which is what the
kit's paragraph kinds have to sort out on real corpora: a kicker line above
the text, photo captions with or without a credit line ("Foto: dpa"), the
"Baca juga:" links Indonesian sites put between paragraphs, the related-
articles block (関連記事), copyright lines, a wire agency's dateline and
sign-off.  Every outlet lives under the reserved ``.example`` domain.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["OUTLETS", "Outlet", "TECH_ONLY"]

#: The topics a technology outlet covers.
TECH_ONLY = ("ai", "chips", "regulation", "funding", "product", "markets")


@dataclass(frozen=True)
class Outlet:
    """One outlet.  Templates may use the article's slots plus ``{caption}``,
    ``{related}``, ``{related2}``, ``{reporter}``, ``{editor}``,
    ``{initials}``, ``{pub_year}`` (the year of publication) and ``{PLACE}`` (the place in capitals);
    a ``\\n`` in a template makes several lines of the same kind.

    ``kicker``/``caption_share``: share of articles with a kicker heading /
    a photo caption; ``inserts``: lines placed after the second paragraph
    with their probability; ``tail``: closing lines ``(template,
    probability, kind)``; ``topics``: what the outlet covers (None: all)."""

    name: str
    slug: str
    lang: str
    domain: str
    weight: float
    utc_offset: int
    culture: str
    wire: bool = False
    kicker: float = 0.0
    caption: str = "{caption}"
    caption_share: float = 0.0
    credit: str = ""
    dateline: str = ""
    inserts: tuple[tuple[str, float], ...] = ()
    tail: tuple[tuple[str, float, str], ...] = ()
    topics: tuple[str, ...] | None = None

    def covers(self, topic: str) -> bool:
        return self.topics is None or topic in self.topics


OUTLETS = (
    Outlet("Rheinische Abendpost", "rap", "de", "rheinische-abendpost.example", 1.3, 1, "western",
           kicker=0.5, caption_share=0.6, credit="Foto: dpa",
           tail=(("Lesen Sie auch: {related}", 0.5, "boilerplate"),
                 ("(c) {pub_year} Rheinische Abendpost", 0.8, "boilerplate"))),
    Outlet("Digitalwelt", "dgw", "de", "digitalwelt-magazin.example", 0.9, 1, "western",
           kicker=0.3, caption="{caption} (Bild: {org})", caption_share=0.5, topics=TECH_ONLY,
           tail=(("Mehr zum Thema: {related}", 0.6, "boilerplate"),
                 ("Dieser Artikel erschien zuerst in der Printausgabe von Digitalwelt.", 0.2, "boilerplate"),
                 ("Copyright © {pub_year} Digitalwelt Verlag GmbH", 0.6, "boilerplate"))),
    Outlet("Mitteleuropäische Presseagentur", "mpa", "de", "presseagentur-mpa.example", 1.0, 1, "western",
           wire=True, dateline="{PLACE} (mpa) – ",
           tail=(("mpa {initials}", 0.9, "boilerplate"),)),
    Outlet("東都新聞", "toto", "ja", "toto-shimbun.example", 1.3, 9, "japanese",
           kicker=0.3, caption="写真：{caption}", caption_share=0.5,
           tail=(("（{reporter}）", 0.4, "boilerplate"),
                 ("関連記事\n{related}\n{related2}", 0.5, "boilerplate"),
                 ("Copyright © {pub_year} 東都新聞社 All rights reserved.", 0.7, "boilerplate"))),
    Outlet("テックウォッチ", "techwatch", "ja", "techwatch.example", 0.9, 9, "japanese",
           kicker=0.4, caption="▲{caption}", caption_share=0.6, topics=TECH_ONLY,
           tail=(("関連記事：{related}", 0.6, "boilerplate"),
                 ("※記事中の価格や仕様は発表時点のものです。", 0.25, "boilerplate"),
                 ("Copyright © {pub_year} TechWatch Japan", 0.5, "boilerplate"))),
    Outlet("みらい通信", "mirai", "ja", "mirai-tsushin.example", 1.0, 9, "japanese",
           wire=True, dateline="【{place}＝みらい通信】",
           tail=(("（みらい通信）", 0.5, "source"),)),
    Outlet("Harian Nusantara", "hn", "id", "hariannusantara.example", 1.2, 7, "indonesian",
           kicker=0.2, caption="{caption}. (FOTO: Harian Nusantara/{reporter})", caption_share=0.6,
           inserts=(("Baca juga: {related}", 0.6),),
           tail=(("Editor: {editor}", 0.7, "boilerplate"),
                 ("Copyright © {pub_year} Harian Nusantara", 0.6, "boilerplate"))),
    Outlet("Teknologi Kini", "tk", "id", "teknologikini.example", 0.8, 7, "indonesian",
           kicker=0.3, caption="{caption}. (Foto: {org})", caption_share=0.5, topics=TECH_ONLY,
           inserts=(("Baca juga: {related}", 0.7), ("Baca juga: {related2}", 0.3)),
           tail=(("Ikuti berita terkini Teknologi Kini di Google News.", 0.5, "boilerplate"),
                 ("Copyright © {pub_year} Teknologi Kini", 0.4, "boilerplate"))),
    Outlet("Kantor Berita Garuda", "kbg", "id", "kbg-news.example", 1.0, 7, "indonesian",
           wire=True, dateline="{PLACE} (KBG) - ",
           tail=(("Pewarta: {reporter}\nEditor: {editor}", 0.8, "boilerplate"),
                 ("COPYRIGHT © KBG {pub_year}", 0.5, "boilerplate"))),
    Outlet("The Harbour Times", "ht", "en", "harbourtimes.example", 1.1, 0, "western",
           kicker=0.3, caption="{caption}. Photo: Harbour Times", caption_share=0.5,
           tail=(("Read more: {related}", 0.5, "boilerplate"),
                 ("Copyright {pub_year} The Harbour Times. All rights reserved.", 0.7, "boilerplate"))),
    Outlet("Circuit Daily", "cd", "en", "circuitdaily.example", 0.9, -5, "western",
           kicker=0.5, caption="▲ {caption}", caption_share=0.5, topics=TECH_ONLY,
           inserts=(("Related: {related}", 0.4),),
           tail=(("Sign up for the Circuit Daily newsletter to get the top tech stories every morning.", 0.5, "boilerplate"),
                 ("© {pub_year} Circuit Daily Media", 0.5, "boilerplate"))),
    Outlet("Global Wire Service", "gws", "en", "globalwire.example", 1.0, 0, "western",
           wire=True, dateline="{PLACE} (GWS) - ",
           tail=(("Reporting by {reporter}; Editing by {editor}", 0.85, "boilerplate"),)),
)
