"""The install is reproducible: requirements.lock pins every package the environment holds,
with hashes, at the versions requirements.txt asks for (regenerate it with `make lock`), and
the installer that installs it (uv) is itself pinned and hashed, so the install never depends
on the pip an interpreter ships."""

import re
import sys
from importlib import metadata
from pathlib import Path

from packaging.markers import Marker

ROOT = Path(__file__).resolve().parents[1]
PIN_RE = re.compile(r"^([A-Za-z0-9_.-]+)==([^\s\\;]+)(?:\s*;\s*([^\\\n]+?))?\s*(?:\\|$)", re.M)


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _pins(path: Path, this_platform: bool = False) -> dict:
    """{package: version} of a requirements file; with ``this_platform``, only the pins whose
    environment marker (a universal lock's ``; sys_platform == 'win32'``) holds here."""
    return {_norm(name): version for name, version, marker in PIN_RE.findall(path.read_text(encoding="utf-8"))
            if not (this_platform and marker and not Marker(marker).evaluate())}


def _blocks(path: Path) -> list[str]:
    return [b for b in re.split(r"\n(?=[A-Za-z0-9_.-]+==)", path.read_text(encoding="utf-8")) if PIN_RE.match(b)]


def test_every_direct_dependency_is_locked_at_its_pinned_version():
    direct, locked = _pins(ROOT / "requirements.txt"), _pins(ROOT / "requirements.lock")
    assert direct, "requirements.txt pins nothing"
    mismatched = {n: (v, locked.get(n)) for n, v in direct.items() if locked.get(n) != v}
    assert not mismatched, f"requirements.lock is stale (run `make lock`): {mismatched}"


def test_every_locked_package_carries_a_hash():
    for lock in ("requirements.lock", "requirements-installer.lock"):
        blocks = _blocks(ROOT / lock)
        assert blocks, lock
        unhashed = [b.split()[0] for b in blocks if "--hash=sha256:" not in b]
        assert not unhashed, f"{lock}: {unhashed}"


def test_the_installer_is_one_pinned_hashed_wheel_that_any_pip_installs():
    """The venv's own pip (23.2.1 on a stock Python 3.11.7) installs only this file, so it must
    need nothing that pip's bugs with extras under --require-hashes could trip on: one package,
    no extras, no markers, the version requirements-installer.txt pins."""
    blocks = _blocks(ROOT / "requirements-installer.lock")
    assert [b.split("==")[0] for b in blocks] == ["uv"]
    assert _pins(ROOT / "requirements-installer.lock") == _pins(ROOT / "requirements-installer.txt")
    assert "[" not in blocks[0].split()[0] and ";" not in blocks[0].split("\\")[0]
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    install = makefile[makefile.index("$(VENV)/.installed:"):]
    install = install[:install.index("\n\n")]
    pip_lines = [line for line in install.splitlines() if "-m pip install" in line]
    assert len(pip_lines) == 1 and "--require-hashes -r requirements-installer.lock" in pip_lines[0]
    assert "$(UV) pip sync" in install and "--require-hashes" in install and "requirements.lock" in install


def test_the_environment_is_exactly_the_lock():
    locked = _pins(ROOT / "requirements.lock", this_platform=True)
    installed = {_norm(d.metadata["Name"]): d.version for d in metadata.distributions()}
    missing = {n: v for n, v in locked.items() if installed.get(n) != v}
    # pip comes with the venv, uv is the installer (requirements-installer.lock)
    extra = sorted(set(installed) - set(locked) - {"pip", "setuptools", "wheel", "uv"})
    assert not missing, f"installed versions differ from the lock: {missing}"
    assert not extra, f"installed but not locked: {extra}"
    assert installed.get("uv") == _pins(ROOT / "requirements-installer.lock")["uv"]
    assert sys.prefix != sys.base_prefix, "the tests run in the project's venv"
