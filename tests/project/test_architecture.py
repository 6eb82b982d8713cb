"""The house rules of ARCHITECTURE.md, checked on the source.

Layers import only downward (a module may import its own subpackage and any
lower layer), there are no import cycles between modules, ``analysis`` and
``crosslingual`` never import matplotlib, language facts live in ``lang``,
every module declares ``__all__``, and no module grows past the size limit.
Imports are read with ``ast`` (inside functions too), so a lazy import
cannot hide a violation.
"""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys
from pathlib import Path

import pytest

from tests.builders import ROOT

PACKAGE = ROOT / "lib" / "newskit"

#: Layer of each top-level module or subpackage (ARCHITECTURE.md).
LAYERS = {
    "errors": 0, "config": 0, "lazy": 0,
    "lang": 1,
    "io": 2,
    "text": 3,
    "entities": 4, "quantities": 4,
    "analysis": 5,
    "crosslingual": 6,
    "scale": 7,
    "viz": 8,
    "notebook": 9, "cli": 9, "__main__": 9, "synth": 9,
    "__init__": 10,  # the façade re-exports from everywhere
}
#: Subpackages that must never import matplotlib (tables in, tables out).
NO_MATPLOTLIB = ("analysis", "crosslingual", "entities", "quantities", "io", "text", "lang", "scale")
MAX_MODULE_LINES = 400


def modules() -> list[Path]:
    """Every .py file of the package."""
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def module_name(path: Path) -> str:
    """``newskit.io.corpus`` for ``lib/newskit/io/corpus.py``."""
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def unit_of(name: str) -> str:
    """The layer unit of a module name: its first part below ``newskit``."""
    parts = name.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def imported_names(path: Path) -> set[str]:
    """Every ``newskit…`` module imported anywhere in the file."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            if node.module != "newskit":  # `from newskit import config` imports newskit.config only
                found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return {name for name in found if name == "newskit" or name.startswith("newskit.")}


def known_module(name: str, names: set[str]) -> str | None:
    """``name`` or its longest prefix that is a module of the package."""
    while name and name not in names:
        name = name.rpartition(".")[0]
    return name or None


GRAPH = {module_name(p): imported_names(p) for p in modules()}


@pytest.mark.parametrize("name", sorted(GRAPH))
def test_layers_import_only_downward(name: str) -> None:
    own = unit_of(name)
    assert own in LAYERS, f"{name}: add its unit {own!r} to LAYERS and ARCHITECTURE.md"
    upward = [
        target for imported in GRAPH[name]
        if (target := known_module(imported, set(GRAPH))) and unit_of(target) != own
        and LAYERS[unit_of(target)] > LAYERS[own]
    ]
    assert upward == [], f"{name} (layer {LAYERS[own]}) imports higher layers: {upward}"


def strongly_connected(edges: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's strongly connected components of a directed graph."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def connect(node: str) -> None:  # recursive step of Tarjan's algorithm
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in sorted(edges.get(node, ())):
            if target not in index:
                connect(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            connect(node)
    return found


def test_no_import_cycles() -> None:
    names = set(GRAPH)
    edges = {name: {t for i in imports if (t := known_module(i, names)) and t != name}
             for name, imports in GRAPH.items()}
    cycles = [component for component in strongly_connected(edges) if len(component) > 1]
    assert cycles == [], f"modules importing each other: {cycles}"


def test_analysis_never_imports_matplotlib() -> None:
    # in a fresh interpreter: importing every table-producing subpackage loads no plotting library
    code = ("import sys\n" + "".join(f"import newskit.{sub}\n" for sub in NO_MATPLOTLIB)
            + "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('matplotlib', 'wordcloud'))\n"
            + "assert not bad, bad\n")
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_every_module_declares_all(path: Path) -> None:
    tree = ast.parse(path.read_text("utf-8"))
    names = {t.id for node in tree.body if isinstance(node, ast.Assign) for t in node.targets
             if isinstance(t, ast.Name)}
    assert "__all__" in names, f"{path.relative_to(PACKAGE)}: declare __all__ (its public names)"


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_modules_stay_small(path: Path) -> None:
    lines = len(path.read_text("utf-8").splitlines())
    assert lines <= MAX_MODULE_LINES, f"{path.relative_to(PACKAGE)} has {lines} lines: split it by concern"


#: Language codes written as dict keys outside lang/ mean a language fact lives in the wrong place.
LANGUAGE_TABLE = ("ja", "de", "id", "en")


#: synth/ writes text in each language (the sentence banks of generated corpora): its tables are
#: test data, not facts the analysis depends on.
LANGUAGE_FACT_EXEMPT = ("lang", "synth")


@pytest.mark.parametrize("path", [p for p in modules() if not set(LANGUAGE_FACT_EXEMPT) & set(p.relative_to(PACKAGE).parts)],
                         ids=lambda p: str(p.relative_to(PACKAGE)))
def test_language_facts_live_in_lang(path: Path) -> None:
    tables = [
        node.lineno
        for node in ast.walk(ast.parse(path.read_text("utf-8")))
        if isinstance(node, ast.Dict)
        and sum(isinstance(k, ast.Constant) and k.value in LANGUAGE_TABLE for k in node.keys) >= 2
    ]
    assert tables == [], f"{path.relative_to(PACKAGE)}: per-language tables at lines {tables}: move them to a LanguageProfile"


SUBPACKAGES = sorted(p.parent.name for p in PACKAGE.glob("*/__init__.py"))


@pytest.mark.parametrize("package", SUBPACKAGES)
def test_no_public_name_is_also_a_module_name(package: str) -> None:
    # `newskit.analysis.kwic` must stay the function: once a module of the same
    # name is imported, Python would bind the attribute to the module instead
    public = set(importlib.import_module(f"newskit.{package}").__all__)
    modules_here = {p.stem for p in (PACKAGE / package).glob("*.py")}
    assert public & modules_here == set()


MAX_FUNCTION_LINES = 60
MAX_PARAMETERS = 6


def function_sizes(path: Path) -> list[tuple[str, int, int]]:
    """(name, lines, parameters) of every function of a module, ``self``/``cls`` not counted."""
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            args = node.args
            names = [a.arg for a in (*args.posonlyargs, *args.args, *args.kwonlyargs)]
            count = len(names) + bool(args.vararg) + bool(args.kwarg) - (names[:1] in (["self"], ["cls"]))
            found.append((node.name, node.end_lineno - node.lineno + 1, count))
    return found


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_functions_stay_short(path: Path) -> None:
    long = [(name, lines, params) for name, lines, params in function_sizes(path)
            if lines > MAX_FUNCTION_LINES or params > MAX_PARAMETERS]
    assert long == [], f"{path.relative_to(PACKAGE)}: (function, lines, parameters) over the limits: {long}"


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_helpers_are_private(path: Path) -> None:
    # a reader tells API from helper by the name: public functions and classes are in __all__,
    # everything else starts with "_"
    tree = ast.parse(path.read_text("utf-8"))
    public = set()
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets):
            # package __init__ files build __all__ from their export table; they define no functions
            public |= {elt.value for elt in ast.walk(node.value) if isinstance(elt, ast.Constant)}
    loose = [node.name for node in tree.body if isinstance(node, (ast.FunctionDef, ast.ClassDef))
             and not node.name.startswith("_") and node.name not in public]
    assert loose == [], f"{path.relative_to(PACKAGE)}: add to __all__ or prefix with '_': {loose}"
