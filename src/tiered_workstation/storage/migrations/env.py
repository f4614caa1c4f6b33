"""Alembic environment: runs migrations on the engine handed over by migrate.py."""

from __future__ import annotations

from alembic import context

from tiered_workstation.storage import models

target_metadata = models.Base.metadata


def run_migrations() -> None:
    engine = context.config.attributes["engine"]
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=True,  # SQLite needs table rebuilds for ALTER
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


if context.is_offline_mode():
    raise SystemExit("offline SQL generation is not supported; run `tiered-ws db upgrade`")
run_migrations()
