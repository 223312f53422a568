"""The benchmark harness keeps working: its smoke run end to end, and the arithmetic of its report.

The smoke run times nothing seriously; it proves that every scenario still runs for every contender that
implements it, so ``python -m benchmarks`` does not rot between full runs.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # benchmarks/ is a top-level folder of the repository, not installed
    sys.path.insert(0, str(ROOT))

from benchmarks import _report, _runner  # noqa: E402
from benchmarks._scenarios import CALL, COLD, CONTENDERS, FAKE, MOTO, SCENARIOS, STUBBER  # noqa: E402

EXPECTED_GAPS = {
    ("app-cycle", MOTO),
    ("describe-applications", MOTO),
    ("memory", STUBBER),
}
"""moto implements no application operation; a Stubber keeps no world to weigh."""


def test_benchmarks_smoke_run_runs_every_scenario_for_every_contender(tmp_path: Path) -> None:
    report, raw = tmp_path / "performance.md", tmp_path / "results.json"
    command = [sys.executable, "-m", "benchmarks", "--smoke", "--output", str(report), "--json", str(raw)]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    outcomes = {(r["scenario"], r["contender"]): r["status"] for r in json.loads(raw.read_text())}
    for scenario in SCENARIOS:
        for contender in CONTENDERS:
            expected = "n/a" if (scenario.key, contender) in EXPECTED_GAPS else "ok"
            assert outcomes[(scenario.key, contender)] == expected, (scenario.key, contender)
    text = report.read_text()
    assert _report.BEGIN in text and _report.END in text
    assert all(scenario.label(smoke=True) in text for scenario in SCENARIOS if scenario.kind == CALL)


def _blocks(scenario: str, contender: str, seconds: float) -> dict[str, Any]:
    figures = [seconds * 0.9, seconds, seconds * 5]  # the median ignores the one slow block
    return {"scenario": scenario, "contender": contender, "status": "ok", "per_call": figures}


def test_report_target_within_limit_met_and_beyond_limit_missed() -> None:
    summary = _report.summarize(
        [
            _blocks("describe-empty", FAKE, 140e-6),
            _blocks("describe-empty", STUBBER, 100e-6),
            _blocks("create-one", FAKE, 160e-6),
            _blocks("create-one", STUBBER, 100e-6),
        ]
    )
    table = _report.render(summary, [s for s in SCENARIOS if s.kind == CALL], CONTENDERS, {}, smoke=False)
    assert "| DescribeWorkspaces, empty world: ≤ 1.5x Stubber | 1.40x | yes |" in table
    assert "| CreateWorkspaces of one: ≤ 1.5x Stubber | 1.60x | **no** |" in table
    assert "| Minimal test ≤ 1/20 of moto's | — | not measured |" in table


def test_report_page_growth_is_measured_against_the_stubber_of_each_size() -> None:
    summary = _report.summarize(
        [
            _blocks("page-25", FAKE, 100e-6),
            _blocks("page-25", STUBBER, 80e-6),
            _blocks("page-10000", FAKE, 300e-6),  # measured while the machine ran at half speed
            _blocks("page-10000", STUBBER, 160e-6),
        ]
    )
    table = _report.render(summary, [s for s in SCENARIOS if s.kind == CALL], CONTENDERS, {}, smoke=False)
    assert "| Page of 25 with 10,000 present ≤ 2x with 25 | 1.50x | yes |" in table


def test_report_cold_ratio_is_median_of_pairs_started_in_turn() -> None:
    # Three repetitions, each starting the fake then moto; the third ran while the machine was busy.
    runs = [(0.008, 0.100), (0.010, 0.300), (0.024, 0.300)]
    results = [
        {"scenario": "cold-start", "contender": contender, "status": "ok", "phases": _phases(seconds)}
        for fake, moto in runs
        for contender, seconds in ((FAKE, fake), (MOTO, moto))
    ]
    summary = _report.summarize(results)
    assert _report.value(summary, "cold-start:import", FAKE) == 0.010
    assert _report.value(summary, "cold-start:import", MOTO) == 0.300
    # Pairs give 0.08, 0.033 and 0.08: the busy third run slowed both, and counts as the first did.
    paired = _report.ratio(summary, ("cold-start:import", FAKE), ("cold-start:import", MOTO))
    assert paired == pytest.approx(0.08)
    cold = [s for s in SCENARIOS if s.kind == COLD]
    assert "| import ≤ 1/10 of moto's | 0.080x | yes |" in _report.render(
        summary, cold, CONTENDERS, {}, False
    )


def _phases(import_seconds: float) -> dict[str, float]:
    return {"import": import_seconds, "activate": 0.001, "client": 0.002, "first_call": 0.001}


def test_report_contender_without_operation_shows_reason_as_footnote() -> None:
    results = [{"scenario": "app-cycle", "contender": MOTO, "status": "n/a", "note": "no such operation"}]
    table = _report.render(_report.summarize(results), SCENARIOS[:8], CONTENDERS, {}, smoke=False)
    assert "| n/a [1] |" in table
    assert "- [1] no such operation" in table


def test_write_report_replaces_generated_part_and_keeps_prose(tmp_path: Path) -> None:
    doc = tmp_path / "performance.md"
    doc.write_text(f"# Performance\n\nintro\n\n{_report.BEGIN}\nold\n{_report.END}\n\n## Findings\nkept\n")
    _runner.write_report(doc, "new table")
    text = doc.read_text()
    assert "old" not in text
    assert "new table" in text
    assert text.startswith("# Performance\n\nintro\n\n")
    assert text.endswith("## Findings\nkept\n")
