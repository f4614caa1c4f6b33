"""Performed procedure steps (MPPS) with their performed series.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28 11:11:50.652858
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "performed_procedure_steps",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sop_instance_uid", sa.String(length=64), nullable=False),
        sa.Column("exam_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("station_ae", sa.String(length=16), nullable=False),
        sa.Column("procedure_step_id", sa.String(length=16), nullable=False),
        sa.Column("description", sa.String(length=64), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("performed_series", sa.JSON(), nullable=False),
        sa.Column("discontinuation_reason", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["exam_id"], ["exams.id"], name=op.f("fk_performed_procedure_steps_exam_id_exams")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_performed_procedure_steps")),
        sa.UniqueConstraint(
            "sop_instance_uid", name=op.f("uq_performed_procedure_steps_sop_instance_uid")
        ),
    )
    with op.batch_alter_table("performed_procedure_steps", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_performed_procedure_steps_exam_id"), ["exam_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("performed_procedure_steps", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_performed_procedure_steps_exam_id"))

    op.drop_table("performed_procedure_steps")
