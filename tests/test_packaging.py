"""The package list in pyproject.toml is written by hand (resources/ installs as fact_review.resources):
every package folder of the source tree must be in it, or the wheel silently lacks a module."""
import pathlib
import tomllib

ROOT = pathlib.Path(__file__).resolve().parent.parent


def _source_packages() -> set[str]:
    found = set()
    for top in ("fact_review", "ui"):
        for init in (ROOT / top).rglob("__init__.py"):
            found.add(".".join(init.parent.relative_to(ROOT).parts))
    return found | {"fact_review.resources"}


def test_every_package_folder_is_listed_in_pyproject():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    assert _source_packages() - listed == set(), "add these to [tool.setuptools] packages"
    assert listed - _source_packages() == set(), "these listed packages have no folder"


def test_resources_are_read_through_the_installed_package():
    from fact_review.resource_files import resource_path

    assert (resource_path("keymap.json")).is_file()
    assert (resource_path("reports", "report.html.j2")).is_file()
    assert sorted(p.name for p in resource_path("demo").glob("*.html"))
