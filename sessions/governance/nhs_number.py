"""The NHS number's own check: ten digits, the last a modulus-11 check on the nine before it."""

from __future__ import annotations

WEIGHTS = (10, 9, 8, 7, 6, 5, 4, 3, 2)


def check_digit(first_nine: str) -> int | None:
    """The check digit the nine digits call for, or None where no number may have them
    (the rule gives 10 for those, and such numbers are never issued)."""
    total = sum(int(digit) * weight for digit, weight in zip(first_nine, WEIGHTS, strict=True))
    check = 11 - total % 11
    if check == 11:
        return 0
    return None if check == 10 else check


def is_nhs_number(digits: str) -> bool:
    """Whether ten digits (spaces and hyphens already taken out) pass the NHS number's check."""
    if len(digits) != 10 or not digits.isascii() or not digits.isdigit():
        return False
    return check_digit(digits[:9]) == int(digits[9])
