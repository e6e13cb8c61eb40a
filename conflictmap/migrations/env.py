"""Alembic's environment for the store: migrations run on the connection schema.prepare hands over, inside
its transaction (which commits or rolls back the whole upgrade)."""
from alembic import context

context.configure(connection=context.config.attributes["connection"])
with context.begin_transaction():
    context.run_migrations()
