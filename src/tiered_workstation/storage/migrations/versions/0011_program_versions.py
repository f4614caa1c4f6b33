"""The program versions that have opened the database (installation history).

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-04 22:15:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "program_versions",
        sa.Column("version", sa.String(32), primary_key=True),
        sa.Column("first_started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("schema_found", sa.String(32)),
        sa.Column("backup_path", sa.Text()),
    )


def downgrade() -> None:
    op.drop_table("program_versions")
