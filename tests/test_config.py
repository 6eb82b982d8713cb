"""Paths resolve from the repository root and from notebooks/."""

from __future__ import annotations

import pytest

from newskit import config as paths

from tests.builders import ROOT


@pytest.mark.parametrize("cwd", [".", "notebooks", "lib/newskit"])
def test_project_root_found_from_subfolders(monkeypatch, cwd):
    monkeypatch.delenv(paths.ROOT_ENV, raising=False)
    monkeypatch.chdir(ROOT / cwd)
    assert paths.find_project_root() == ROOT
    assert paths.resolve_data_dir("data") == ROOT / "data"


def test_env_overrides_root(monkeypatch, tmp_path):
    monkeypatch.setenv(paths.ROOT_ENV, str(tmp_path))
    assert paths.find_project_root() == tmp_path


@pytest.mark.parametrize(
    "data_dir, figures",
    [
        ("data", "reports/figures"),                     # the project corpus
        ("data/examples", "data/examples/reports/figures"),  # another corpus keeps its output beside it
    ],
)
def test_figures_dir(monkeypatch, data_dir, figures):
    monkeypatch.delenv(paths.ROOT_ENV, raising=False)
    monkeypatch.chdir(ROOT)
    assert paths.figures_dir(data_dir) == ROOT / figures


def test_processed_dir_is_beside_the_corpus(monkeypatch):
    monkeypatch.chdir(ROOT)
    assert paths.processed_dir("data") == ROOT / "data" / "processed"
