"""Exams record where the patient comes from, the requesting department and the
inpatient's admission ID; existing exams are outpatients.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 18:40:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("exams") as batch:
        batch.add_column(sa.Column("patient_source", sa.String(length=24), nullable=False,
                                   server_default="outpatient"))
        batch.add_column(sa.Column("requesting_department", sa.String(length=64),
                                   nullable=False, server_default=""))
        batch.add_column(sa.Column("admission_id", sa.String(length=64), nullable=False,
                                   server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("exams") as batch:
        batch.drop_column("admission_id")
        batch.drop_column("requesting_department")
        batch.drop_column("patient_source")
