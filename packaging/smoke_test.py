"""Smoke test of the standalone bundle (run by `make bundle`, not by the test suite):

    python packaging/smoke_test.py dist/fact-review

Starts the bundle's window under a virtual X screen (Xvfb) on a new database, so it opens the demo case,
waits for the window to be mapped (that is the start time), closes it with Ctrl+Q, then exports the demo
case as a PDF with the bundle's command line and checks the file. Prints the bundle's size and start time.
Needs Xvfb and xdotool (Debian: xvfb xdotool). Exit status 0 when every step passed.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WINDOW_TIMEOUT = 60.0


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink())


def free_display() -> str:
    for number in range(90, 200):
        if not Path(f"/tmp/.X11-unix/X{number}").exists() and not Path(f"/tmp/.X{number}-lock").exists():
            return f":{number}"
    raise SystemExit("smoke test: no free X display number")


def wait_for(condition, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = condition()
        if found:
            return found
        time.sleep(0.05)
    raise SystemExit(f"smoke test: timed out waiting for {what}")


def run(argv: list, env: dict, what: str) -> subprocess.CompletedProcess:
    result = subprocess.run([str(a) for a in argv], env=env, capture_output=True, text=True, timeout=300)
    if result.returncode != 0:
        raise SystemExit(f"smoke test: {what} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    return result


def main(bundle: Path) -> None:
    program = bundle / "fact-review"
    if not program.is_file():
        raise SystemExit(f"smoke test: {program}: no such program; build it with `make bundle`")
    (demo,) = bundle.rglob("fact_review/resources/demo/case.json")
    case = json.loads(demo.read_text(encoding="utf-8"))["case"]
    for tool in ("Xvfb", "xdotool"):
        if shutil.which(tool) is None:
            raise SystemExit(f"smoke test: {tool} is needed (sudo apt-get install -y xvfb xdotool)")
    with tempfile.TemporaryDirectory(prefix="fact-review-smoke-") as folder:
        home = Path(folder)
        display = free_display()
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(home), "DISPLAY": display,
               "XDG_DATA_HOME": str(home / "share"), "XDG_CONFIG_HOME": str(home / "config"),
               "XDG_STATE_HOME": str(home / "state"), "XDG_CACHE_HOME": str(home / "cache"),
               "LANG": "C.UTF-8"}  # nothing of a developer's Python or Qt settings
        screen = subprocess.Popen(["Xvfb", display, "-screen", "0", "1400x900x24", "-nolisten", "tcp"],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait_for(lambda: Path(f"/tmp/.X11-unix/X{display[1:]}").exists(), 10, "the virtual screen")
            version = run([program, "--version"], env, "--version").stdout.strip()
            database = home / "desk.db"
            started = time.monotonic()
            window = subprocess.Popen([program, "open", "--db", database], env=env,
                                      stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

            def mapped_window() -> str:
                if window.poll() is not None:
                    raise SystemExit(f"smoke test: the window exited at start ({window.returncode}):\n"
                                     + window.stderr.read())
                found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", "Fact Review"], env=env,
                                       capture_output=True, text=True)
                return found.stdout.split()[0] if found.stdout.split() else ""

            window_id = wait_for(mapped_window, WINDOW_TIMEOUT, "the window")
            start_seconds = time.monotonic() - started
            title = run(["xdotool", "getwindowname", window_id], env, "reading the title").stdout.strip()
            # No window manager runs here: focus the window directly, then type as a person would (XTEST).
            run(["xdotool", "windowfocus", "--sync", window_id], env, "focusing the window")
            run(["xdotool", "key", "ctrl+q"], env, "Ctrl+Q")
            try:
                status = window.wait(timeout=30)
            except subprocess.TimeoutExpired:
                window.kill()
                raise SystemExit("smoke test: the window did not close on Ctrl+Q")
            if status != 0:
                raise SystemExit(f"smoke test: the window exited with {status}:\n{window.stderr.read()}")

            if case not in title:
                raise SystemExit(f"smoke test: the window shows {title!r}, not the demo case {case!r}")
            pdf = home / "demo.pdf"
            run([program, "report", "--db", database, "--case", case, "--format", "pdf", "-o", pdf], env,
                "the PDF export")
            head = pdf.read_bytes()[:5]
            pdf_size = pdf.stat().st_size
            if head != b"%PDF-" or pdf_size < 5000:
                raise SystemExit(f"smoke test: {pdf} is not a PDF report ({pdf_size} bytes)")
        finally:
            screen.terminate()
            screen.wait(timeout=10)
    print(f"{version}: bundle {folder_size(bundle) / 1e6:.0f} MB in {bundle}")
    print(f"window on the demo case ({title!r}) mapped {start_seconds:.1f} s after launch; "
          f"closed with Ctrl+Q; demo case exported as a {pdf_size // 1000} kB PDF")
    print("smoke test: passed")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "dist/fact-review"))
