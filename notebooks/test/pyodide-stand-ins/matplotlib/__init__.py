"""Test-only stand-in for matplotlib, installed by notebooks/test/pyodide-runner.ts.

Matplotlib is not among the verified Pyodide files in ../shared/pyodide, so the Node run of the
notebooks cannot load it. This package accepts the calls the notebooks make and draws nothing: the
plotting cells still run their NumPy code on Pyodide, while the plots themselves are checked by the
CPython run (notebooks.test.ts), which has the real matplotlib. Students' browsers load the real one.
"""

STAND_IN = True


def use(*args, **kwargs):
    """Choosing a backend does nothing here."""


def __getattr__(name):
    """matplotlib.rcParams, matplotlib.cm, ...: a stand-in object (see pyplot._Anything)."""
    if name.startswith("__"):
        raise AttributeError(name)
    from matplotlib.pyplot import _Anything

    return _Anything()
