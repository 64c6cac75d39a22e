import io
import json
import subprocess
import sys
import tempfile
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Optional

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fact_review.cli import main
from fact_review.cli import claims as claims_command
from fact_review.model import Claim

ROOT = Path(__file__).resolve().parents[1]


class FakeExtractor:
    """Stands in for the extractor: one claim on the first "40" of each text, and a record of the calls."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, Optional[datetime]]] = []

    def __call__(self, text: str, reference: Optional[datetime] = None) -> list[Claim]:
        self.calls.append((text, reference))
        at = text.find("40")
        if at < 0:
            return []
        return [Claim(at, at + 8, text[at : at + 8], "number", value=Decimal("40"), noun="boats",
                      qualifier="about", low=Decimal("36"), high=Decimal("44"))]


@pytest.fixture
def extractor(monkeypatch: pytest.MonkeyPatch) -> FakeExtractor:
    fake = FakeExtractor()
    monkeypatch.setattr(claims_command, "extract_claims", fake)
    return fake


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    dated = tmp_path / "dated.txt"
    dated.write_text("date 2024-03-09 High water sank 40 boats in the harbour.\n", encoding="utf-8")
    titled = tmp_path / "titled.md"
    titled.write_text("# Harbour flood\n\nNo numbers here.\n", encoding="utf-8")
    return {"dated": dated, "titled": titled}


def test_files_as_a_table(files: dict[str, Path], extractor: FakeExtractor, capsys: pytest.CaptureFixture) -> None:
    assert main(["claims", str(files["dated"]), str(files["titled"])]) == 0
    out = capsys.readouterr().out
    dated, titled = out.split("\n\n")
    assert dated.startswith(f"{files['dated']}  (no title; published 2024-03-09; 1 claim)")
    header, row = dated.splitlines()[1:]
    assert header.split() == ["offsets", "kind", "text", "value", "unit", "noun", "qualifier", "date", "context"]
    assert row.split() == ["32-40", "number", "40", "boats", "40", "[36,", "44]", "boats", "about"]
    assert titled.strip() == f"{files['titled']}  (title: Harbour flood; date unknown; 0 claims)"
    assert extractor.calls[0] == (files["dated"].read_text(), datetime(2024, 3, 9))
    assert extractor.calls[1][1] is None


def test_files_as_json(files: dict[str, Path], extractor: FakeExtractor, capsys: pytest.CaptureFixture) -> None:
    assert main(["claims", str(files["dated"]), str(files["titled"]), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert [r["path"] for r in result] == [str(files["dated"]), str(files["titled"])]
    assert result[0]["published"] == "2024-03-09"
    assert result[1]["title"] == "Harbour flood"
    assert result[0]["claims"] == [extractor(files["dated"].read_text())[0].to_json()]
    assert result[1]["claims"] == []
    assert set(result[0]) == {"path", "title", "outlet", "url", "author", "published", "content_hash", "claims"}


def test_bad_files_are_named_on_stderr_and_the_good_ones_still_reported(
    files: dict[str, Path], tmp_path: Path, extractor: FakeExtractor, capsys: pytest.CaptureFixture
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    missing = tmp_path / "missing.html"
    code = main(["claims", str(empty), str(files["dated"]), str(binary), str(missing), "--json"])
    captured = capsys.readouterr()
    assert code == 2
    assert [r["path"] for r in json.loads(captured.out)] == [str(files["dated"])]
    errors = captured.err.splitlines()
    assert errors == [
        f"fact-review: {empty}: is empty",
        f"fact-review: {binary}: binary data, not text (it contains NUL bytes)",
        f"fact-review: {missing}: no such file",
    ]


def run_batch(monkeypatch: pytest.MonkeyPatch, data: bytes, *extra: str) -> int:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    return main(["claims", "--jsonl", "-", *extra])


def test_batch_from_stdin_keeps_order_ids_and_reference_times(
    monkeypatch: pytest.MonkeyPatch, extractor: FakeExtractor, capsys: pytest.CaptureFixture
) -> None:
    lines = [
        {"id": "a", "text": "About 40 boats sank.", "reference_time": "2016-11-07T16:12:00"},
        {"id": 7, "text": "Nothing to count.", "reference_time": None, "ignored": True},
        {"id": "c", "text": "Tuesday, 40 boats.", "reference_time": "2013-02-12T04:30:00-02:00"},
        {"id": "d", "text": "", "reference_time": "2024-05-01"},
    ]
    data = "\n".join(json.dumps(line) for line in lines).encode() + b"\n\n"
    assert run_batch(monkeypatch, data) == 0
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["id"] for line in out] == ["a", 7, "c", "d"]
    assert out[0]["claims"] == [extractor("About 40 boats sank.")[0].to_json()]
    assert out[1]["claims"] == [] and out[3]["claims"] == []
    references = [reference for _, reference in extractor.calls[:4]]
    assert references == [datetime(2016, 11, 7, 16, 12), None, datetime.fromisoformat("2013-02-12T04:30:00-02:00"),
                          datetime(2024, 5, 1)]


def test_batch_into_a_file(tmp_path: Path, extractor: FakeExtractor) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text('{"id": "x", "text": "Some 40 boats"}\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["claims", "--jsonl", str(source), "--out", str(out)]) == 0
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == ["x"]


@pytest.mark.parametrize(
    "bad_line, message",
    [
        (b"{not json", "not valid JSON"),
        (b'["id", "text"]', "expected a JSON object"),
        (b'{"text": "no id"}', 'has no "id"'),
        (b'{"id": 3, "text": 42}', '"text" must be a string'),
        (b'{"id": 3}', '"text" must be a string'),
        (b'{"id": 3, "text": "x", "reference_time": "next week"}', '"reference_time" "next week" is not an ISO 8601'),
        (b'{"id": 3, "text": "x", "reference_time": 20240501}', "is not an ISO 8601"),
        (b'{"id": 3, "text": "caf\xe9"}', "not UTF-8 text"),
        (b'{"id": 3, "text": "half \\ud800 a pair"}', "unpaired surrogate"),
    ],
)
def test_a_malformed_line_stops_the_batch_with_its_number(
    tmp_path: Path, extractor: FakeExtractor, capsys: pytest.CaptureFixture, bad_line: bytes, message: str
) -> None:
    source = tmp_path / "in.jsonl"
    source.write_bytes(b'{"id": 1, "text": "40 fine"}\n\n' + bad_line + b'\n{"id": 4, "text": "fine"}\n')
    out = tmp_path / "out.jsonl"
    assert main(["claims", "--jsonl", str(source), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"fact-review: {source}: line 3: ") and message in err
    assert not out.exists() and extractor.calls == []


@pytest.mark.parametrize(
    "argv, message",
    [
        (["claims"], "give one or more article files, or --jsonl IN"),
        (["claims", "a.txt", "--jsonl", "-"], "not both"),
        (["claims", "a.txt", "--out", "o.jsonl"], "--out goes with --jsonl"),
        (["claims", "--jsonl", "/no/such/input.jsonl"], "/no/such/input.jsonl: no such file"),
    ],
)
def test_argument_mistakes(argv: list[str], message: str, capsys: pytest.CaptureFixture) -> None:
    assert main(argv) == 2
    assert message in capsys.readouterr().err


def test_command_line_end_to_end(tmp_path: Path) -> None:
    """The installed entry point with the real extractor: batch on stdin, and a bad file."""
    batch = json.dumps({"id": "one", "text": "The council counted 40 votes.", "reference_time": "2024-05-01"}) + "\n"
    done = subprocess.run([sys.executable, "-m", "fact_review", "claims", "--jsonl", "-"], input=batch.encode(),
                          capture_output=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr.decode()
    (line,) = done.stdout.decode().splitlines()
    result = json.loads(line)
    assert result["id"] == "one"
    assert any(claim["value"] == 40 and claim["text"].startswith("40") for claim in result["claims"])
    binary = tmp_path / "photo.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    done = subprocess.run([sys.executable, "-m", "fact_review", "claims", str(binary)], capture_output=True,
                          cwd=ROOT, timeout=120)
    assert done.returncode == 2
    assert done.stderr.decode() == f"fact-review: {binary}: binary data, not text (it contains NUL bytes)\n"


def test_claims_say_whether_they_are_worth_checking(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    """The real extractor: the dateline dates the batch text and is context; a count is worth checking."""
    source = tmp_path / "in.jsonl"
    text = "KYIV, May 25, 2025 (Reuters) - Russia launched 69 missiles on Tuesday.\nA drone hit a depot."
    source.write_text(json.dumps({"id": 7, "text": text}) + "\n", encoding="utf-8")
    assert main(["claims", "--jsonl", str(source)]) == 0
    claims = {c["text"]: c for c in json.loads(capsys.readouterr().out)["claims"]}
    assert (claims["May 25, 2025"]["check_worthy"], claims["May 25, 2025"]["why"]) == (False, "the report's dateline")
    assert claims["Tuesday"]["date"] == "2025-05-20" and claims["Tuesday"]["check_worthy"] is True
    assert (claims["69 missiles"]["why"], claims["A drone"]["value"], claims["A drone"]["noun"]) == (
        "a count of a thing", 1, "drone")

    article = tmp_path / "kyiv.txt"
    article.write_text(text, encoding="utf-8")
    assert main(["claims", str(article)]) == 0
    table = capsys.readouterr().out
    assert "published 2025-05-25" in table.splitlines()[0]
    dateline_row = next(line for line in table.splitlines() if "May 25, 2025" in line)
    assert dateline_row.rstrip().endswith("the report's dateline")


# Bad input through the whole command (the real extractor): exit 0 or 2 with a message, never a crash.

NAMES = st.sampled_from(["in.txt", "in.md", "in.html", "in"])


@settings(max_examples=80, deadline=5000, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(st.binary(max_size=2000), st.text(max_size=2000).map(str.encode)), NAMES)
def test_random_files_never_crash_the_command(capsys: pytest.CaptureFixture, data: bytes, name: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        code = main(["claims", str(path), "--json"])
    captured = capsys.readouterr()
    assert code in (0, 2), captured.err
    if code == 2:
        assert captured.err.startswith(f"fact-review: {path}: ")
    else:
        assert json.loads(captured.out)[0]["path"] == str(path)


@settings(max_examples=80, deadline=5000, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(st.binary(max_size=200),
                          st.builds(lambda t, r: json.dumps({"id": 1, "text": t, "reference_time": r}).encode(),
                                    st.text(max_size=300), st.one_of(st.none(), st.text(max_size=30)))),
                max_size=5))
def test_random_batches_never_crash_the_command(capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch,
                                                lines: list[bytes]) -> None:
    code = run_batch(monkeypatch, b"\n".join(line.replace(b"\n", b" ") for line in lines))
    captured = capsys.readouterr()
    assert code in (0, 2), captured.err
    if code == 2:
        assert captured.err.startswith("fact-review: stdin: line ")


@settings(max_examples=15, deadline=10000, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(min_size=1, max_size=20), st.integers(min_value=500, max_value=1500), NAMES)
def test_very_long_lines_through_the_command(capsys: pytest.CaptureFixture, chunk: str, repeat: int, name: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes((chunk * repeat).encode("utf-8"))
        code = main(["claims", str(path)])
    captured = capsys.readouterr()
    assert code in (0, 2), captured.err
    assert code == 0 or captured.err.startswith(f"fact-review: {path}: ")
