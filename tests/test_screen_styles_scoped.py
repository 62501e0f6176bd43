"""A screen's stylesheet reaches only its own screen.

Textual adds a screen's `CSS_PATH` files to the app's one stylesheet, so an unscoped rule there
(`#find { display: none }`) styles every screen with that id once its screen has been shown.
Each rule in a screen's stylesheet must therefore start with a screen class, and every screen
of that class must be one that loads the stylesheet.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections import defaultdict
from pathlib import Path

import pytest
from textual._path import _css_path_type_as_list
from textual.app import App
from textual.css.model import SelectorType
from textual.css.stylesheet import Stylesheet
from textual.screen import Screen

import facilitator

ROOT = Path(facilitator.__file__).parent


def _our_screens() -> list[type[Screen]]:
    for module in pkgutil.walk_packages(facilitator.__path__, "facilitator."):
        if not module.name.endswith("__main__"):  # that one runs the command line
            importlib.import_module(module.name)
    found: list[type[Screen]] = []
    waiting: list[type] = [Screen]
    while waiting:
        cls = waiting.pop()
        waiting.extend(cls.__subclasses__())
        if cls.__module__.startswith("facilitator."):
            found.append(cls)
    return found


def _stylesheets(cls: type[Screen]) -> list[Path]:
    """The files the screen loads, resolved as Textual resolves them for an instance."""
    if cls.CSS_PATH is None:
        return []
    base = Path(getattr(cls, "_BASE_PATH", None) or inspect.getfile(cls))
    return [(base.parent / path).resolve() for path in _css_path_type_as_list(cls.CSS_PATH)]


SCREENS = _our_screens()
LOADED_BY: dict[Path, set[type[Screen]]] = defaultdict(set)
for _screen in SCREENS:
    for _path in _stylesheets(_screen):
        LOADED_BY[_path].add(_screen)
SCREEN_NAMES = {screen.__name__ for screen in SCREENS}
VARIABLES = App().get_css_variables()


def _first_names(path: Path) -> list[tuple[str, str]]:
    """Each selector in the file, with the name it starts from ('' unless a type)."""
    stylesheet = Stylesheet(variables=VARIABLES)
    stylesheet.read(path)
    stylesheet.parse()
    found = []
    for rule in stylesheet.rules:
        if not rule.styles.get_rules():
            continue  # a block holding only nested rules: those are checked themselves
        for selector_set in rule.selector_set:
            first = selector_set.selectors[0]
            name = first.name if first.type == SelectorType.TYPE else ""
            found.append((selector_set.css, name))
    return found


def test_every_screen_stylesheet_is_found() -> None:
    names = {path.relative_to(ROOT).as_posix() for path in LOADED_BY}
    assert {"screens/dashboard.tcss", "screens/dialog.tcss", "screens/home.tcss"} <= names
    assert "app.tcss" not in names


def test_the_app_loads_no_other_unchecked_stylesheet() -> None:
    """The app reads the home screen's styles with its own, for a quicker first frame; any
    file it reads besides `app.tcss` must be a screen's, and so checked above."""
    from facilitator.app import FacilitatorApp

    read = {(ROOT / path).resolve() for path in _css_path_type_as_list(FacilitatorApp.CSS_PATH)}
    assert read - {ROOT / "app.tcss"} <= set(LOADED_BY)


@pytest.mark.parametrize(
    "path", sorted(LOADED_BY), ids=lambda path: path.relative_to(ROOT).as_posix()
)
def test_each_rule_reaches_only_screens_that_load_its_stylesheet(path: Path) -> None:
    loaders = LOADED_BY[path]
    leaks = []
    for selector, name in _first_names(path):
        reached = {screen for screen in SCREENS if name in screen._css_type_names}
        if name not in SCREEN_NAMES or not reached <= loaders:
            leaks.append(selector)
    assert leaks == [], f"not scoped to a screen that loads {path.name}: {leaks}"


def test_the_app_stylesheet_names_no_screen() -> None:
    """The app's own styles apply everywhere; a screen's belong in the screen's stylesheet."""
    for selector, name in _first_names(ROOT / "app.tcss"):
        assert name not in SCREEN_NAMES, selector
        assert "#" not in selector, selector
