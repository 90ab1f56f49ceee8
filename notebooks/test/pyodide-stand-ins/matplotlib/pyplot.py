"""Test-only stand-in for matplotlib.pyplot (see the package's docstring): nothing is drawn."""

import numpy as np


class _Anything:
    """A figure, axes, line or legend: any attribute, call or index gives the object back."""

    def __call__(self, *args, **kwargs):
        return self

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return self

    def __getitem__(self, key):
        return self

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def subplots(nrows=1, ncols=1, *, squeeze=True, **kwargs):
    """A figure and its axes, in the shape matplotlib gives them (one object, or an array)."""
    axes = np.empty((nrows, ncols), dtype=object)
    for index in np.ndindex(axes.shape):
        axes[index] = _Anything()
    if squeeze:
        axes = axes.item() if axes.size == 1 else axes.squeeze()
    return _Anything(), axes


def __getattr__(name):
    """plt.figure, plt.plot, plt.legend, plt.show, ...: each call draws nothing."""
    if name.startswith("__"):
        raise AttributeError(name)
    return _Anything()
