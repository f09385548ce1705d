"""The shape of the code: dependencies point one way, between apps and between modules (STYLE.md, "Shape").

Read from the source with `ast`, every import counted, those inside functions too: an import moved into a function
to dodge a circle still makes one.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APPS = [
    "letsfood",
    "core",
    "cities",
    "assessments",
    "workshops",
    "experiments",
    "newsletter",
    "accounts",
    "dashboards",
    "network",
    "reports",
    "opendata",
    "translations",
    "demo",
]
# What each app may import besides itself; the project package may import any app.
ALLOWED = {
    "core": set(),
    "cities": {"core"},
    "assessments": {"core", "cities"},
    "workshops": {"core", "cities", "assessments"},
    "experiments": {"core", "cities", "assessments", "workshops"},
    "newsletter": {"core", "cities"},
    "accounts": {"core", "cities"},
    "translations": {"core", "cities", "assessments", "workshops"},
    "dashboards": {"core", "cities", "assessments", "workshops"},
    "network": {"core", "cities", "assessments", "workshops"},
    "opendata": {"core", "cities", "assessments", "workshops"},
    "reports": {"core", "cities", "assessments", "workshops", "experiments", "dashboards", "network"},
    "demo": {"core", "cities", "assessments", "workshops", "experiments", "accounts"},
}


def _modules() -> dict[str, Path]:
    modules = {}
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
            modules[name.removesuffix(".__init__")] = path
    return modules


def _imported(module: str, path: Path, node: ast.Import | ast.ImportFrom, modules: dict[str, Path]) -> set[str]:
    """Return the modules of ours that an import statement loads (a package's names resolved to its modules)."""
    if isinstance(node, ast.Import):
        return {alias.name for alias in node.names if alias.name in modules}
    if node.level:
        package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
        package = package[: len(package) - (node.level - 1)]
        base = ".".join(package + ([node.module] if node.module else []))
    else:
        base = node.module or ""
    found = set()
    for alias in node.names:
        if f"{base}.{alias.name}" in modules:
            found.add(f"{base}.{alias.name}")
        elif base in modules:
            found.add(base)
    return found


def _import_graph() -> dict[str, set[str]]:
    modules = _modules()
    graph = {}
    for module, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        targets = set()
        for node in ast.walk(tree):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                targets |= _imported(module, path, node, modules)
        graph[module] = targets - {module}
    return graph


def _circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Return the strongly connected groups of more than one module (Tarjan's algorithm, iterative)."""
    index, low, stack, on_stack, circles = {}, {}, [], set(), []
    counter = 0
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    circles.append(sorted(group))
    return circles


def test_no_module_imports_another_that_imports_it_back():
    assert _circles(_import_graph()) == []


def test_the_circle_finder_finds_a_circle():
    assert _circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_apps_import_only_the_apps_beneath_them_and_never_the_project_package():
    wrong = sorted(
        f"{module} imports {target}"
        for module, targets in _import_graph().items()
        for target in targets
        if (app := module.split(".")[0]) != "letsfood"
        and (other := target.split(".")[0]) != app
        and other not in ALLOWED[app]
    )
    assert wrong == []


def test_every_app_is_placed():
    assert set(ALLOWED) == set(APPS) - {"letsfood"}
    assert {path.parent.name for path in ROOT.glob("*/apps.py")} - {"letsfood"} <= set(ALLOWED)
