"""The package list in pyproject.toml is written by hand (resources/ installs as fact_review.resources):
every package folder of the source tree, code or data, must be in it, or the wheel silently lacks it."""
import pathlib
import tomllib

ROOT = pathlib.Path(__file__).resolve().parent.parent
# top-level source folder -> the package it installs as
TOPS = {"fact_review": "fact_review", "ui": "ui", "resources": "fact_review.resources"}


def _source_packages() -> set[str]:
    """Every folder under a package root that holds a file (a module or a data file)."""
    found = set()
    for top, package in TOPS.items():
        for path in (ROOT / top).rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts:
                found.add(".".join((package, *path.parent.relative_to(ROOT / top).parts)))
    return found


def _config() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_every_package_folder_is_listed_in_pyproject():
    listed = set(_config()["tool"]["setuptools"]["packages"])
    assert _source_packages() - listed == set(), "add these to [tool.setuptools] packages"
    assert listed - _source_packages() == set(), "these listed packages have no folder"


def _is_module(path: pathlib.Path) -> bool:
    """Python code setuptools ships by itself: a .py file in a folder with an __init__.py (alembic's
    migration scripts are not: their folder is no package, so they are data)."""
    return path.suffix == ".py" and (path.parent / "__init__.py").is_file()


def test_every_data_file_is_covered_by_package_data():
    """A data file no package-data pattern names is left out of the wheel without a word."""
    config = _config()["tool"]["setuptools"]
    patterns = config["package-data"]
    missed = []
    for top, package in TOPS.items():
        for path in (ROOT / top).rglob("*"):
            if not path.is_file() or "__pycache__" in path.parts or _is_module(path):
                continue
            owner = ".".join((package, *path.parent.relative_to(ROOT / top).parts))
            if not any(path.match(pattern) for pattern in patterns.get(owner, ())):
                missed.append(str(path.relative_to(ROOT)))
    assert missed == []


def test_resources_are_read_through_the_installed_package():
    from fact_review.resource_files import resource_path

    assert (resource_path("keymap.json")).is_file()
    assert (resource_path("reports", "report.html.j2")).is_file()
    assert sorted(p.name for p in resource_path("demo").glob("*.html"))
