"""How numbers are printed: rounding noise as the bound it stays under (the same on every CPU), table cells to a fixed width."""


def below(value, bound):
    """'below 1e-12' for a value whose size is under bound; ValueError if it is not (then it is no noise)."""
    if not abs(value) < bound:
        raise ValueError(f"{value!r} is not below {bound:g}: print it as a number, it is not rounding noise")
    return f"below {bound:g}"


def table_number(v):
    """Four decimals, or three significant digits in e-notation for tiny values (0.0000 would hide them)."""
    return f"{v:.4f}" if v == 0 or abs(v) >= 1e-3 else f"{v:.3e}"


def true_minus(v):
    """A number as the chapters write it: no trailing zeros, a true minus sign, never −0 (−2.5, 0.5, 0)."""
    return f"{float(v) + 0.0:g}".replace("-", "−")


def one_in(v):
    """A share as "1/N", N with thousands commas: 0.25 ** 10 -> "1/1,048,576" (exact for powers of a quarter)."""
    return f"1/{round(1 / float(v)):,}"
