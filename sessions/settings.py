"""The facilitator's own preferences, kept between runs in the user config folder.

A missing, unreadable or damaged settings file means defaults, never a failed start.
"""

from __future__ import annotations

import json
from pathlib import Path

from sessions.paths import config_dir
from sessions.private_files import write_private


def settings_path() -> Path:
    return config_dir() / "settings.json"


def load_settings() -> dict[str, object]:
    try:
        data = json.loads(settings_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def save_setting(name: str, value: object) -> None:
    """Keep one preference; written whole via a temporary file so a crash leaves the old one."""
    settings = load_settings()
    settings[name] = value
    write_private(settings_path(), json.dumps(settings, indent=2, sort_keys=True).encode("utf-8"))


def forget_setting(name: str) -> None:
    """Drop one preference, back to its default; nothing is written where none was kept."""
    settings = load_settings()
    if settings.pop(name, None) is None:
        return
    write_private(settings_path(), json.dumps(settings, indent=2, sort_keys=True).encode("utf-8"))
