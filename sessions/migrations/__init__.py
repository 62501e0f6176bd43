"""Alembic migrations for the facilitator schema, applied when a store opens."""

# The newest revision this version knows. A store whose database already
# stands here skips loading Alembic at all, which keeps start-up quick; a test
# checks this agrees with the scripts in versions/.
HEAD = "0035"
