"""The public API is exactly what __all__ says, and it presents itself as newspkg."""

from __future__ import annotations

import inspect
import tomllib
from pathlib import Path

import pytest

import newspkg
import newspkg.errors


def test_all_lists_exactly_the_public_names() -> None:
    public = {
        name
        for name in dir(newspkg)
        if not name.startswith("_") and not inspect.ismodule(getattr(newspkg, name))
    }
    imported_on_demand = set(newspkg._HOMES)

    assert sorted(public) == sorted(set(newspkg.__all__) - {"__version__"})
    assert sorted(imported_on_demand) == sorted(public)


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'Articel'"):
        newspkg.Articel  # noqa: B018


def test_all_names_resolve() -> None:
    missing = [name for name in newspkg.__all__ if not hasattr(newspkg, name)]

    assert missing == []


def test_public_classes_and_functions_show_the_public_module() -> None:
    private = [
        name
        for name in newspkg.__all__
        if (inspect.isclass(getattr(newspkg, name)) or inspect.isfunction(getattr(newspkg, name)))
        and getattr(newspkg, name).__module__.startswith("newspkg._")
    ]

    assert private == []


def test_every_error_is_a_newspkg_error_and_refines_a_builtin() -> None:
    errors = [
        value
        for value in vars(newspkg.errors).values()
        if inspect.isclass(value) and issubclass(value, Exception)
    ]

    assert all(issubclass(error, newspkg.NewspkgError) for error in errors)
    assert issubclass(newspkg.ValidationError, ValueError)
    assert issubclass(newspkg.ParseError, ValueError)
    assert issubclass(newspkg.NoArticleError, LookupError)


def test_version_is_the_one_pyproject_declares() -> None:
    # Not importlib.metadata: that is what __init__ reads, so it would agree with itself.
    pyproject = Path(__file__).resolve().parents[1] / "pyproject.toml"

    declared = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["version"]

    assert newspkg.__version__ == declared


def test_package_is_typed() -> None:
    from importlib.resources import files

    assert files("newspkg").joinpath("py.typed").is_file()


@pytest.mark.parametrize(
    ("module", "allowed"),
    [
        (
            "_models.py",
            ["newspkg._page_items", "newspkg._urls", "newspkg._validation", "newspkg.errors"],
        ),
        ("_page_items.py", ["newspkg._validation", "newspkg.errors"]),
    ],
)
def test_the_model_imports_no_serialiser_and_no_read_time(module: str, allowed: list[str]) -> None:
    # Serialisers know the models; the models know none of them (nor read time, nor HTML).
    import ast

    source = Path(newspkg.__file__).with_name(module).read_text(encoding="utf-8")
    imported = {
        node.module or ""
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.ImportFrom)
    } | {
        alias.name
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Import)
        for alias in node.names
    }

    newspkg_modules = sorted(name for name in imported if name.startswith("newspkg"))
    assert newspkg_modules == allowed
