"""Habits that keep the code readable to the next maintainer, checked on every run.

A reader of the repository cannot see the tracker the work came from, so
comments say why, never which ticket.
"""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE_SUFFIXES = {".py", ".html", ".css", ".js", ".sh", ".toml", ".md", ".yaml", ".yml"}
SKIPPED_FOLDERS = {".venv", "node_modules", ".git", "staticfiles", "media", "test-results"}
# Built from parts so that this file does not match itself.
TICKET = re.compile(r"\b" + "issues?" + r" #?\d+\b", re.IGNORECASE)


def source_files():
    for path in ROOT.rglob("*"):
        parts = set(path.relative_to(ROOT).parts)
        if path.suffix in SOURCE_SUFFIXES and not parts & SKIPPED_FOLDERS and path.is_file():
            yield path


def test_no_comment_or_doc_cites_a_ticket_number():
    citations = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in source_files()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if TICKET.search(line)
    ]

    assert citations == []


def imported_modules(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module


def app_modules():
    """The project's own Python modules outside the wiring, the tests and the tools."""
    wiring_and_tools = {"alliance_site", "tests", "tools", "docs"}
    for path in source_files():
        parts = path.relative_to(ROOT).parts
        if path.suffix == ".py" and len(parts) > 1 and parts[0] not in wiring_and_tools:
            yield path


def test_apps_import_neither_the_wiring_nor_template_tags():
    """Imports point one way: apps never reach up into alliance_site, nor into tag modules."""
    crossings = [
        f"{path.relative_to(ROOT)}: {module}"
        for path in app_modules()
        for module in imported_modules(path)
        if module.split(".")[0] == "alliance_site" or ".templatetags." in f".{module}."
    ]

    assert crossings == []


# A memo hung on the request by a module of its own, which only that module
# knows about: what a request works out is kept in routing.site_context.
REQUEST_MEMO = re.compile(r"request\.__dict__|(?:get|has|set)attr\(request, \"_|setattr\(request, ")


def test_what_a_request_works_out_is_kept_in_one_place():
    memos = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in app_modules()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if REQUEST_MEMO.search(line)
    ]

    assert memos == []


# Django documents these three as the public way into a model's fields and managers.
PUBLIC_UNDERSCORED = {"_meta", "_default_manager", "_base_manager"}


def product_modules():
    """Every Python module that runs on the site: apps and the wiring, not tests or tools."""
    for path in source_files():
        parts = path.relative_to(ROOT).parts
        if path.suffix == ".py" and parts[0] not in {"tests", "tools", "docs"}:
            yield path


def private_attribute_uses(path):
    """`thing._name` and get/has/setattr(thing, "_name"), where thing is not self or cls."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute):
            owner, name = node.value, node.attr
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in {"getattr", "hasattr", "setattr", "delattr"}
            and len(node.args) >= 2
            and isinstance(node.args[1], ast.Constant)
            and isinstance(node.args[1].value, str)
        ):
            owner, name = node.args[0], node.args[1].value
        else:
            continue
        if not name.startswith("_") or name.startswith("__") or name in PUBLIC_UNDERSCORED:
            continue
        if isinstance(owner, ast.Name) and owner.id in {"self", "cls"}:
            continue  # an object's own attributes are its business
        yield f"{path.relative_to(ROOT)}:{node.lineno}: {ast.unparse(node)}"


def test_product_code_uses_no_private_attribute_of_another_object():
    """Wagtail's, Django's and the request's internals may change in any release.

    Product code reads and writes only public attributes of objects it does
    not own, so an upgrade that keeps the public API keeps the site working.
    """
    uses = [use for path in product_modules() for use in private_attribute_uses(path)]

    assert uses == []
