"""The domain never loads the UI: proved in a fresh interpreter, as the import contract says."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _domain_modules() -> list[str]:
    modules = []
    for path in sorted((ROOT / "sessions").rglob("*.py")):
        relative = path.relative_to(ROOT).with_suffix("")
        parts = list(relative.parts)
        if "versions" in parts or parts[-1] == "env":  # migration scripts run inside Alembic
            continue
        if parts[-1] == "__init__":
            parts.pop()
        modules.append(".".join(parts))
    return modules


def test_sessions_imports_no_ui() -> None:
    # The same contract lint-imports checks by reading the code; here it is proved by
    # loading every module, which also catches an import made at run time by name.
    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
    (domain,) = [c for c in contracts["contracts"] if c.get("source_modules") == ["sessions"]]
    forbidden = domain["forbidden_modules"]
    assert {"facilitator", "textual", "rich"} <= set(forbidden)
    modules = _domain_modules()
    assert "sessions.store" in modules and "sessions.services.running" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        f"bad = sorted(m for m in sys.modules if m.split('.')[0] in {forbidden!r})\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "", f"sessions pulled in: {result.stdout.strip()}"


def _run(code: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


def test_the_domain_loads_no_layer_above_it() -> None:
    # The layers contract, proved by loading: every module of the lowest layer in a fresh
    # interpreter, then a look for any module of the layers above it.
    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
    (layers,) = [c for c in contracts["contracts"] if c["type"] == "layers"]
    (container,) = layers["containers"]
    names = [
        f"{container}.{name.strip()}"
        for layer in layers["layers"]
        for name in layer.replace(":", "|").split("|")
    ]
    *above, lowest = names
    assert lowest == "sessions.domain" and "sessions.services" in above
    modules = [m for m in _domain_modules() if m == lowest or m.startswith(lowest + ".")]
    assert "sessions.domain.lookup" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        f"above = {above!r}\n"
        "print(','.join(sorted(m for m in sys.modules\n"
        "    if any(m == a or m.startswith(a + '.') for a in above))))\n"
    )
    loaded = _run(code)
    assert loaded == "", f"the domain pulled in: {loaded}"


def test_help_does_not_load_textual() -> None:
    """`facilitator --help` and the agenda commands must start without Textual."""
    code = (
        "import sys\n"
        "from facilitator.cli import build_parser\n"
        "build_parser()\n"
        "print('textual' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
