"""Minutes: one model built from the database, rendered by Jinja2 templates."""
