"""The app as a user gets it: an sdist and a wheel built from this tree, the wheel installed with the pip of a
fresh venv (a stock Python's, as a user has) into a temporary folder, and used from another folder where no
source tree is in sight: the version, the demo case imported, every report format, the window offscreen.

It runs in the normal suite (about a minute, most of it pip); it needs the package index, as any install does.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tarfile
import textwrap
import zipfile
from pathlib import Path

import pytest

from fact_review import __version__
from fact_review.reports.formats import EXTENSIONS, FORMATS

ROOT = Path(__file__).resolve().parent.parent
DEMO_CASE = json.loads((ROOT / "resources" / "demo" / "case.json").read_text(encoding="utf-8"))["case"]
IGNORED = shutil.ignore_patterns(".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".hypothesis",
                                 ".pytest_cache", "*.db", "*.db-wal", "*.db-shm")


def _run(argv: list, cwd: Path, env: dict, timeout: int = 300, stdin: str = "") -> subprocess.CompletedProcess:
    result = subprocess.run([str(a) for a in argv], cwd=cwd, env=env, capture_output=True, text=True,
                            timeout=timeout, input=stdin)
    assert result.returncode == 0, f"{argv}:\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def distributions(tmp_path_factory) -> tuple[Path, Path]:
    """The sdist, and the wheel built from it (so a file missing from the sdist is missing from the wheel)."""
    work = tmp_path_factory.mktemp("build")
    source = work / "source"
    shutil.copytree(ROOT, source, ignore=IGNORED)
    out = work / "dist"
    result = _run([sys.executable, "-m", "build", "--outdir", out, source], cwd=work, env=dict(os.environ))
    assert "warning" not in result.stdout.lower().replace("byte-compiling is disabled", ""), result.stdout
    (sdist,), (wheel,) = sorted(out.glob("*.tar.gz")), sorted(out.glob("*.whl"))
    return sdist, wheel


@pytest.fixture(scope="module")
def installed(distributions, tmp_path_factory) -> tuple[Path, dict]:
    """A fresh venv with the wheel installed by that venv's own pip; its bin folder and an environment."""
    _, wheel = distributions
    home = tmp_path_factory.mktemp("user")
    venv = home / "venv"
    clean = {key: value for key, value in os.environ.items() if not key.startswith(("PYTHON", "VIRTUAL_ENV"))}
    _run([sys.executable, "-m", "venv", venv], cwd=home, env=clean)
    _run([venv / "bin" / "python", "-m", "pip", "install", "-q", "--disable-pip-version-check", wheel],
         cwd=home, env=clean, timeout=600)
    env = dict(clean, HOME=str(home), XDG_DATA_HOME=str(home / "share"), XDG_CONFIG_HOME=str(home / "config"),
               XDG_STATE_HOME=str(home / "state"), XDG_CACHE_HOME=str(home / "cache"), QT_QPA_PLATFORM="offscreen",
               PATH=f"{venv / 'bin'}{os.pathsep}{clean.get('PATH', '')}")
    return venv / "bin", env


def test_the_sdist_and_wheel_carry_every_data_file(distributions):
    sdist, wheel = distributions
    data = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "resources").rglob("*")
                  if p.is_file() and "__pycache__" not in p.parts)
    with tarfile.open(sdist) as archive:
        in_sdist = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    assert set(data) <= in_sdist
    assert {"tests/conftest.py", "tests/report_fixtures.py", "Makefile"} <= in_sdist
    with zipfile.ZipFile(wheel) as archive:
        in_wheel = set(archive.namelist())
    assert {"fact_review/" + name for name in data if not name.endswith(".py")} <= in_wheel
    assert "fact_review/store/migrations/versions/0001_initial.py" in in_wheel
    metadata = next(name for name in in_wheel if name.endswith(".dist-info/METADATA"))
    with zipfile.ZipFile(wheel) as archive:
        text = archive.read(metadata).decode("utf-8")
    assert f"Version: {__version__}" in text and "License-Expression: LicenseRef-Proprietary" in text
    assert "Requires-Dist: lxml_html_clean" in text


def test_the_installed_app_works_from_any_folder(installed, tmp_path):
    bin_folder, env = installed
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    command = bin_folder / "fact-review"
    assert (bin_folder / "fact-review-window").is_file()

    assert _run([command, "--version"], elsewhere, env).stdout.strip() == f"fact-review {__version__}"

    demo = Path(_run([bin_folder / "python", "-c",
                      "from fact_review.resource_files import resource_path; print(resource_path('demo'))"],
                     elsewhere, env).stdout.strip())
    assert demo.is_relative_to(bin_folder.parent) and not demo.is_relative_to(ROOT)
    db = elsewhere / "desk.db"
    imported = json.loads(_run([command, "import", "--db", db, "--case", DEMO_CASE,
                                *sorted(demo.glob("*.html")), "--json"], elsewhere, env).stdout)
    assert len(imported["added"]) == 3 and imported["claims"] > 10 and imported["discrepancies"] >= 1
    assert all(article["title"] for article in imported["articles"])  # read as web pages, not as text

    listed = json.loads(_run([command, "verdicts", "--db", db, "--case", DEMO_CASE, "--json"], elsewhere, env).stdout)
    first = listed["claims"][0]["id"]
    _run([command, "verdict", "--db", db, "--case", DEMO_CASE, "--claim", first, "--label", "Mostly true",
          "--reviewer", "Ana"], elsewhere, env)

    for fmt in FORMATS:
        out = elsewhere / f"report{EXTENSIONS[fmt]}"
        _run([command, "report", "--db", db, "--case", DEMO_CASE, "--format", fmt, "-o", out], elsewhere, env)
        assert out.stat().st_size > 500, fmt
    assert (elsewhere / "report.pdf").read_bytes().startswith(b"%PDF-")
    assert '<script type="application/ld+json">' in (elsewhere / "report.html").read_text(encoding="utf-8")
    assert json.loads((elsewhere / "report.json").read_text(encoding="utf-8"))
    assert json.loads((elsewhere / "report.jsonld").read_text(encoding="utf-8"))[0]["@type"] == "ClaimReview"
    assert sorted(p.name for p in elsewhere.iterdir() if p.name.startswith("report")) == \
        sorted(f"report{EXTENSIONS[fmt]}" for fmt in FORMATS)


def test_the_installed_window_starts_offscreen_on_the_demo_case(installed, tmp_path):
    bin_folder, env = installed
    look = textwrap.dedent("""
        import sys
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication
        from fact_review.cli import main

        def look_and_close():
            (window,) = [w for w in QApplication.topLevelWidgets() if w.isVisible() and hasattr(w, "state")]
            app = QApplication.instance()
            print(window.state.case.name, len(window.state.articles), bool(app.styleSheet()),
                  not app.windowIcon().isNull(), sep="|")
            window.close()

        QTimer.singleShot(0, look_and_close)
        sys.exit(main(["open", "--db", sys.argv[1]]))
    """)
    result = _run([bin_folder / "python", "-c", look, tmp_path / "first.db"], tmp_path, env)
    assert result.stdout.strip().splitlines()[-1] == f"{DEMO_CASE}|3|True|True"
