"""``make soak``: kill -9 writing work at random moments, fill the disk under it and make its filesystem
read-only, and check after every blow that nothing acknowledged was lost and the database is whole.

Rounds (500 kills by default): verdicts, imports, report writes, backups and migrations, each a child
(``stress.children``) running that work in a loop through the real command line until SIGKILL lands at a
random moment. After each kill: ``PRAGMA integrity_check``; every verdict and import the child was told
is saved is in the database; no change it was told failed is there; a report file is absent or whole;
every backup passes its integrity check; no half-made file is left once the next writer has run. Then a
full disk (a small tmpfs filled while verdicts and imports run) and a read-only filesystem (the tmpfs
remounted read-only under a verdict loop, then back). Damaged copies of the database check that every
recovery is said. Prints ``kills=N lost=0 integrity=ok`` and the details. Needs root (mounts).

    .venv/bin/python -m stress.soak [--kills 500] [--seed 1]
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator, Optional

from stress import children
from stress.old_database import OLD_NOTE, old_database

# kinds of work and their share of the kills; the longest a kill waits after the child starts (seconds)
KINDS = {"verdicts": (0.3, 0.6), "imports": (0.2, 2.5), "reports": (0.2, 2.0), "backups": (0.15, 0.4),
         "migrations": (0.15, 1.2)}
DISK_ROUNDS, READ_ONLY_ROUNDS, DAMAGE_ROUNDS = 12, 12, 6
CASE = "Soak"
NEWS = ["More than {n} people were evacuated on {d} May 2025, officials said.", "About {p}% of the town lost power.",
        "The damage was put at ${n}.5 million by the ministry.", "Rescuers found {n} survivors in {d} villages.",
        "The storm, the worst since {y}, lasted {d} hours."]


@dataclass
class Tally:
    kills: Counter = field(default_factory=Counter)
    acknowledged: Counter = field(default_factory=Counter)
    refused: Counter = field(default_factory=Counter)  # status != 0 (a full disk, a read-only filesystem)
    lost: list[str] = field(default_factory=list)  # acknowledged, not in the database
    misreported: list[str] = field(default_factory=list)  # said to have failed, yet in the database
    integrity: list[str] = field(default_factory=list)
    broken_files: list[str] = field(default_factory=list)  # a report or backup that is not whole
    leftovers: list[str] = field(default_factory=list)  # half-made files that outlived the next writer
    empty_cases: int = 0  # cases left without an article (an import killed between its two steps)
    recoveries_made: int = 0
    recoveries_said: int = 0


def _articles(folder: Path, rng: random.Random, count: int = 8) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for k in range(count):
        text = "Storm report {k}\n\n".format(k=k) + "\n\n".join(
            " ".join(rng.choice(NEWS).format(n=rng.randint(2, 999), d=rng.randint(1, 28), p=rng.randint(1, 99),
                                             y=rng.randint(1950, 2020)) for _ in range(4)) for _ in range(rng.randint(2, 12)))
        path = folder / f"article-{k}.txt"
        path.write_text(text, encoding="utf-8")
        made.append(path)
    return made


def _read_acks(read_end: int, until: float, pid: int) -> list[dict]:
    """What the child said until ``until`` (monotonic), then kill it; every line it finished is returned."""
    os.set_blocking(read_end, False)
    buffer, said = b"", []
    while time.monotonic() < until:
        try:
            chunk = os.read(read_end, 1 << 16)
        except BlockingIOError:
            time.sleep(0.002)  # a kill lands at a random moment: this is its clock, not a wait for a state
            continue
        if not chunk:
            break
        buffer += chunk
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    os.set_blocking(read_end, True)
    while chunk := os.read(read_end, 1 << 16):
        buffer += chunk
    os.close(read_end)
    said = [json.loads(line) for line in buffer.split(b"\n") if line.strip()]
    return said


class Desk:
    """The database under test, what it was told is saved, and the checks after each blow."""

    def __init__(self, folder: Path, rng: random.Random, tally: Tally):
        self.folder, self.rng, self.tally = folder, rng, tally
        self.db = folder / "desk.db"
        self.articles = _articles(folder / "articles", rng)
        self.saved_verdicts: list[tuple[int, str, str]] = []  # (claim, reviewer, note)
        self.refused_verdicts: list[tuple[int, str, str]] = []
        self.saved_cases: list[str] = []
        self.refused_cases: list[str] = []
        self.log = folder / "children.log"
        self._start()

    def _start(self) -> None:
        from fact_review.cli import main as cli
        from fact_review.store import open_service

        with _quiet():
            assert cli(["import", "--db", str(self.db), "--case", CASE, *map(str, self.articles[:2])]) == 0
        with open_service(self.db, read_only=True) as service:
            case = service.get_case(CASE)
            self.claims = [claim.id for claim in service.claims(case.id)]
            self.labels = [label.label for label in service.scale(case.id)]

    @contextmanager
    def moved_to(self, folder: Path) -> Iterator[Path]:
        """The desk's database copied into ``folder`` for a few rounds, with an account of its own."""
        kept = self.db, self.saved_verdicts, self.refused_verdicts, self.saved_cases, self.refused_cases
        self.db = folder / self.db.name
        shutil.copyfile(kept[0], self.db)
        self.saved_verdicts, self.refused_verdicts, self.saved_cases, self.refused_cases = [], [], [], []
        try:
            yield self.db
        finally:
            self.db, self.saved_verdicts, self.refused_verdicts, self.saved_cases, self.refused_cases = kept

    def round(self, kind: str, number: int, label: Optional[str] = None, blow: Optional[Callable[[], None]] = None
              ) -> list[dict]:
        """One child doing ``kind`` work, killed at a random moment (after ``blow``, when given, has been
        dealt while it runs); the kill is counted under ``label`` (default: ``kind``)."""
        db = self.db
        tag = f"{kind[0]}{number}"
        work = {"verdicts": lambda: children.verdicts(str(db), CASE, self.claims, self.labels, tag),
                "imports": lambda: children.imports(str(db), self.articles, tag),
                "reports": lambda: children.reports(str(db), CASE, self.folder / "reports"),
                "backups": lambda: children.backups(str(db))}[kind]()
        (self.folder / "reports").mkdir(exist_ok=True)
        pid, read_end = children.start(work, self.rng.randrange(1 << 30), self.log)
        if blow is not None:
            time.sleep(self.rng.uniform(0.05, 0.4))
            blow()
        said = _read_acks(read_end, time.monotonic() + self.rng.uniform(0.0, KINDS[kind][1]), pid)
        self.tally.kills[label or kind] += 1
        self._note(said)
        return said

    def _note(self, said: list[dict]) -> None:
        for message in said:
            kind = next(iter(message))
            (self.tally.acknowledged if message["status"] == 0 else self.tally.refused)[kind] += 1
            if "verdict" in message:
                entry = (message["claim"], message["reviewer"], message["verdict"])
                (self.saved_verdicts if message["status"] == 0 else self.refused_verdicts).append(entry)
            elif "import" in message:
                (self.saved_cases if message["status"] == 0 else self.refused_cases).append(message["import"])

    def check(self, where: str) -> None:
        """Integrity, nothing acknowledged lost, nothing refused saved, backups and reports whole."""
        db = self.db
        connection = sqlite3.connect(db)
        try:
            result = connection.execute("PRAGMA integrity_check").fetchall()
            if result != [("ok",)]:
                self.tally.integrity.append(f"{where}: {result[:3]}")
                return
            events = {(claim, reviewer, json.loads(after).get("note")) for claim, reviewer, after in
                      connection.execute("SELECT claim_id, reviewer, after_json FROM verdict_event")}
            cases = {name: count for name, count in connection.execute(
                "SELECT c.name, count(a.id) FROM review_case c LEFT JOIN article a ON a.case_id = c.id GROUP BY c.id")}
        finally:
            connection.close()
        self.tally.lost += [f"{where}: verdict {note}" for claim, reviewer, note in self.saved_verdicts
                            if (claim, reviewer, note) not in events]
        self.tally.misreported += [f"{where}: verdict {note} said to have failed, yet saved"
                                   for claim, reviewer, note in self.refused_verdicts if (claim, reviewer, note) in events]
        self.tally.lost += [f"{where}: import into {name}" for name in self.saved_cases if not cases.get(name)]
        self.tally.misreported += [f"{where}: import into {name} said to have failed, yet saved"
                                   for name in self.refused_cases if cases.get(name)]
        self.tally.empty_cases = max(self.tally.empty_cases, sum(1 for count in cases.values() if count == 0))
        self._check_files(where, db)

    def _check_files(self, where: str, db: Path) -> None:
        from fact_review.store import backup as backups

        for backup in backups.list_backups(db):
            if not backups.integrity_ok(backup):
                self.tally.broken_files.append(f"{where}: backup {backup.name}")
        for report in (self.folder / "reports").glob("report.*"):
            problem = _report_problem(report)
            if problem:
                self.tally.broken_files.append(f"{where}: {report.name}: {problem}")

    def count_leftovers(self, where: str) -> None:
        """After a writer of each kind has run to its end, no half-made file of a killed one may remain."""
        from fact_review.cli import main as cli

        with _quiet():
            cli(["report", "--db", str(self.db), "--case", CASE, "--format", "md", "-o",
                 str(self.folder / "reports" / "report.md")])
            from fact_review.store import backup as backups
            backups.make_backup(self.db)
        for folder in (self.folder / "reports", self.db.with_name(self.db.name + ".backups")):
            self.tally.leftovers += [f"{where}: {p.name}" for p in folder.iterdir() if ".tmp" in p.name
                                     and "report.md" not in p.name]


def _report_problem(report: Path) -> Optional[str]:
    data = report.read_bytes()
    kind = report.suffix
    if kind == ".pdf":
        return None if data.startswith(b"%PDF") and b"%%EOF" in data[-64:] else "not a whole PDF"
    text = data.decode("utf-8", "replace")
    if kind in (".json", ".claimreview"):
        try:
            json.loads(text)
        except ValueError:
            return "not whole JSON"
    elif kind == ".html" and not text.rstrip().endswith("</html>"):
        return "not whole HTML"
    return None if text.strip() else "empty"


@contextmanager
def _quiet() -> Iterator[None]:
    saved = os.dup(1), os.dup(2)
    sink = os.open(os.devnull, os.O_WRONLY)
    os.dup2(sink, 1)
    os.dup2(sink, 2)
    try:
        yield
    finally:
        os.dup2(saved[0], 1)
        os.dup2(saved[1], 2)
        for fd in (*saved, sink):
            os.close(fd)


# --- migrations -------------------------------------------------------------------------------------------

def migration_round(desk: Desk, template: Path, number: int) -> None:
    """Kill a command while it backs up and migrates an old database; the file must stay at one version or
    the other with its verdict, and the next command must finish the migration."""
    from fact_review.store import migrate, open_service

    folder = desk.folder / "migrations" / str(number)
    folder.mkdir(parents=True)
    db = folder / "old.db"
    shutil.copyfile(template, db)
    pid, read_end = children.start(children.migration(str(db), "Old case"), number, desk.log)
    _read_acks(read_end, time.monotonic() + desk.rng.uniform(0.0, KINDS["migrations"][1]), pid)
    desk.tally.kills["migrations"] += 1
    with sqlite3.connect(db) as connection:
        state = connection.execute("PRAGMA integrity_check").fetchall()
        version = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        note = connection.execute("SELECT note FROM verdict").fetchone()
    connection.close()
    if state != [("ok",)] or version[0] not in ("0001", migrate.head_revision()) or note != (OLD_NOTE,):
        desk.tally.integrity.append(f"migration {number}: {state[:2]} at {version} with {note}")
    with _quiet(), open_service(db) as migrated:
        if migrated.read_only or migrated.claims(1)[0].verdict.note != OLD_NOTE:
            desk.tally.lost.append(f"migration {number}: the old verdict after migrating")
    for backup in (folder / "old.db.backups").glob("*.db"):
        from fact_review.store import backup as backups
        if not backups.integrity_ok(backup):
            desk.tally.broken_files.append(f"migration {number}: backup {backup.name}")
    shutil.rmtree(folder)


# --- the disk and the filesystem ---------------------------------------------------------------------

def _mount(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["mount", *args], capture_output=True, text=True)


@contextmanager
def small_disk(folder: Path, size: str) -> Iterator[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    if _mount("-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)).returncode != 0:
        raise SystemExit("soak: cannot mount a tmpfs (the full-disk and read-only rounds need root)")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def _room_for(db: Path, spare_mb: int) -> str:
    """A tmpfs size holding ``db`` twice (the database and a backup) and ``spare_mb`` more."""
    return f"{2 * (db.stat().st_size >> 20) + spare_mb}m"


def fill(folder: Path, leave: int) -> None:
    stats = os.statvfs(folder)
    free = stats.f_bavail * stats.f_frsize
    filler = folder / "filler"
    with open(filler, "ab") as handle:
        try:
            os.posix_fallocate(handle.fileno(), os.fstat(handle.fileno()).st_size, max(free - leave, 1))
        except OSError:
            pass  # full already


def remount_read_only(folder: Path, deadline: float) -> bool:
    """Remount ``folder``'s tmpfs read-only as soon as no file is open for writing there (a command ends)."""
    while time.monotonic() < deadline:
        if _mount("-o", "remount,ro", str(folder)).returncode == 0:
            return True
        time.sleep(0.005)
    return False


def disk_rounds(desk: Desk, count: int) -> None:
    """Verdicts and imports on a small disk that fills up under them at a random moment, then has room
    again: what was said saved is there, what was said to fail is not, and no half-made copy is left."""
    for number in range(count):
        with small_disk(desk.folder / "disk", _room_for(desk.db, 2)) as disk, desk.moved_to(disk) as db:
            kind = ("verdicts", "imports")[number % 2]
            desk.round(kind, 10_000 + number, label="full disk", blow=lambda: fill(disk, desk.rng.randint(0, 160 * 1024)))
            (disk / "filler").unlink()  # the checker's reading needs room too (the log's shared memory file)
            desk.check(f"full disk {number}")
            desk.round("verdicts", 20_000 + number, label="full disk")  # room again: the work goes on
            desk.check(f"after full disk {number}")
            desk.tally.leftovers += [f"full disk {number}: {p.name}" for p in db.parent.glob("desk.db.backups/*")
                                     if p.name.endswith((".tmp", "-wal", "-shm", "-journal"))]


def read_only_rounds(desk: Desk, count: int) -> None:
    """A verdict loop whose filesystem turns read-only under it (as a disk with errors does), then
    writable again."""
    for number in range(count):
        with small_disk(desk.folder / "ro", _room_for(desk.db, 16)) as disk, desk.moved_to(disk):
            desk.round("verdicts", 30_000 + number, label="read-only filesystem",
                       blow=lambda: remount_read_only(disk, time.monotonic() + 5))
            _mount("-o", "remount,rw", str(disk))  # the checker itself needs a writable folder (WAL)
            desk.check(f"read-only {number}")
            desk.round("verdicts", 40_000 + number, label="read-only filesystem")
            desk.check(f"after read-only {number}")


def damage_rounds(desk: Desk, count: int) -> None:
    """A copy of the desk damaged (4 KB overwritten): the next command must restore the newest backup,
    say so, keep the damaged file, and keep what that backup holds."""
    from fact_review.store import open_service

    for number in range(count):
        folder = desk.folder / "damaged" / str(number)
        folder.mkdir(parents=True)
        db = folder / "desk.db"
        shutil.copyfile(desk.db, db)
        with _quiet(), open_service(db) as service:
            service.backup()
        size = db.stat().st_size
        with open(db, "r+b") as handle:
            handle.seek(desk.rng.randrange(0, max(1, size - 4096)))
            handle.write(os.urandom(4096))
        log = folder / "stderr.log"
        with open(log, "w") as err:
            subprocess.run([sys.executable, "-m", "fact_review", "verdicts", "--db", str(db), "--case", CASE],
                                    stdout=subprocess.DEVNULL, stderr=err)
        moved = list(folder.glob("desk.db.corrupt-*"))
        said = "was damaged" in log.read_text()
        if moved or said:
            desk.tally.recoveries_made += len([p for p in moved if not p.name.endswith(("-wal", "-shm"))])
            desk.tally.recoveries_said += int(said)
        shutil.rmtree(folder)


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m stress.soak", description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=500, help="kills across the kinds of work (default 500)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--disk-rounds", type=int, default=DISK_ROUNDS, help="full-disk rounds (two kills each)")
    parser.add_argument("--read-only-rounds", type=int, default=READ_ONLY_ROUNDS,
                        help="read-only filesystem rounds (two kills each)")
    parser.add_argument("--damage-rounds", type=int, default=DAMAGE_ROUNDS, help="damaged copies to recover")
    args = parser.parse_args(argv)
    if os.geteuid() != 0:
        print("soak: the full-disk and read-only rounds mount tmpfs file systems: run it as root", file=sys.stderr)
        return 2
    rng = random.Random(args.seed)
    tally = Tally()
    folder = Path(tempfile.mkdtemp(prefix="fact-review-soak-"))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["HOME"] = str(folder)
    began = time.monotonic()
    try:
        desk = Desk(folder, rng, tally)
        template = folder / "template-0001.db"
        old_database(template)
        plan = [kind for kind, (share, _) in KINDS.items() for _ in range(round(share * args.kills))]
        rng.shuffle(plan)
        for number, kind in enumerate(plan):
            if kind == "migrations":
                migration_round(desk, template, number)
            else:
                desk.round(kind, number)
                desk.check(f"{kind} kill {number}")
            if number % 50 == 49:
                desk.count_leftovers(f"after kill {number}")
                print(f"soak: {number + 1} kills, {time.monotonic() - began:,.0f} s", flush=True)
        desk.count_leftovers("after the kills")
        disk_rounds(desk, args.disk_rounds)
        read_only_rounds(desk, args.read_only_rounds)
        damage_rounds(desk, args.damage_rounds)
        recoveries_in_log = (folder / "children.log").read_text(errors="replace").count("was damaged")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return _print(tally, recoveries_in_log, time.monotonic() - began)


def _print(tally: Tally, recoveries_in_log: int, seconds: float) -> int:
    kills = sum(tally.kills.values())
    integrity = "ok" if not tally.integrity and not tally.broken_files else "FAILED"
    print(f"soak: {kills} kills in {seconds:,.0f} s: " + ", ".join(f"{kind} {n}" for kind, n in tally.kills.items()))
    print("  acknowledged: " + ", ".join(f"{kind} {n:,}" for kind, n in tally.acknowledged.items()))
    print("  refused (said, not saved): " + (", ".join(f"{kind} {n:,}" for kind, n in tally.refused.items()) or "none"))
    for title, items in (("lost", tally.lost), ("said to have failed, yet saved", tally.misreported),
                         ("integrity", tally.integrity), ("broken reports or backups", tally.broken_files),
                         ("half-made files left after the next writer", tally.leftovers)):
        print(f"  {title}: {len(items)}")
        for item in items[:10]:
            print(f"    {item}")
    print(f"  cases left without an article: {tally.empty_cases}")
    print(f"  recoveries: {tally.recoveries_made} damaged copies restored from a backup, {tally.recoveries_said} said "
          f"on stderr; {recoveries_in_log} recoveries during the kills")
    all_said = tally.recoveries_said >= tally.recoveries_made
    print(f"kills={kills} lost={len(tally.lost)} integrity={integrity}"
          + ("" if all_said else " UNREPORTED-RECOVERY") + (f" misreported={len(tally.misreported)}" if tally.misreported else ""))
    held = not tally.lost and integrity == "ok" and all_said and not tally.misreported
    return 0 if held else 1


if __name__ == "__main__":
    sys.exit(main())
