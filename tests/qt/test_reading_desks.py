"""The clinical desks end to end on one center: triage assigns, the attending writes
(autosaved), the reviewer edits and signs with the password, the author's changes view,
the print desk and the turnaround dashboard."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from review.conftest import ATTENDING, PASSWORD, REVIEWER, Reading, by_accession
from review.conftest import reading as reading
from tiered_workstation.qt.app import QtWorkstation, settings_store
from tiered_workstation.qt.qt_login import SignedIn
from tiered_workstation.qt.review.qt_diff_view import INSERT_STYLE
from tiered_workstation.qt.review.qt_reading_page import QtReadingPage
from tiered_workstation.qt.review.qt_reports_page import QtReportsPage
from tiered_workstation.qt.review.qt_sign_dialog import Signature, SignDialog
from tiered_workstation.qt.review.qt_tat_page import QtTatPage
from tiered_workstation.qt.review.qt_triage_page import QtTriagePage
from tiered_workstation.review.consultation import request_consultation
from tiered_workstation.review.drafts import load_draft
from tiered_workstation.review.submit import submit_preliminary
from tiered_workstation.storage.enums import (
    ExamState,
    PeerReviewGrade,
    PrintStatus,
    Role,
    VersionKind,
)
from tiered_workstation.storage.reports import PrintJob, Report
from tiered_workstation.storage.teaching import PeerReview
from tiered_workstation.workflow.assignment import RuleSpec, load_rules

SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


@pytest.fixture
def station(reading: Reading, tmp_path: Path, qapp) -> QtWorkstation:
    station = QtWorkstation(reading.services, settings_store("CH01", tmp_path / "ui.ini"))
    yield station
    station.release()


def _session(username: str, name: str, role: Role) -> SignedIn:
    return SignedIn(username, name, "CH01", (role,), role)


def _state(reading: Reading, accession: str) -> ExamState:
    with reading.services.database.session() as session:
        return by_accession(session, accession).state


def test_triage_read_review_sign_print(qtbot, reading: Reading, station, tmp_path) -> None:
    services = reading.services
    accession = reading.new_exam(assigned=False)

    triage = QtTriagePage(services, _session("triage", "分诊", Role.TRIAGE), station.tasks,
                          station.bridge)
    qtbot.addWidget(triage)
    qtbot.waitUntil(lambda: triage.table.rowCount() == 1 and triage.group.count() >= 3)
    # a rule typed into the editor is saved and proposes the group and reader
    triage.rules._add(RuleSpec("chest", "dx", "chest", "", "att.chest"))
    triage.rules.save()
    qtbot.waitUntil(lambda: "1" in triage.rules.message.text())
    with services.database.session() as session:
        assert load_rules(session) == [RuleSpec("chest", "DX", "CHEST", "", "att.chest")]
    triage.table.selectRow(0)
    qtbot.waitUntil(lambda: triage.proposal is not None
                    and triage.proposal.assignee == "att.chest")
    assert triage.proposal.group_code == "chest"
    triage.group.setCurrentIndex(triage.group.findData("chest"))
    triage.reader.setCurrentIndex(triage.reader.findData("att.chest"))
    triage.assign()
    qtbot.waitUntil(lambda: _state(reading, accession) is ExamState.ASSIGNED)
    qtbot.waitUntil(lambda: triage.table.rowCount() == 0)

    writer = QtReadingPage(services, _session("att.chest", "陈主治", Role.ATTENDING),
                           station.tasks, station.bridge)
    qtbot.addWidget(writer)
    qtbot.waitUntil(lambda: writer.table.rowCount() == 1)
    writer.table.selectRow(0)
    qtbot.waitUntil(lambda: writer.view is not None)
    assert writer.submit_button.isVisibleTo(writer)
    assert not writer.sign_button.isVisibleTo(writer)
    writer.insert_template()
    assert "胸廓对称" in writer.findings.toPlainText()
    writer.findings.setPlainText("双肺纹理增多，右下肺见片状模糊影。")
    writer.impression.setPlainText("右下肺炎症。")
    writer.autosave()
    exam_id = writer.view.row.exam_id

    def draft() -> str | None:
        with services.database.session() as session:
            found = load_draft(session, exam_id, "att.chest")
            return found.findings if found else None
    qtbot.waitUntil(lambda: draft() == "双肺纹理增多，右下肺见片状模糊影。")
    writer.submit()
    qtbot.waitUntil(lambda: _state(reading, accession) is ExamState.PRELIMINARY)
    assert draft() is None

    reviewer = QtReadingPage(services, _session("rev.chest", "刘主任", Role.REVIEWER),
                             station.tasks, station.bridge)
    qtbot.addWidget(reviewer)
    reviewer.resize(1440, 820)
    qtbot.waitUntil(lambda: reviewer.table.rowCount() == 1)
    reviewer.table.selectRow(0)
    qtbot.waitUntil(lambda: reviewer.view is not None)
    assert reviewer.findings.toPlainText() == "双肺纹理增多，右下肺见片状模糊影。"
    reviewer.findings.setPlainText("双肺纹理增多，右下肺见斑片状模糊影，边界不清。")
    proposals = []

    def answer(agreement):  # the dialog, answered: the reviewer overrules the proposal
        proposals.append(agreement)
        dialog = SignDialog(reviewer, agreement)
        dialog.grab().save(str(tmp_path / "sign_dialog.png"))
        checked = dialog.grades.checkedButton()
        assert checked is not None
        assert checked.property("grade") == "minor"
        return Signature(PASSWORD, PeerReviewGrade.MAJOR)
    reviewer.ask_signature = answer
    reviewer.sign()
    qtbot.waitUntil(lambda: len(proposals) == 1)
    qtbot.waitUntil(lambda: _state(reading, accession) is ExamState.FINAL, timeout=10000)
    with services.database.session() as session:
        report = session.scalar(select(Report).where(Report.exam_id == exam_id))
        assert report.latest.kind is VersionKind.FINAL
        assert report.latest.signature is not None
        review = session.scalar(select(PeerReview).where(PeerReview.exam_id == exam_id))
        assert (review.proposed_grade, review.grade) == (PeerReviewGrade.MINOR,
                                                         PeerReviewGrade.MAJOR)
    assert proposals[0].findings_distance == review.findings_distance
    qtbot.waitUntil(lambda: reviewer.table.rowCount() == 0)  # signed: off the review list
    # the author's view of what the reviewer changed
    qtbot.waitUntil(lambda: reviewer.view is not None
                    and reviewer.view.row.state is ExamState.FINAL)
    reviewer.tabs.setCurrentIndex(1)
    html = reviewer.diff.toHtml()
    assert "斑" in html
    assert "#d7f5dd" in html.lower() or INSERT_STYLE.split(";")[0].split(":")[1] in html
    reviewer.grab().save(str(tmp_path / "review.png"))

    desk = QtReportsPage(services, _session("tech.ch01", "中心技师", Role.TECHNICIAN),
                         station.tasks, station.bridge)
    qtbot.addWidget(desk)
    qtbot.waitUntil(lambda: desk.table.rowCount() == 1)
    desk.table.selectRow(0)
    desk.print_selected()

    def queued() -> PrintStatus | None:
        with services.database.session() as session:
            return session.scalar(select(PrintJob.status))
    qtbot.waitUntil(lambda: queued() is PrintStatus.QUEUED)

    dashboard = QtTatPage(services, station.tasks, station.bridge)
    qtbot.addWidget(dashboard)
    qtbot.waitUntil(lambda: dashboard.summary is not None)
    assert len(dashboard.summary.exams) == 1
    assert "1" in dashboard.headline.text()
    exported = dashboard.export(tmp_path / "tat.csv")
    assert accession in exported.read_text(encoding="utf-8-sig")


def test_group_members_hear_of_a_consultation(qtbot, reading: Reading, station) -> None:
    services = reading.services
    accession = reading.new_exam()
    with services.database.transaction() as session:
        submit_preliminary(session, services.workflow, by_accession(session, accession),
                           ATTENDING, findings="右肺门区结节影。", impression="待定。",
                           sealer=services.sync.sealer)
    expert = QtReadingPage(services, _session("exp.chest", "王教授", Role.REVIEWER),
                           station.tasks, station.bridge)
    qtbot.addWidget(expert)
    with (qtbot.waitSignal(expert.consultation_notice, timeout=5000) as heard,
          services.database.transaction() as session):
        request_consultation(session, services.workflow, by_accession(session, accession),
                             REVIEWER, "淋巴结还是肿块？")
    assert heard.args[0].startswith("Consultation on 张三: 刘主任")
    expert.scope.setCurrentIndex(expert.scope.findData("consultation"))
    qtbot.waitUntil(lambda: expert.table.rowCount() == 1)
