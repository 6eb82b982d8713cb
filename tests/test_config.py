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


@pytest.mark.parametrize(
    "value, expected",
    [
        ("", paths.DEFAULT_MAX_FILE_BYTES),   # unset or empty: 256 MiB
        ("1000", 1000),                       # plain bytes
        ("512M", 512 * 2**20),                # binary suffixes
        ("2g", 2 * 2**30),                    # any case
        ("1_000", 1000),                      # digit separators
        ("64KiB", 64 * 2**10),                # KiB spelt out
    ],
)
def test_max_file_bytes(monkeypatch, value, expected):
    monkeypatch.setenv(paths.MAX_FILE_BYTES_ENV, value)
    assert paths.max_file_bytes() == expected


@pytest.mark.parametrize("value", ["lots", "0", "-5", "1T", "1.5G"])
def test_max_file_bytes_refuses_nonsense(monkeypatch, value):
    monkeypatch.setenv(paths.MAX_FILE_BYTES_ENV, value)
    with pytest.raises(ValueError, match="NEWSKIT_MAX_FILE_BYTES"):
        paths.max_file_bytes()


@pytest.mark.parametrize(
    "value, expected",
    [
        ("", paths.DEFAULT_NO_WORKER_SECONDS),  # unset: 120 s
        ("3", 3.0),                             # seconds
        ("0.5", 0.5),                           # fractions
        ("0", float("inf")),                    # 0: wait for ever (an adaptive cluster)
    ],
)
def test_no_worker_seconds(monkeypatch, value, expected):
    monkeypatch.setenv(paths.NO_WORKER_SECONDS_ENV, value)
    assert paths.no_worker_seconds() == expected


def test_no_worker_seconds_refuses_nonsense(monkeypatch):
    monkeypatch.setenv(paths.NO_WORKER_SECONDS_ENV, "soon")
    with pytest.raises(ValueError, match="NEWSKIT_DASK_NO_WORKER_SECONDS"):
        paths.no_worker_seconds()
