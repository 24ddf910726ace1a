"""``pip install .`` with no extras, in a clean virtual environment, runs ``eventwire analyze``.

``test_extras.py`` hides the optional packages from an interpreter that has them; this test
builds the real wheel and installs it where they were never installed:

1. ``pip wheel --no-deps`` builds eventwire's wheel (the build backend comes from the
   package index pip is configured with: PyPI in CI, a local mirror on a project machine);
2. a new virtual environment gets the wheel (``pip install --no-deps --no-index``) and the
   distributions its core ``Requires-Dist`` needs, recursively (extras left out), linked file
   by file from this environment, where they are already installed: no download, the same
   versions;
3. ``pip check`` in it finds every requirement met, no Dask, FastAPI, uvicorn or pyarrow can
   be imported, and ``eventwire analyze`` reports an event on a sentence written here.

It skips (with the reason) when the wheel cannot be built, e.g. offline with no index.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import zipfile
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement

REPO = Path(__file__).resolve().parents[1]
# Installed by the extras only (server, scale, parquet, postgres); a core install has none.
EXTRA_ONLY = ("dask", "distributed", "fastapi", "uvicorn", "pyarrow", "psycopg")
TEXT = "Police detained four people after a protest outside the town hall in Mombasa on Monday.\n"


def run(*args: str | Path, timeout: int = 120, **kw) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    return subprocess.run(
        [str(a) for a in args], capture_output=True, text=True, env=env, timeout=timeout, **kw
    )


def build_wheel(out: Path) -> Path:
    done = run(sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", out, REPO, timeout=180)
    wheels = sorted(out.glob("eventwire-*.whl"))
    if done.returncode != 0 or not wheels:
        reason = "no package index for the build backend?"
        pytest.skip(f"cannot build eventwire's wheel ({reason}): {done.stderr[-400:]}")
    return wheels[0]


def core_requirements(wheel: Path) -> list[Requirement]:
    """The wheel's Requires-Dist that apply without any extra."""
    with zipfile.ZipFile(wheel) as zf:
        name = next(n for n in zf.namelist() if n.endswith(".dist-info/METADATA"))
        text = zf.read(name).decode("utf-8")
    lines = [line.split(":", 1)[1] for line in text.splitlines() if line.startswith("Requires-Dist:")]
    reqs = [Requirement(line.strip()) for line in lines]
    return [r for r in reqs if r.marker is None or r.marker.evaluate({"extra": ""})]


def closure(requirements: list[Requirement]) -> dict[str, metadata.Distribution]:
    """Every installed distribution the requirements need, recursively, with the extras they name."""
    found: dict[str, metadata.Distribution] = {}
    todo = list(requirements)
    while todo:
        req = todo.pop()
        key = re.sub(r"[-_.]+", "-", req.name).lower()
        dist = metadata.distribution(req.name)  # PackageNotFoundError: a core dependency is missing here
        if key in found:
            continue
        found[key] = dist
        for line in dist.requires or []:
            sub = Requirement(line)
            envs = [{"extra": e} for e in (req.extras or {""})]
            if sub.marker is None or any(sub.marker.evaluate(e) for e in envs):
                todo.append(sub)
    return found


def link_distribution(dist: metadata.Distribution, site: Path) -> None:
    """Symlink a distribution's files (those inside its site-packages) into ``site``."""
    root = Path(str(dist.locate_file(""))).resolve()
    for rel in dist.files or []:
        src = Path(str(dist.locate_file(rel))).resolve()
        if not src.is_relative_to(root) or not src.is_file() or "__pycache__" in src.parts:
            continue  # console scripts (../../bin), compiled caches
        dst = site / src.relative_to(root)
        dst.parent.mkdir(parents=True, exist_ok=True)
        if not dst.exists():
            dst.symlink_to(src)


@pytest.mark.slow
def test_core_install_analyzes_without_the_extras(tmp_path):
    wheel = build_wheel(tmp_path / "wheels")
    reqs = core_requirements(wheel)
    assert {r.name for r in reqs} >= {"spacy"}
    assert not {r.name.lower() for r in reqs} & set(EXTRA_ONLY), "an extra's package is a core requirement"

    venv = tmp_path / "venv"
    done = run(sys.executable, "-m", "venv", "--without-pip", venv)
    assert done.returncode == 0, done.stderr
    python = venv / "bin" / "python"
    site = Path(run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])").stdout.strip())
    deps = closure(reqs)
    pulled = set(deps) & set(EXTRA_ONLY)
    assert not pulled, f"the core pulls in an extra's package: {pulled}"
    for dist in deps.values():
        link_distribution(dist, site)
    pip = (sys.executable, "-m", "pip", "--python", python)
    done = run(*pip, "install", "--quiet", "--no-deps", "--no-index", wheel)
    assert done.returncode == 0, done.stderr
    done = run(*pip, "check")
    assert done.returncode == 0, done.stdout + done.stderr

    probe = f"import importlib.util as u; print([m for m in {EXTRA_ONLY!r} if u.find_spec(m)])"
    assert run(python, "-c", probe).stdout.strip() == "[]"
    done = run(
        venv / "bin" / "eventwire",
        "analyze",
        "-",
        "--format",
        "json",
        "--published",
        "2024-05-06",
        input=TEXT,
    )
    assert done.returncode == 0, done.stderr
    analysis = json.loads(done.stdout)
    assert analysis["analyzed"]
    assert analysis["events"], analysis
    assert any(p["name"] == "Mombasa" for p in analysis["places"]), analysis["places"]
