"""import_articles: what lands in raw/ and the catalog, idempotency,
strictness, and that an existing corpus is never damaged."""

from __future__ import annotations

import csv
import hashlib
import shutil
import unicodedata
from pathlib import Path

import pytest

import newskit
from newskit.errors import ArgumentError, CorpusError
from newskit.io.ids import DOC_ID_PATTERN
from newskit.io.importer import import_articles
from newskit.io.normalize import normalize_text

ROOT = Path(__file__).resolve().parents[2]
IMPORT = ROOT / "tests" / "data" / "import"
MIXED = IMPORT / "mixed"
EXAMPLES = ROOT / "data" / "examples"


def catalog_rows(root: Path) -> list[dict[str, str]]:
    with open(root / "catalog.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def mixed_corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, object]:
    root = tmp_path_factory.mktemp("mixed") / "corpus"
    return root, import_articles([MIXED], into=root)


def test_mixed_folder_counts(mixed_corpus) -> None:
    root, report = mixed_corpus
    # 9 sources: html x2, md, txt x4, jsonl (5 good of 7), csv (3 of 5), utf-16 csv (2), parquet (2)
    assert len(report.imported) == 19 and report.already_there == []
    assert report.by_language == {"de": 4, "en": 5, "id": 5, "ja": 5}
    assert [p.where for p in report.skipped] == [
        f"{MIXED / 'export_feed.jsonl'}, line 5", f"{MIXED / 'export_feed.jsonl'}, line 6",
        f"{MIXED / 'monitoring_export.csv'}, line 6", f"{MIXED / 'monitoring_export.csv'}, line 7",
    ]
    assert sorted(p.name for p in report.ignored) == ["main.css", "zaehler.jpg"]


def test_result_loads_as_a_corpus(mixed_corpus) -> None:
    root, _ = mixed_corpus
    corpus = newskit.load_corpus(root)
    assert len(corpus.documents) == 19
    assert set(corpus.documents["lang"]) == {"de", "en", "id", "ja"}


def test_raw_files_and_hashes(mixed_corpus) -> None:
    root, _ = mixed_corpus
    for row in catalog_rows(root):
        data = (root / row["file"]).read_bytes()
        text = data.decode("utf-8")  # UTF-8, always
        assert row["sha256"] == hashlib.sha256(normalize_text(text, row["lang"]).encode()).hexdigest()
        assert row["file"] == f"raw/{row['sha256'][:16]}.txt"
        assert DOC_ID_PATTERN.match(row["doc_id"])
        assert row["imported_at"] and row["lang_detected"] and float(row["lang_confidence"]) > 0


def test_catalog_provenance(mixed_corpus) -> None:
    root, _ = mixed_corpus
    rows = {row["doc_id"]: row for row in catalog_rows(root)}
    feed = rows["rheinische-abendpost-2025-03-06-warnstreik-legt-flughaefen"]
    assert (feed["source_file"], feed["source_line"], feed["encoding"]) == (str(MIXED / "export_feed.jsonl"), "1", "utf-8")
    assert feed["url"] == "https://abendpost.example/wirtschaft/warnstreik-flughaefen"
    page = rows["lindenauer-rundschau-2024-11-19-stadtwerke-lindenau-erhoehen"]
    assert page["published"] == "2024-11-19" and page["source_line"] == ""
    # the NFD title is stored composed; the raw file keeps the source's own spelling
    nfd = next(r for r in rows.values() if r["source_file"].endswith("ja_bonus_nfd_mac.txt"))
    assert nfd["title"] == "東京のデパートで冬のボーナス商戦が始まる"
    assert unicodedata.is_normalized("NFD", (root / nfd["file"]).read_text("utf-8"))
    hankaku = next(r for r in rows.values() if r["source_file"].endswith("hankaku_sjis.txt"))
    assert hankaku["title"] == "スマートフォン決済、高齢者にも広がる" and hankaku["encoding"] == "cp932"


def test_title_is_the_first_line_once(mixed_corpus) -> None:
    root, _ = mixed_corpus
    rows = {row["doc_id"]: row for row in catalog_rows(root)}
    page = (root / rows["lindenauer-rundschau-2024-11-19-stadtwerke-lindenau-erhoehen"]["file"]).read_text("utf-8")
    assert page.startswith("Stadtwerke Lindenau erhöhen Strompreise zum Jahreswechsel\nDie Stadtwerke")
    md = (root / rows["warta-bekasi-2025-02-03-ribuan-warga-bekasi-mengungsi"]["file"]).read_text("utf-8")
    assert md.count("Ribuan warga Bekasi mengungsi akibat banjir") == 1  # the heading already was the title


def test_reimport_adds_nothing(mixed_corpus) -> None:
    root, _ = mixed_corpus
    before = snapshot(root)
    again = import_articles([MIXED], into=root)
    assert again.imported == [] and len(again.already_there) == 19
    assert again.summary().startswith("Nothing new")
    assert snapshot(root) == before  # not a byte changed, catalog included


def test_normalised_twins_are_one_article(tmp_path: Path) -> None:
    # the same text in NFC and NFD, with a zero-width space: one article
    text = "ダイヤ改正で終電が繰り下げ\n鉄道会社は来月のダイヤ改正で終電を３０分繰り下げると発表した。"
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "a.txt").write_text(text, "utf-8")
    (tmp_path / "src" / "b.txt").write_text(unicodedata.normalize("NFD", text).replace("改正", "改\u200b正"), "utf-8")
    report = import_articles([tmp_path / "src"], into=tmp_path / "c", lang="ja")
    assert len(report.imported) == 1
    assert report.already_there == [(str(tmp_path / "src" / "b.txt"), report.imported[0].doc_id)]


def test_strict_refuses_and_writes_nothing(tmp_path: Path) -> None:
    with pytest.raises(CorpusError) as info:
        import_articles([MIXED], into=tmp_path / "c", strict=True)
    message = str(info.value)
    assert message.startswith(f"{MIXED / 'export_feed.jsonl'}, line 5: not valid JSON")
    assert "import refused (strict): 4 bad record(s), nothing was written" in message
    assert not (tmp_path / "c").exists()


def test_strict_passes_clean_sources(tmp_path: Path) -> None:
    report = import_articles([MIXED / "wire"], into=tmp_path / "c", strict=True)
    assert len(report.imported) == 2


def copy_examples(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    shutil.copytree(EXAMPLES, root)
    return root


def test_existing_corpus_is_preserved(tmp_path: Path) -> None:
    root = copy_examples(tmp_path)
    old_rows = catalog_rows(root)
    old_raw = {p.name: p.read_bytes() for p in (root / "raw").iterdir()}
    report = import_articles([MIXED], into=root)
    new_rows = catalog_rows(root)
    assert len(report.imported) == 19 and report.catalog_rows == len(old_rows) + 19
    for old, new in zip(old_rows, new_rows):
        # every existing value kept; the import's new columns are empty for them
        assert {k: new[k] for k in old} == old
        assert all(new[k] == "" for k in new if k not in old)
    header = list(new_rows[0])
    assert header[: len(old_rows[0])] == list(old_rows[0])  # existing columns first, in order
    for name, data in old_raw.items():
        assert (root / "raw" / name).read_bytes() == data
    assert len(newskit.load_corpus(root).documents) == len(old_rows) + 19


def test_copy_of_a_hand_made_article_is_already_there(tmp_path: Path) -> None:
    # the hand-made catalog has no sha256 column: the raw file is hashed
    root = copy_examples(tmp_path)
    source = tmp_path / "again.txt"
    shutil.copy(root / "raw" / "en_school_tutor.txt", source)
    report = import_articles([source], into=root)
    assert report.already_there == [(str(source), "tutor-bot-en")]


def test_existing_raw_file_is_never_replaced(tmp_path: Path) -> None:
    first = import_articles([MIXED / "wire" / "en_hikers_agency.txt"], into=tmp_path / "c")
    taken = tmp_path / "c" / first.imported[0].file
    (tmp_path / "c" / "catalog.csv").unlink()
    taken.write_text("someone else's file", "utf-8")
    again = import_articles([MIXED / "wire" / "en_hikers_agency.txt"], into=tmp_path / "c")
    assert taken.read_text("utf-8") == "someone else's file"
    assert len(again.imported[0].file) == len("raw/") + 64 + len(".txt")  # the full hash as name


def test_broken_existing_catalog_stops_the_import(tmp_path: Path) -> None:
    root = tmp_path / "c"
    root.mkdir()
    (root / "catalog.csv").write_text("doc_id;file;language\na;raw/a.txt;de\n", "utf-8")
    with pytest.raises(CorpusError, match="lacks column"):
        import_articles([MIXED / "wire"], into=root)
    assert sorted(p.name for p in root.iterdir()) == ["catalog.csv"]


def test_semicolon_shift_jis_catalog_is_merged(tmp_path: Path) -> None:
    # a catalog saved by Japanese Excel: read as the loader reads it, every
    # value kept, rewritten as comma-separated UTF-8 and said so
    root = tmp_path / "c"
    (root / "raw").mkdir(parents=True)
    (root / "raw" / "a.txt").write_bytes("東京のデパートで冬のボーナス商戦が始まった。\n".encode("cp932"))
    (root / "catalog.csv").write_bytes("doc_id;file;lang;title\na;raw/a.txt;ja;イーロン・マスクのxAI\n".encode("cp932"))
    report = import_articles([MIXED / "wire"], into=root)
    assert len(report.imported) == 2
    assert "note: catalog.csv was semicolon-separated cp932; it is now comma-separated UTF-8" in report.summary()
    first = catalog_rows(root)[0]
    assert (first["doc_id"], first["title"]) == ("a", "イーロン・マスクのxAI")
    assert len(newskit.load_corpus(root).documents) == 3


@pytest.mark.parametrize(
    "line, reason",
    [
        # Indonesian text declared German: the case issue 11 names
        ('{"text": "%s", "lang": "de"}', "declared 'de' (German) but the text reads as Indonesian"),
        ('{"text": "%s", "lang": "jp"}', "unknown language 'jp': JP is the country code of Japan"),
        ('{"text": "Kurz.", "lang": ""}', "language not detected (too short"),
    ],
)
def test_language_problems_are_skipped(tmp_path: Path, line: str, reason: str) -> None:
    text = ("Banjir yang melanda sejumlah kecamatan di Kabupaten Bekasi sejak Sabtu malam memaksa lebih dari "
            "dua ribu warga mengungsi. Bantuan makanan dan obat-obatan telah dikirim ke posko pengungsian.")
    path = tmp_path / "feed.jsonl"
    path.write_text((line % text if "%s" in line else line) + "\n", "utf-8")
    report = import_articles([path], into=tmp_path / "c")
    assert report.imported == [] and report.skipped[0].where == f"{path}, line 1"
    assert reason in report.skipped[0].reason


def test_default_language_and_warning(tmp_path: Path) -> None:
    # one German sentence declared English by --default-lang: imported, with a warning
    path = tmp_path / "a.txt"
    path.write_text("Die Bundesregierung beschloss am Mittwoch neue Regeln für den Datenschutz.\n", "utf-8")
    report = import_articles([path], into=tmp_path / "c", lang="English")
    assert report.by_language == {"en": 1}
    assert "reads as German" in report.warnings[0].reason


def test_bad_default_language() -> None:
    with pytest.raises(ArgumentError, match="did you mean 'de'"):
        import_articles([MIXED / "wire"], into="unused", lang="Deutch")


def test_doc_ids_do_not_repeat(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text("".join(f'{{"title": "Same headline", "outlet": "Wire", "date": "2025-01-01", '
                            f'"body": "Story number {n} about the city council and its budget plans."}}\n'
                            for n in range(3)), "utf-8")
    report = import_articles([path], into=tmp_path / "c", lang="en")
    assert [a.doc_id for a in report.imported] == [
        "wire-2025-01-01-same-headline", "wire-2025-01-01-same-headline-2", "wire-2025-01-01-same-headline-3"]


def test_summary_lists_problems(mixed_corpus) -> None:
    _, report = mixed_corpus
    summary = report.summary()
    assert "Imported 19 article(s)" in summary and "by language: de 4, en 5, id 5, ja 5" in summary
    assert f"{MIXED / 'export_feed.jsonl'}, line 5: not valid JSON" in summary
    assert "ignored 2 file(s) of other types: .css 1, .jpg 1" in summary


def test_wire_pair_is_the_only_duplicate(mixed_corpus) -> None:
    # of the 19 imported articles only the republished wire copy (paragraph 5
    # dropped, new headline) is a duplicate; the short CSV brief of the
    # Stadtwerke page shares sentences with it but is under a third of it
    from newskit.io.duplicates import find_duplicates

    root, _ = mixed_corpus
    corpus = newskit.load_corpus(root)
    found = find_duplicates(corpus.documents, corpus.texts)
    copies = found[found["duplicate_of"].notna()]
    assert copies[["doc_id", "duplicate_of"]].values.tolist() == [
        ["snowstorm-rescuers-search-for", "search-resumes-for-three"]]


def test_import_never_writes_outside_into(tmp_path: Path) -> None:
    # raw/ of the target is a link to a folder elsewhere: the import stops before writing
    # anything there (it used to write the article into the linked folder)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    into = tmp_path / "corpus"
    into.mkdir()
    (into / "raw").symlink_to(elsewhere)
    with pytest.raises(CorpusError, match="leads outside the corpus folder"):
        import_articles([IMPORT / "mixed" / "ja_bonus_nfd_mac.txt"], into=into, lang="ja")
    assert list(elsewhere.iterdir()) == []


def test_import_does_not_reuse_a_linked_raw_file(tmp_path: Path) -> None:
    # raw/<hash>.txt already exists as a link to a file outside with the same bytes: the
    # article gets the long name instead of a catalog row pointing through the link
    source = IMPORT / "mixed" / "ja_bonus_nfd_mac.txt"
    probe = import_articles([source], into=tmp_path / "probe", lang="ja")
    name = probe.imported[0].file
    outside = tmp_path / "outside.txt"
    outside.write_bytes((tmp_path / "probe" / name).read_bytes())
    into = tmp_path / "corpus"
    (into / "raw").mkdir(parents=True)
    (into / name).symlink_to(outside)
    report = import_articles([source], into=into, lang="ja")
    assert report.imported[0].file != name and not (into / report.imported[0].file).is_symlink()
    newskit.load_corpus(into)  # loads: the catalog names only the real file
