"""The papers sent to members before a planned session: the agenda pack."""
