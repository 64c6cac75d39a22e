"""``make fuzz``: 10,000+ generated hostile inputs (``stress.inputs``) through ``claims``, ``import``,
``verdicts`` and ``report``, each step under a timeout and a memory limit, in worker processes
(``stress.worker``). Prints the refusals by reason, the crashes, the hangs, the slowest input per KB and
the peak memory per MB of input, then whether the acceptance holds:

    0 crashes, 0 hangs, no step slower than 0.2 s/KB, peak memory under 20 x input + 200 MB.

A crash is an exit status of 1 (the contract gives bad input 2), anything escaping ``main()``, or a worker
that died; a hang is a step that outlived its timeout (the worker is killed). An input counts at least
1 KB in per-KB figures: a command has a fixed cost however small its input. Seconds are those of the
step in a warm process (a new command adds its start, about a second, whatever its input); peak memory
is what the step added to the warm worker plus the peak of a fresh command on a tiny input of the same
kind (measured first, printed). Inputs that failed are kept in the failures folder to run again by hand.

    .venv/bin/python -m stress.fuzz [--count 10000] [--seed 1] [--workers 2] [--only INDEX ...]
"""
from __future__ import annotations

import argparse
import json
import os
import re
import selectors
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from stress.inputs import KB, MB, FuzzInput, generate, make_special

SLOWEST_ALLOWED = 0.2  # seconds per KB
MEMORY_ALLOWED = (20, 200)  # MB per MB of input, plus MB
FORMATS = ("html", "md", "csv", "json", "claimreview", "pdf")
MEMORY_LIMIT_MB = 4096  # the worker's address space: a runaway input fails instead of taking the machine
INPUTS_PER_WORKER = 250  # then a fresh process and database: memory figures are not those of a long life


def step_timeout(size: int) -> float:
    """Far beyond the allowed 0.2 s/KB: a step still running then is hung, not slow."""
    return max(60.0, 2.0 * max(size, KB) / KB)


BASELINE_PAGES = {"text": ("tiny.txt", "Officials said 300 homes were damaged on 12 May 2025.\n"),
                  "html": ("tiny.html", "<html><body><article><p>542158 people were hurt on 10 May.</p><p>596820 "
                                        "people were hurt on 27 May.</p></article></body></html>")}


def flavour(item: FuzzInput, step: str) -> tuple[str, str]:
    """Which real process's start an input's step is compared with: the PDF report loads Qt, an HTML page
    (by suffix, or sniffed when it has none) loads the HTML reader."""
    if step in ("verdicts", "report"):
        return step, "pdf" if step == "report" and FORMATS[item.index % len(FORMATS)] == "pdf" else "text"
    return step, "html" if item.suffix in (".html", "") else "text"


def measure_baselines(folder: Path) -> dict[tuple[str, str], float]:
    """The peak memory of real, fresh command-line processes on a tiny input, per step and flavour: a
    step's peak is this plus what the input added in the warm worker (whose own size is no command's)."""
    folder.mkdir(parents=True, exist_ok=True)
    db = str(folder / "baseline.db")
    runs = {}
    for name, (file_name, text) in BASELINE_PAGES.items():
        (folder / file_name).write_text(text, encoding="utf-8")
        runs[("claims", name)] = ["claims", str(folder / file_name), "--json"]
        runs[("import", name)] = ["import", "--db", db, "--case", name, str(folder / file_name)]
    runs[("verdicts", "text")] = ["verdicts", "--db", db, "--case", "text", "--json"]
    runs[("report", "text")] = ["report", "--db", db, "--case", "text", "--format", "json", "-o", str(folder / "r.json")]
    runs[("report", "pdf")] = ["report", "--db", db, "--case", "text", "--format", "pdf", "-o", str(folder / "r.pdf")]
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(folder))
    baselines = {}
    for key, argv in runs.items():
        process = subprocess.Popen([sys.executable, "-m", "fact_review", *argv], stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL, env=environment)
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            raise SystemExit(f"fuzz: the baseline run {' '.join(argv)} failed ({process.returncode})")
        baselines[key] = usage.ru_maxrss / 1024
    return baselines


@dataclass
class Figures:
    baselines: dict[tuple[str, str], float]
    runs: Counter = field(default_factory=Counter)  # step -> runs
    accepted: Counter = field(default_factory=Counter)  # step -> exit 0
    refusals: Counter = field(default_factory=Counter)  # (step, reason) -> count
    crashes: list[str] = field(default_factory=list)
    hangs: list[str] = field(default_factory=list)
    slowest: tuple[float, str] = (0.0, "")
    memory_worst: tuple[float, str] = (0.0, "")  # share of the allowance used
    memory_per_mb: tuple[float, str] = (0.0, "")  # over inputs of 1 MB or more
    peak_overall: tuple[float, str] = (0.0, "")
    failed_inputs: set[int] = field(default_factory=set)

    def record(self, item: FuzzInput, result: dict) -> None:
        step, status = result["step"], result["status"]
        where = f"{step} of {item.name} ({_size(item.size)})"
        self.runs[step] += 1
        if status == 0:
            self.accepted[step] += 1
        elif status == 2 and not result["escaped"]:
            self.refusals[(step, reason(result["message"]))] += 1
        else:
            self.crashes.append(f"{where}: exit {status}: {result['message']}")
            self.failed_inputs.add(item.index)
        kb = max(item.size, KB) / KB
        per_kb = result["seconds"] / kb
        if per_kb > self.slowest[0]:
            self.slowest = (per_kb, f"{where}: {result['seconds']:.2f} s")
        if per_kb > SLOWEST_ALLOWED:
            self.failed_inputs.add(item.index)
        peak = result["added_mb"] + self.baselines[flavour(item, step)]
        allowed = MEMORY_ALLOWED[0] * item.size / MB + MEMORY_ALLOWED[1]
        if peak / allowed > self.memory_worst[0]:
            self.memory_worst = (peak / allowed, f"{where}: {peak:.0f} MB of {allowed:.0f} MB allowed")
        if peak > allowed:
            self.failed_inputs.add(item.index)
        if item.size >= MB and peak / (item.size / MB) > self.memory_per_mb[0]:
            self.memory_per_mb = (peak / (item.size / MB), f"{where}: {peak:.0f} MB")
        if peak > self.peak_overall[0]:
            self.peak_overall = (peak, where)


def reason(message: str) -> str:
    """A refusal's reason without its file name and figures: "binary data, not text (it contains NUL bytes)"."""
    message = re.sub(r"^fact-review: ", "", message)
    message = re.sub(r"^\S*/\d{5}-[^:]*: ", "", message)  # the input's own path
    message = re.sub(r"\s*\(cases: .*", "", message)
    message = re.sub(r"/\S+", "PATH", message)
    message = re.sub(r"'[^']*'", "'…'", message)
    message = re.sub(r"\d[\d,.]*", "N", message)
    return message[:110]


def _size(size: int) -> str:
    return f"{size / MB:.1f} MB" if size >= MB else f"{size / KB:.1f} KB" if size >= KB else f"{size} B"


class Worker:
    """One ``stress.worker`` process and the input it is on."""

    def __init__(self, folder: Path, number: int):
        self.folder = folder / f"worker-{number}"
        self.number, self.process, self.done = number, None, 0
        self.item: Optional[FuzzInput] = None
        self.step, self.deadline, self.buffer, self.keep = "", 0.0, b"", []

    def start(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)
        (self.folder / "out").mkdir(parents=True)
        environment = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(self.folder),
                           XDG_CONFIG_HOME=str(self.folder), XDG_DATA_HOME=str(self.folder))
        self.process = subprocess.Popen(
            [sys.executable, "-m", "stress.worker", str(self.folder / "fuzz.db"), str(self.folder / "out"),
             str(MEMORY_LIMIT_MB)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=open(self.folder / "stderr.log", "ab"), env=environment, start_new_session=True)
        os.set_blocking(self.process.stdout.fileno(), False)
        self.done, self.buffer = 0, b""

    def give(self, item: FuzzInput, path: Path, keep: list[object]) -> None:
        self.item, self.keep = item, keep
        self.step, self.deadline = "claims", time.monotonic() + step_timeout(item.size)
        job = {"path": str(path), "case": f"C{item.index}", "format": FORMATS[item.index % len(FORMATS)]}
        self.process.stdin.write((json.dumps(job) + "\n").encode())
        self.process.stdin.flush()

    def lines(self) -> list[dict]:
        """What the worker said since last asked; [] and the pipe closed when it died."""
        try:
            chunk = os.read(self.process.stdout.fileno(), 1 << 16)
        except BlockingIOError:
            return []
        if not chunk:
            raise EOFError
        self.buffer += chunk
        *complete, self.buffer = self.buffer.split(b"\n")
        return [json.loads(line) for line in complete if line]

    def kill(self) -> None:
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.process.wait()

    def stop(self) -> None:
        self.process.stdin.close()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.kill()


def run(count: int, seed: int, workers: int, only: Optional[set[int]], keep_folder: Path) -> int:
    work = Path(tempfile.mkdtemp(prefix="fact-review-fuzz-"))
    figures = Figures(measure_baselines(work / "baselines"))
    print("fuzz: fresh processes on a tiny input take " + ", ".join(
        f"{step} ({kind}) {mb:.0f} MB" for (step, kind), mb in figures.baselines.items()), flush=True)
    inputs = work / "inputs"
    inputs.mkdir()
    pool = [Worker(work, number) for number in range(workers)]
    for worker in pool:
        worker.start()
    pending = (item for item in generate(seed, count) if only is None or item.index in only)
    selector = selectors.DefaultSelector()
    for worker in pool:
        selector.register(worker.process.stdout, selectors.EVENT_READ, worker)
    began, given, total_bytes = time.monotonic(), 0, 0
    idle = list(pool)
    try:
        while True:
            while idle:
                item = next(pending, None)
                if item is None:
                    break
                worker = idle.pop()
                path = inputs / item.name
                keep = make_special(item.special, path) if item.special else []
                if item.data is not None:
                    path.write_bytes(item.data)
                total_bytes += item.size
                worker.give(item, path, keep)
                given += 1
                if given % 500 == 0:
                    print(f"fuzz: {given:,} inputs given, {time.monotonic() - began:,.0f} s", flush=True)
            busy = [w for w in pool if w.item is not None]
            if not busy:
                break
            wait = max(0.0, min(w.deadline for w in busy) - time.monotonic())
            for key, _ in selector.select(timeout=wait):
                worker = key.data
                try:
                    for message in worker.lines():
                        if "start" in message:
                            worker.step = message["start"]
                            worker.deadline = time.monotonic() + step_timeout(worker.item.size)
                        elif "step" in message:
                            figures.record(worker.item, message)
                        elif "died" in message:
                            figures.crashes.append(f"{worker.step} of {worker.item.name}: the process died "
                                                   f"(status {message['died']})")
                            figures.failed_inputs.add(worker.item.index)
                        elif "finished" in message:
                            _finish(worker, inputs, idle, selector)
                except EOFError:
                    figures.crashes.append(f"{worker.step} of {worker.item.name}: the worker died "
                                           f"(status {worker.process.wait()})")
                    figures.failed_inputs.add(worker.item.index)
                    _restart(worker, inputs, idle, selector)
            for worker in busy:
                if worker.item is not None and time.monotonic() > worker.deadline:
                    figures.hangs.append(f"{worker.step} of {worker.item.name} ({_size(worker.item.size)}): "
                                         f"still running after {step_timeout(worker.item.size):.0f} s")
                    figures.failed_inputs.add(worker.item.index)
                    worker.kill()
                    _restart(worker, inputs, idle, selector)
    finally:
        for worker in pool:
            worker.stop()
    seconds = time.monotonic() - began
    _keep_failures(figures, seed, count, keep_folder)
    shutil.rmtree(work, ignore_errors=True)
    return _print(figures, given, total_bytes, seconds, seed)


def _finish(worker: Worker, inputs: Path, idle: list[Worker], selector) -> None:
    _remove_input(worker, inputs)
    worker.done += 1
    if worker.done >= INPUTS_PER_WORKER:
        worker.stop()
        _restart(worker, inputs, idle, selector, remove=False)
    else:
        idle.append(worker)


def _restart(worker: Worker, inputs: Path, idle: list[Worker], selector, remove: bool = True) -> None:
    if remove and worker.item is not None:
        _remove_input(worker, inputs)
    selector.unregister(worker.process.stdout)
    worker.start()
    selector.register(worker.process.stdout, selectors.EVENT_READ, worker)
    idle.append(worker)


def _remove_input(worker: Worker, inputs: Path) -> None:
    path = inputs / worker.item.name
    for kept in worker.keep:
        kept.close()
    if path.is_dir() and not path.is_symlink():
        path.rmdir()
    else:
        path.unlink(missing_ok=True)
    worker.item, worker.keep = None, []


def _keep_failures(figures: Figures, seed: int, count: int, folder: Path) -> None:
    if not figures.failed_inputs:
        return
    folder.mkdir(parents=True, exist_ok=True)
    for item in generate(seed, count):
        if item.index in figures.failed_inputs and item.data is not None:
            (folder / item.name).write_bytes(item.data)


def _print(figures: Figures, given: int, total_bytes: int, seconds: float, seed: int) -> int:
    steps = sum(figures.runs.values())
    print(f"fuzz: {given:,} inputs ({_size(total_bytes)} in all, seed {seed}), {steps:,} steps through "
          f"{', '.join(figures.runs)} in {seconds:,.0f} s")
    print("  accepted: " + ", ".join(f"{step} {figures.accepted[step]:,}/{runs:,}" for step, runs in figures.runs.items()))
    print(f"  refusals by reason ({sum(figures.refusals.values()):,}):")
    by_reason: Counter = Counter()
    for (step, why), times in figures.refusals.items():
        by_reason[why] += times
    for why, times in by_reason.most_common():
        print(f"    {times:7,}  {why}")
    print(f"  crashes: {len(figures.crashes)}")
    for crash in figures.crashes[:20]:
        print(f"    {crash}")
    print(f"  hangs: {len(figures.hangs)}")
    for hang in figures.hangs[:20]:
        print(f"    {hang}")
    print(f"  slowest input per KB: {figures.slowest[0]:.3f} s/KB ({figures.slowest[1]}); allowed {SLOWEST_ALLOWED} s/KB")
    print(f"  peak memory per MB of input (inputs of 1 MB or more): {figures.memory_per_mb[0]:.0f} MB/MB "
          f"({figures.memory_per_mb[1] or 'none'})")
    print(f"  highest peak: {figures.peak_overall[0]:.0f} MB ({figures.peak_overall[1]})")
    print(f"  closest to the memory allowance (20 x input + 200 MB): {100 * figures.memory_worst[0]:.0f}% "
          f"({figures.memory_worst[1]})")
    held = not figures.crashes and not figures.hangs and figures.slowest[0] <= SLOWEST_ALLOWED \
        and figures.memory_worst[0] <= 1.0
    print(f"fuzz: acceptance {'holds' if held else 'FAILS'}: crashes={len(figures.crashes)} hangs={len(figures.hangs)} "
          f"slowest={figures.slowest[0]:.3f} s/KB memory={100 * figures.memory_worst[0]:.0f}% of allowance")
    if figures.failed_inputs:
        print(f"  failed inputs (index): {sorted(figures.failed_inputs)[:50]}; run one again with --only INDEX")
    return 0 if held else 1


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m stress.fuzz", description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=10_000, help="inputs to generate (default 10,000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workers", type=int, default=2, help="worker processes (default 2)")
    parser.add_argument("--only", type=int, nargs="*", help="run only these input indexes")
    parser.add_argument("--failures", type=Path, default=Path("fuzz-failures"),
                        help="where inputs that failed are kept (default ./fuzz-failures)")
    args = parser.parse_args(argv)
    return run(args.count, args.seed, args.workers, set(args.only) if args.only else None, args.failures)


if __name__ == "__main__":
    sys.exit(main())
