"""``python -m benchmarks``: run each contender in its own interpreter, then report.

A full run times every scenario in a fresh process per (scenario, contender) and rewrites the generated
part of docs/performance.md. ``--smoke`` runs every scenario once with tiny worlds, one process per
contender, prints the tables and writes nothing: CI uses it so the harness keeps working, and it asserts
no timing. The exit status is 1 only when a scenario crashed (a contender lacking an operation is not an
error, it is reported as n/a).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path
from typing import Any

from . import _codec, _report
from ._scenarios import COLD, CONTENDERS, FAKE, LABELS, MOTO, SCENARIOS, STUBBER, Scenario
from ._timing import FULL, SMOKE, Plan

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "performance.md"
CHILD_TIMEOUT = 600

Results = list[dict[str, Any]]


def main(argv: Sequence[str]) -> int:
    """Run the benchmark; returns the process exit status."""
    args = _parser().parse_args(argv)
    plan = SMOKE if args.smoke else FULL
    scenarios = [s for s in SCENARIOS if not args.only or s.key in args.only]
    contenders = [c for c in CONTENDERS if c != MOTO or importlib.util.find_spec("moto") is not None]
    started = time.perf_counter()
    results = collect(scenarios, contenders, plan)
    summary = _report.summarize(results)
    facts = machine_facts(plan, time.perf_counter() - started)
    generated = _report.render(summary, scenarios, contenders, facts, plan.smoke)
    print(generated)
    output = args.output or (None if plan.smoke or args.only else DOC)
    if output is not None:
        write_report(Path(output), generated)
    if args.json:
        Path(args.json).write_text(_codec.dumps(results), encoding="utf-8")
    crashed = [r for r in results if r["status"] == "error"]
    for result in crashed:
        print(f"\n{result['scenario']} / {result['contender']} crashed:\n{result['note']}", file=sys.stderr)
    return 1 if crashed else 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="tiny run that only proves every scenario runs")
    parser.add_argument("--only", nargs="+", metavar="SCENARIO", choices=[s.key for s in SCENARIOS])
    parser.add_argument("--output", help="Markdown file to update (default: docs/performance.md, full runs)")
    parser.add_argument("--json", help="also write the raw results to this file")
    return parser


def collect(scenarios: Sequence[Scenario], contenders: Sequence[str], plan: Plan) -> list[dict[str, Any]]:
    """Every contender's results; the fake runs first so the Stubber can replay its recordings.

    A full run starts one process at a time, so contenders never share the machine. A smoke run lets
    contenders other than the fake and the Stubber run alongside them, since its figures mean nothing.
    """
    steady = [s.key for s in scenarios if s.kind != COLD]
    cold = [s.key for s in scenarios if s.kind == COLD]
    groups = [steady] if plan.smoke else [[key] for key in steady]
    results: list[dict[str, Any]] = []
    with ThreadPoolExecutor(max_workers=len(contenders)) as pool:
        for group in (g for g in groups if g):
            results.extend(_group(pool, group, contenders, plan))
        if cold and not plan.smoke:
            for contender in contenders:  # discarded: writes bytecode caches and fills the OS file cache
                run_child(contender, cold, plan, {})
        for _ in range(plan.cold_repeats if cold else 0):
            # Interleaved, so that a slow minute of the machine hits every contender.
            runs = [_start(pool, plan, contender, cold) for contender in contenders]
            results.extend(result for run in runs for result in run())
    return results


def _group(
    pool: ThreadPoolExecutor, group: list[str], contenders: Sequence[str], plan: Plan
) -> list[dict[str, Any]]:
    others = [_start(pool, plan, c, group) for c in contenders if c not in (FAKE, STUBBER)]
    fake = run_child(FAKE, group, plan, {})
    recordings = {r["scenario"]: r.pop("recording") for r in fake if "recording" in r}
    stubber = run_child(STUBBER, group, plan, recordings) if STUBBER in contenders else []
    return [*fake, *stubber, *(result for run in others for result in run())]


def _start(pool: ThreadPoolExecutor, plan: Plan, contender: str, group: list[str]) -> Callable[[], Results]:
    """Start a contender's process now in a smoke run, or when its results are asked for in a full run."""
    if plan.smoke:
        return pool.submit(run_child, contender, group, plan, {}).result
    return lambda: run_child(contender, group, plan, {})


def run_child(
    contender: str, scenarios: list[str], plan: Plan, recordings: dict[str, Any]
) -> list[dict[str, Any]]:
    """Run scenarios in a fresh interpreter for one contender; a crash becomes an ``error`` result."""
    spec = {
        "contender": contender,
        "scenarios": scenarios,
        "smoke": plan.smoke,
        "record": contender == FAKE,
        "recordings": {key: recordings[key] for key in scenarios if key in recordings},
    }
    with tempfile.TemporaryDirectory(prefix="workspaces-bench-") as tmp:
        spec_path, out_path = Path(tmp, "spec.json"), Path(tmp, "out.json")
        spec_path.write_text(_codec.dumps(spec), encoding="utf-8")
        command = [sys.executable, "-m", "benchmarks._child", str(spec_path), str(out_path)]
        began = time.perf_counter()
        done = subprocess.run(
            command, cwd=ROOT, env=child_env(), capture_output=True, text=True, timeout=CHILD_TIMEOUT
        )
        if done.returncode != 0 or not out_path.exists():
            note = f"the process exited with {done.returncode}:\n{done.stderr[-4000:]}"
            return [
                {"contender": contender, "scenario": key, "status": "error", "note": note}
                for key in scenarios
            ]
        results: list[dict[str, Any]] = _codec.loads(out_path.read_text(encoding="utf-8"))["results"]
    for result in results:
        _log(result)
    print(f"  ({LABELS[contender]} process: {time.perf_counter() - began:.1f} s)", file=sys.stderr)
    return results


def child_env() -> dict[str, str]:
    """The same clean environment for every contender: fake credentials, one region, no AWS config.

    moto sets such credentials itself; giving them to everyone means every boto3.client() resolves
    credentials the same cheap way, and nobody reads the machine's ~/.aws or probes instance metadata.
    moto is told not to load its catalog of EC2 images, which only its (untimed) VPC setup would use.
    Bytecode caching is on whatever the caller's environment says: every installed package has its
    caches, and an import that compiles its sources would measure the compiler.
    """
    env = {name: text for name, text in os.environ.items() if not name.startswith("AWS_")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.update(
        AWS_ACCESS_KEY_ID="testing",
        AWS_SECRET_ACCESS_KEY="testing",
        AWS_DEFAULT_REGION="us-east-1",
        AWS_EC2_METADATA_DISABLED="true",
        AWS_CONFIG_FILE=os.devnull,
        AWS_SHARED_CREDENTIALS_FILE=os.devnull,
        MOTO_EC2_LOAD_DEFAULT_AMIS="false",
    )
    return env


def _log(result: dict[str, Any]) -> None:
    figure = ""
    if result.get("per_call"):
        figures = sorted(result["per_call"])
        figure = f"{figures[len(figures) // 2] * 1e6:,.1f} µs"
    elif "phases" in result:
        figure = ", ".join(f"{name} {seconds * 1e3:.1f} ms" for name, seconds in result["phases"].items())
    elif "bytes_per_workspace" in result:
        figure = f"{result['bytes_per_workspace']:,.0f} B/WorkSpace"
    status = result["status"] if result["status"] != "ok" else ""
    line = f"  {result['scenario']:<22} {LABELS[result['contender']]:<16} {status} {figure}"
    print(line.rstrip(), file=sys.stderr, flush=True)


def machine_facts(plan: Plan, elapsed: float) -> dict[str, str]:
    """Where and with what the figures were measured."""
    mode = "smoke (figures meaningless)" if plan.smoke else "full"
    when = f"{datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC"
    return {
        "Run": f"{when}, {mode}, {elapsed:.0f} s, commit {_commit()}",
        "Machine": f"{_cpu_model()}, {os.cpu_count()} logical CPUs, {platform.system()} {platform.release()}",
        "Python": f"{platform.python_implementation()} {platform.python_version()}",
        "Versions": ", ".join(
            f"{name} {_version(name)}" for name in ("workspaces_fake", "boto3", "botocore", "moto")
        ),
        "Method": _method(plan),
    }


def _method(plan: Plan) -> str:
    if plan.smoke:
        return "smoke: one process per contender, each scenario run twice after one warm-up call"
    return (
        f"one process per contender and scenario; {plan.blocks} timed blocks of about "
        f"{plan.block_seconds * 1e3:.0f} ms each after a warm-up of {plan.warmup_seconds:.1f} s; "
        f"median of the blocks; {plan.cold_repeats} fresh interpreters per contender for the cold rows"
    )


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "not installed"


def _commit() -> str:
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return f"{head}{' with local changes' if dirty else ''}"


def write_report(path: Path, generated: str) -> None:
    """Replace the generated part of ``path`` (between the markers), keeping everything written by hand."""
    block = f"{_report.BEGIN}\n\n{generated}\n\n{_report.END}"
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if _report.BEGIN in text and _report.END in text:
        head, rest = text.split(_report.BEGIN, 1)
        tail = rest.split(_report.END, 1)[1]
        text = f"{head}{block}{tail}"
    else:
        text = f"# Performance\n\n{block}\n{text}"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
