"""``python -m newskit.synth``: the command writes a corpus and refuses a used folder."""

from __future__ import annotations

import csv

from newskit.synth.__main__ import main


def test_command_writes_minimal_corpus_with_export(tmp_path, capsys):
    out = tmp_path / "cli"
    assert main([str(out), "--n", "12", "--seed", "1", "--minimal", "--export", "jsonl", "--languages", "ja", "de"]) == 0
    assert "wrote 12 articles" in capsys.readouterr().out
    with (out / "catalog.csv").open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["doc_id", "file", "lang"] and {r[2] for r in rows[1:]} <= {"ja", "de"}
    assert len((out / "exports" / "articles.jsonl").read_text(encoding="utf-8").splitlines()) == 12


def test_command_refuses_a_used_folder(tmp_path, capsys):
    (tmp_path / "old.txt").write_text("x", encoding="utf-8")
    assert main([str(tmp_path), "--n", "3"]) == 2
    assert "not empty" in capsys.readouterr().err
