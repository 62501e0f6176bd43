"""Programme plans: a series of sessions with their agendas and the time between them."""
