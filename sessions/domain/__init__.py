"""The domain layer: queries and rules over a database session.

Every function here takes a `DbSession` and the rows it works on, never the store,
so several can share one unit of work; the front door in `sessions.services`
opens that unit of work and calls them.
"""
