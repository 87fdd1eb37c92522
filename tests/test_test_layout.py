"""Where tests live: only the demo's smoke suite reads the demo.

Behavior tests build their own rows (tests/factories.py, tests/builders.py),
so a copy edit in the demo content cannot break them; the tests that read the
demo live in tests/demo/ (in a browser, tests/browser/), where a change to
the demo is expected to show. The source is read rather than collected, so a
module is checked even when it does not import.
"""

import ast
from pathlib import Path

from tests.shared_demo import BROWSER_FIXTURE, DEMO_FIXTURE

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
# The folders where reading the demo belongs.
DEMO_FOLDERS = (TESTS / "demo", TESTS / "browser")
DEMO_FIXTURES = {DEMO_FIXTURE, BROWSER_FIXTURE}


def names_the_demo(call):
    """Whether `call` is `usefixtures(...)` or `getfixturevalue(...)` naming a demo fixture."""
    if not isinstance(call, ast.Call):
        return False
    function = call.func
    name = function.attr if isinstance(function, ast.Attribute) else getattr(function, "id", "")
    if name not in ("usefixtures", "getfixturevalue"):
        return False
    return any(isinstance(arg, ast.Constant) and arg.value in DEMO_FIXTURES for arg in call.args)


class DemoReaders(ast.NodeVisitor):
    """The tests and fixtures of one module that ask for the demo, as `Class::function`.

    A function asks by taking the fixture as an argument, by a `usefixtures`
    mark, or by `request.getfixturevalue`; a class by its mark, a module by
    its `pytestmark`. A fixture that takes the demo counts too: every test
    using it reads the demo.
    """

    def __init__(self):
        self.found = []
        self.scope = []

    def name(self, node):
        return "::".join([*self.scope, node.name])

    def visit_Assign(self, node):
        targets = {getattr(target, "id", None) for target in node.targets}
        if not self.scope and "pytestmark" in targets:
            if any(names_the_demo(call) for call in ast.walk(node.value)):
                self.found.append("pytestmark")

    def visit_ClassDef(self, node):
        if any(names_the_demo(decorator) for decorator in node.decorator_list):
            self.found.append(self.name(node))
        self.scope.append(node.name)
        self.generic_visit(node)
        self.scope.pop()

    def visit_FunctionDef(self, node):
        arguments = node.args.posonlyargs + node.args.args + node.args.kwonlyargs
        marked = any(names_the_demo(decorator) for decorator in node.decorator_list)
        taken = any(argument.arg in DEMO_FIXTURES for argument in arguments)
        asked = any(names_the_demo(call) for call in ast.walk(node) if call is not node)
        if marked or taken or asked:
            self.found.append(self.name(node))
        # Helpers nested in a test are part of it, and named by it already.

    visit_AsyncFunctionDef = visit_FunctionDef


def demo_readers(source):
    readers = DemoReaders()
    readers.visit(ast.parse(source))
    return readers.found


def is_test_module(path):
    """A module pytest collects tests or fixtures from (pyproject.toml: test_*.py)."""
    return path.name.startswith("test_") or path.name == "conftest.py"


def test_only_the_demo_folders_read_the_demo():
    """A test elsewhere that reads the demo is named: it builds its rows or moves to tests/demo/."""
    outside, inside = [], []
    for path in sorted(TESTS.rglob("*.py")):
        if not is_test_module(path):
            continue
        readers = [f"{path.relative_to(ROOT)}::{name}" for name in demo_readers(path.read_text())]
        in_demo_folder = any(path.is_relative_to(folder) for folder in DEMO_FOLDERS)
        (inside if in_demo_folder else outside).extend(readers)

    # Guards against a check that finds nothing because it no longer recognizes the fixture.
    assert inside, "no test in tests/demo/ or tests/browser/ seems to read the demo"
    assert outside == [], (
        "these read the demo outside tests/demo/: build the rows the test needs "
        "(tests/factories.py, tests/builders.py), or, for a test of the demo content "
        "itself, move it to tests/demo/:\n" + "\n".join(outside)
    )


SAMPLE = """
import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]


def test_takes_it(client, demo):
    pass


@pytest.mark.usefixtures("demo")
def test_marked():
    pass


@pytest.mark.usefixtures("demo")
class TestMarked:
    def test_inside(self):
        pass


class TestInBrowser:
    def test_served(self, page, demo_server):
        pass


def test_asks_on_the_way(request):
    request.getfixturevalue("demo")


@pytest.fixture
def demo_pages(demo):
    return demo


def test_builds_its_own(client, db):
    demo = "a name, not the fixture"
    client.get("/", {"demo": demo})
"""


def test_every_way_of_asking_for_the_demo_is_found():
    """Arguments, marks on tests, classes and modules, `getfixturevalue` and fixtures; not names."""
    assert demo_readers(SAMPLE) == [
        "pytestmark",
        "test_takes_it",
        "test_marked",
        "TestMarked",
        "TestInBrowser::test_served",
        "test_asks_on_the_way",
        "demo_pages",
    ]
