"""The objects of start-up kept out of Python's full collections while the app runs.

A full collection walks every object the process holds: by the time the store is open,
that is Textual's, SQLAlchemy's and the app's modules, classes and mappers, some
150,000 objects and about 80 ms a walk on the machine measured, none of which is ever
garbage. CPython starts one whenever the objects that outlived the young collections
have grown by a quarter, so a screen that makes many (a home screen listing a thousand
programmes) brings the next one forward, into whatever the facilitator does next:
measured, it fell in the dashboard's opening. Frozen, those objects are never walked;
the collections that remain walk what the app made since, which is what may be garbage.
"""

from __future__ import annotations

import gc


def keep_start_up_out_of_collections() -> None:
    """Freeze what the process holds now; called once the store is open."""
    gc.freeze()


def return_start_up_to_collections() -> None:
    """Thaw it again as the store closes, so whatever the app leaves in cycles (a test
    runs many apps in one process) can be collected after it."""
    gc.unfreeze()
