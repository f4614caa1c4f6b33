"""Print jobs: a signed report prints exactly once, across restarts; a report whose
signature fails never prints; a printer failure keeps the job and the PDF."""

from __future__ import annotations

import io
import logging
from datetime import UTC
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PIL import Image
from sqlalchemy import select

from printing.test_branding import images_in, png
from review.conftest import ADMIN, ATTENDING, REVIEWER, Reading, by_accession
from review.test_handwriting import scan
from tiered_workstation.printing import print_queue
from tiered_workstation.printing.branding import Branding
from tiered_workstation.printing.print_queue import (
    PrintOptions,
    PrintQueue,
    queue_auto_print,
    request_print,
)
from tiered_workstation.storage.enums import ExamState, PrintStatus, Role
from tiered_workstation.storage.reports import PrintJob, Report
from tiered_workstation.workflow.actors import Actor
from tiered_workstation.workflow.handwriting import enroll_handwriting

DESK = Actor("tech.cm01", Role.TECHNICIAN, "CH01", "李技师")


def _signed(reading: Reading) -> str:
    return reading.read_and_sign()


def _queue(reading: Reading, folder: Path, printer: str = "") -> PrintQueue:
    options = PrintOptions(printer, "A4", folder, reading.ca_certificate,
                           ZoneInfo("Asia/Shanghai"))
    return PrintQueue(reading.services.database, reading.services.workflow, lambda: options)


def _queue_auto(reading: Reading, accession: str) -> PrintJob | None:
    with reading.services.database.transaction() as session:
        return queue_auto_print(session, by_accession(session, accession))


def _state(reading: Reading, accession: str) -> ExamState:
    with reading.services.database.session() as session:
        return by_accession(session, accession).state


def test_auto_print_once_even_across_a_crash_and_restart(reading: Reading, tmp_path: Path,
                                                          monkeypatch) -> None:
    accession = _signed(reading)
    folder = tmp_path / "prints"
    assert _queue_auto(reading, accession) is not None
    assert _queue_auto(reading, accession) is None  # a duplicate feed event queues nothing
    # the process dies right after handing the PDF over, before recording it
    def die(*_args, **_kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(print_queue, "submit", die)
    with pytest.raises(KeyboardInterrupt):
        _queue(reading, folder).run_due()
    monkeypatch.undo()
    pdfs = list(folder.glob("*.pdf"))
    assert len(pdfs) == 1
    with reading.services.database.session() as session:
        assert session.scalar(select(PrintJob.status)) is PrintStatus.PRINTING
    # restart: the interrupted job is settled from its PDF, not printed again
    restarted = _queue(reading, folder)
    restarted.recover()
    assert _queue_auto(reading, accession) is None
    assert restarted.run_due() == 0
    assert list(folder.glob("*.pdf")) == pdfs
    assert _state(reading, accession) is ExamState.PRINTED
    with reading.services.database.session() as session:
        jobs = session.scalars(select(PrintJob)).all()
        assert [(j.status, j.auto_key is not None) for j in jobs] == [(PrintStatus.PRINTED, True)]


def test_reprint_is_a_marked_copy(reading: Reading, tmp_path: Path) -> None:
    accession = _signed(reading)
    queue = _queue(reading, tmp_path)
    _queue_auto(reading, accession)
    assert queue.run_due() == 1
    with reading.services.database.transaction() as session:
        job = request_print(session, by_accession(session, accession), DESK)
        assert job.is_copy
    assert queue.run_due() == 1
    assert [p.name.endswith("-copy.pdf") for p in sorted(queue.printed)] == [False, True]


def test_a_report_whose_signature_fails_does_not_print(reading: Reading, tmp_path: Path,
                                                       caplog) -> None:
    accession = _signed(reading)
    with reading.services.database.transaction() as session:
        exam = by_accession(session, accession)
        final = session.scalar(select(Report).where(Report.exam_id == exam.id)).latest
        final.impression = "右肺癌。"  # altered after signing
    _queue_auto(reading, accession)
    with caplog.at_level(logging.ERROR):
        assert _queue(reading, tmp_path).run_due() == 0
    assert not list(tmp_path.glob("*.pdf"))
    assert _state(reading, accession) is ExamState.FINAL
    with reading.services.database.session() as session:
        job = session.scalar(select(PrintJob))
        assert job.status is PrintStatus.FAILED
        assert "differs from what was signed" in job.last_error
    assert any(getattr(r, "problem", "") == "signature_failed" for r in caplog.records)


def test_printer_failure_keeps_the_job_queued_and_the_pdf(reading: Reading, tmp_path: Path,
                                                          caplog) -> None:
    accession = _signed(reading)
    _queue_auto(reading, accession)
    with caplog.at_level(logging.ERROR):
        assert _queue(reading, tmp_path, printer="tw-no-such-printer").run_due() == 0
    with reading.services.database.session() as session:
        job = session.scalar(select(PrintJob))
        assert job.status is PrintStatus.QUEUED
        assert "tw-no-such-printer" in job.last_error
        assert job.attempts == 1
        assert Path(job.pdf_path).is_file()  # the desk can save it
    assert _state(reading, accession) is ExamState.FINAL
    assert any(getattr(r, "problem", "") == "print_failed" for r in caplog.records)
    # later the desk chooses the PDF folder: the same job prints, once
    queue = _queue(reading, tmp_path)
    with reading.services.database.transaction() as session:
        session.scalar(select(PrintJob)).requested_at = session.scalar(
            select(PrintJob)).requested_at.replace(year=2000, tzinfo=UTC)
    assert queue.run_due() == 1
    assert _state(reading, accession) is ExamState.PRINTED


def test_the_printed_report_names_the_record_number_not_the_uuid(reading: Reading,
                                                                  tmp_path: Path) -> None:
    import subprocess

    accession = _signed(reading)
    queue = _queue(reading, tmp_path)
    _queue_auto(reading, accession)
    assert queue.run_due() == 1
    with reading.services.database.session() as session:
        exam = by_accession(session, accession)
        record = exam.patient.identifier_at(exam.site_code)
        consortium = exam.patient.consortium_id
    [pdf] = queue.printed
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert record
    assert record in text
    assert consortium[:8] not in text
    assert "门诊" in text  # the default patient source


def test_the_print_carries_the_sites_seal_and_both_signed_handwritings(
        reading: Reading, tmp_path: Path) -> None:
    with reading.services.database.transaction() as session:
        hands = {enroll_handwriting(session, ADMIN, user.username, scan(width)).png
                 for user, width in ((ATTENDING, 900), (REVIEWER, 600))}
    folder = tmp_path / "report"
    folder.mkdir()
    (folder / "seal.png").write_bytes(png((321, 321), (200, 20, 30, 140)))
    accession = _signed(reading)
    options = PrintOptions("", "A4", tmp_path, reading.ca_certificate,
                           ZoneInfo("Asia/Shanghai"), Branding.load(folder))
    queue = PrintQueue(reading.services.database, reading.services.workflow, lambda: options)
    _queue_auto(reading, accession)
    assert queue.run_due() == 1
    [pdf] = queue.printed
    sizes = images_in(pdf)
    assert (321, 321) in sizes  # this site's seal, not the default
    for hand in hands:
        assert Image.open(io.BytesIO(hand)).size in sizes
