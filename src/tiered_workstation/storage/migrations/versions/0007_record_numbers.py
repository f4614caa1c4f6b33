"""Hospital record numbers: a counter per site and period, and one for every patient.

Every patient seen at a site without an ID issued there gets a record number
by the default pattern ``{site}{yyyy}{seq:06d}``, the year of her first exam
there, in the order patients first came; the counters continue from them.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02 18:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "record_number_counters",
        sa.Column("site_code", sa.String(length=8), nullable=False),
        sa.Column("scope", sa.String(length=64), nullable=False),
        sa.Column("last_value", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("site_code", "scope", name=op.f("pk_record_number_counters")),
    )
    bind = op.get_bind()
    firsts = bind.execute(sa.text(
        "SELECT e.site_code, e.patient_id, MIN(e.registered_at) AS first_at FROM exams e "
        "WHERE NOT EXISTS (SELECT 1 FROM patient_identifiers i "
        "WHERE i.patient_id = e.patient_id AND i.issuer = e.site_code) "
        "GROUP BY e.site_code, e.patient_id ORDER BY first_at, e.patient_id")).all()
    taken = {(issuer, value) for issuer, value in bind.execute(sa.text(
        "SELECT issuer, value FROM patient_identifiers")).all()}
    counters: dict[tuple[str, str], int] = {}
    for site, patient_id, first_at in firsts:
        year = str(first_at)[:4]
        scope = f"{site}{year}#"
        value = counters.get((site, scope), 0)
        while True:
            value += 1
            number = f"{site}{year}{value:06d}"
            if (site, number) not in taken:
                break
        counters[(site, scope)] = value
        taken.add((site, number))
        bind.execute(sa.text("INSERT INTO patient_identifiers (patient_id, issuer, value) "
                             "VALUES (:p, :i, :v)"), {"p": patient_id, "i": site, "v": number})
    for (site, scope), value in counters.items():
        bind.execute(sa.text("INSERT INTO record_number_counters (site_code, scope, last_value) "
                             "VALUES (:s, :c, :v)"), {"s": site, "c": scope, "v": value})


def downgrade() -> None:
    op.drop_table("record_number_counters")
