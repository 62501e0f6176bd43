"""Run migrations on the connection the store hands over; no ini file, no logging setup."""

from alembic import context

from sessions.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    # SQLite can only alter tables by copying them; batch mode does that for us.
    render_as_batch=True,
)
with context.begin_transaction():
    context.run_migrations()
