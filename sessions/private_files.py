"""Every file the app writes is readable by the facilitator alone, whatever the umask.

Minutes, reports and exports hold what was said in the room, as the database does:
each is written 0600, and each folder the app makes is 0700. A folder the
facilitator chose is theirs: it is never changed, only named when others can read it.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

FILE_MODE = 0o600
FOLDER_MODE = 0o700
_OTHERS_READ = stat.S_IRGRP | stat.S_IROTH


def make_private_folder(folder: Path) -> None:
    """Make the folder and any missing above it 0700; those already there are left alone."""
    missing = [path for path in (folder, *folder.parents) if not os.path.lexists(path)]
    folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    # mkdir's mode passes through the umask, and parents are made without it: set it after.
    for path in missing:
        path.chmod(FOLDER_MODE)


def write_private(path: Path, data: bytes) -> None:
    """Write whole or not at all, via a temporary file made 0600 before any byte is in it."""
    make_private_folder(path.parent)
    temporary = path.with_name(f".{path.name}.tmp")
    # A leftover from an interrupted write may have looser permissions: start afresh.
    temporary.unlink(missing_ok=True)
    descriptor = os.open(temporary, os.O_CREAT | os.O_EXCL | os.O_WRONLY, FILE_MODE)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def open_folder_warning(path: Path) -> str | None:
    """One line to tell the facilitator when others can read the folder a file went into."""
    if os.name == "nt":
        return None  # Windows keeps who may read in access lists, not in these bits
    folder = path.parent
    try:
        mode = folder.stat().st_mode
    except OSError:
        return None
    if not mode & _OTHERS_READ:
        return None
    return (
        f"Other people on this computer can see what is in {folder.resolve()}; "
        f"{path.name} itself is readable by you alone."
    )
