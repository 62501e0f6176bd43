"""Where facilitator keeps its files, behind one seam tests can point elsewhere.

Every location comes from platformdirs unless an environment variable names
another; tests set FACILITATOR_HOME so nothing touches the real user folders.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "facilitator"


def _home_override() -> Path | None:
    home = os.environ.get("FACILITATOR_HOME")
    return Path(home) if home else None


def data_dir() -> Path:
    """The folder that holds the default database."""
    if home := _home_override():
        return home / "data"
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def config_dir() -> Path:
    """The folder for the user's own agendas and template overrides."""
    if home := _home_override():
        return home / "config"
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False)


def user_agendas_dir() -> Path:
    return config_dir() / "agendas"


def user_plans_dir() -> Path:
    return config_dir() / "plans"


def minutes_dir() -> Path:
    """Where finished sessions' minutes are written unless told otherwise."""
    if explicit := os.environ.get("FACILITATOR_MINUTES_DIR"):
        return Path(explicit)
    if home := _home_override():
        return home / "minutes"
    from platformdirs import user_documents_path

    return user_documents_path() / "Facilitator minutes"


def default_database_url() -> str:
    """FACILITATOR_DB if set, else a SQLite file in the user data folder."""
    if explicit := os.environ.get("FACILITATOR_DB"):
        return explicit
    return str(data_dir() / "facilitator.db")
