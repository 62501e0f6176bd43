"""The facilitator's own preferences, kept between runs in the user config folder.

A missing, unreadable or damaged settings file means defaults, never a failed start.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from sessions.paths import config_dir


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
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(json.dumps(settings, indent=2, sort_keys=True), encoding="utf-8")
    os.replace(temporary, path)
