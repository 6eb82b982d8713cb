"""Import a researcher's own articles into a corpus folder.

``import_articles(["saved_pages/", "export.csv"], into="data")`` reads every
source (see :mod:`newskit.io.readers`), settles each article's language,
and writes each new article once:

* ``raw/<first 16 hex digits of its SHA-256>.txt``, UTF-8, one paragraph
  per line.  The title is the first line (unless the text already starts
  with it), so analyses see the headline as the heading paragraph, as in
  hand-made corpora; the catalog has it too.  The SHA-256 is that of the
  *normalised* text of this file (:func:`newskit.io.normalize.normalize_text`),
  so copies that differ only in Unicode spelling are one article.  Existing
  raw files are never overwritten: a name that is taken by other content
  gets the full 64-digit hash.
* one catalog row: ``doc_id, file, lang, title, published, publisher, url``
  and the provenance ``source_file, source_line, sha256, encoding,
  lang_detected, lang_confidence, imported_at``.

Languages: a record's own language value (``Deutsch``, ``ja-JP``) or else
the ``lang`` argument; ``auto`` (the default) detects it.  Every text is
detected, in one batch; a declared language that a long text clearly
contradicts makes the record a bad one, a weaker contradiction a warning.

Idempotent: an article whose hash is already in the corpus (or earlier in
the same import) is counted as already there.  Transactional: bad records
are skipped and reported with file and line, or with ``strict=True`` the
import is refused before anything is written; raw files are written before
the catalog, which is replaced atomically, so an interrupted import leaves
the old catalog and at worst unreferenced raw files that the next import
reuses.  (Two imports into one folder at the same time are not guarded.)

Links: sources are the researcher's own choice, so a source file or folder
that is a symbolic link is followed and read.  Writing is contained: nothing
is ever written outside ``into`` — a ``raw/`` that is a link leading out of
``into`` stops the import, and an existing ``raw/<hash>.txt`` that is a link
is never reused or written through (the article gets the next free name).
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from tqdm.auto import tqdm

from newskit.errors import CorpusError
from newskit.io.import_catalog import (
    CATALOG_NAME, ExistingCatalog, read_existing_catalog, text_sha256, write_catalog,
)
from newskit.io.import_report import ImportedArticle, ImportReport
from newskit.io.exports import ColumnResolver
from newskit.io.ids import make_doc_id
from newskit.io.readers import list_source_files, read_source_file
from newskit.io.records import BadRecord, Record
from newskit.io.normalize import normalize_text
from newskit.lang.codes import AUTO, normalise_lang_code
from newskit.lang.detect import Detection, check_declared_language, detect_languages

__all__ = [
    "catalog_row", "declared_language", "import_articles",
]

RAW_DIR = "raw"
HASH_PREFIX = 16


@dataclass(frozen=True)
class _Article:
    """A record that passed every check, ready to be written."""

    record: Record
    lang: str
    detection: Detection
    content: str
    sha256: str


def import_articles(sources: str | Path | Iterable[str | Path], into: str | Path, *,
                    mapping: Mapping[str, str] | None = None, strict: bool = False,
                    lang: str | None = None, progress: bool | None = None) -> ImportReport:
    """Import the articles of ``sources`` into the corpus folder ``into``.

    ``mapping``: export columns by field (``{"text": "body", "date":
    "published_at"}``, fields ``text title date source url lang``);
    ``lang``: the language of records that name none (default ``auto``:
    detect); ``strict``: refuse the whole import on any bad record;
    ``progress``: show tqdm bars (``None``: only on a terminal)."""
    sources = [sources] if isinstance(sources, (str, Path)) else list(sources)
    root = Path(into)
    default_lang = normalise_lang_code(lang or AUTO)
    resolver = ColumnResolver(mapping)
    files, ignored = list_source_files(sources)
    existing = read_existing_catalog(root)
    report = ImportReport(into=root, ignored=ignored)
    records = []
    for path in tqdm(files, desc="reading", unit="file", disable=_quiet(progress, len(files), 20)):
        for item in read_source_file(path, resolver):
            (records if isinstance(item, Record) else report.skipped).append(item)
    known = existing.known_hashes()
    articles = _prepare_articles(records, default_lang, known, report, progress)
    if strict and report.skipped:
        _raise_refusal(report.skipped)
    rows = _place_articles(articles, existing, known, report, progress)
    if rows:
        write_catalog(existing, rows)
        if existing.read_as:
            report.notes.append(f"{CATALOG_NAME} was {existing.read_as}; it is now comma-separated UTF-8 "
                                f"(every value kept)")
    report.catalog_rows = len(existing.rows) + len(rows)
    return report


def _quiet(progress: bool | None, count: int, minimum: int) -> bool | None:
    """tqdm's ``disable``: never for True, always for False or few items,
    else tqdm's own choice (off when not on a terminal)."""
    if progress is False or count < minimum:
        return True
    return False if progress else None


def _raise_refusal(problems: list[BadRecord]) -> None:
    """Refuse a strict import, naming the first bad record and counting all."""
    first, rest = problems[0], problems[1:]
    also = f"; also {'; '.join(p.where for p in rest[:5])}" + (" …" if len(rest) > 5 else "") if rest else ""
    raise CorpusError(first.source_file, f"{first.reason} — import refused (strict): {len(problems)} bad "
                                         f"record(s), nothing was written{also}", line=first.line)


def _prepare_articles(records: list[Record], default_lang: str, known: dict[str, str],
                     report: ImportReport, progress: bool | None = None) -> list[_Article]:
    """Settle language, content and hash of each record; bad ones go to
    ``report.skipped``, doubtful ones also to ``report.warnings``.  A record
    with a declared language whose hash is ``known`` is already there and
    skips detection (a re-import costs little)."""
    pending = []
    for record in records:
        declared = declared_language(record, default_lang, report)
        if declared is None:
            continue
        content = _compose_content(record)
        digest = text_sha256(content, declared) if declared != AUTO else ""
        if digest in known:
            report.already_there.append((record.where, known[digest]))
            continue
        pending.append((record, declared, content))
    detections = _detect_with_progress([content for _, _, content in pending], progress)
    articles = []
    for (record, declared, content), found in zip(pending, detections):
        lang = _confirm_language(record, declared, found, report)
        if lang is None:
            continue
        if not normalize_text(content, lang).strip():
            _skip(report, record, "empty text (only invisible characters)")
            continue
        articles.append(_Article(record, lang, found, content, text_sha256(content, lang)))
    return articles


#: Texts detected per step of the "detecting" progress bar.
DETECT_BATCH = 500


def _detect_with_progress(texts: list[str], progress: bool | None) -> list[Detection]:
    """:func:`~newskit.lang.detect.detect_languages` in batches of
    :data:`DETECT_BATCH` under a progress bar (detection is the longest step
    of a large import: about 0.7 ms an article)."""
    if _quiet(progress, len(texts), DETECT_BATCH) is True:
        return detect_languages(texts)
    found: list[Detection] = []
    with tqdm(total=len(texts), desc="detecting", unit="article", disable=_quiet(progress, len(texts), 0)) as bar:
        for start in range(0, len(texts), DETECT_BATCH):
            found += detect_languages(texts[start:start + DETECT_BATCH])
            bar.update(min(DETECT_BATCH, len(texts) - start))
    return found


def _skip(report: ImportReport, record: Record, reason: str) -> None:
    report.skipped.append(BadRecord(record.source_file, record.line, reason, record.unit))


def declared_language(record: Record, default_lang: str, report: ImportReport) -> str | None:
    """The record's own language value normalised (else ``default_lang``,
    which may be ``auto``), or ``None`` after reporting an unknown one."""
    if not record.lang:
        return default_lang
    try:
        return normalise_lang_code(record.lang, where=record.source_file, line=record.line)
    except CorpusError as exc:
        return _skip(report, record, exc.problem)


def _confirm_language(record: Record, declared: str, found: Detection, report: ImportReport) -> str | None:
    """The detected language for ``auto``, else the declared one unless the
    text clearly contradicts it; ``None`` after reporting why."""
    if declared == AUTO:
        if found.lang is None:
            return _skip(report, record, f"language not detected ({found.reason}): "
                                         f"give it in a lang column or with --default-lang")
        return found.lang
    mismatch = check_declared_language("", declared, detection=found)
    if mismatch is not None and mismatch.severity == "error":
        return _skip(report, record, mismatch.message)
    if mismatch is not None:
        report.warnings.append(BadRecord(record.source_file, record.line, mismatch.message, record.unit))
    return declared


def _compose_content(record: Record) -> str:
    """The raw file's text: the title line (unless the text starts with it)
    and the text, blank lines at both ends removed, one ``\\n`` at the end."""
    text = record.text.strip("\n")
    first = next((line for line in text.split("\n") if line.strip()), "")
    title = record.title.strip()
    if title and " ".join(first.split()) != " ".join(title.split()):
        text = f"{title}\n{text}"
    return text.strip("\n") + "\n"


def _place_articles(articles: list[_Article], existing: ExistingCatalog, known: dict[str, str],
                   report: ImportReport, progress: bool | None) -> list[dict[str, str]]:
    """Write the raw file of every new article (``known``: hash → doc_id,
    updated); return their catalog rows."""
    ids = {rec["doc_id"] for rec in existing.records}
    imported_at = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    rows = []
    for article in tqdm(articles, desc="writing", unit="article", disable=_quiet(progress, len(articles), 200)):
        record = article.record
        if article.sha256 in known:
            report.already_there.append((record.where, known[article.sha256]))
            continue
        file = _write_raw_file(existing.root, article)
        doc_id = make_doc_id(record, article.lang, article.sha256, ids)
        ids.add(doc_id)
        known[article.sha256] = doc_id
        rows.append(catalog_row(article, doc_id, file, imported_at))
        report.imported.append(ImportedArticle(doc_id, file, article.lang, record.where))
    return rows


def catalog_row(article: _Article, doc_id: str, file: str, imported_at: str) -> dict[str, str]:
    """The catalog row of one imported article (title and publisher
    normalised like the text, so an NFD title compares equal to its NFC twin)."""
    record, found = article.record, article.detection
    return {
        "doc_id": doc_id, "file": file, "lang": article.lang,
        "title": normalize_text(record.title, article.lang), "published": record.published,
        "publisher": normalize_text(record.publisher, article.lang), "url": record.url,
        "source_file": record.source_file, "source_line": "" if record.line is None else str(record.line),
        "sha256": article.sha256, "encoding": record.encoding, "lang_detected": found.detected or "",
        "lang_confidence": "" if found.detected is None else f"{found.confidence:.4f}",
        "imported_at": imported_at,
    }


def _write_raw_file(root: Path, article: _Article) -> str:
    """Write the article under ``raw/`` without ever replacing a file;
    return its path relative to ``root`` (POSIX)."""
    data = article.content.encode("utf-8")
    folder = _raw_folder(root)
    for name in (article.sha256[:HASH_PREFIX], article.sha256):
        target = folder / f"{name}.txt"
        if _link_new(folder, target, data) or (not target.is_symlink() and target.read_bytes() == data):
            return f"{RAW_DIR}/{target.name}"
    raise CorpusError(folder / f"{article.sha256}.txt", "exists with other content; move it away and import again")


def _raw_folder(root: Path) -> Path:
    """``root/raw``, created if needed; refused when its real path is not
    inside ``root`` (a link to elsewhere), so an import never writes outside
    the corpus folder it was given."""
    folder = root / RAW_DIR
    folder.mkdir(parents=True, exist_ok=True)
    real, real_root = folder.resolve(), root.resolve()
    if not real.is_relative_to(real_root):
        raise CorpusError(folder, f"leads outside the corpus folder {real_root} (to {real}): an import writes "
                                  "only inside its target folder; make raw/ a real folder")
    return folder


def _link_new(folder: Path, target: Path, data: bytes) -> bool:
    """Create ``target`` holding ``data`` atomically (write a temporary file,
    hard-link it into place); ``False`` when ``target`` already exists."""
    fd, tmp = tempfile.mkstemp(prefix=".import.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)
        os.link(tmp, target)
        return True
    except FileExistsError:
        return False
    finally:
        Path(tmp).unlink(missing_ok=True)
