"""The QR code the room shows: read back from the terminal's half blocks, it is module for
module the code segno makes of the room's address."""

from __future__ import annotations

import segno

from facilitator.room.announce import EVERY_INTERFACE, LOOPBACK_ONLY, opened_block
from facilitator.room.place import Place
from facilitator.room.qr_code import ERROR_LEVEL, qr_lines

# Each character is two modules, the upper over the lower; a drawn half is a light module.
HALVES = {" ": (False, False), "▀": (True, False), "▄": (False, True), "█": (True, True)}


def modules(lines: list[str]) -> list[list[bool]]:
    """The light and dark modules the lines draw, row by row (True: dark)."""
    rows: list[list[bool]] = []
    for line in lines:
        upper, lower = zip(*(HALVES[character] for character in line), strict=True)
        rows.append([not light for light in upper])
        rows.append([not light for light in lower])
    return rows


def the_code(address: str) -> list[list[bool]]:
    code = segno.make_qr(address, error=ERROR_LEVEL)
    return [[bool(module) for module in row] for row in code.matrix_iter()]


def test_the_drawing_is_the_code_of_the_address() -> None:
    for address in ("http://192.168.1.20:8080", "https://[fe80::1]:443", "http://10.0.0.5:65535"):
        wanted = the_code(address)
        drawn = modules(qr_lines(address))
        # An odd number of rows leaves the last line's lower half undrawn: dark.
        assert drawn[: len(wanted)] == wanted, address
        assert all(all(row) for row in drawn[len(wanted) :])


def test_it_fits_a_terminal() -> None:
    lines = qr_lines("http://192.168.100.200:65535")
    size = len(the_code("http://192.168.100.200:65535"))
    assert len(lines) == (size + 1) // 2 and {len(line) for line in lines} == {size}
    assert size <= 45  # a version 3 or 4 code with its quiet zone: under 23 lines


def test_the_block_holds_the_drawing_of_the_address_it_names() -> None:
    place = Place("192.168.1.20", 8080)
    block = opened_block("Harbour programme, session 2", place, "ABCD-EFGH")
    assert "  Address:    http://192.168.1.20:8080" in block
    assert "  Join code:  ABCD-EFGH" in block
    drawing = [line[2:] for line in block if line and set(line[2:]) <= set(HALVES)]
    assert drawing == qr_lines("http://192.168.1.20:8080")


def test_the_block_says_when_phones_cannot_reach_it_or_every_interface_can() -> None:
    def said(host: str) -> str:
        return "\n".join(opened_block("Harbour programme, session 2", Place(host, 8080), "X"))

    assert "\n".join(EVERY_INTERFACE) in said("0.0.0.0")
    assert "\n".join(LOOPBACK_ONLY) in said("127.0.0.1")
    assert EVERY_INTERFACE[0] not in said("192.168.1.20")
    assert LOOPBACK_ONLY[0] not in said("192.168.1.20")
    assert all(
        len(line) < 80 for host in ("0.0.0.0", "127.0.0.1") for line in said(host).split("\n")
    )
