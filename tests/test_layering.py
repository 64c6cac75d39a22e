"""The core must stay free of Qt (ARCHITECTURE.md §2): it is shared by the CLI, the window and tests."""
import ast
import pathlib

CORE = pathlib.Path(__file__).resolve().parent.parent / "fact_review"
QT_PACKAGES = ("PySide6", "PyQt5", "PyQt6", "shiboken6")
# The command line is the app's front door: with no arguments it opens the window (`ui`), and PDF reports
# are drawn by Qt. Only it may hand over to `ui`, lazily; the rest of the core may not know the UI exists.
FRONT_DOOR = CORE / "cli"


def _imported_modules(path: pathlib.Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_core_modules_import_no_qt():
    offenders = {}
    for path in sorted(CORE.rglob("*.py")):
        forbidden = QT_PACKAGES if path.is_relative_to(FRONT_DOOR) else (*QT_PACKAGES, "ui")
        qt = {m for m in _imported_modules(path) if m.split(".")[0] in forbidden}
        if qt:
            offenders[str(path.relative_to(CORE.parent))] = sorted(qt)
    assert offenders == {}


def test_the_check_sees_a_qt_import(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("def f():\n    from PySide6.QtCore import QObject\n")
    assert "PySide6.QtCore" in _imported_modules(sample)
