"""``python -m benchmarks``: run each contender in its own interpreter, then report.

A full run times every scenario in three sessions of fresh processes per contender and rewrites the
generated part of docs/performance.md. ``--smoke`` runs every scenario once with tiny worlds, one process per
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
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path
from typing import Optional

from . import _codec, _report
from ._processes import ROOT, Result, Server, run_once
from ._scenarios import CALL, COLD, CONTENDERS, FAKE, LABELS, MEMORY, MOTO, SCENARIOS, STUBBER, Scenario
from ._timing import FULL, SMOKE, Plan

DOC = ROOT / "docs" / "performance.md"

Results = list[Result]


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


def collect(scenarios: Sequence[Scenario], contenders: Sequence[str], plan: Plan) -> Results:
    """Every contender's results for every scenario."""
    calls = [s.key for s in scenarios if s.kind == CALL]
    results: Results = []
    for group in [calls] if plan.smoke else [[key] for key in calls]:
        for _ in range(plan.sessions if group else 0):
            results.extend(_interleaved(group, contenders, plan))
    once = [(c, s.key) for s in scenarios if s.kind == MEMORY for c in contenders]
    cold = [s.key for s in scenarios if s.kind == COLD]
    if cold and not plan.smoke:
        for contender in contenders:  # discarded: writes bytecode caches and fills the OS file cache
            run_once(contender, cold[0], plan)
    once += [(c, key) for _ in range(plan.cold_repeats) for key in cold for c in contenders]
    # A smoke run's figures mean nothing, so its one-shot processes may share the machine.
    with ThreadPoolExecutor(max_workers=3 if plan.smoke else 1) as pool:
        for result in pool.map(lambda job: run_once(job[0], job[1], plan), once):
            _log(result)
            results.append(result)
    return results


def _interleaved(group: list[str], contenders: Sequence[str], plan: Plan) -> Results:
    """A serving process per contender for the group's scenarios, asked for blocks in turn."""
    servers = {contender: Server(contender, plan) for contender in contenders}
    try:
        return [result for key in group for result in _scenario(servers, key, plan)]
    finally:
        for server in servers.values():
            server.close()


def _scenario(servers: dict[str, Server], key: str, plan: Plan) -> Results:
    replies = _setup(servers, key)
    ready = [c for c, reply in replies.items() if reply["status"] == "ok"]
    for contender in list(ready):  # one at a time, so that no contender is sized while another works
        sized = servers[contender].ask({"cmd": "size"})
        if sized["status"] == "ok":
            replies[contender]["calls_per_block"] = sized["calls_per_block"]
        else:
            replies[contender] = sized
            ready.remove(contender)
    figures: dict[str, list[float]] = {c: [] for c in ready}
    for block in range(plan.blocks):
        for contender in ready[block % len(ready) :] + ready[: block % len(ready)]:
            reply = servers[contender].ask({"cmd": "block"})
            if reply["status"] == "ok":
                figures[contender].append(reply["seconds"])
            else:
                replies[contender] = reply
    for contender in ready:
        servers[contender].ask({"cmd": "close"})
    results = [_result(key, contender, replies[contender], figures.get(contender)) for contender in servers]
    for result in results:
        _log(result)
    return results


def _setup(servers: dict[str, Server], key: str) -> dict[str, Result]:
    """Set every contender up; the fake first, because the Stubber replays what it recorded."""
    fake = servers[FAKE].ask({"cmd": "setup", "scenario": key})
    recording = fake.pop("recording", None)
    others = [contender for contender in servers if contender != FAKE]
    for contender in others:
        extra = {"recording": recording} if contender == STUBBER else {}
        servers[contender].send({"cmd": "setup", "scenario": key, **extra})
    return {FAKE: fake, **{contender: servers[contender].receive() for contender in others}}


def _result(key: str, contender: str, reply: Result, figures: Optional[list[float]]) -> Result:
    result = {"contender": contender, "scenario": key, **reply}
    if reply["status"] == "ok":
        result["per_call"] = figures or []
    return result


def _log(result: Result) -> None:
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
        f"{plan.sessions} sessions of fresh processes per contender and scenario, each timing "
        f"{plan.blocks} blocks of about {plan.block_seconds * 1e3:.0f} ms in turn after a warm-up of "
        f"{plan.warmup_seconds:.1f} s; medians of the blocks; {plan.cold_repeats} fresh interpreters per "
        "contender for the cold rows (see How it measures)"
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
