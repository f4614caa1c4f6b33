"""Exams record the patient's age (DICOM AS) for patients who know no birth date.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28 19:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("exams") as batch:
        batch.add_column(sa.Column("patient_age", sa.String(length=4), nullable=False,
                                   server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("exams") as batch:
        batch.drop_column("patient_age")
