"""Handwritten signatures: enrolled per user, copied into the report version a
signature covers (report images gain a purpose; existing ones are key images).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 20:50:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "handwritten_signatures",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("username", sa.String(length=64), nullable=False, unique=True),
        sa.Column("png", sa.LargeBinary(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("enrolled_at", sa.DateTime(timezone=True), nullable=False),
    )
    with op.batch_alter_table("report_images") as batch:
        batch.add_column(sa.Column("purpose", sa.String(length=16), nullable=False,
                                   server_default="key"))


def downgrade() -> None:
    with op.batch_alter_table("report_images") as batch:
        batch.drop_column("purpose")
    op.drop_table("handwritten_signatures")
