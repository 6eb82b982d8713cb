"""What an import did, for the researcher (``summary()``) and for programs."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from newskit.io.records import BadRecord

__all__ = ["ImportReport", "ImportedArticle"]

#: How many skipped records and warnings the summary lists one by one.
SHOWN = 20


@dataclass(frozen=True)
class ImportedArticle:
    """One article written by the import: its catalog id, raw file, language
    and the place it came from (``feed.jsonl, line 3``)."""

    doc_id: str
    file: str
    lang: str
    where: str


@dataclass
class ImportReport:
    """Counts and details of one :func:`~newskit.io.importer.import_articles` call.

    ``already_there`` pairs each record's place with the ``doc_id`` it
    matches (same SHA-256 of the normalised text); ``skipped`` are the bad
    records with their reasons; ``warnings`` records imported with a doubt
    (a declared language the text seems to contradict, on little text);
    ``ignored`` files of other types found in folders; ``notes`` anything
    else the researcher should know (a catalog rewritten as UTF-8)."""

    into: Path
    imported: list[ImportedArticle] = field(default_factory=list)
    already_there: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[BadRecord] = field(default_factory=list)
    warnings: list[BadRecord] = field(default_factory=list)
    ignored: list[Path] = field(default_factory=list)
    catalog_rows: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def by_language(self) -> dict[str, int]:
        """Imported articles per language, sorted by code."""
        return dict(sorted(Counter(a.lang for a in self.imported).items()))

    def summary(self) -> str:
        """A readable account of the import, one fact per line."""
        catalog = self.into / "catalog.csv"
        if self.imported:
            head = [f"Imported {len(self.imported)} article(s) into {self.into} "
                    f"({catalog.name} now lists {self.catalog_rows}).",
                    "  by language: " + ", ".join(f"{k} {v}" for k, v in self.by_language.items())]
        elif self.already_there:
            head = [f"Nothing new: every article read is already in {self.into} "
                    f"(same SHA-256 of the normalised text)."]
        else:
            head = [f"Nothing imported into {self.into}."]
        lines = [*head, f"  already there: {len(self.already_there)}"]
        lines += _listed("skipped", self.skipped)
        lines += _listed("warnings", self.warnings)
        if self.ignored:
            kinds = Counter(p.suffix.lower() or "(no suffix)" for p in self.ignored)
            lines.append(f"  ignored {len(self.ignored)} file(s) of other types: "
                         + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
        lines += [f"  note: {note}" for note in self.notes]
        return "\n".join(lines)


def _listed(label: str, problems: list[BadRecord]) -> list[str]:
    """``label: N`` and then the first :data:`SHOWN` problems, indented."""
    if not problems:
        return [f"  {label}: 0"]
    lines = [f"  {label}: {len(problems)}"]
    lines += [f"    {problem}" for problem in problems[:SHOWN]]
    if len(problems) > SHOWN:
        lines.append(f"    … and {len(problems) - SHOWN} more (see ImportReport.{label})")
    return lines
