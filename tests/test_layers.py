"""The package's layers import one way only, with no cycles (deferred imports inside functions count too)."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "course_utils"

# Which layer may import which (itself included). CONTRIBUTING.md draws the same picture.
ALLOWED = {
    "facts": {"facts"},
    "engine": {"facts", "engine"},
    "ui": {"facts", "engine", "ui"},
    "tasks": {"facts", "engine", "tasks"},
    "grading": {"facts", "engine", "tasks", "grading"},
}


def modules(package_dir, name):
    """{dotted module name: path} for every .py file of a package."""
    found = {}
    for path in sorted(package_dir.rglob("*.py")):
        parts = (name, *path.relative_to(package_dir).with_suffix("").parts)
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def import_graph(package_dir, name):
    """{module: set of package modules it imports}, anywhere in its file.

    Importing a.b.c also runs a/__init__ and a/b/__init__, so those count as imported too, except
    the importer's own packages (already running when it runs).
    """
    mods = modules(package_dir, name)
    graph = {m: set() for m in mods}
    for m, path in mods.items():
        own = {m.rsplit(".", k)[0] for k in range(1, m.count(".") + 1)}
        is_pkg = path.name == "__init__.py"
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = m if is_pkg else m.rsplit(".", 1)[0]
                    anchor = anchor.rsplit(".", node.level - 1)[0] if node.level > 1 else anchor
                    base = f"{anchor}.{base}" if base else anchor
                targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in mods else base for a in node.names]
            else:
                continue
            for t in targets:
                parts = t.split(".")
                for k in range(1, len(parts) + 1):
                    target = ".".join(parts[:k])
                    if target in mods and target != m and target not in own:
                        graph[m].add(target)
    return graph


def cycles(graph):
    """Every set of modules that import one another in a circle (Tarjan's strongly connected components)."""
    index, low, stack, on_stack, found, counter = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1 or v in graph[v]:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def layer(module):
    """'facts' for course_utils.facts.activations; None for the package itself."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else None


def test_the_package_has_no_import_cycle():
    """Check that no module of course_utils imports itself through others, however deep the import."""
    assert cycles(import_graph(PACKAGE, "course_utils")) == []


def test_every_import_points_down_the_layers():
    """Check that facts imports nothing above it, engine only facts, and so on (the table in ALLOWED)."""
    wrong = [f"{m} -> {t}" for m, targets in import_graph(PACKAGE, "course_utils").items() for t in targets
             if layer(m) and layer(t) and layer(t) not in ALLOWED[layer(m)]]
    assert wrong == []


def test_every_module_sits_in_a_layer():
    """Check that course_utils has no loose modules: each file lives in a layer folder (or is the package's __init__)."""
    loose = [m for m in modules(PACKAGE, "course_utils") if m != "course_utils" and layer(m) not in ALLOWED]
    assert loose == []


def test_a_planted_cycle_is_found(tmp_path):
    """Check that the cycle finder sees a circle made of a deferred import and a package __init__."""
    pkg = tmp_path / "demo"
    (pkg / "inner").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "inner" / "__init__.py").write_text("from demo.inner import a\n")
    (pkg / "inner" / "a.py").write_text("X = 1\n")
    (pkg / "b.py").write_text("from demo.inner.a import X\n")
    (pkg / "inner" / "c.py").write_text("def f():\n    from demo import b\n")
    assert cycles(import_graph(pkg, "demo")) == []          # no circle yet
    (pkg / "inner" / "a.py").write_text("def g():\n    from demo.b import f\n")
    assert cycles(import_graph(pkg, "demo")) == [["demo.b", "demo.inner", "demo.inner.a"]]


@pytest.mark.parametrize("name", ["execute", "export", "lab", "make_exercises", "navigation", "hygiene", "slides"])
def test_repository_tooling_is_not_installed(name):
    """Check that tools for the repository live in tools/, outside the installed package."""
    assert (ROOT / "tools" / f"{name}.py").exists() and not list(PACKAGE.rglob(f"{name}.py"))
