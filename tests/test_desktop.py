"""`fact-review install-desktop [--uninstall]`: the files a Linux desktop reads, in user scope."""
from __future__ import annotations

import re
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fact_review import __version__
from fact_review.cli import main
from fact_review.desktop.entry import desktop_entry, exec_argument
from fact_review.desktop.identity import APP_ID, ICON_SIZES
from fact_review.desktop.install import data_home, launcher_command


def _entry_fields(text: str) -> dict[str, str]:
    lines = text.splitlines()
    assert lines[0] == "[Desktop Entry]"
    return dict(line.split("=", 1) for line in lines[1:] if line)


def _exec_arguments(value: str) -> list[str]:
    """An Exec value read back as the Desktop Entry Specification says a launcher reads it."""
    value = value.replace("\\\\", "\\")  # the key file's string escaping first
    arguments, current, quoted, i, started = [], "", False, 0, False
    while i < len(value):
        char = value[i]
        if quoted:
            if char == "\\" and i + 1 < len(value) and value[i + 1] in '"`$\\':
                current += value[i + 1]
                i += 1
            elif char == '"':
                quoted = False
            else:
                current += char
        elif char == '"':
            quoted = started = True
        elif char == " ":
            if started:
                arguments.append(current)
            current, started = "", False
        else:
            current += char
            started = True
        i += 1
    if started:
        arguments.append(current)
    return [argument.replace("%%", "%") for argument in arguments]


@given(st.lists(st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1), min_size=1, max_size=4))
def test_any_command_survives_the_exec_line(command):
    exec_value = _entry_fields(desktop_entry(command))["Exec"]
    assert _exec_arguments(exec_value) == [*command, "%F"]


def test_a_plain_path_is_left_unquoted_and_a_path_with_spaces_is_quoted():
    assert exec_argument("/home/ana/.local/bin/fact-review") == "/home/ana/.local/bin/fact-review"
    assert exec_argument("/home/ana/My Apps/fact-review") == '"/home/ana/My Apps/fact-review"'
    assert exec_argument('/opt/a"b$c') == '"/opt/a\\"b\\$c"'


def test_the_entry_opens_article_files_in_the_window():
    fields = _entry_fields(desktop_entry(["/opt/fact-review/fact-review", "open"]))
    assert fields["Exec"] == "/opt/fact-review/fact-review open %F"
    assert fields["Icon"] == APP_ID
    assert {"text/html", "text/plain", "text/markdown"} <= set(fields["MimeType"].split(";"))
    assert fields["Terminal"] == "false"


def test_xdg_data_home_is_honoured_when_absolute_and_ignored_when_relative(tmp_path):
    assert data_home({"XDG_DATA_HOME": str(tmp_path)}) == tmp_path
    assert data_home({"XDG_DATA_HOME": "relative/share"}) == Path.home() / ".local" / "share"
    assert data_home({}) == Path.home() / ".local" / "share"


def test_the_launcher_is_this_installation_s_command():
    command = launcher_command()
    assert command[-1] == "open"
    assert Path(command[0]).is_absolute() and Path(command[0]).exists()


def _png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", header[16:24])


@pytest.fixture
def data_folder(tmp_path, monkeypatch):
    folder = tmp_path / "share"
    monkeypatch.setenv("XDG_DATA_HOME", str(folder))
    return folder


def test_install_writes_entry_icons_and_metainfo_then_uninstall_removes_only_them(data_folder, capsys):
    other_app = data_folder / "applications" / "other.desktop"
    other_app.parent.mkdir(parents=True)
    other_app.write_text("[Desktop Entry]\nType=Application\nName=Other\nExec=other\n")

    assert main(["install-desktop"]) == 0
    assert str(data_folder) in capsys.readouterr().out
    entry = data_folder / "applications" / f"{APP_ID}.desktop"
    fields = _entry_fields(entry.read_text(encoding="utf-8"))
    assert _exec_arguments(fields["Exec"]) == [*launcher_command(), "%F"]
    assert (data_folder / "icons/hicolor/scalable/apps" / f"{APP_ID}.svg").read_text().lstrip().startswith("<?xml")
    for size in ICON_SIZES:
        assert _png_size(data_folder / f"icons/hicolor/{size}x{size}/apps/{APP_ID}.png") == (size, size)
    metainfo = ElementTree.parse(data_folder / "metainfo" / f"{APP_ID}.metainfo.xml").getroot()
    assert metainfo.findtext("id") == APP_ID
    assert metainfo.find("launchable").text == entry.name

    assert main(["install-desktop", "--uninstall"]) == 0
    assert "Removed" in capsys.readouterr().out
    left = sorted(p.relative_to(data_folder).as_posix() for p in data_folder.rglob("*") if p.is_file())
    assert [name for name in left if APP_ID in name] == []
    assert "applications/other.desktop" in left
    assert main(["install-desktop", "--uninstall"]) == 0
    assert "nothing to remove" in capsys.readouterr().out


@pytest.mark.skipif(shutil.which("update-desktop-database") is None, reason="desktop-file-utils not installed")
def test_installed_entry_registers_the_article_types(data_folder):
    main(["install-desktop"])
    cache = (data_folder / "applications" / "mimeinfo.cache").read_text(encoding="utf-8")
    assert f"text/html={APP_ID}.desktop;" in cache
    assert f"text/markdown={APP_ID}.desktop;" in cache


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils not installed")
def test_the_desktop_entry_passes_the_freedesktop_validator(tmp_path):
    entry = tmp_path / f"{APP_ID}.desktop"
    entry.write_text(desktop_entry(["/opt/Fact Review/fact-review", "open"]), encoding="utf-8")
    result = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout == "", result.stdout


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstream not installed")
def test_the_metainfo_passes_the_appstream_validator():
    from fact_review.resource_files import resource_path

    result = subprocess.run(["appstreamcli", "validate", "--no-net",
                             str(resource_path("desktop", f"{APP_ID}.metainfo.xml"))], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
    assert not re.search(r"^[EW]:", result.stdout, re.MULTILINE), result.stdout


def test_the_metainfo_names_this_release():
    from fact_review.resource_files import resource_path

    metainfo = ElementTree.parse(resource_path("desktop", f"{APP_ID}.metainfo.xml")).getroot()
    assert metainfo.find("releases/release").get("version") == __version__


def test_the_window_icon_is_the_app_icon_in_every_size(qapp):
    from ui.app import application_icon

    icon = application_icon()
    assert set(ICON_SIZES) <= {size.width() for size in icon.availableSizes()}
    assert not icon.pixmap(48, 48).isNull()
