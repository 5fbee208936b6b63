"""pytest set-up shared by the unit tests and nbval: nbval's kernels use IPC sockets,
so that `make test` passes with the network switched off (see scripts/kernels.py)."""

import sys
from pathlib import Path

import nbval.kernel

sys.path.insert(0, str(Path(__file__).resolve().parent / "scripts"))
from kernels import IPCKernelManager  # noqa: E402

nbval.kernel.KernelManager = IPCKernelManager
