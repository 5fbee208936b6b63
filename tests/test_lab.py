"""JupyterLab opens cleanly: `make lab` runs as root at the repo root with extra options,
and opening and saving a notebook leaves the committed file byte for byte as it was."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from jupyter_client.kernelspec import KernelSpecManager

REPO = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((REPO / "notebooks").glob("[0-9][0-9]-*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_committed_kernelspec_is_what_the_environments_kernel_reports(path):
    """JupyterLab rewrites a notebook's kernelspec to the kernel's own on opening; the
    committed one must already be it, or opening a notebook dirties `git status`."""
    import nbformat
    spec = KernelSpecManager().get_kernel_spec("python3")
    stored = nbformat.read(path, as_version=4).metadata.kernelspec
    assert (stored.name, stored.display_name, stored.language) == ("python3", spec.display_name, spec.language)


def test_opening_and_saving_through_the_server_leaves_notebooks_unchanged(tmp_path):
    """What JupyterLab's save does on the server: read the notebook model, write it back."""
    from jupyter_server.services.contents.filemanager import FileContentsManager
    for path in NOTEBOOKS:
        shutil.copy(path, tmp_path / path.name)
    manager = FileContentsManager(root_dir=str(tmp_path))
    for path in NOTEBOOKS:
        model = manager.get(path.name, content=True, type="notebook")
        manager.save({"type": "notebook", "format": "json", "content": model["content"]}, path.name)
        assert (tmp_path / path.name).read_bytes() == path.read_bytes(), path.name


def test_make_lab_runs_as_root_at_the_repo_root_with_extra_options(tmp_path):
    """What `make lab` runs (the venv's jupyter replaced by a script that records its arguments)."""
    fake = tmp_path / "bin"
    fake.mkdir()
    (fake / "jupyter").write_text('#!/bin/sh\nprintf "%s\\n" "$@" > "$ARGS_OUT"\n', encoding="utf-8")
    (fake / "jupyter").chmod(0o755)
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MAKELEVEL", "MFLAGS")}
    env["ARGS_OUT"] = str(tmp_path / "args.txt")
    subprocess.run(["make", "--no-print-directory", "-o", ".venv/.installed", "lab", f"BIN={fake}",
                    "LAB_ARGS=--no-browser --port 8899"], cwd=REPO, env=env, capture_output=True, text=True,
                   check=True, timeout=60)
    args = (tmp_path / "args.txt").read_text(encoding="utf-8").splitlines()
    assert args[0] == "lab" and f"--ServerApp.root_dir={REPO}" in args
    assert args[-3:] == ["--no-browser", "--port", "8899"]
    assert ("--allow-root" in args) == (os.geteuid() == 0)
