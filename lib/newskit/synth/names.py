"""The name pool: people, organisations, products, places in each language's spelling.

Japanese articles write foreign names in katakana (アンナ・ヴェーバー,
エヌビディア) and Japanese names in kanji, family name first (山田健二);
German and Indonesian articles keep the Latin spelling but have their own
forms for places (München, Tokio / Tokyo, Wina) and institutions.  Almost
every actor is invented.  Real companies (:data:`REAL_ORGS`) appear only as
bystanders in one generic sentence ("Other companies such as ... are working
on similar projects"), so the kit's gazetteer finds mentions in a generated
corpus without the corpus inventing anything about them; no real person
appears at all.  Pools are
ordered by prominence (names are drawn with Zipf weights by rank): the
hand-written names first, then thousands of generated brands
(:mod:`newskit.synth.brands`) as the long tail.  The
corpus is fiction throughout: no sentence reports a real event.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import product

from newskit.synth.brands import brand_devices, brand_models, brand_orgs

__all__ = ["POOLS", "REAL_ORGS", "Name", "Person", "people"]


@dataclass(frozen=True)
class Name:
    """One entity's name in English, German, Indonesian and Japanese."""

    en: str
    de: str
    id: str
    ja: str

    def in_lang(self, lang: str) -> str:
        return getattr(self, lang)


@dataclass(frozen=True)
class Person:
    """A person: full name and the surname used on second mention."""

    full: Name
    last: Name
    culture: str = "western"


def _same(latin: str, ja: str) -> Name:
    """A name spelt alike in the Latin-script languages."""
    return Name(latin, latin, latin, ja)


# given names / family names (Latin, katakana or kanji) per naming culture
_GIVEN = {
    "western": (("Anna", "アンナ"), ("Lukas", "ルーカス"), ("Sarah", "サラ"), ("Thomas", "トーマス"),
                ("Julia", "ユリア"), ("Jonas", "ヨナス"), ("Katrin", "カトリン"), ("Daniel", "ダニエル"),
                ("Emily", "エミリー"), ("David", "デービッド"), ("Sophie", "ゾフィー"), ("Felix", "フェリックス"),
                ("Rachel", "レイチェル"), ("Martin", "マルティン"), ("Laura", "ラウラ"), ("Oliver", "オリバー"),
                ("Miriam", "ミリアム"), ("Stefan", "シュテファン"), ("Hannah", "ハンナ"), ("Paul", "パウル"),
                ("Clara", "クララ"), ("James", "ジェームズ"), ("Lena", "レナ"), ("Tobias", "トビアス")),
    "indonesian": (("Budi", "ブディ"), ("Siti", "シティ"), ("Agus", "アグス"), ("Dewi", "デウィ"),
                   ("Rizky", "リズキ"), ("Putri", "プトゥリ"), ("Hendra", "ヘンドラ"), ("Ayu", "アユ"),
                   ("Fajar", "ファジャル"), ("Nur", "ヌル"), ("Wahyu", "ワフユ"), ("Indah", "インダ"),
                   ("Bambang", "バンバン"), ("Sri", "スリ"), ("Yudi", "ユディ"), ("Ratna", "ラトナ"),
                   ("Arif", "アリフ"), ("Lina", "リナ")),
    "japanese": (("Kenji", "健二"), ("Yuko", "裕子"), ("Takashi", "隆"), ("Akiko", "明子"),
                 ("Hiroshi", "浩"), ("Naoko", "直子"), ("Daisuke", "大輔"), ("Mai", "舞"),
                 ("Shota", "翔太"), ("Emi", "恵美"), ("Ryo", "亮"), ("Haruka", "遥"),
                 ("Makoto", "誠"), ("Yumi", "由美"), ("Kazuki", "一輝"), ("Sayaka", "沙也加"),
                 ("Tetsuya", "哲也"), ("Mariko", "真理子")),
}
_FAMILY = {
    "western": (("Weber", "ヴェーバー"), ("Schneider", "シュナイダー"), ("Fischer", "フィッシャー"),
                ("Hoffmann", "ホフマン"), ("Becker", "ベッカー"), ("Wagner", "ワーグナー"), ("Keller", "ケラー"),
                ("Brooks", "ブルックス"), ("Carter", "カーター"), ("Morgan", "モーガン"), ("Hughes", "ヒューズ"),
                ("Patel", "パテル"), ("Nguyen", "グエン"), ("Lindqvist", "リンドクビスト"), ("Novak", "ノヴァク"),
                ("Okafor", "オカフォー"), ("Richter", "リヒター"), ("Schulz", "シュルツ"), ("Wolf", "ヴォルフ"),
                ("Bennett", "ベネット"), ("Foster", "フォスター"), ("Jansen", "ヤンセン"), ("Kowalski", "コワルスキ"),
                ("Rossi", "ロッシ")),
    "indonesian": (("Santoso", "サントソ"), ("Wijaya", "ウィジャヤ"), ("Hidayat", "ヒダヤット"),
                   ("Pratama", "プラタマ"), ("Saputra", "サプトラ"), ("Nugroho", "ヌグロホ"), ("Lestari", "レスタリ"),
                   ("Kusuma", "クスマ"), ("Siregar", "シレガル"), ("Harahap", "ハラハップ"), ("Gunawan", "グナワン"),
                   ("Setiawan", "セティアワン"), ("Hakim", "ハキム"), ("Purnomo", "プルノモ"),
                   ("Rahman", "ラフマン"), ("Susanto", "スサント"), ("Halim", "ハリム"), ("Wibowo", "ウィボウォ")),
    "japanese": (("Yamada", "山田"), ("Sato", "佐藤"), ("Suzuki", "鈴木"), ("Takahashi", "高橋"),
                 ("Tanaka", "田中"), ("Watanabe", "渡辺"), ("Ito", "伊藤"), ("Nakamura", "中村"),
                 ("Kobayashi", "小林"), ("Kato", "加藤"), ("Yoshida", "吉田"), ("Matsumoto", "松本"),
                 ("Inoue", "井上"), ("Kimura", "木村"), ("Hayashi", "林"), ("Shimizu", "清水"),
                 ("Mori", "森"), ("Ikeda", "池田")),
}

def people(culture: str) -> tuple[Person, ...]:
    """Every invented person of one naming culture (given x family names)."""
    persons = []
    for (given, given_ja), (family, family_ja) in product(_GIVEN[culture], _FAMILY[culture]):
        ja = f"{family_ja}{given_ja}" if culture == "japanese" else f"{given_ja}・{family_ja}"
        persons.append(Person(_same(f"{given} {family}", ja), _same(family, family_ja), culture=culture))
    return tuple(persons)


#: Real companies, spelt as the kit's gazetteer spells them: bystanders only (slot ``org3``).
REAL_ORGS = (
    _same("OpenAI", "OpenAI"), _same("Nvidia", "エヌビディア"), _same("Microsoft", "マイクロソフト"),
    _same("Google", "グーグル"), _same("Anthropic", "アンソロピック"), _same("Meta", "メタ"),
    _same("Tesla", "テスラ"), _same("xAI", "xAI"),
)
ORGS = (
    _same("Nordlicht AI", "ノルトリヒトAI"), _same("Kairos Systems", "カイロス・システムズ"),
    _same("Helix Semiconductor", "ヘリックス・セミコンダクター"), _same("Sakura Robotics", "さくらロボティクス"),
    _same("Lumen Data", "ルーメン・データ"), _same("Vektor Labs", "ベクトル・ラボ"),
    _same("Garuda Cloud", "ガルーダ・クラウド"), _same("Nusantara Digital", "ヌサンタラ・デジタル"),
    _same("Alpenrechner", "アルペンレヒナー"), _same("Toho Electronics", "東邦電子"),
    _same("Quantis", "クアンティス"), _same("Brightwave", "ブライトウェーブ"),
    _same("Tanjung Tech", "タンジュン・テック"), _same("Rheinwerk Robotics", "ラインヴェルク・ロボティクス"),
    _same("Orbital Compute", "オービタル・コンピュート"), _same("Kumo Networks", "クモ・ネットワークス"),
    _same("Mirai Semiconductor", "みらい半導体"), _same("Hanseatic Capital", "ハンザ・キャピタル"),
    _same("Borobudur Ventures", "ボロブドゥール・ベンチャーズ"), _same("Fuji Frontier Capital", "富士フロンティア・キャピタル"),
    # a generated brand never starts with a real company's name ("Meta Labs")
    *(_same(latin, kana) for latin, kana in brand_orgs(1500) if latin.split()[0] not in {n.en for n in REAL_ORGS}),
)
MODELS = tuple(_same(m, m) for m in (
    "Nimbus 2", "Orion Pro", "Kirin-3",
    "Sakura LM", "Helios 4", "Atlas-7B", "Merapi 2", "Lindwurm")) + tuple(_same(m, m) for m, _ in brand_models(300))
CHIPS = tuple(_same(c, c) for c in ("Helix X9", "Toho T5", "Quantis Q1", "Kumo K2", "Mirai M3", "Orbital O-1"))
DEVICES = tuple(_same(d, d) for d in (
    "Lumen Glass", "Kairos Pad", "Sakura Phone 5", "Nimbus Watch", "Brightwave Buds", "Kairos Fold", "Vektor Book",
)) + tuple(_same(d, d) for d, _ in brand_devices(300))
PLACES = (
    _same("San Francisco", "サンフランシスコ"), _same("Berlin", "ベルリン"), Name("Munich", "München", "München", "ミュンヘン"),
    _same("Hamburg", "ハンブルク"), _same("Frankfurt", "フランクフルト"), Name("Tokyo", "Tokio", "Tokyo", "東京"),
    Name("Osaka", "Osaka", "Osaka", "大阪"), Name("Nagoya", "Nagoya", "Nagoya", "名古屋"),
    Name("Fukuoka", "Fukuoka", "Fukuoka", "福岡"), _same("Jakarta", "ジャカルタ"), _same("Surabaya", "スラバヤ"),
    _same("Bandung", "バンドン"), _same("Yogyakarta", "ジョクジャカルタ"), _same("London", "ロンドン"),
    Name("New York", "New York", "New York", "ニューヨーク"), Name("Singapore", "Singapur", "Singapura", "シンガポール"),
    Name("Seoul", "Seoul", "Seoul", "ソウル"), Name("Taipei", "Taipeh", "Taipei", "台北"),
    Name("Brussels", "Brüssel", "Brussel", "ブリュッセル"), _same("Paris", "パリ"),
    Name("Vienna", "Wien", "Wina", "ウィーン"), Name("Zurich", "Zürich", "Zurich", "チューリヒ"),
    _same("Stuttgart", "シュトゥットガルト"), Name("Cologne", "Köln", "Köln", "ケルン"), _same("Leipzig", "ライプチヒ"),
    _same("Dresden", "ドレスデン"), Name("Nuremberg", "Nürnberg", "Nürnberg", "ニュルンベルク"), _same("Bremen", "ブレーメン"),
    Name("Kyoto", "Kyoto", "Kyoto", "京都"), Name("Sapporo", "Sapporo", "Sapporo", "札幌"),
    Name("Yokohama", "Yokohama", "Yokohama", "横浜"), Name("Sendai", "Sendai", "Sendai", "仙台"),
    Name("Kobe", "Kobe", "Kobe", "神戸"), Name("Hiroshima", "Hiroshima", "Hiroshima", "広島"),
    _same("Medan", "メダン"), _same("Semarang", "スマラン"), _same("Makassar", "マカッサル"),
    _same("Denpasar", "デンパサール"), _same("Balikpapan", "バリクパパン"), _same("Palembang", "パレンバン"),
    _same("Boston", "ボストン"), _same("Seattle", "シアトル"), _same("Austin", "オースティン"),
    _same("Toronto", "トロント"), _same("Amsterdam", "アムステルダム"), Name("Warsaw", "Warschau", "Warsawa", "ワルシャワ"),
    Name("Bangkok", "Bangkok", "Bangkok", "バンコク"), Name("Kuala Lumpur", "Kuala Lumpur", "Kuala Lumpur", "クアラルンプール"),
    Name("Sydney", "Sydney", "Sydney", "シドニー"), Name("Bangalore", "Bangalore", "Bangalore", "ベンガルール"),
)
#: Fields of business, written to follow "im Bereich", "in", "di sektor", "…分野".
SECTORS = (
    Name("healthcare", "Gesundheit", "kesehatan", "医療"), Name("logistics", "Logistik", "logistik", "物流"),
    Name("agriculture", "Landwirtschaft", "pertanian", "農業"), Name("banking", "Banken", "perbankan", "銀行"),
    Name("insurance", "Versicherungen", "asuransi", "保険"), Name("retail", "Einzelhandel", "ritel", "小売り"),
    Name("education", "Bildung", "pendidikan", "教育"), Name("manufacturing", "Industrie", "manufaktur", "製造"),
    Name("energy", "Energie", "energi", "エネルギー"), Name("telecommunications", "Telekommunikation", "telekomunikasi", "通信"),
    Name("public administration", "Verwaltung", "administrasi publik", "行政"),
    Name("the car industry", "Automobil", "otomotif", "自動車"), Name("tourism", "Tourismus", "pariwisata", "観光"),
    Name("construction", "Bau", "konstruksi", "建設"), Name("shipping", "Schifffahrt", "pelayaran", "海運"),
    Name("the media", "Medien", "media", "メディア"), Name("legal services", "Recht", "hukum", "法務"),
    Name("pharmaceuticals", "Pharma", "farmasi", "製薬"), Name("aviation", "Luftfahrt", "penerbangan", "航空"),
    Name("gaming", "Games", "gim", "ゲーム"), Name("fashion", "Mode", "mode", "ファッション"),
    Name("food delivery", "Essenslieferung", "pengantaran makanan", "料理宅配"), Name("real estate", "Immobilien", "properti", "不動産"),
    Name("cybersecurity", "IT-Sicherheit", "keamanan siber", "サイバーセキュリティー"),
    Name("customer service", "Kundenservice", "layanan pelanggan", "顧客対応"), Name("translation", "Übersetzung", "penerjemahan", "翻訳"),
    Name("accounting", "Buchhaltung", "akuntansi", "会計"), Name("mining", "Bergbau", "pertambangan", "鉱業"),
    Name("fisheries", "Fischerei", "perikanan", "漁業"), Name("film production", "Film", "produksi film", "映画制作"),
)
#: Countries that take no article in German ("in Japan", never "in der Schweiz").
COUNTRIES = (
    Name("Germany", "Deutschland", "Jerman", "ドイツ"), Name("Japan", "Japan", "Jepang", "日本"),
    Name("Indonesia", "Indonesien", "Indonesia", "インドネシア"), Name("France", "Frankreich", "Prancis", "フランス"),
    Name("South Korea", "Südkorea", "Korea Selatan", "韓国"), Name("Taiwan", "Taiwan", "Taiwan", "台湾"),
    Name("Singapore", "Singapur", "Singapura", "シンガポール"), Name("India", "Indien", "India", "インド"),
    Name("Brazil", "Brasilien", "Brasil", "ブラジル"), Name("Canada", "Kanada", "Kanada", "カナダ"),
)
#: Authorities, with the article German and English need (nominative = accusative).
AGENCIES = (
    Name("the European Commission", "die EU-Kommission", "Komisi Eropa", "欧州委員会"),
    Name("the US Federal Trade Commission", "die US-Handelsbehörde FTC", "Komisi Perdagangan Federal AS (FTC)", "米連邦取引委員会(FTC)"),
    Name("Japan's Fair Trade Commission", "die japanische Wettbewerbsbehörde", "Komisi Perdagangan Adil Jepang", "公正取引委員会"),
    Name("Indonesia's Financial Services Authority (OJK)", "die indonesische Finanzaufsicht OJK", "Otoritas Jasa Keuangan (OJK)", "インドネシア金融サービス庁(OJK)"),
    Name("Germany's Federal Network Agency", "die Bundesnetzagentur", "Badan Jaringan Federal Jerman", "ドイツ連邦ネットワーク庁"),
    Name("Japan's Digital Agency", "die japanische Digitalbehörde", "Badan Digital Jepang", "デジタル庁"),
    Name("Britain's Competition and Markets Authority", "die britische Wettbewerbsbehörde CMA", "Otoritas Persaingan dan Pasar Inggris (CMA)", "英競争・市場庁(CMA)"),
)
PARTIES = (
    Name("the Progress Party", "die Fortschrittspartei", "Partai Kemajuan", "進歩党"),
    Name("the Green Alliance", "die Grüne Allianz", "Aliansi Hijau", "緑の同盟"),
    Name("the Citizens' Union", "die Bürgerunion", "Persatuan Warga", "市民連合"),
    Name("the National Reform Party", "die Nationale Reformpartei", "Partai Reformasi Nasional", "国民改革党"),
    Name("the Future Labour Party", "die Arbeitspartei der Zukunft", "Partai Buruh Masa Depan", "未来労働党"),
    Name("the Liberal Forum", "die Liberale Plattform", "Forum Liberal", "自由フォーラム"),
)
TEAMS = (
    _same("FC Lindenau", "FCリンデナウ"), _same("SV Rheinhafen", "SVラインハーフェン"),
    _same("Westfalia Nordstadt", "ヴェストファリア・ノルトシュタット"), _same("Harbour City FC", "ハーバーシティFC"),
    _same("Riverside Rovers", "リバーサイド・ローバーズ"), _same("Garuda Muda FC", "ガルーダ・ムダFC"),
    _same("Bintang Timur Surabaya", "ビンタン・ティムール・スラバヤ"), Name("Toto United", "Toto United", "Toto United", "東都ユナイテッド"),
    Name("Naniwa FC", "Naniwa FC", "Naniwa FC", "浪速FC"), _same("Kita Kyushu Wings", "北九州ウイングス"),
)
INDICES = (
    Name("DAX", "Dax", "Indeks DAX", "ドイツ株価指数(DAX)"),
    Name("Nikkei 225", "Nikkei 225", "Indeks Nikkei 225", "日経平均株価"),
    Name("Jakarta Composite Index", "Jakarta Composite Index", "Indeks Harga Saham Gabungan (IHSG)", "ジャカルタ総合指数"),
    Name("S&P 500", "S&P 500", "Indeks S&P 500", "S&P500種株価指数"),
    Name("Nasdaq Composite", "Nasdaq Composite", "Indeks Komposit Nasdaq", "ナスダック総合指数"),
)

#: Every pool of names by the slot that draws from it.
POOLS: dict[str, tuple[Name, ...]] = {
    "org": ORGS, "model": MODELS, "chip": CHIPS, "device": DEVICES, "place": PLACES,
    "country": COUNTRIES, "agency": AGENCIES, "party": PARTIES, "team": TEAMS, "index": INDICES,
    "sector": SECTORS,
}
