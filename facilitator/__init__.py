"""facilitator: run live, timed PCN partnership sessions from the terminal.

Nothing is imported here, so `facilitator --help` and the agenda commands start
without loading Textual.
"""

__version__ = "0.1.0"
