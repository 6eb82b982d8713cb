"""Atomic, versioned table writing."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from newskit.io.tables import meta_path, read_table, write_atomic, write_table


def test_write_and_read_round_trip(tmp_path):
    frame = pd.DataFrame({"term": ["マスク", "xAI", "#tag, with comma"], "count": [3, 2, 1]})
    path = write_table(frame, tmp_path / "sub" / "terms.csv", "test table")
    back = read_table(path)
    assert back.equals(frame)  # quotes, commas, '#' and Japanese survive
    meta = json.loads(meta_path(path).read_text("utf-8"))
    assert meta["rows"] == 3 and meta["columns"] == ["term", "count"]
    assert "fugashi" in meta["versions"] and back.attrs["versions"] == meta["versions"]


def test_write_is_deterministic(tmp_path):
    frame = pd.DataFrame({"a": [1.5, 2.25]})
    first = write_table(frame, tmp_path / "a.csv").read_bytes() + meta_path(tmp_path / "a.csv").read_bytes()
    second = write_table(frame, tmp_path / "a.csv").read_bytes() + meta_path(tmp_path / "a.csv").read_bytes()
    assert first == second


def test_failed_write_leaves_no_temp_file(tmp_path):
    class Boom(bytes):
        pass

    target = tmp_path / "x.csv"
    write_atomic(target, b"old")
    with pytest.raises(TypeError):
        write_atomic(target, "not bytes")  # type: ignore[arg-type]
    assert target.read_bytes() == b"old"  # the old file is intact
    assert [p.name for p in tmp_path.iterdir()] == ["x.csv"]  # no temp file left behind


@pytest.mark.parametrize(
    "name, sidecar",
    [
        ("tokens.csv", "tokens.meta.json"),          # plain table
        ("02-top-terms.csv", "02-top-terms.meta.json"),  # notebook-prefixed table
    ],
)
def test_meta_path(tmp_path, name, sidecar):
    assert meta_path(tmp_path / name).name == sidecar


def test_errors_name_the_table_not_the_temporary_file(tmp_path):
    # os.replace onto a folder fails; the error used to name the hidden temp file
    (tmp_path / "terms.csv").mkdir()
    (tmp_path / "terms.csv" / "keep").write_text("x")
    with pytest.raises(OSError) as info:
        write_table(pd.DataFrame({"a": [1]}), tmp_path / "terms.csv")
    assert info.value.filename == str(tmp_path / "terms.csv")
    assert ".tmp" not in str(info.value) and "terms.csv" in str(info.value)
    assert [p.name for p in tmp_path.iterdir()] == ["terms.csv"]  # no temp file left


def test_unwritable_folder_names_the_table(tmp_path, monkeypatch):
    import tempfile

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied", str(tmp_path / ".terms.csv.x1y2.tmp"))

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(PermissionError) as info:
        write_atomic(tmp_path / "terms.csv", b"a\n")
    assert info.value.filename == str(tmp_path / "terms.csv") and ".tmp" not in str(info.value)
