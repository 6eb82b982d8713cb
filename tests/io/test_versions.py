"""Tool versions recorded with every table."""

from __future__ import annotations

import pytest

from newskit.io.versions import _read_unidic_version, tool_versions


@pytest.mark.parametrize(
    "key",
    ["python", "newskit", "fugashi", "unidic-lite", "simplemma", "stopwordsiso", "pandas",
     "tokenizer_ja", "dictionary_ja", "tokenizer_latin"],
)
def test_versions_recorded(key):
    assert tool_versions()[key] not in ("", "not installed")


def test_unidic_version_comes_from_the_dictionary():
    # unidic-lite 1.0.8 ships UniDic 2.1.2
    assert _read_unidic_version() == "2.1.2"
    assert "UniDic 2.1.2" in tool_versions()["dictionary_ja"]
