"""The README cannot rot: its commands are the ones CI runs, its examples run, its links resolve.

The decorator example is executed as a module and its test functions are called. The fixture example is
written into a pytester project and run by pytest with this package's plugin, as a user would run it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
USER_INSTALL = "pip install workspaces_fake"
SETUP_COMMANDS = ["pip install -e '.[test]' && python -m workspaces_fake demo", "python -m pytest -n auto"]


def blocks(language: str, text: str | None = None) -> list[str]:
    """The fenced code blocks of one language, in order."""
    source = README.read_text(encoding="utf-8") if text is None else text
    return re.findall(rf"^```{language}\n(.*?)^```", source, flags=re.M | re.S)


def example(marker: str) -> str:
    """The one Python block of the README that contains ``marker``."""
    found = [block for block in blocks("python") if marker in block]
    assert len(found) == 1, f"expected one README python block containing {marker!r}, found {len(found)}"
    return found[0]


def test_readme_user_install_comes_first_then_the_two_commands_of_a_fresh_clone() -> None:
    commands = [line for block in blocks("bash") for line in block.splitlines() if line.strip()]
    assert commands[:3] == [USER_INSTALL, *SETUP_COMMANDS]


def test_readme_test_command_is_what_ci_runs() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert SETUP_COMMANDS[1] in ci, ".ci/run must run the README's test command, exactly"
    assert "python -m pip install --quiet -e '.[test,lint]'" in ci, (
        ".ci/run installs from the project's files"
    )


def test_readme_decorator_example_runs() -> None:
    namespace: dict[str, Any] = {"__name__": "readme_example"}
    exec(compile(example("@mock_workspaces"), str(README), "exec"), namespace)
    tests = [value for name, value in namespace.items() if name.startswith("test_") and callable(value)]
    assert tests, "the decorator example defines no test function"
    for test in tests:
        test()


def test_readme_fixture_example_passes_under_pytest(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Under xdist the inner run would inherit the worker's marker and plugins would act as if distributed.
    monkeypatch.delenv("PYTEST_XDIST_WORKER", raising=False)
    code = example("workspaces_backend")
    assert "@pytest.mark.workspaces(" in code, "the fixture example should show the marker"
    pytester.makepyfile(test_readme_example=code)
    result = pytester.runpytest("-p", "no:randomly", "-W", "error")
    result.assert_outcomes(passed=code.count("\ndef test_") + code.startswith("def test_"))


def anchors(page: Path) -> set[str]:
    """GitHub's anchors for the headings of a Markdown page."""
    headings = re.findall(r"^#+ (.+)$", page.read_text(encoding="utf-8"), flags=re.M)
    return {re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-") for heading in headings}


def test_readme_and_docs_relative_links_resolve() -> None:
    broken = []
    for page in [README, *sorted((ROOT / "docs").glob("*.md"))]:
        for target, fragment in re.findall(
            r"\]\(([^)#\s]*)(?:#([^)\s]*))?\)", page.read_text(encoding="utf-8")
        ):
            if "://" in target or target.startswith("mailto:"):
                continue
            path = (page.parent / target) if target else page
            if not path.exists():
                broken.append(f"{page.relative_to(ROOT)} -> {target}")
            elif fragment and path.suffix == ".md" and fragment not in anchors(path):
                broken.append(f"{page.relative_to(ROOT)} -> {target}#{fragment}")
    assert not broken, "broken relative links:\n" + "\n".join(broken)


def test_blocks_finds_fenced_code_by_language() -> None:
    text = "intro\n```python\nx = 1\n```\n```bash\nls\n```\n"
    assert blocks("python", text) == ["x = 1\n"]
    assert blocks("bash", text) == ["ls\n"]


def test_docs_never_point_at_the_shared_folder_outside_the_repository() -> None:
    offenders = [
        str(page.relative_to(ROOT))
        for page in [README, *sorted((ROOT / "docs").glob("*.md"))]
        if "../shared" in page.read_text(encoding="utf-8")
    ]
    assert not offenders, f"these pages refer to ../shared, which is not part of the repository: {offenders}"


def test_license_file_matches_pyproject() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")  # no tomllib before Python 3.11
    assert 'license = { text = "MIT" }' in pyproject
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License\n")
    urls = pyproject.split("[project.urls]\n", 1)[1].split("\n\n", 1)[0]
    assert {line.split(" = ")[0] for line in urls.splitlines()} >= {"Source", "Documentation", "Issues"}
