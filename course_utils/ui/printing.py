"""How the notebooks print a quantity that is rounding noise: as the bound it stays under, the same on every CPU."""


def below(value, bound):
    """'below 1e-12' for a value whose size is under bound; ValueError if it is not (then it is no noise)."""
    if not abs(value) < bound:
        raise ValueError(f"{value!r} is not below {bound:g}: print it as a number, it is not rounding noise")
    return f"below {bound:g}"
