"""Versions of every tool that shapes a derived table.

Token counts change when MeCab's dictionary or simplemma's lexicon changes, so
every table the kit writes carries these versions (``DataFrame.attrs`` and a
``.meta.json`` beside each file).  Reading them is cheap and side-effect free.
"""

from __future__ import annotations

import hashlib
import platform
from pathlib import Path
from functools import lru_cache
from importlib import metadata, resources

__all__ = ["RECORDED_PACKAGES", "package_fingerprint", "tool_versions"]

#: Distributions whose versions are recorded with every table.
RECORDED_PACKAGES = ("newskit", "fugashi", "unidic-lite", "simplemma", "stopwordsiso", "pandas", "scipy", "scikit-learn",
                     "lingua-language-detector", "trafilatura", "htmldate", "rapidfuzz", "cutlet", "babel")


def _read_unidic_version() -> str:
    """The UniDic release inside unidic-lite (its ``dicdir/version`` file)."""
    try:
        return resources.files("unidic_lite").joinpath("dicdir", "version").read_text().strip()
    except (ModuleNotFoundError, FileNotFoundError):
        return "not installed"


@lru_cache(maxsize=1)
def tool_versions() -> dict[str, str]:
    """Return ``{tool: version}`` for the tokenizer, dictionary and libraries."""
    versions = {"python": platform.python_version()}
    for name in RECORDED_PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    versions["tokenizer_ja"] = f"MeCab via fugashi {versions['fugashi']}"
    versions["dictionary_ja"] = f"UniDic {_read_unidic_version()} (unidic-lite {versions['unidic-lite']})"
    versions["tokenizer_latin"] = f"newskit regex tokenizer + simplemma {versions['simplemma']}"
    return dict(versions)


@lru_cache(maxsize=8)
def package_fingerprint(*packages: str) -> str:
    """SHA-256 over every ``.py`` and data file of ``packages`` (by path
    inside the package, sorted): what a cache key needs so that an edited
    rule or profile is never served an old result, with no list of files to
    keep up to date (a new file is covered the moment it exists)."""
    digest = hashlib.sha256()
    for package in packages:
        root = Path(str(resources.files(package)))
        files = sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in (".py", ".toml", ".csv", ".txt")
                       and "__pycache__" not in p.parts)
        for path in files:
            name = f"{package}/{path.relative_to(root).as_posix()}"
            digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()
