"""The objects of start-up kept out of Python's full collections while the app runs.

A full collection walks every object the process holds: by the time the store is open,
that is Textual's, SQLAlchemy's and the app's modules, classes and mappers, some
150,000 objects and about 80 ms a walk on the machine measured, none of which is ever
garbage. CPython starts one whenever the objects that outlived the young collections
have grown by a quarter, so a screen that makes many (a home screen listing a thousand
programmes) brings the next one forward, into whatever the facilitator does next:
measured, it fell in the dashboard's opening. Frozen, those objects are never walked;
the collections that remain walk what the app made since, which is what may be garbage.

The home screen's first lists are frozen too, once read through the store: on a national
database they are some 55,000 objects, and left to the collector they still cost the
dashboard a 30 ms walk. Lists read afresh later are not; those first ones are let go by
reference counting as they are replaced, and anything of them left in a cycle waits for
the thaw as the store closes.
"""

from __future__ import annotations

import gc


def keep_start_up_out_of_collections() -> None:
    """Freeze what the process holds now: once the store is open, and once home's first
    lists are read through it."""
    gc.freeze()


def return_start_up_to_collections() -> None:
    """Thaw it again as the store closes, so whatever the app leaves in cycles (a test
    runs many apps in one process) can be collected after it."""
    gc.unfreeze()
