"""A saved news page around one article: what a researcher's browser keeps.

Main-text extractors (trafilatura and friends) must find the article among
the site's navigation, a cookie banner, related links, reader comments and
the footer.  Pages are well-formed XHTML-style HTML5 (every element closed,
attributes quoted) with the usual metadata (``<title>``, Open Graph,
``article:published_time``, ``<time datetime>``), so both HTML and XML
parsers read them.
"""

from __future__ import annotations

import random
from html import escape

from newskit.synth.article import Article

__all__ = ["render_page"]

#: Interface text by language: navigation, cookie banner, labels, comments.
UI = {
    "en": {"nav": ("Home", "World", "Business", "Technology", "Sport", "Weather"),
           "cookie": "We use cookies to improve your experience and to show personalised ads.",
           "accept": "Accept all", "related": "Related stories", "comments": "Comments",
           "by": "By", "footer": ("About us", "Privacy", "Terms", "Contact"),
           "remarks": ("Great article, thanks.", "This is not the whole story.", "Who pays for all this?",
                       "I read the same thing elsewhere yesterday.", "Interesting, but I remain sceptical.")},
    "de": {"nav": ("Startseite", "Politik", "Wirtschaft", "Digital", "Sport", "Wetter"),
           "cookie": "Wir verwenden Cookies, um Ihnen ein besseres Nutzererlebnis und personalisierte Werbung zu bieten.",
           "accept": "Alle akzeptieren", "related": "Das könnte Sie auch interessieren", "comments": "Kommentare",
           "by": "Von", "footer": ("Impressum", "Datenschutz", "AGB", "Kontakt"),
           "remarks": ("Guter Artikel, danke.", "Das ist doch nur die halbe Wahrheit.", "Wer soll das bezahlen?",
                       "Stand gestern schon woanders.", "Interessant, aber ich bleibe skeptisch.")},
    "id": {"nav": ("Beranda", "Nasional", "Ekonomi", "Tekno", "Olahraga", "Cuaca"),
           "cookie": "Kami menggunakan cookie untuk meningkatkan pengalaman Anda dan menampilkan iklan yang relevan.",
           "accept": "Terima semua", "related": "Berita terkait", "comments": "Komentar",
           "by": "Oleh", "footer": ("Tentang kami", "Kebijakan privasi", "Pedoman media siber", "Kontak"),
           "remarks": ("Artikel yang bagus, terima kasih.", "Beritanya kurang lengkap.", "Siapa yang membiayai semua ini?",
                       "Kemarin sudah baca di tempat lain.", "Menarik, tapi saya masih ragu.")},
    "ja": {"nav": ("トップ", "国際", "経済", "テクノロジー", "スポーツ", "天気"),
           "cookie": "当サイトでは、利便性の向上と広告配信のためにクッキーを使用しています。",
           "accept": "同意する", "related": "関連記事", "comments": "コメント",
           "by": "文：", "footer": ("会社概要", "プライバシーポリシー", "利用規約", "お問い合わせ"),
           "remarks": ("わかりやすい記事でした。", "これだけでは全体像が見えない。", "費用は誰が負担するのか。",
                       "昨日別のサイトでも読んだ。", "興味深いが、まだ半信半疑だ。")},
}


def _element(kind: str, text: str) -> str:
    """The article's lines as a site's template marks them up."""
    text = escape(text)
    if kind == "heading":
        return f"<h2>{text}</h2>"
    if kind == "caption":
        return f'<figure><img src="/img/photo.jpg" alt=""/><figcaption>{text}</figcaption></figure>'
    if kind in ("boilerplate", "source"):
        return f'<p class="note">{text}</p>'
    return f"<p>{text}</p>"


def _chrome(article: Article, rng: random.Random) -> tuple[str, str, str]:
    """Navigation with cookie banner, related links plus comments, footer."""
    ui = UI[article.lang]
    nav = "".join(f'<li><a href="/{k}/">{escape(item)}</a></li>' for k, item in enumerate(ui["nav"]))
    head = (f'<div id="cookie-consent" class="cookie-banner"><p>{escape(ui["cookie"])}</p>'
            f'<button type="button">{escape(ui["accept"])}</button></div>\n'
            f'<header class="site-header"><a class="logo" href="/">{escape(article.publisher)}</a>'
            f"<nav><ul>{nav}</ul></nav></header>")
    links = "".join(f'<li><a href="/{article.topic}/{rng.randrange(10**6)}.html">{escape(ui["nav"][k % 6])}: '
                    f"{escape(article.title[: 20 + 7 * k])}</a></li>" for k in range(1, 4))
    comments = "".join(f'<div class="comment"><p class="comment-author">user{rng.randrange(10**4)}</p>'
                       f"<p>{escape(rng.choice(ui['remarks']))}</p></div>" for _ in range(rng.randint(1, 4)))
    aside = (f'<aside class="related"><h2>{escape(ui["related"])}</h2><ul>{links}</ul></aside>\n'
             f'<section class="comments"><h2>{escape(ui["comments"])}</h2>{comments}</section>')
    footer_links = "".join(f'<li><a href="/info/{k}">{escape(item)}</a></li>' for k, item in enumerate(ui["footer"]))
    footer = (f'<footer class="site-footer"><ul>{footer_links}</ul>'
              f"<p>© {article.published_at[:4]} {escape(article.publisher)}</p></footer>")
    return head, aside, footer


def render_page(article: Article) -> str:
    """The HTML page of one article (deterministic: seeded by its doc_id)."""
    rng = random.Random(f"newskit.synth.page:{article.doc_id}")
    head, aside, footer = _chrome(article, rng)
    title, stamp = escape(article.title), escape(article.published_at)
    body = "\n".join(_element(p.kind, p.text) for p in article.paragraphs)
    return (
        f'<!DOCTYPE html>\n<html lang="{article.lang}">\n<head>\n<meta charset="utf-8"/>\n'
        f"<title>{title} | {escape(article.publisher)}</title>\n"
        f'<meta property="og:title" content="{title}"/>\n'
        f'<meta property="og:site_name" content="{escape(article.publisher)}"/>\n'
        f'<meta property="article:published_time" content="{stamp}"/>\n'
        f'<link rel="canonical" href="{escape(article.url)}"/>\n</head>\n<body>\n{head}\n<main>\n'
        f'<article>\n<h1>{title}</h1>\n<p class="byline">{escape(UI[article.lang]["by"])} '
        f'{escape(article.publisher)} <time datetime="{stamp}">{stamp[:10]}</time></p>\n'
        f"{body}\n</article>\n{aside}\n</main>\n{footer}\n</body>\n</html>\n"
    )
