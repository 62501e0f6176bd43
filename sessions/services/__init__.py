"""What the UI and the command line may ask of the domain; the one place each rule lives.

Every function takes an open Store and returns plain, frozen views, so callers
never hold ORM objects or build SQL.
"""
