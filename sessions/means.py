"""How a mean rating is written: to one decimal place, a half always rounded up.

Python's own formatting rounds the float nearest the mean, and a half to the even
digit, so a mean of 3.25 read "3.2" on screen where the room, and a board reading
the minutes, would write 3.3. Every screen, the projector, the minutes and the
report write means through here, so they agree with each other and with a
calculator.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

ONE_PLACE = Decimal("0.1")


Number = float | Fraction | Decimal


def exact(value: Number) -> Decimal:
    """`value` as the decimal it stands for.

    A float is read as the shortest decimal that gives it back (2.35, not the binary
    2.35000000000000008…), which is the exact mean of any handful of 1–5 ratings that
    ends in a half; a Fraction is divided out.
    """
    if isinstance(value, Fraction):
        return Decimal(value.numerator) / Decimal(value.denominator)
    if isinstance(value, float):
        return Decimal(repr(value))
    return value


def rounded_mean(value: Number) -> Decimal:
    """`value` to one decimal place, halves away from zero: 3.25 → 3.3, 2.35 → 2.4,
    -0.25 → -0.3."""
    return exact(value).quantize(ONE_PLACE, rounding=ROUND_HALF_UP)


def mean_text(value: Number) -> str:
    """A mean as it is shown: '3.3'."""
    return str(rounded_mean(value))


def change_text(now: Number, before: Number) -> str:
    """How far a mean moved, always signed: '+1.3', '-0.5', '+0.0'.

    The difference is taken of the exact means, not of their floats, whose
    subtraction can leave 2.3499… where the room's figures give 2.35.
    """
    rounded = (exact(now) - exact(before)).quantize(ONE_PLACE, rounding=ROUND_HALF_UP)
    return f"{'-' if rounded < 0 else '+'}{abs(rounded)}"
