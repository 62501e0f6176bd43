"""The activities an agenda item can hold: one module a kind, over a database session."""
