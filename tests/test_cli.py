"""The ``newskit`` command: import, exit codes, one-line errors."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from newskit.cli import main

ROOT = Path(__file__).resolve().parents[1]
MIXED = ROOT / "tests" / "data" / "import" / "mixed"


def test_import_prints_the_summary(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["import", str(MIXED / "wire"), "--into", str(tmp_path / "c"), "--quiet"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"Imported 2 article(s) into {tmp_path / 'c'}") and "by language: en 2" in out
    assert main(["import", str(MIXED / "wire"), "--into", str(tmp_path / "c"), "--quiet"]) == 0
    assert capsys.readouterr().out.startswith("Nothing new")


def test_column_flags(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    export = tmp_path / "feed.csv"
    export.write_text("Schlagzeile;Fliesstext;Zeit;Medium\nA;Die Stadt baut eine neue Brücke über den Fluss, "
                      "die im Herbst fertig werden soll.;13.08.2024;Blatt\n", "utf-8")
    args = ["import", str(export), "--into", str(tmp_path / "c"), "--text", "Fliesstext", "--title", "Schlagzeile",
            "--date", "Zeit", "--source", "Medium", "--default-lang", "Deutsch", "--quiet"]
    assert main(args) == 0
    catalog = (tmp_path / "c" / "catalog.csv").read_text("utf-8")
    assert "blatt-2024-08-13-a,raw/" in catalog and ",de,A,2024-08-13,Blatt," in catalog


@pytest.mark.parametrize(
    "args, message",
    [
        # a source that does not exist
        (["import", "nowhere", "--into", "{tmp}"], "nowhere: import source not found"),
        # strict: the first bad record named with file and line, nothing written
        (["import", str(MIXED), "--into", "{tmp}", "--strict"],
         f"{MIXED / 'export_feed.jsonl'}, line 5: not valid JSON"),
        (["import", str(MIXED), "--into", "{tmp}", "--default-lang", "jp"], "did you mean 'ja'?"),
    ],
)
def test_bad_input_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture, args: list[str], message: str) -> None:
    args = [a.replace("{tmp}", str(tmp_path / "c")) for a in args]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("newskit import: error: ") and message in err
    assert not (tmp_path / "c" / "catalog.csv").exists()


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture) -> None:
    with pytest.raises(SystemExit) as info:
        main(["import", "--into", "x"])
    assert info.value.code == 2 and "required: SOURCE" in capsys.readouterr().err


def test_python_dash_m(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "newskit", "import", str(MIXED / "wire"), "--into",
                           str(tmp_path / "c"), "--quiet"], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert "Imported 2 article(s)" in done.stdout


def test_console_script_is_declared() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    assert project["scripts"]["newskit"] == "newskit.cli:main"
