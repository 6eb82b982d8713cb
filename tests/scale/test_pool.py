"""Process-pool tokenization gives exactly the single-process table."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time

import pandas as pd
import psutil
import pytest

import newskit
from newskit.scale import pool as parallel
from newskit.io.corpus import Corpus
from newskit.errors import ArgumentError, CorpusError
from newskit.scale.pool import make_batches, resolve_n_jobs
from newskit.scale.progress import NoProgress, progress_bar
from newskit.text.tokenizer import tokenize_paragraphs
from newskit.text.table import make_jobs

from tests.builders import DATA


def assert_same_table(got: pd.DataFrame, expected: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(got, expected, check_exact=True)
    assert got.attrs == expected.attrs


def repeated(corpus: Corpus, times: int) -> Corpus:
    """The corpus with every document copied ``times`` times (new doc_ids)."""
    def copies(frame: pd.DataFrame) -> pd.DataFrame:
        return pd.concat([frame.assign(doc_id=frame["doc_id"] + f"-{k}") for k in range(times)],
                         ignore_index=True)
    return Corpus(root=corpus.root, documents=copies(corpus.documents),
                  paragraphs=copies(corpus.paragraphs), texts={})


def test_two_processes_match_one(corpus, tokens):
    assert_same_table(newskit.tokenize_corpus(corpus, n_jobs=2, progress=False), tokens)


def test_many_small_batches_keep_order(corpus, monkeypatch):
    # force one batch per document so results arrive from both workers interleaved
    monkeypatch.setattr(parallel, "MIN_BATCH_CHARS", 1)
    big = repeated(corpus, 2)
    single = newskit.tokenize_corpus(big, progress=False)
    assert_same_table(newskit.tokenize_corpus(big, n_jobs=2, progress=False), single)
    assert single["doc_id"].cat.categories.tolist() == big.documents["doc_id"].tolist()


@pytest.mark.parametrize("kinds, lemmatize", [(("body",), None), (newskit.PARAGRAPH_KINDS, True), ((), None)])
def test_options_reach_the_workers(corpus, kinds, lemmatize):
    single = newskit.tokenize_corpus(corpus, kinds=kinds, lemmatize=lemmatize, progress=False)
    assert_same_table(newskit.tokenize_corpus(corpus, kinds=kinds, lemmatize=lemmatize, n_jobs=-1, progress=False), single)


def test_errors_are_raised_before_any_worker_starts(corpus):
    documents = corpus.documents.assign(lang=["ja", "fr", "id", "ja", "ja"])
    bad = Corpus(root=corpus.root, documents=documents, paragraphs=corpus.paragraphs, texts=corpus.texts)
    with pytest.raises(ArgumentError, match="unsupported language code 'fr'"):
        newskit.tokenize_corpus(bad, n_jobs=2)


def test_interleaved_paragraphs_keep_their_order(corpus):
    # documents are cut into runs of consecutive paragraphs, so even a shuffled
    # paragraphs table comes back row for row in its own order
    shuffled = corpus.paragraphs.sample(frac=1, random_state=3)
    table = tokenize_paragraphs(shuffled, corpus.languages())
    order = table[["doc_id", "para_id"]].drop_duplicates().astype(str).agg("#".join, axis=1).tolist()
    expected = shuffled[["doc_id", "para_id"]].astype(str).agg("#".join, axis=1)
    assert order == [key for key in expected if key in set(order)]


def test_jobs_follow_runs_of_documents(corpus):
    paragraphs = corpus.paragraphs
    jobs = make_jobs(paragraphs, corpus.languages())
    assert [job.doc_id for job in jobs] == corpus.documents["doc_id"].tolist()
    assert sum(len(job.texts) for job in jobs) == len(paragraphs)


def test_batches_cover_every_task_in_order(corpus):
    jobs = make_jobs(corpus.paragraphs, corpus.languages())
    many = jobs * 7
    batches = make_batches(many, workers=2)
    assert [job for batch in batches for job in batch] == many
    assert len(batches) > 1


@pytest.mark.parametrize("n_jobs, expected", [(1, 1), (3, 3), (-1, parallel.available_cores()),
                                              (-2, max(1, parallel.available_cores() - 1))])
def test_n_jobs(n_jobs, expected):
    assert resolve_n_jobs(n_jobs) == expected


def test_n_jobs_zero_is_an_error():
    with pytest.raises(ValueError, match="non-zero"):
        resolve_n_jobs(0)


def test_progress_is_silent_unless_asked(capsys):
    assert isinstance(progress_bar(10_000, None), NoProgress)  # stderr is not a TTY under pytest
    assert isinstance(progress_bar(10_000, False), NoProgress)
    bar = progress_bar(3, True)
    bar.update(3)
    bar.close()
    assert "3/3" in capsys.readouterr().err


def test_start_method_is_safe_for_threaded_parents():
    assert parallel.START_METHOD in ("forkserver", "spawn")


#: Tokenizes with two workers, says so, and waits to be killed.
KILLED_PARENT = textwrap.dedent("""
    import sys, time, newskit
    corpus = newskit.load_corpus(sys.argv[1])
    newskit.tokenize_corpus(corpus, n_jobs=2, progress=False)
    print("ready", flush=True)
    time.sleep(600)
""")


def test_workers_exit_when_their_parent_is_killed():
    # SIGKILL of a run that used n_jobs=2 used to leave the fork server, the resource
    # tracker and both workers running for ever (up to ~330 MB each)
    parent = subprocess.Popen([sys.executable, "-c", KILLED_PARENT, str(DATA)], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, text=True)
    children: list[psutil.Process] = []
    try:
        assert parent.stdout.readline().strip() == "ready"
        children = psutil.Process(parent.pid).children(recursive=True)
        names = " ".join(" ".join(child.cmdline()) for child in children)
        assert len(children) >= 4 and "forkserver" in names and "resource_tracker" in names, names
        parent.kill()
        parent.wait()
        _, alive = psutil.wait_procs(children, timeout=15)
        assert alive == [], f"still running after their parent was killed: {[p.cmdline() for p in alive]}"
    finally:
        parent.kill()
        for child in children:  # leave nothing behind when the test fails
            try:
                child.kill()
            except psutil.NoSuchProcess:
                pass


def test_watch_parent_ends_a_process_whose_parent_is_gone():
    # the initializer itself: a process watching a pid that exits ends within a moment
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
    watcher = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import time
        from newskit.scale.pool import watch_parent
        watch_parent({sleeper.pid})
        time.sleep(600)
    """)])
    try:
        time.sleep(1)
        assert watcher.poll() is None  # the watched process is alive: keep running
        sleeper.kill()
        sleeper.wait()
        assert watcher.wait(timeout=15) == 1
    finally:
        sleeper.kill()
        watcher.kill()
