"""The package's architecture: the stages in order, data flowing one way.

``STAGES`` is the one declaration of the order of the stages, from the bottom up. A module may
import modules of its own stage or of an earlier one, never of a later one, and no two modules
may import each other however indirectly. ``gapstudy/__init__.py`` is the package's front door
for users (``gapstudy.load``): it may import any stage, and no module imports it. Imports are
read from the source with :mod:`ast`, at any depth (an import inside a function counts), so
nothing is imported to check them.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "gapstudy"
README = PACKAGE.parent / "README.md"
FACADE = "__init__"

# The stages, from the bottom up: (what the stage does, its modules).
STAGES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("foundation: paths, error types, whole-file writes", ("paths", "exceptions", "atomicfile")),
    ("reading hand-written files", ("yamlfile",)),
    (
        "declarations: input keys, vocabularies, table schemas",
        ("periods", "input_schema", "vocab", "schema"),
    ),
    ("sources and entities", ("sources", "entities")),
    ("numeric mentions", ("mentions",)),
    (
        "figures and annotations",
        # the sentence reader's families of rules, from the bottom up: each may import only
        # the ones before it; sentences runs them in order
        (
            *("figures", "unheld", "sentence_words", "sentence_spans", "sentence_lists"),
            *("sentence_prices", "sentence_nonquantity", "sentence_changes"),
            *("sentence_comparisons", "sentence_ranks", "sentence_neighbours", "sentences"),
            "annotations",
        ),
    ),
    (
        "cross-source facts",
        ("specfile", "facts", "measures", "disagreements", "references", "judgments"),
    ),
    ("what a run reads of the tables", ("brief", "subset", "weighing")),
    ("the run list and content hashes", ("provenance", "runlist")),
    ("validation: the corpus gate", ("checkcache", "reuse", "check")),
    ("tables", ("tables", "summary")),
    (
        "plots, the selection check and the brief",
        ("style", "output", "plots", "selection", "narrative"),
    ),
    ("the HTML report", ("reader", "render", "diff")),
    ("running notebooks", ("engine", "lock", "guard", "runner")),
    ("the build: the stage sequence", ("build",)),
    ("commands", ("add", "cli", "__main__")),
    ("the package's front door", (FACADE,)),
)

# Over this many lines a function needs a docstring saying why ("Long because ...").
MAX_FUNCTION_LINES = 80


@dataclass(frozen=True)
class Import:
    """One import of a module of the package by another."""

    importer: str
    imported: str
    names: tuple[str, ...]
    line: int

    def __str__(self) -> str:
        return (
            f"{self.importer} (line {self.line}) imports {self.imported}: {', '.join(self.names)}"
        )


def read_imports(package: Path) -> list[Import]:
    """Every import of one module of ``package`` by another, read from the source.

    ``from gapstudy import x`` imports module ``x`` when there is one, else the name ``x`` of the
    package's ``__init__``; ``import gapstudy`` imports the ``__init__``.
    """
    modules = {path.stem for path in package.glob("*.py")}
    found = []
    for path in sorted(package.glob("*.py")):
        importer = path.stem
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            for imported, names in _imports_of(node, package.name, modules):
                if imported != importer:
                    found.append(Import(importer, imported, names, node.lineno))
    return found


def _imports_of(
    node: ast.AST, package: str, modules: set[str]
) -> list[tuple[str, tuple[str, ...]]]:
    """The package's modules an import statement reaches, with the names it takes."""
    if isinstance(node, ast.Import):
        reached = []
        for alias in node.names:
            parts = alias.name.split(".")
            if parts[0] == package:
                module = parts[1] if len(parts) > 1 else FACADE
                reached.append((module, (alias.name,)))
        return reached
    if not isinstance(node, ast.ImportFrom):
        return []
    parts = (node.module or "").split(".") if node.module else []
    if node.level == 0:
        if not parts or parts[0] != package:
            return []
        parts = parts[1:]
    elif node.level > 1:
        return []
    names = tuple(alias.name for alias in node.names)
    if parts:
        return [(parts[0], names)]
    reached = [(name, ("(the module)",)) for name in names if name in modules]
    rest = tuple(name for name in names if name not in modules)
    return reached + ([(FACADE, rest)] if rest else [])


def stage_of(stages: tuple[tuple[str, tuple[str, ...]], ...]) -> dict[str, int]:
    """Each module's stage number (0 at the bottom)."""
    return {module: n for n, (_, modules) in enumerate(stages) for module in modules}


def upward_imports(imports: list[Import], stages: dict[str, int]) -> list[str]:
    """Imports that reach up a stage, or into the front door, one message each."""
    problems = []
    for imp in imports:
        if imp.imported == FACADE:
            problems.append(f"{imp}: no module imports the package's __init__")
        elif stages[imp.imported] > stages[imp.importer]:
            problems.append(
                f"{imp}: stage {stages[imp.imported]} ({imp.imported}) is above "
                f"stage {stages[imp.importer]} ({imp.importer})"
            )
    return problems


def circles(imports: list[Import]) -> list[str]:
    """Each group of modules that import each other (directly or not), with the imports that
    close it, one message per group."""
    graph: dict[str, set[str]] = {}
    for imp in imports:
        graph.setdefault(imp.importer, set()).add(imp.imported)
        graph.setdefault(imp.imported, set())
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups: list[set[str]] = []

    def visit(module: str) -> None:  # Tarjan's strongly connected components
        index[module] = low[module] = len(index)
        stack.append(module)
        for other in sorted(graph[module]):
            if other not in index:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in stack:
                low[module] = min(low[module], index[other])
        if low[module] == index[module]:
            group = set()
            while True:
                member = stack.pop()
                group.add(member)
                if member == module:
                    break
            if len(group) > 1:
                groups.append(group)

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return [
        "circle of "
        + ", ".join(sorted(group))
        + ": "
        + "; ".join(str(i) for i in imports if i.importer in group and i.imported in group)
        for group in groups
    ]


def long_functions(package: Path, limit: int = MAX_FUNCTION_LINES) -> list[str]:
    """Functions longer than ``limit`` lines whose docstring does not say why."""
    found = []
    for path in sorted(package.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = node.end_lineno - node.lineno + 1
                if length > limit and "Long because" not in (ast.get_docstring(node) or ""):
                    found.append(f"{path.stem}.{node.name}: {length} lines")
    return found


# ---------------------------------------------------------------------------- the package


def test_every_module_has_one_stage() -> None:
    declared = [module for _, modules in STAGES for module in modules]
    assert len(declared) == len(set(declared)), "a module is declared in two stages"
    modules = {path.stem for path in PACKAGE.glob("*.py")}
    assert sorted(modules - set(declared)) == [], "place the new module(s) in STAGES"
    assert sorted(set(declared) - modules) == [], "STAGES names module(s) that do not exist"


def test_no_import_reaches_up_a_stage() -> None:
    problems = upward_imports(read_imports(PACKAGE), stage_of(STAGES))
    assert problems == [], "\n".join(problems)


def test_no_import_circles() -> None:
    problems = circles(read_imports(PACKAGE))
    assert problems == [], "\n".join(problems)


def test_no_long_function_without_a_reason() -> None:
    assert long_functions(PACKAGE) == []


def test_readme_module_table_lists_every_module() -> None:
    section = README.read_text(encoding="utf-8").split("### The library, stage by stage", 1)[1]
    rows = [line.split("|") for line in section.split("\n## ", 1)[0].splitlines()]
    module_cells = [row[2] for row in rows if len(row) > 3 and "`" in row[2]]
    listed = set(re.findall(r"`(\w+)`", " ".join(module_cells)))
    modules = {path.stem for path in PACKAGE.glob("*.py")} - {FACADE}
    assert sorted(modules - listed) == [], "add the module(s) to the README's table"
    assert sorted(listed - modules) == [], "the README's table names module(s) that do not exist"


# ---------------------------------------------------------------------------- the checks can fail


def write_package(root: Path, modules: dict[str, str]) -> Path:
    package = root / "gapstudy"
    package.mkdir()
    for name, text in modules.items():
        (package / f"{name}.py").write_text(text, encoding="utf-8")
    return package


FAKE_STAGES = (("low", ("low",)), ("high", ("high",)), ("front", (FACADE,)))


@pytest.mark.parametrize(
    ("low_source", "message"),
    [
        (
            "from gapstudy.high import thing, other\n",
            "low (line 1) imports high: thing, other: stage 1 (high) is above stage 0 (low)",
        ),
        ("from gapstudy import high\n", "low (line 1) imports high: (the module)"),
        ("import gapstudy.high as h\n", "low (line 1) imports high: gapstudy.high"),
        ("from . import high\n", "low (line 1) imports high: (the module)"),
        ("def f():\n    from .high import thing\n", "low (line 2) imports high: thing"),
        ("import gapstudy\n", "low (line 1) imports __init__: gapstudy: no module imports"),
        ("from gapstudy import load\n", "low (line 1) imports __init__: load: no module imports"),
    ],
)
def test_an_upward_import_is_named_with_both_modules_and_the_names(
    tmp_path: Path, low_source: str, message: str
) -> None:
    package = write_package(
        tmp_path, {"low": low_source, "high": "from gapstudy.low import base\n", FACADE: ""}
    )
    (problem,) = upward_imports(read_imports(package), stage_of(FAKE_STAGES))
    assert problem.startswith(message)


def test_a_downward_import_passes(tmp_path: Path) -> None:
    package = write_package(
        tmp_path,
        {
            "low": "import json\n",
            "high": "from gapstudy.low import base\n",
            FACADE: "from gapstudy.high import x\n",
        },
    )
    imports = read_imports(package)
    assert len(imports) == 2
    assert upward_imports(imports, stage_of(FAKE_STAGES)) == []
    assert circles(imports) == []


def test_a_circle_is_named_with_every_import_closing_it(tmp_path: Path) -> None:
    package = write_package(
        tmp_path,
        {
            "a": "from gapstudy.b import one\n",
            "b": "def f():\n    from gapstudy import c\n",
            "c": "from gapstudy.a import three\n",
            "d": "from gapstudy.a import four\n",
        },
    )
    assert circles(read_imports(package)) == [
        "circle of a, b, c: a (line 1) imports b: one; b (line 2) imports c: (the module); "
        "c (line 1) imports a: three"
    ]


def test_a_long_function_needs_a_reason(tmp_path: Path) -> None:
    body = "".join(f"    x{n} = {n}\n" for n in range(MAX_FUNCTION_LINES))
    package = write_package(
        tmp_path,
        {
            "m": f"def long():\n{body}\n\ndef explained():\n"
            f'    """Long because it is a table."""\n{body}',
        },
    )
    assert long_functions(package) == [f"m.long: {MAX_FUNCTION_LINES + 1} lines"]
