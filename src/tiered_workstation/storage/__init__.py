"""Persistence: SQLAlchemy models, sessions and Alembic migrations."""

from .database import Database, publish_after_commit

__all__ = ["Database", "publish_after_commit"]
