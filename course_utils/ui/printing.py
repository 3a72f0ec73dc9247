"""How numbers are printed: rounding noise as the bound it stays under (the same on every CPU), table cells to a fixed width."""

import numpy as np


def below(value, bound):
    """'below 1e-12' for a value whose size is under bound; ValueError if it is not (then it is no noise)."""
    if not abs(value) < bound:
        raise ValueError(f"{value!r} is not below {bound:g}: print it as a number, it is not rounding noise")
    return f"below {bound:g}"


def table_number(v):
    """Four decimals, or three significant digits in e-notation for tiny values (0.0000 would hide them)."""
    return f"{v:.4f}" if v == 0 or abs(v) >= 1e-3 else f"{v:.3e}"


def readout_number(v):
    """A widget readout's number, to the two decimals the chapters' text uses, with a true minus (the explorer of
    chapters 02 and 04; r80 Focus: it printed four). A value two decimals would show as 0 keeps one digit, in plain
    decimals, so a tail's tiny slope (0.00005) never reads as ReLU's exact 0; under a millionth it is "almost 0"."""
    v = float(v)
    if v == 0:
        return "0"
    if abs(v) < 1e-6:
        return "almost 0"
    if abs(v) < 0.005:
        return np.format_float_positional(v, precision=1, unique=False, fractional=False, trim="-").replace("-", "−")
    return f"{v:.2f}".replace("-", "−")


def true_minus(v):
    """A number as the chapters write it: no trailing zeros, a true minus sign, never −0 (−2.5, 0.5, 0)."""
    return f"{float(v) + 0.0:g}".replace("-", "−")


def one_in(v):
    """A share as "1/N", N with thousands commas: 0.25 ** 10 -> "1/1,048,576" (exact for powers of a quarter)."""
    return f"1/{round(1 / float(v)):,}"
