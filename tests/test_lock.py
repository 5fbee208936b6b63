"""The install is reproducible: requirements.lock pins every package the environment holds,
with hashes, at the versions requirements.txt asks for (regenerate it with `make lock`)."""

import re
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PIN_RE = re.compile(r"^([A-Za-z0-9_.-]+)==([^\s\\;]+)", re.M)


def _pins(path: Path) -> dict:
    return {name.lower().replace("_", "-"): version
            for name, version in PIN_RE.findall(path.read_text(encoding="utf-8"))}


def test_every_direct_dependency_is_locked_at_its_pinned_version():
    direct, locked = _pins(ROOT / "requirements.txt"), _pins(ROOT / "requirements.lock")
    assert direct, "requirements.txt pins nothing"
    mismatched = {n: (v, locked.get(n)) for n, v in direct.items() if locked.get(n) != v}
    assert not mismatched, f"requirements.lock is stale (run `make lock`): {mismatched}"


def test_every_locked_package_carries_a_hash():
    blocks = re.split(r"\n(?=[A-Za-z0-9_.-]+==)", (ROOT / "requirements.lock").read_text())
    unhashed = [b.split()[0] for b in blocks if PIN_RE.match(b) and "--hash=sha256:" not in b]
    assert not unhashed


def test_the_environment_is_exactly_the_lock():
    locked = _pins(ROOT / "requirements.lock")
    installed = {d.metadata["Name"].lower().replace("_", "-"): d.version for d in metadata.distributions()}
    missing = {n: v for n, v in locked.items() if n not in ("pip", "setuptools") and installed.get(n) != v}
    extra = sorted(set(installed) - set(locked) - {"pip", "setuptools", "wheel"})
    assert not missing, f"installed versions differ from the lock: {missing}"
    assert not extra, f"installed but not locked: {extra}"
