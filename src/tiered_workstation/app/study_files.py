"""The archived files of an exam's images, for opening them in the viewer."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ..storage.exams import Exam
from ..storage.imaging import Instance, Series, Study
from .bootstrap import Services


def study_files(session: Session, archive_root: Path, *, exam_id: int | None = None,
                accession_number: str | None = None,
                study_instance_uid: str | None = None) -> list[Path]:
    """Paths of the exam's (or study's) instances held by this site, newest version of
    each, in series and instance order; empty when the images are not here (yet)."""
    if study_instance_uid is not None:
        condition = Study.study_instance_uid == study_instance_uid
    else:
        exam = session.get(Exam, exam_id) if exam_id is not None else session.scalar(
            select(Exam).where(Exam.accession_number == accession_number))
        if exam is None:
            return []
        condition = or_(Study.exam_id == exam.id,
                        Study.study_instance_uid == exam.study_instance_uid)
    rows = session.execute(
        select(Instance.sop_instance_uid, Instance.version, Instance.path)
        .join(Series, Instance.series_id == Series.id)
        .join(Study, Series.study_id == Study.id)
        .where(condition)
        .order_by(Series.series_number, Instance.instance_number, Instance.version)).all()
    newest: dict[str, Path] = {}
    for sop_uid, _version, path in rows:
        newest[sop_uid] = archive_root / path   # later versions replace earlier ones
    return [p for p in newest.values() if p.is_file()]


def exam_image_files(services: Services, *, exam_id: int | None = None,
                     accession_number: str | None = None) -> list[Path]:
    """The archived files of an exam at this site (empty when it holds none)."""
    with services.database.session() as session:
        return study_files(session, services.archive.root, exam_id=exam_id,
                           accession_number=accession_number)
