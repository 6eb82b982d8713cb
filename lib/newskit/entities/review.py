"""The researcher's review loop: discovered names → a sheet to mark → an
extended gazetteer.

1. ``write_review_sheet(discover_entities(corpus), "review.csv")`` writes the
   discovery table with an empty ``accept`` column (and the link evidence);
2. the researcher marks rows ``y``/``n`` in a spreadsheet and may edit
   ``label``, ``type`` and ``entity_key`` (give two rows one key to merge them,
   or an existing ``entity_id`` to add spellings to a known entity);
3. ``merge_entities(gazetteer, "review.csv", out="data/my/entities.csv")``
   returns (and writes) the gazetteer with the accepted names: one new row per
   new key, aliases per language from the accepted surfaces; a key equal to an
   existing ``entity_id`` — or a CLDR place whose Wikidata id an existing
   entity already has — adds aliases to that entity instead.

Alias placement: a surface accepted in English goes to ``aliases_en`` (valid in
every language); a surface accepted in another language goes to that
language's column unless the same spelling is already an English alias.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pandas as pd

from newskit.entities.combine import (
    GAZETTEER_COLUMNS,
    load_any_gazetteer,
    rules_frame,
    validate_gazetteer,
)
from newskit.entities.gazetteer import base_gazetteer_paths, load_base_gazetteer
from newskit.entities.places import find_place
from newskit.errors import CorpusError
from newskit.io.tables import write_table
from newskit.io.versions import tool_versions

__all__ = ["ACCEPT_VALUES", "REVIEW_COLUMNS", "merge_entities", "write_review_sheet"]

REVIEW_COLUMNS = ["accept", "entity_key", "label", "type", "lang", "surface", "count", "n_docs",
                  "example", "evidence"]
#: Cell values of ``accept`` that mean yes (case-insensitive); anything else is no.
ACCEPT_VALUES = frozenset({"y", "yes", "1", "true", "x", "j", "ja", "ya", "はい"})
REQUIRED_REVIEW_COLUMNS = ("accept", "entity_key", "label", "type", "lang", "surface")


def write_review_sheet(discovered: pd.DataFrame, path: str | Path) -> Path:
    """Write the discovery table as a review sheet (``accept`` left blank,
    the link evidence beside each spelling) with a versions sidecar."""
    sheet = discovered.copy()
    links = discovered.attrs.get("links")
    if links is not None and len(links):
        sheet = sheet.merge(links[["lang", "surface", "evidence"]], on=["lang", "surface"], how="left")
    sheet["accept"] = ""
    sheet = sheet.reindex(columns=REVIEW_COLUMNS, fill_value="")
    sheet.attrs["versions"] = discovered.attrs.get("versions", tool_versions())
    return write_table(sheet, path, "discover_entities review sheet: mark accept y/n")


def _read_review(path: str | Path) -> pd.DataFrame:
    """The accepted rows of a review sheet, checked."""
    path = Path(path)
    try:
        sheet = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except (FileNotFoundError, UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise CorpusError(path, f"cannot read the review sheet: {exc}") from None
    missing = [c for c in REQUIRED_REVIEW_COLUMNS if c not in sheet.columns]
    if missing:
        raise CorpusError(path, f"review sheet lacks column(s) {', '.join(missing)}")
    sheet = sheet.map(str.strip)
    accepted = sheet[sheet["accept"].str.lower().isin(ACCEPT_VALUES)]
    for index, row in accepted.iterrows():
        if not row["entity_key"] or not row["surface"] or row["lang"] not in ("ja", "de", "id", "en"):
            raise CorpusError(path, "accepted row needs entity_key, surface and lang (ja/de/id/en)",
                                      line=int(index) + 2)
    return accepted


def _alias_cells(group: pd.DataFrame) -> dict[str, str]:
    """Alias columns for one accepted entity (see the module docstring)."""
    english = list(dict.fromkeys(group.loc[group["lang"] == "en", "surface"]))
    cells = {"aliases_en": "|".join(english)}
    for lang in ("ja", "de", "id"):
        own = [s for s in dict.fromkeys(group.loc[group["lang"] == lang, "surface"]) if s not in english]
        cells[f"aliases_{lang}"] = "|".join(own)
    return cells


def _new_row(key: str, group: pd.DataFrame, source: str) -> dict[str, str]:
    """A gazetteer row for an accepted entity the gazetteer lacks."""
    labels = Counter(group["label"].replace("", pd.NA).dropna())
    types = Counter(group["type"].replace("", pd.NA).dropna())
    places = [find_place(s, lang) for lang, s in zip(group["lang"], group["surface"])]
    qid = next((p.wikidata for p in places if p is not None and p.wikidata), "")
    row = {"entity_id": key, "label": labels.most_common(1)[0][0] if labels else group["surface"].iloc[0],
           "type": types.most_common(1)[0][0] if types else "ORG", "wikidata": qid, "parent": "",
           "note": f"added by merge_entities from {source}"}
    return row | _alias_cells(group)


def _target_id(key: str, group: pd.DataFrame, table: pd.DataFrame) -> str | None:
    """The existing entity an accepted key belongs to: same id, or a CLDR
    place with the Wikidata id of an existing entity."""
    if key in set(table["entity_id"]):
        return key
    qids = {p.wikidata for lang, s in zip(group["lang"], group["surface"])
            if (p := find_place(s, lang)) is not None and p.wikidata}
    hits = table.loc[table["wikidata"].isin(qids) & (table["wikidata"] != ""), "entity_id"]
    return str(hits.iloc[0]) if len(hits) else None


def merge_entities(gazetteer_or_path: pd.DataFrame | str | Path | None, reviewed_csv: str | Path, *,
                   out: str | Path | None = None) -> pd.DataFrame:
    """The gazetteer extended by the accepted rows of a review sheet,
    validated like a gazetteer file (its rules kept).  With ``out``, also
    written there as CSV in the gazetteer schema, with the rules as
    ``entity_rules.csv`` beside it unless that folder already has one (so
    ``load_gazetteer(out)`` keeps every rule)."""
    base = load_any_gazetteer(gazetteer_or_path)
    table = base.reindex(columns=GAZETTEER_COLUMNS, fill_value="").fillna("").astype(str).copy()
    accepted = _read_review(reviewed_csv)
    new_rows = []
    for key, group in accepted.groupby("entity_key", sort=False):
        target = _target_id(key, group, table)
        if target is None:
            new_rows.append(_new_row(key, group, Path(reviewed_csv).name))
            continue
        i = table.index[table["entity_id"] == target][0]
        for column, cell in _alias_cells(group).items():
            merged = "|".join(dict.fromkeys(a for a in f"{table.at[i, column]}|{cell}".split("|") if a))
            table.at[i, column] = merged
    table = pd.concat([table, pd.DataFrame(new_rows, columns=GAZETTEER_COLUMNS)], ignore_index=True)
    rules = rules_frame(base)
    merged = validate_gazetteer(table, rules)
    if out is not None:
        _write_named(*_beyond_base(table, rules, base), Path(out))
    return merged


def _beyond_base(table: pd.DataFrame, rules: pd.DataFrame, base: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """What a written file must hold: when the gazetteer extends the shipped
    base, only rows and rules the base does not already have (the file is
    loaded on top of the base again), so the project file stays small."""
    base_path = str(base_gazetteer_paths()[0])
    if base_path not in base.attrs.get("sources", ()):
        return table, rules
    shipped = load_base_gazetteer()
    same_rows = table.merge(shipped.reindex(columns=GAZETTEER_COLUMNS).astype(str), how="left", indicator=True)
    keep_rows = table[(same_rows["_merge"] == "left_only").to_numpy()]
    shipped_rules = rules_frame(shipped)[["lang", "kind", "entity_id", "alias", "pattern"]]
    same_rules = rules.merge(shipped_rules, how="left", indicator=True)
    return keep_rows, rules[(same_rules["_merge"] == "left_only").to_numpy()]


def _write_named(table: pd.DataFrame, rules: pd.DataFrame, out: Path) -> None:
    """Write a gazetteer under another file name (rules beside it if absent)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    table.reindex(columns=GAZETTEER_COLUMNS, fill_value="").to_csv(out, index=False, encoding="utf-8")
    rules_path = out.parent / "entity_rules.csv"
    if len(rules) and not rules_path.exists():
        rules.to_csv(rules_path, index=False, encoding="utf-8")
