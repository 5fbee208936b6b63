"""Notebook kernels that need no network interface.

jupyter_client's kernels talk to their client over TCP on 127.0.0.1 by default. With
the network switched off (``unshare -n``) even the loopback interface is down and such
a kernel never answers. These kernels use IPC (Unix domain sockets) in a private
temporary folder instead: an absolute path, because the kernel runs in the notebook's
folder and the client in another.
"""

import shutil
import tempfile
from pathlib import Path

from jupyter_client.manager import KernelManager


class IPCKernelManager(KernelManager):
    """A KernelManager whose kernels use IPC sockets in a fresh temporary folder."""

    def __init__(self, **kwargs):
        kwargs.setdefault("transport", "ipc")
        if kwargs["transport"] == "ipc":
            kwargs.setdefault("ip", str(Path(tempfile.mkdtemp(prefix="kernel-")) / "ipc"))
        super().__init__(**kwargs)

    def cleanup_ipc_files(self) -> None:
        """Remove the socket files, then the temporary folder that held them."""
        super().cleanup_ipc_files()
        if self.transport == "ipc":
            shutil.rmtree(Path(self.ip).parent, ignore_errors=True)
