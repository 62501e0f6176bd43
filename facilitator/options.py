"""The number a list's option stands for: a programme's, a session's, a member's, an item's."""

from __future__ import annotations

from textual.widgets.option_list import Option


def option_number(option: Option) -> int:
    """The id the option was given; every option the facilitator can choose is given one."""
    if option.id is None:
        raise ValueError(f"the option {option.prompt!r} stands for nothing")
    return int(option.id)
