"""The release: a wheel built from this checkout installs into a fresh virtual environment and works there
without the repository (sample.db, stylesheets, migrations and fonts come as package data).

The wheel is built without build isolation and installed with --no-deps --no-index, so the test needs no
network: the fresh environment reaches the dependencies through a .pth line to this environment's
site-packages (a .pth there is not processed, so this checkout's editable install is not seen).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent


def run(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, f"{command} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    build = tmp_path_factory.mktemp("build")
    # Built from a copy of the tracked files: without build isolation setuptools writes build/lib into the
    # source tree it builds, and a module deleted since an earlier build would stay there and ship again.
    source = build / "source"
    tracked = run(["git", "ls-files", "-z"], cwd=ROOT).stdout.split("\0")
    for name in filter(None, tracked):
        if (ROOT / name).is_file():
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, source / name)
    env = {**os.environ, "PIP_NO_INPUT": "1"}
    run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "--no-index",
         "-w", str(out), str(source)], cwd=build, env=env)
    (found,) = out.glob("doorbraak-*.whl")
    return found


def test_the_wheel_holds_the_package_data(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    needed = {"storage/sample.db", "tui/app.tcss", "tui/serve/app_index.html", "storage/migrations/env.py",
              "tui/render/fonts/DejaVuSans.ttf", "tui/cli/locale/nl/LC_MESSAGES/messages.mo"}
    assert needed <= names, sorted(needed - names)
    assert {name for name in names if name.startswith("storage/migrations/versions/")} >= {
        f"storage/migrations/versions/{path.name}" for path in (ROOT / "storage/migrations/versions").glob("0*.py")}
    assert zipfile.ZipFile(wheel).getinfo("storage/sample.db").file_size == (ROOT / "sample.db").stat().st_size


def test_installed_in_a_fresh_environment_it_runs_without_the_repository(wheel: Path, tmp_path: Path) -> None:
    fresh = tmp_path / "venv"
    run([sys.executable, "-m", "venv", "--without-pip", str(fresh)], cwd=tmp_path)
    python = fresh / "bin" / "python"
    site = Path(run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                    cwd=tmp_path).stdout.strip())
    (site / "doorbraak-test-deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps", "--no-index",
         str(wheel)], cwd=tmp_path)

    home = tmp_path / "home"
    env = {"PATH": os.environ.get("PATH", ""), "HOME": str(home), "XDG_CONFIG_HOME": str(home / "config"),
           "XDG_DATA_HOME": str(home / "data"), "XDG_CACHE_HOME": str(home / "cache"),
           "XDG_STATE_HOME": str(home / "state"), "LANG": "C.UTF-8"}
    where = run([str(python), "-c", "import domain, storage, tui; print(tui.__file__, storage.__file__)"],
                cwd=tmp_path, env=env).stdout
    assert str(ROOT) not in where and str(site) in where, where  # the installed copy, not this checkout

    doorbraak = str(fresh / "bin" / "doorbraak")
    version = run([doorbraak, "--versie"], cwd=tmp_path, env=env).stdout
    assert version.splitlines()[0] == "doorbraak 0.1.0"
    assert "Schema: nog geen database" in version and "Database: SQLite" in version
    assert not (home / "data").exists() or not any((home / "data").rglob("*.db"))  # --versie creates nothing

    smoke = run([doorbraak, "demo", "--zelftest"], cwd=tmp_path, env=env).stdout
    assert "De app werkt: de caselijst toont 48 huishoudens." in smoke
