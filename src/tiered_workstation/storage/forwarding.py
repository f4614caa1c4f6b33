"""Store-and-forward jobs: a study's images on their way to the center."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, UTCDateTime, utcnow


class ForwardJob(Base):
    """One study batch for one destination; finished when the destination's storage
    commitment confirms every instance."""

    __tablename__ = "forward_jobs"

    id: Mapped[int] = mapped_column(primary_key=True)
    study_instance_uid: Mapped[str] = mapped_column(String(64), index=True)
    accession_number: Mapped[str] = mapped_column(String(16), default="")
    destination_ae: Mapped[str] = mapped_column(String(16))
    priority: Mapped[int] = mapped_column(Integer, default=2)  # 0 stat, 1 urgent, 2 routine
    state: Mapped[str] = mapped_column(String(16), default="pending", index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_error: Mapped[str] = mapped_column(Text, default="")
    bytes_sent: Mapped[int] = mapped_column(Integer, default=0)
    transfer_syntaxes: Mapped[str] = mapped_column(String(255), default="")

    items: Mapped[list[ForwardItem]] = relationship(back_populates="job",
                                                    cascade="all, delete-orphan")


class ForwardItem(Base):
    """One archived instance in a job; ``committed_at`` once the destination said so."""

    __tablename__ = "forward_items"
    __table_args__ = (UniqueConstraint("job_id", "instance_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    job_id: Mapped[int] = mapped_column(ForeignKey("forward_jobs.id", ondelete="CASCADE"),
                                        index=True)
    instance_id: Mapped[int] = mapped_column(ForeignKey("instances.id"), index=True)
    committed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    job: Mapped[ForwardJob] = relationship(back_populates="items")
