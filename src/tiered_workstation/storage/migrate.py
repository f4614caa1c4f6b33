"""Schema migrations with Alembic, driven from code (``tiered-ws db upgrade``)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from .database import Database

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def alembic_config(database: Database) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["engine"] = database.engine
    return config


def upgrade(database: Database, revision: str = "head") -> str | None:
    """Bring the schema up to ``revision``; returns the revision now current."""
    command.upgrade(alembic_config(database), revision)
    return current_revision(database)


def downgrade(database: Database, revision: str) -> str | None:
    command.downgrade(alembic_config(database), revision)
    return current_revision(database)


def current_revision(database: Database) -> str | None:
    with database.engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str | None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return ScriptDirectory.from_config(config).get_current_head()


def is_up_to_date(database: Database) -> bool:
    return current_revision(database) == head_revision()
