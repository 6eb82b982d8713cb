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


def test_unknown_default_language_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    # a value on the command line is the command line's fault: exit 2, with the suggestion
    assert main(["import", str(MIXED), "--into", str(tmp_path / "c"), "--default-lang", "jp"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "did you mean 'ja'?" in err
    assert not (tmp_path / "c").exists()


def test_interrupt_exits_130(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    import newskit.io.importer

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(newskit.io.importer, "import_articles", interrupted)
    assert main(["import", str(MIXED), "--into", str(tmp_path / "c")]) == 130
    assert "interrupted" in capsys.readouterr().err


def test_help_documents_mapping_defaults_and_exit_codes(capsys: pytest.CaptureFixture) -> None:
    with pytest.raises(SystemExit) as info:
        main(["import", "--help"])
    out = " ".join(capsys.readouterr().out.split())  # argparse wraps lines at the terminal width
    assert info.value.code == 0
    for needle in ("--text COLUMN", "default: text, body, content", "default: published, publishedat",
                   "DATA_DIR/raw/", "DATA_DIR/catalog.csv", "exit codes: 0", "--strict", "auto"):
        assert needle in out, needle


def test_installed_console_script(tmp_path: Path) -> None:
    # `pip install -e .` put a `newskit` script beside the interpreter
    script = Path(sys.executable).with_name("newskit")
    assert script.is_file(), f"{script} missing: run pip install -e ."
    done = subprocess.run([str(script), "import", str(MIXED / "wire"), "--into", str(tmp_path / "c"), "--quiet"],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0 and "Imported 2 article(s)" in done.stdout, done.stderr


def test_progress_bar_on_long_detection(capsys: pytest.CaptureFixture) -> None:
    from newskit.io.importer import DETECT_BATCH, _detect_with_progress

    found = _detect_with_progress(["kurz"] * (DETECT_BATCH + 1), progress=True)
    assert len(found) == DETECT_BATCH + 1 and "detecting" in capsys.readouterr().err


def test_python_dash_m(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "newskit", "import", str(MIXED / "wire"), "--into",
                           str(tmp_path / "c"), "--quiet"], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert "Imported 2 article(s)" in done.stdout


def test_console_script_is_declared() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    assert project["scripts"]["newskit"] == "newskit.cli:main"
