"""Execute a notebook top to bottom with nbclient and print the executed notebook as JSON.

Usage: /usr/bin/python3 run_notebook.py NOTEBOOK.ipynb [TIMEOUT_PER_CELL_SECONDS]

The kernel is always this very interpreter (sys.executable) with ipykernel, whatever
kernelspec the notebook names (ours say "python", the Pyodide kernel in JupyterLite).
Errors are recorded in the cell outputs (allow_errors) so the caller can report which
cell failed; all assertions live in the TypeScript tests.
"""
import json
import sys
import tempfile

import nbformat
from jupyter_client.kernelspec import KernelSpec
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient


class ThisPythonKernelManager(KernelManager):
    """A kernel manager whose kernel is `sys.executable -m ipykernel_launcher`."""

    @property
    def kernel_spec(self):
        return KernelSpec(
            argv=[sys.executable, "-Xfrozen_modules=off", "-m", "ipykernel_launcher",
                  "-f", "{connection_file}"],
            display_name="Python (test runner)",
            language="python",
        )


def main() -> None:
    path = sys.argv[1]
    timeout = int(sys.argv[2]) if len(sys.argv) > 2 else 60
    nb = nbformat.read(path, as_version=4)
    with tempfile.TemporaryDirectory() as workdir:  # no files are read or written by design
        client = NotebookClient(
            nb,
            timeout=timeout,
            allow_errors=True,
            kernel_name="python",
            kernel_manager_class=ThisPythonKernelManager,
            resources={"metadata": {"path": workdir}},
        )
        client.execute()
    json.dump(nb, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
