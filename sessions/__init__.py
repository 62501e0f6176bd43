"""The domain and storage of facilitator: no Textual, no UI.

Programmes, sessions, agendas, the clock, notes and minutes live here; the
Textual app in `facilitator` calls the services and never builds SQL itself.
"""
