"""Teaching: de-identified cases with their files, lessons and courses, study records,
offline downloads, and the peer review (RADPEER grade) of community preliminaries.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03 13:55:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NOW = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "teaching_cases",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("uid", sa.String(36), nullable=False, unique=True),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("diagnosis", sa.String(200), nullable=False),
        sa.Column("modality", sa.String(16), nullable=False),
        sa.Column("body_part", sa.String(16), nullable=False, index=True),
        sa.Column("difficulty", sa.Integer(), nullable=False),
        sa.Column("tags", sa.Text(), nullable=False),
        sa.Column("teaching_points", sa.Text(), nullable=False),
        sa.Column("findings", sa.Text(), nullable=False),
        sa.Column("impression", sa.Text(), nullable=False),
        sa.Column("study_instance_uid", sa.String(64), nullable=False),
        sa.Column("author_username", sa.String(64), nullable=False),
        sa.Column("author_name", sa.String(128), nullable=False),
        sa.Column("origin_site", sa.String(8), nullable=False),
        sa.Column("created_at", NOW, nullable=False),
        sa.Column("updated_at", NOW, nullable=False),
        sa.Column("source_exam_id", sa.Integer(),
                  sa.ForeignKey("exams.id", ondelete="SET NULL"), index=True),
        sa.Column("deid_mapping", sa.Text(), nullable=False),
        sa.Column("offline", sa.Boolean(), nullable=False),
    )
    op.create_table(
        "teaching_instances",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("case_id", sa.Integer(),
                  sa.ForeignKey("teaching_cases.id", ondelete="CASCADE"), nullable=False,
                  index=True),
        sa.Column("sop_instance_uid", sa.String(64), nullable=False, unique=True),
        sa.Column("series_instance_uid", sa.String(64), nullable=False),
        sa.Column("sop_class_uid", sa.String(64), nullable=False),
        sa.Column("modality", sa.String(16), nullable=False),
        sa.Column("path", sa.String(512), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("key_image", sa.Boolean(), nullable=False),
    )
    op.create_table(
        "lessons",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("uid", sa.String(36), nullable=False, unique=True),
        sa.Column("case_id", sa.Integer(),
                  sa.ForeignKey("teaching_cases.id", ondelete="CASCADE"), nullable=False,
                  index=True),
        sa.Column("kind", sa.String(24), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("media_type", sa.String(64), nullable=False),
        sa.Column("path", sa.String(512), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("duration_ms", sa.Integer(), nullable=False),
        sa.Column("timeline", sa.Text(), nullable=False),
        sa.Column("author_username", sa.String(64), nullable=False),
        sa.Column("author_name", sa.String(128), nullable=False),
        sa.Column("created_at", NOW, nullable=False),
    )
    op.create_table(
        "courses",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("uid", sa.String(36), nullable=False, unique=True),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("author_username", sa.String(64), nullable=False),
        sa.Column("created_at", NOW, nullable=False),
    )
    op.create_table(
        "course_cases",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("course_id", sa.Integer(), sa.ForeignKey("courses.id", ondelete="CASCADE"),
                  nullable=False, index=True),
        sa.Column("case_id", sa.Integer(),
                  sa.ForeignKey("teaching_cases.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.UniqueConstraint("course_id", "case_id"),
    )
    op.create_table(
        "study_records",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("uid", sa.String(36), nullable=False, unique=True),
        sa.Column("username", sa.String(64), nullable=False, index=True),
        sa.Column("user_name", sa.String(128), nullable=False),
        sa.Column("site_code", sa.String(8), nullable=False),
        sa.Column("case_uid", sa.String(36), nullable=False, index=True),
        sa.Column("lesson_uid", sa.String(36), nullable=False),
        sa.Column("activity", sa.String(24), nullable=False),
        sa.Column("started_at", NOW, nullable=False),
        sa.Column("finished_at", NOW),
        sa.Column("quiz_findings", sa.Text(), nullable=False),
        sa.Column("quiz_impression", sa.Text(), nullable=False),
        sa.Column("quiz_agreement", sa.Float()),
    )
    op.create_table(
        "teaching_downloads",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("case_uid", sa.String(36), nullable=False, unique=True),
        sa.Column("course_uid", sa.String(36), nullable=False),
        sa.Column("state", sa.String(24), nullable=False),
        sa.Column("bytes_total", sa.Integer(), nullable=False),
        sa.Column("bytes_done", sa.Integer(), nullable=False),
        sa.Column("error", sa.Text(), nullable=False),
        sa.Column("updated_at", NOW, nullable=False),
    )
    op.create_table(
        "peer_reviews",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("exam_id", sa.Integer(), sa.ForeignKey("exams.id", ondelete="CASCADE"),
                  nullable=False, unique=True),
        sa.Column("author_username", sa.String(64), nullable=False, index=True),
        sa.Column("author_name", sa.String(128), nullable=False),
        sa.Column("author_site", sa.String(8), nullable=False),
        sa.Column("reviewer_username", sa.String(64), nullable=False),
        sa.Column("reviewer_name", sa.String(128), nullable=False),
        sa.Column("modality", sa.String(16), nullable=False),
        sa.Column("body_part", sa.String(16), nullable=False),
        sa.Column("findings_distance", sa.Float(), nullable=False),
        sa.Column("impression_distance", sa.Float(), nullable=False),
        sa.Column("impression_changed", sa.Boolean(), nullable=False),
        sa.Column("proposed_grade", sa.String(24), nullable=False),
        sa.Column("grade", sa.String(24), nullable=False),
        sa.Column("reviewed_at", NOW, nullable=False, index=True),
    )


def downgrade() -> None:
    for table in ("peer_reviews", "teaching_downloads", "study_records", "course_cases",
                  "courses", "lessons", "teaching_instances", "teaching_cases"):
        op.drop_table(table)
