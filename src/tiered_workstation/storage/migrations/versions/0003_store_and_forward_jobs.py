"""Store-and-forward jobs: study batches to the center, finished by storage commitment.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28 13:31:45.604111
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "forward_jobs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("study_instance_uid", sa.String(length=64), nullable=False),
        sa.Column("accession_number", sa.String(length=16), nullable=False),
        sa.Column("destination_ae", sa.String(length=16), nullable=False),
        sa.Column("priority", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.Column("bytes_sent", sa.Integer(), nullable=False),
        sa.Column("transfer_syntaxes", sa.String(length=255), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_forward_jobs")),
    )
    with op.batch_alter_table("forward_jobs", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_forward_jobs_state"), ["state"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_forward_jobs_study_instance_uid"), ["study_instance_uid"], unique=False
        )

    op.create_table(
        "forward_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("job_id", sa.Integer(), nullable=False),
        sa.Column("instance_id", sa.Integer(), nullable=False),
        sa.Column("committed_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["instance_id"], ["instances.id"], name=op.f("fk_forward_items_instance_id_instances")
        ),
        sa.ForeignKeyConstraint(
            ["job_id"],
            ["forward_jobs.id"],
            name=op.f("fk_forward_items_job_id_forward_jobs"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_forward_items")),
        sa.UniqueConstraint(
            "job_id", "instance_id", name=op.f("uq_forward_items_job_id_instance_id")
        ),
    )
    with op.batch_alter_table("forward_items", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_forward_items_instance_id"), ["instance_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_forward_items_job_id"), ["job_id"], unique=False)


def downgrade() -> None:

    with op.batch_alter_table("forward_items", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_forward_items_job_id"))
        batch_op.drop_index(batch_op.f("ix_forward_items_instance_id"))

    op.drop_table("forward_items")
    with op.batch_alter_table("forward_jobs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_forward_jobs_study_instance_uid"))
        batch_op.drop_index(batch_op.f("ix_forward_jobs_state"))

    op.drop_table("forward_jobs")
