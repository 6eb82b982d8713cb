"""Entity gazetteer, mention finding and candidate discovery (newskit.entities).

Each table row is one edge case with a comment saying why it matters.  The
real-corpus tests pin the counts across the three translations of the same
Zhidongxi article, with the textual reason for every difference.
"""

from __future__ import annotations

import warnings
from pathlib import Path
from types import SimpleNamespace

import pandas as pd
import pytest

from newskit import entities as ent
from newskit.entities.candidates import CANDIDATE_COLUMNS
from newskit.entities.gazetteer import UNUSED_PREFIX
from newskit.entities.schema import ENTITY_TYPES
from newskit.errors import ArgumentError, CorpusError

from tests.builders import TEST_DATA  # noqa: E402
ROOT = Path(__file__).resolve().parents[2]
GAZETTEER = ROOT / "data" / "entities.csv"
TRANSLATIONS = {"ja": "zdx-xai-ja", "de": "zdx-xai-de", "id": "zdx-xai-id"}


@pytest.fixture(scope="module")
def gazetteer() -> pd.DataFrame:
    """The default gazetteer: the shipped base extended by the project's
    data/entities.csv, with both rule files."""
    return ent.load_gazetteer(GAZETTEER)


@pytest.fixture(scope="module")
def project_ids() -> set[str]:
    """The entities of the project's own file (data/entities.csv)."""
    return set(pd.read_csv(GAZETTEER, dtype=str, keep_default_na=False)["entity_id"])


@pytest.fixture(scope="module")
def matcher(gazetteer):
    """The compiled project gazetteer."""
    return ent.compile_matcher(gazetteer)


@pytest.fixture(scope="module")
def mentions(corpus, gazetteer) -> pd.DataFrame:
    """All mentions in the five seed articles."""
    # every paragraph (bylines included): these tests explain each count
    return ent.find_mentions(corpus, kinds=None, gazetteer=gazetteer)


def found(text: str, lang: str, matcher) -> list[tuple[str, str]]:
    """(entity_id, surface) pairs, checking offsets on the way."""
    result = ent.find_mentions_in_text(text, lang, matcher)
    assert all(text[m.start:m.end] == m.surface for m in result)
    return [(m.entity_id, m.surface) for m in result]


# ---------------------------------------------------------------------------
# Mention rules, one edge case per row
# ---------------------------------------------------------------------------

MENTION_CASES = [
    # The X of SpaceX and the x of xAI are not the social network X.
    ("en", "SpaceX and xAI use X.", [("spacex", "SpaceX"), ("xai", "xAI"), ("x", "X")]),
    # Katakana + Latin: スペースX is one SpaceX mention (longest match), not X.
    ("ja", "スペースXとXの関係", [("spacex", "スペースX"), ("x", "X")]),
    # A Latin name in Japanese may touch kana/kanji on either side.
    ("ja", "Grok 2ベータ版とxAIモデル", [("grok-2", "Grok 2"), ("xai", "xAI")]),
    # ... but not other Latin letters or digits: no glue_left rule in ja.
    ("ja", "MaxAIのTeslaX計画", []),
    # Full name is one mention; the honorific is part of the surface.
    ("ja", "イーロン・マスク氏は語った", [("elon-musk", "イーロン・マスク氏")]),
    # The space before 氏 in MT output belongs to the same mention.
    ("ja", "Igor Babuschkin 氏は", [("igor-babuschkin", "Igor Babuschkin 氏")]),
    # マスク is Musk, but not in mask contexts (rules) or katakana compounds.
    ("ja", "マスク氏はマスクを着用せず防毒マスクもマスクメロンも食べない",
     [("elon-musk", "マスク氏")]),
    # Katakana compound heads listed by a glue_right rule still count.
    ("ja", "新しいテスラデータセンター", [("tesla", "テスラ")]),
    # メタ inside メタファー / メタ認知 is the prefix, not Meta.
    ("ja", "メタファーとメタ認知とメタの研究者", [("meta", "メタ")]),
    # Google/DeepMind is one mention of the lab, not Google + DeepMind.
    ("ja", "Google/DeepMindに対抗", [("google-deepmind", "Google/DeepMind")]),
    # The blog's typos resolve to the models they mean.
    ("ja", "chatgpt3より大きく、chargpt4より小さい", [("gpt-3.5", "chatgpt3"), ("gpt-4", "chargpt4")]),
    ("ja", "最近はClaud AI Opus 3,このGrok", [("claude-3-opus", "Claud AI Opus 3"), ("grok", "Grok")]),
    # X（旧Twitter） is one mention, not two.
    ("ja", "X(旧Twitter)の10階", [("x", "X(旧Twitter)")]),
    # German genitive s and hyphen compounds keep the name.
    ("de", "Musks Plan, Groks Antwort, Tesla-Aktionäre, xAI-Mitarbeiter, SpaceX-Unternehmen, X-Nutzer",
     [("elon-musk", "Musks"), ("grok", "Groks"), ("tesla", "Tesla"), ("xai", "xAI"),
      ("spacex", "SpaceX"), ("x", "X")]),
    # German decimal comma, also before a compound.
    ("de", "Grok-1,5V-Bewertungsbenchmark", [("grok-1.5v", "Grok-1,5V")]),
    # Most specific version wins: Grok-1.5 vs Grok-1.5V vs Grok-1.
    ("de", "Grok-1, Grok-1.5 und Grok-1.5V", [("grok-1", "Grok-1"), ("grok-1.5", "Grok-1.5"),
                                             ("grok-1.5v", "Grok-1.5V")]),
    # An unknown version never resolves to the wrong one: Grok-1.6 is the family.
    ("de", "Grok-1.6 kommt", [("grok", "Grok")]),
    # A longer alias that ends inside a number backs off to the shorter one.
    ("de", "Grok 20 kommt nicht", [("grok", "Grok")]),
    # MT glued the heading to xAI; a glue_left rule accepts it in de/id only.
    ("de", "von Musk übertragenxAI", [("elon-musk", "Musk"), ("xai", "xAI")]),
    ("id", "sumber dayanyaxAI", [("xai", "xAI")]),
    # Bare Boring is the company only after a tunnel/Musk word.
    ("de", "den Tunnelhersteller Boring, die soziale Plattform X",
     [("boring-company", "Boring"), ("x", "X")]),
    ("de", "Boring ist das Wetter", []),
    # English 'boring' is the adjective: no bare alias in aliases_en.
    ("en", "Boring meetings are boring; The Boring Company digs", [("boring-company", "The Boring Company")]),
    # Indonesian possessive clitic stays in the surface.
    ("id", "chatbot Grok-nya hanya tersedia di X", [("grok", "Grok-nya"), ("x", "X")]),
    # Literal MT of 智东西 is the outlet only before its account line.
    ("id", "Hal-hal cerdas (akun publik:zhidxcom)", [("zhidongxi", "Hal-hal cerdas"), ("zhidongxi", "zhidxcom")]),
    ("de", "Smart Things im Haushalt", []),
    # The pen name 'vanilla' is a person only right after the compiler credit.
    ("de", "kompilierenVanille", [("vanilla", "Vanille")]),
    ("de", "Vanille-Eis", []),
    ("ja", "コンパイルバニラ、バニラアイス", [("vanilla", "バニラ")]),
    # Demonym adjective counts as the country (translations stay comparable).
    ("de", "mit dem kanadischen Psychologen Jordan Peterson",
     [("canada", "kanadischen"), ("jordan-peterson", "Jordan Peterson")]),
    # Model X, Generation X, X-ray are not the social network.
    ("en", "Tesla Model X, Generation X and X-ray", [("tesla", "Tesla")]),
    # English possessive; X (formerly Twitter) is one mention.
    ("en", "Musk's X (formerly Twitter)", [("elon-musk", "Musk's"), ("x", "X (formerly Twitter)")]),
    # Size variant is part of the Llama 2 mention; GPT-3.5 keeps its point.
    ("en", "Llama 2 70B and GPT-3.5", [("llama-2", "Llama 2 70B"), ("gpt-3.5", "GPT-3.5")]),
    # Longest match among GPT-4, GPT-4o, GPT-4V; Grok-2 Mini over Grok-2.
    ("en", "GPT-4o, GPT-4V, GPT-4 and Grok-2 Mini", [("gpt-4o", "GPT-4o"), ("gpt-4v", "GPT-4V"),
                                                    ("gpt-4", "GPT-4"), ("grok-2-mini", "Grok-2 Mini")]),
    # Matching is case-sensitive: the noun perplexity is not the company.
    ("en", "to our perplexity, Perplexity AI", [("perplexity", "Perplexity AI")]),
    # UCLA's full name is one mention, not Los Angeles + California.
    ("id", "di Universitas California, Los Angeles.", [("ucla", "Universitas California, Los Angeles")]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), MENTION_CASES)
def test_mention_rules(lang, text, expected, matcher):
    assert found(text, lang, matcher) == expected


def test_offsets_point_into_the_paragraph(corpus, mentions):
    # text[start:end] == surface for every real mention, and no overlaps.
    texts = corpus.paragraphs.set_index(["doc_id", "para_id"])["text"]
    for row in mentions.itertuples():
        assert texts[(row.doc_id, row.para_id)][row.start:row.end] == row.surface
    ordered = mentions.sort_values(["doc_id", "para_id", "start"])
    previous_end = ordered.groupby(["doc_id", "para_id"])["end"].shift()
    assert (ordered["start"] >= previous_end.fillna(0)).all()


def test_text_api_accepts_dataframe_or_matcher(gazetteer, matcher):
    # The DataFrame form compiles once (cache) and gives the same answer.
    text = "イーロン・マスクのxAI"
    assert ent.find_mentions_in_text(text, "ja", gazetteer) == ent.find_mentions_in_text(text, "ja", matcher)
    assert ent.compile_matcher(gazetteer) is ent.compile_matcher(gazetteer)


def test_edited_gazetteer_is_recompiled(gazetteer):
    # An edited copy must not reuse the cached pattern of the original.
    edited = gazetteer.copy()
    edited.loc[edited["entity_id"] == "tesla", "aliases_en"] = "Tesla|Teslaville"
    assert found("Teslaville", "en", edited) == [("tesla", "Teslaville")]
    assert found("Teslaville", "en", gazetteer) == []


def test_filtered_gazetteer_keeps_rules(gazetteer):
    # Rules travel in attrs, so a subset still knows German genitive s.
    people = gazetteer[gazetteer["type"] == "PERSON"]
    assert people.attrs["rules"]
    assert found("Musks xAI", "de", people) == [("elon-musk", "Musks")]


def test_unsupported_language_is_an_error(matcher):
    with pytest.raises(ArgumentError, match="unsupported language code 'fr'"):
        ent.find_mentions_in_text("Musk", "fr", matcher)


# ---------------------------------------------------------------------------
# find_mentions / count_mentions on a fixture corpus
# ---------------------------------------------------------------------------


@pytest.fixture()
def small_corpus():
    """Two short documents; only paragraphs + documents are needed."""
    documents = pd.DataFrame({"doc_id": ["a", "b"], "lang": ["ja", "de"]})
    paragraphs = pd.DataFrame({
        "doc_id": ["a", "a", "b", "b"],
        "para_id": [0, 1, 0, 1],
        "kind": ["boilerplate", "body", "body", "body"],
        "text": ["編集ユンペン", "マスク氏はGrok 2とGrok-1.5Vを発表", "Musks Grok 2", "Tesla und Grok"],
    })
    return SimpleNamespace(documents=documents, paragraphs=paragraphs)


def test_find_mentions_table(small_corpus, gazetteer):
    # the default scope is the article's own text (TEXT_KINDS): no bylines
    table = ent.find_mentions(small_corpus, gazetteer=gazetteer)
    assert list(table.columns) == ent.MENTION_COLUMNS
    assert table["entity_id"].tolist() == ["elon-musk", "grok-2", "grok-1.5v",
                                           "elon-musk", "grok-2", "tesla", "grok"]
    # kinds=None scans every paragraph, the byline's editor included
    everything = ent.find_mentions(small_corpus, kinds=None, gazetteer=gazetteer)
    assert everything["entity_id"].tolist()[0] == "yunpeng"


def test_find_mentions_needs_a_language(small_corpus, gazetteer):
    small_corpus.documents = small_corpus.documents.iloc[:1]
    with pytest.raises(ArgumentError, match="no row in corpus.documents"):
        ent.find_mentions(small_corpus, gazetteer=gazetteer)


def test_count_mentions_and_roll_up(small_corpus, gazetteer):
    table = ent.find_mentions(small_corpus, kinds=["body"], gazetteer=gazetteer)
    counts = ent.count_mentions(table)
    assert list(counts.columns) == ["a", "b"]  # first-appearance order
    assert counts.loc["grok-2"].tolist() == [1, 1]
    family = ent.count_mentions(table, roll_up=True, gazetteer=gazetteer)
    # Grok 2, Grok-1.5V and bare Grok all count for the grok family.
    assert family.loc["grok"].tolist() == [2, 2]
    assert family.index[0] == "grok"  # sorted by total
    with pytest.raises(ArgumentError, match="cannot count by 'lang'"):
        ent.count_mentions(table, by="lang")


def test_roll_up_follows_the_whole_chain(gazetteer):
    # Grok-2 Mini → Grok 2 → Grok; Claude 3 Opus → Claude 3 → Claude.
    families = ent.map_families(gazetteer)
    assert families["grok-2-mini"] == "grok"
    assert families["claude-3-opus"] == "claude"
    assert families["elon-musk"] == "elon-musk"


# ---------------------------------------------------------------------------
# Gazetteer validation: each broken file names itself and the problem
# ---------------------------------------------------------------------------

BROKEN_GAZETTEERS = [
    # A column missing entirely (here aliases_id).
    ("entities_missing_column.csv", r"missing required column\(s\) type"),
    # The same entity_id twice: second row named, first row cited.
    ("entities_duplicate_id.csv", r"row 4: duplicate entity_id 'musk' \(first on row 2\)"),
    # parent naming an entity that does not exist.
    ("entities_unknown_parent.csv", r"row 2 \(grok-2\): parent 'grok' is not an entity_id"),
    # parent chain that loops would make roll-up spin forever.
    ("entities_parent_loop.csv", r"parent chain loops: grok → grok-2 → grok"),
    # "Musk||Musks": a stray separator would make an empty alias.
    ("entities_empty_alias.csv", r"row 2 \(musk\): empty alias in aliases_de"),
    # One alias naming two entities in the same language.
    ("entities_alias_clash.csv", r"row 3 \(x-ray\): alias 'X' already belongs to 'x'"),
    ("entities_bad_type.csv", r"row 2 \(tesla\): type 'COMPANY' is not one of"),
    ("entities_bad_qid.csv", r"wikidata '478214' is not a QID"),
    ("entities_no_alias.csv", r"row 3 \(ghost\): no aliases"),
    ("entities_bad_slug.csv", r"entity_id 'Elon Musk' is not a slug"),
    ("entities_not_utf8.csv", r"cannot read entity gazetteer as a UTF-8 CSV"),
    ("entities_does_not_exist.csv", r"entity gazetteer file not found"),
]


@pytest.mark.parametrize(("name", "message"), BROKEN_GAZETTEERS)
def test_broken_gazetteer(name, message):
    # each file alone (extends=None): its own problem, named with its row
    with pytest.raises(CorpusError, match=message) as info, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # most of these files have no rules beside them
        ent.load_gazetteer(TEST_DATA / name, extends=None)
    assert info.value.path == TEST_DATA / name


def test_a_file_extends_the_default_gazetteer(tmp_path):
    # a project row may roll up to an entity of another layer (grok is in the base)
    extra = tmp_path / "entities.csv"
    extra.write_text("entity_id,label,type,wikidata,parent,aliases_ja,aliases_de,aliases_id,aliases_en\n"
                     "grok-9,Grok 9,PRODUCT,,grok,,,,Grok 9\n", encoding="utf-8")
    combined = ent.load_gazetteer(extra)
    assert ent.map_families(combined)["grok-9"] == "grok"
    # the default rules came along: German genitive s of a base/project entity
    assert found("Musks Grok 9", "de", combined) == [("elon-musk", "Musks"), ("grok-9", "Grok 9")]
    # extends="base": the shipped base only (no project rows such as elon-musk's ja aliases)
    on_base = ent.load_gazetteer(extra, extends="base")
    assert "elon-musk" not in set(on_base["entity_id"]) and "grok" in set(on_base["entity_id"])


def test_a_clash_across_files_names_the_file(tmp_path):
    # 'Musk' already belongs to elon-musk in the project's file
    extra = tmp_path / "entities.csv"
    extra.write_text("entity_id,label,type,wikidata,parent,aliases_ja,aliases_de,aliases_id,aliases_en\n"
                     "musk-melon,Musk melon,PRODUCT,,,,,,Musk\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="alias 'Musk' already belongs to 'elon-musk'") as info:
        ent.load_gazetteer(extra)
    assert info.value.path == extra


def test_unknown_extends_is_an_error():
    with pytest.raises(ArgumentError, match="extends must be one of"):
        ent.load_gazetteer(GAZETTEER, extends="project")


BROKEN_RULES = [
    # A typo in kind would silently do nothing.
    ("entities_rules_bad_kind.csv", r"row 3: kind 'sufix' is not one of"),
    ("entities_rules_bad_lang.csv", r"row 2: lang 'xx' is not one of"),
    # A broken regex is reported with its row, not deep inside a scan.
    ("entities_rules_bad_pattern.csv", r"row 2: pattern .* does not compile"),
    # glue_left becomes a look-behind, which must be fixed-width.
    ("entities_rules_glue_width.csv", r"row 2: .*fixed-width"),
    ("entities_rules_unknown_entity.csv", r"row 2: entity_id 'tesla' is not in the gazetteer"),
    ("entities_rules_unknown_alias.csv", r"row 2: 'Twitterx' is not an alias of 'x'"),
    ("entities_rules_suffix_entity.csv", r"row 2: a suffix rule applies to all entities"),
]


@pytest.mark.parametrize(("name", "message"), BROKEN_RULES)
def test_broken_rules(name, message):
    with pytest.raises(CorpusError, match=message) as info:
        ent.load_gazetteer(TEST_DATA / "entities_small.csv", rules_path=TEST_DATA / name, extends=None)
    assert info.value.path == TEST_DATA / name


def test_small_gazetteer_without_rules():
    # Read alone with no entity_rules.csv next to it: plain aliases, no
    # inflection, and a warning that says so.
    with pytest.warns(UserWarning, match="no matching rules apply"):
        small = ent.load_gazetteer(TEST_DATA / "entities_small.csv", extends=None)
    assert small.attrs["rules"] == ()
    assert found("Musk und Musks", "de", small) == [("musk", "Musk")]


def test_project_gazetteer_shape(gazetteer):
    # Every alias column is split on "|", every parent exists, QIDs look right.
    assert gazetteer["entity_id"].is_unique
    assert set(gazetteer["type"]) <= ENTITY_TYPES
    assert set(gazetteer.loc[gazetteer["parent"] != "", "parent"]) <= set(gazetteer["entity_id"])
    qids = dict(zip(gazetteer["entity_id"], gazetteer["wikidata"]))
    assert qids["elon-musk"] == "Q317521" and qids["x"] == "Q918" and qids["openai"] == "Q21708200"


# ---------------------------------------------------------------------------
# The real corpus
# ---------------------------------------------------------------------------


def test_every_entity_is_used_or_documented(gazetteer, mentions, project_ids):
    # An entity of the project's file the articles never name must say so
    # (note "unused: …"), and an entity marked unused must really be unused,
    # so notes stay honest.  (The shipped base names far more than these
    # articles; gpt and claude, unused family nodes, moved there.)
    used = set(mentions["entity_id"])
    notes = dict(zip(gazetteer["entity_id"], gazetteer["note"]))
    unused_marked = {e for e in project_ids if notes[e].startswith(UNUSED_PREFIX)}
    assert project_ids - used == unused_marked
    assert unused_marked == {"los-angeles", "california", "boston"}


def counts_of(mentions, gazetteer, roll_up=False) -> pd.DataFrame:
    """Entity × language counts over the three translations."""
    table = mentions[mentions["doc_id"].isin(TRANSLATIONS.values())]
    counts = ent.count_mentions(table, roll_up=roll_up, gazetteer=gazetteer)
    return counts.rename(columns={v: k for k, v in TRANSLATIONS.items()})[list(TRANSLATIONS)]


# (ja, de, id) counts; every difference is explained by the texts.
CROSS_TRANSLATION = {
    # ja +2: in Brian Quinn's quote the ja translation names 'マスク氏' twice
    # where de/id use pronouns ('er', 'Er' / 'dia', 'Dia').
    "elon-musk": (39, 37, 37),
    # ja −1: ja drops Musk's quote to Jordan Peterson ("xAI ist ein ziemlich
    #   neues Unternehmen…" / "xAI adalah perusahaan…"), keeping only '上。"'.
    # ja +1: "テスラはxAIから…学んだ。xAIは完全自動運転…" repeats xAI where de
    #   says "Es trägt dazu bei" and id "Ini membantu".
    # ja +1: "xAIのチャットボットGrok" where de has "dessen Chatbot Grok" and
    #   id "yang chatbot Grok-nya".
    # id +1: "xAI didirikan… Pada bulan Mei tahun ini, xAI menerima…" splits
    #   the founding/funding sentence and repeats the subject.
    # de −1: the poll sentence breaks off after "Im Juli veröffentlichte er
    #   auf" (the X poll on Tesla investing $5bn in xAI is missing).
    "xai": (44, 42, 44),
    # de −1: the same truncated poll sentence names Tesla in ja/id.
    "tesla": (25, 24, 25),
    # de −1: the truncated poll sentence ("…世論調査をXに投稿" / "di X").
    "x": (13, 12, 13),
    "openai": (4, 4, 4),
    "spacex": (5, 5, 5),
    "neuralink": (2, 2, 2),
    "chatgpt": (3, 3, 3),
    "grok-2": (8, 8, 8),
    "grok-1.5v": (6, 6, 6),  # de writes Grok-1,5V twice: same entity
    "gpt-4o": (1, 1, 1),
    "gpt-4": (1, 1, 1),
    "nvidia": (1, 1, 1),
    # ja drops "…höher als die von Llama 2 70B und GPT-3.5" (keeps only the
    # GPT-4 comparison).
    "gpt-3.5": (0, 1, 1),
    "llama-2": (0, 1, 1),
    "jordan-peterson": (1, 1, 1),  # the quote is gone in ja, the name is not
    "canada": (1, 1, 1),           # カナダの / kanadischen / Kanada
    "boring-company": (1, 1, 1),
    "wall-street-journal": (1, 1, 1),
    # id +1: the id byline keeps the WeChat account id 'zhidxcom' where ja
    # and de translated it into '翻訳' / 'Abonnieren'.
    "zhidongxi": (2, 2, 3),
    "yunpeng": (1, 1, 1),
    "vanilla": (1, 1, 1),
}


def test_counts_across_translations(mentions, gazetteer):
    counts = counts_of(mentions, gazetteer)
    actual = {e: tuple(int(v) for v in counts.loc[e]) if e in counts.index else (0, 0, 0)
              for e in CROSS_TRANSLATION}
    assert actual == CROSS_TRANSLATION


def test_grok_family_counts_agree_across_translations(mentions, gazetteer):
    # Grok, Grok-0, Grok-1, Grok-1.5, Grok-1.5V and Grok 2 roll up to the
    # family: the three translations name the Grok family equally often.
    family = counts_of(mentions, gazetteer, roll_up=True)
    assert tuple(family.loc["grok"]) == (27, 27, 27)
    assert tuple(family.loc["gpt"]) == (3, 4, 4)  # the dropped GPT-3.5 again


def test_candidates_left_are_not_forgotten_names(corpus, gazetteer):
    # What the gazetteer does not cover is vocabulary, not people or firms.
    left = ent.candidate_entities(corpus, gazetteer=gazetteer)
    assert list(left.columns) == CANDIDATE_COLUMNS
    assert len(left) <= 5, left
    names = {"Musk", "Musks", "Brian Quinn", "Zhidongxi", "Igor Babuschkin", "Vincent Isore",
             "Gabby Jones", "Aravind Srinivas", "Jordan Peterson", "Scott Cummings", "Qurartz",
             "サム・アルトマン", "グレッグ・ブロックマン", "ジョーダン・ピーターソン", "サンフランシスコ"}
    assert names.isdisjoint(left["term"])


def test_candidates_find_names_the_gazetteer_lacks(corpus, gazetteer):
    # Drop the people from the gazetteer: the detector must then report them
    # (in all three scripts/languages), proving the coverage check has teeth.
    no_people = gazetteer[gazetteer["type"] != "PERSON"]
    left = ent.candidate_entities(corpus, gazetteer=no_people)
    terms = set(left["term"])
    assert {"サム・アルトマン", "グレッグ・ブロックマン", "Aravind Srinivas", "Brian Quinn",
            "Igor Babuschkin", "Gabby Jones", "Vincent Isore"} <= terms
    assert left.iloc[0]["term"] == "Musk"  # most frequent first


# ---------------------------------------------------------------------------
# candidate_entities on small cases
# ---------------------------------------------------------------------------

CANDIDATE_CASES = [
    # German: capitalised nouns are vocabulary (dictionary), so are compounds
    # of known words; a sentence-initial word proves nothing; Musk is known.
    ("de", "Gestern sprach Musk mit Quorvin Talbek über Elektroautounternehmen.", ["Quorvin Talbek"]),
    # Acronyms and months are ignore_candidate terms; "Die" is a stop word.
    ("de", "Die CEO von Zalvaro kam im Juli.", ["Zalvaro"]),
    # Indonesian: names are the capitalised words mid-sentence.
    # (Jakarta is a city of the shipped base gazetteer, so it is no candidate.)
    ("id", "Kemarin Musk bertemu Dewi Saraswati di Jakarta pada bulan Agustus.", ["Dewi Saraswati"]),
    # English: "The" opening a sentence does not start a name.
    ("en", "Musk met Quorvin Talbek. The CEO said so.", ["Quorvin Talbek"]),
    # Japanese: runs of UniDic 固有名詞 plus capitalised Latin words.
    # (京都 is a city of the shipped base gazetteer.)
    ("ja", "昨日、マスク氏は山田太郎と京都で会った。Quorvin TalbekのCEOも来た。", ["Quorvin Talbek", "山田太郎"]),
    # Boilerplate paragraphs are skipped (see the kind column below).
]


@pytest.mark.parametrize(("lang", "text", "expected"), CANDIDATE_CASES)
def test_candidate_cases(lang, text, expected, gazetteer):
    corpus = SimpleNamespace(
        documents=pd.DataFrame({"doc_id": ["d"], "lang": [lang]}),
        paragraphs=pd.DataFrame({"doc_id": ["d", "d"], "para_id": [0, 1], "kind": ["body", "boilerplate"],
                                 "text": [text, "Boilerplate Quaxo Menu"]}),
    )
    table = ent.candidate_entities(corpus, gazetteer=gazetteer)
    assert sorted(table["term"]) == sorted(expected)
    assert (table["lang"] == lang).all() and (table["n_docs"] == 1).all()
    assert table["example"].str.startswith("d#0: ").all()


def test_candidates_are_sorted_by_count(gazetteer):
    corpus = SimpleNamespace(
        documents=pd.DataFrame({"doc_id": ["a", "b"], "lang": ["en", "en"]}),
        paragraphs=pd.DataFrame({"doc_id": ["a", "b", "b"], "para_id": [0, 0, 1],
                                 "text": ["He met Zalvaro.", "He met Zalvaro and Quaxo.", "He met Zalvaro."]}),
    )
    # the paragraphs have no 'kind' column, so every paragraph is scanned (kinds=None)
    table = ent.candidate_entities(corpus, kinds=None, gazetteer=gazetteer)
    assert table[["term", "count", "n_docs"]].values.tolist() == [["Zalvaro", 3, 2], ["Quaxo", 1, 1]]


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # a dateline in capitals is the place its ordinary spelling names (surface as written)
    ("en", "WASHINGTON — The U.S. government", [("washington-dc", "WASHINGTON"), ("united-states", "U.S.")]),
    ("de", "TOKIO. Das japanische Start-up", [("tokyo", "TOKIO"), ("japan", "japanische")]),
    ("id", "JAKARTA — Kementerian", [("jakarta", "JAKARTA")]),
    # only places, and only at the start of a paragraph
    ("en", "AMAZON — the company said", []),
    ("en", "He flew to JAKARTA — twice", []),
])
def test_datelines_in_capitals(lang, text, expected):
    assert found(text, lang, ent.compile_matcher(ent.load_gazetteer())) == expected
