"""Reading and sign-off: triage rules, reader availability, report autosave drafts,
key images in report versions, reviewers' signing keys, print jobs printed once.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28 22:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "assignment_rules",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("modality", sa.String(length=16), nullable=False),
        sa.Column("body_part", sa.String(length=16), nullable=False),
        sa.Column("source_site", sa.String(length=8), nullable=False),
        sa.Column("group_code", sa.String(length=16), nullable=False),
        sa.Column("assignee_username", sa.String(length=64), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
    )
    op.create_table(
        "report_drafts",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("exam_id", sa.Integer(), sa.ForeignKey("exams.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("findings", sa.Text(), nullable=False),
        sa.Column("impression", sa.Text(), nullable=False),
        sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("exam_id", "username", name=op.f("uq_report_drafts_exam_id_username")),
    )
    op.create_index(op.f("ix_report_drafts_exam_id"), "report_drafts", ["exam_id"])
    op.create_table(
        "report_images",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("version_id", sa.Integer(),
                  sa.ForeignKey("report_versions.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("caption", sa.String(length=128), nullable=False),
        sa.Column("media_type", sa.String(length=32), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
    )
    op.create_index(op.f("ix_report_images_version_id"), "report_images", ["version_id"])
    op.create_table(
        "signing_keys",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("private_key_pem", sa.Text(), nullable=False),
        sa.Column("certificate_pem", sa.Text(), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("username", name=op.f("uq_signing_keys_username")),
    )
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("available", sa.Boolean(), nullable=False,
                                   server_default="1"))
    with op.batch_alter_table("print_jobs") as batch:
        batch.add_column(sa.Column("is_copy", sa.Boolean(), nullable=False,
                                   server_default="0"))
        batch.add_column(sa.Column("auto_key", sa.String(length=32), nullable=True))
        batch.create_unique_constraint(op.f("uq_print_jobs_auto_key"), ["auto_key"])


def downgrade() -> None:
    with op.batch_alter_table("print_jobs") as batch:
        batch.drop_constraint(op.f("uq_print_jobs_auto_key"), type_="unique")
        batch.drop_column("auto_key")
        batch.drop_column("is_copy")
    with op.batch_alter_table("users") as batch:
        batch.drop_column("available")
    op.drop_table("signing_keys")
    op.drop_index(op.f("ix_report_images_version_id"), table_name="report_images")
    op.drop_table("report_images")
    op.drop_index(op.f("ix_report_drafts_exam_id"), table_name="report_drafts")
    op.drop_table("report_drafts")
    op.drop_table("assignment_rules")
