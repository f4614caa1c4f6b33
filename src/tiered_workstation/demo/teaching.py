"""`tiered-ws demo --teaching`: after the two-site loop, teaching from what it produced.

The center's reviewer turns 张三's signed chest exam into a de-identified teaching
case, narrates a voice lesson over it with a timeline of viewer actions (a generated
voice: this machine has no microphone), and puts it in a course.  The community
doctor downloads the course over the mutual-TLS API (encrypted at rest), opens it
from the local copy, takes it as a quiz, and the study record goes back to the
center.  The teaching dashboard then shows the doctor's agreement with the reviewer
from the loop's community-prelim report (王芳), and is exported as CSV and PDF.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pydicom
from sqlalchemy import select

from ..app.bootstrap import Services
from ..simulator.narration import write_narration
from ..storage.enums import LessonKind, StudyActivity
from ..storage.exams import Exam
from ..storage.teaching import StudyRecord
from ..teaching import catalogue
from ..teaching.cases import CaseDraft
from ..teaching.lessons import LessonDraft, encode_voice, media_duration_ms
from ..teaching.study import mark_quiz
from ..teaching.timeline import ActionKind, Timeline, ViewerAction
from ..viewer.frames import load
from ..workflow.actors import Actor

NARRATION_S = 6.0
WAIT_S = 60.0


# (voice WAV, lesson file, seconds) -> (the file, its length in ms)
Recorder = Callable[[Path, Path, float], tuple[Path, int]]


def teach(center: Services, community: Services, accessions: tuple[str, ...],
          out: Callable[[str], None], reviewer: Actor, doctor: Actor,
          record: Recorder | None = None) -> None:
    """``record``: the desktop's lesson recorder (QtMultimedia); without it (no Qt in
    this process) the narration is encoded with ffmpeg instead."""
    out("\n8. Teaching: the reviewer turns 张三's signed exam into a de-identified case.")
    desk = center.teaching_desk
    with center.database.session() as session:
        exam_id = session.scalar(select(Exam.id).where(
            Exam.accession_number == accessions[0]))
    uid = desk.make_case(exam_id, reviewer, CaseDraft(
        title="右下肺炎 — 斑片状模糊影", diagnosis="社区获得性肺炎", body_part="CHEST",
        difficulty=2, tags=("肺炎", "胸片"),
        teaching_points="右下肺野斑片状模糊影，边界不清；心缘清楚提示病变位于下叶。"))
    files = desk.files(uid)
    first = pydicom.dcmread(files[0], stop_before_pixels=True)
    name = f"“{first.PatientName}”" if str(first.PatientName) else "emptied"
    out(f"   case {uid}: {len(files)} files; patient name {name}, age {first.PatientAge}, "
        f"Patient Identity Removed {first.PatientIdentityRemoved}, method "
        f"{first.DeidentificationMethodCodeSequence[0].CodeMeaning}")

    how = "recorded with QtMultimedia" if record else "encoded with ffmpeg"
    out(f"   a voice lesson: the reviewer's narration (a generated voice as the microphone, "
        f"AAC, {how}) with the viewer following it")
    with tempfile.TemporaryDirectory(dir=center.settings.data_dir) as scratch:
        wav = write_narration(Path(scratch) / "narration.wav", NARRATION_S)
        media, length_ms = (record or _encode)(wav, Path(scratch) / "lesson.m4a",
                                               NARRATION_S)
        length_ms = media_duration_ms(media) or length_ms  # the file's own, to the ms
        lesson = desk.save_lesson(reviewer, LessonDraft(
            uid, LessonKind.VOICE, media, _timeline(first.Rows, first.Columns),
            length_ms, "右下肺炎的胸片表现"))
    out(f"   lesson {lesson.title}: {lesson.duration_ms / 1000:.1f} s, {lesson.size} bytes, "
        f"{lesson.actions} viewer actions")
    with center.database.transaction() as session:
        course = catalogue.make_course(session, reviewer, "社区胸片入门", [uid],
                                       "社区医生的胸片阅片基础")

    out("9. The community doctor downloads the course for offline study (mutual TLS).")
    shown: list[int] = []
    started = time.monotonic()

    def progress(p) -> None:
        tenth = int(10 * p.bytes_done / max(1, p.bytes_total))
        if tenth not in shown:
            shown.append(tenth)
            out(f"   {'█' * tenth}{'░' * (10 - tenth)} {p.bytes_done / 1e6:.1f} of "
                f"{p.bytes_total / 1e6:.1f} MB")
    downloader = community.teaching_downloader(doctor, progress)
    try:
        downloader.download_course(course)
    finally:
        downloader.close()
    stored = sum(p.stat().st_size for p in (community.teaching_dir / "offline").rglob("*.enc"))
    out(f"   downloaded in {time.monotonic() - started:.1f} s; {stored} bytes kept, "
        "encrypted with the community's site key")

    learner = community.teaching_desk
    opened = time.monotonic()
    load(learner.files(uid)[0])  # decrypted and decoded, as the viewer's first frame
    out(f"10. Offline: the case opens from the encrypted copy, first frame decoded in "
        f"{(time.monotonic() - opened) * 1000:.0f} ms.")
    detail = learner.detail(uid)
    assert detail is not None
    findings = "右下肺见片状影。心影正常。"
    impression = "右下肺炎症。"
    result = mark_quiz(detail.findings, detail.impression, findings, impression)
    learner.record(doctor, uid, StudyActivity.QUIZ, quiz=(findings, impression,
                                                          result.agreement))
    out(f"   quiz: 王医生 wrote “{findings}” / “{impression}”; text agreement with the "
        f"expert's report {result.agreement:.0%} (impression "
        f"{1 - result.impression_distance:.0%}, findings {1 - result.findings_distance:.0%}); "
        f"then the teaching points show: {detail.teaching_points}")
    _wait_for_record(center, uid)
    out("   the study record reached the center.")
    _dashboard(community, out)


def _encode(wav: Path, out: Path, seconds: float) -> tuple[Path, int]:
    return encode_voice(wav, out), int(seconds * 1000)


def _timeline(rows: int, columns: int) -> Timeline:
    """What the teacher does while talking: window, zoom in, point at the lesion."""
    return Timeline((
        ViewerAction(500, ActionKind.WINDOW, {"center": 2048.0, "width": 3000.0}),
        ViewerAction(1500, ActionKind.ZOOM, {"factor": 1.6}),
        ViewerAction(2500, ActionKind.PAN, {"x": -80.0, "y": -60.0}),
        ViewerAction(3500, ActionKind.MARK, {"x": columns * 0.32, "y": rows * 0.64,
                                             "label": "斑片状模糊影"}),
        ViewerAction(5500, ActionKind.CLEAR, {}),
    ))


def _wait_for_record(center: Services, uid: str) -> None:
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        with center.database.session() as session:
            if session.scalar(select(StudyRecord.id).where(StudyRecord.case_uid == uid,
                                                           StudyRecord.activity ==
                                                           StudyActivity.QUIZ)):
                return
        time.sleep(0.1)
    raise TimeoutError("Demo stopped: the quiz record did not reach the center in time.")


def _dashboard(community: Services, out: Callable[[str], None]) -> None:
    site = community.settings.site
    desk = community.teaching_desk
    data = desk.progress(today=datetime.now(site.tz).date(), tz=site.tz, site=site.code)
    out(f"11. The teaching dashboard at {site.code}:")
    for doctor in data.doctors:
        grades = ", ".join(f"{g.value} {n}" for g, n in sorted(doctor.grades.items()))
        out(f"   {doctor.name} ({doctor.username}): {doctor.reviews} reviewed preliminary "
            f"report(s), graded agree by the reviewer in {doctor.agreement:.0%} ({grades}); "
            f"text the reviewer changed: findings {doctor.mean_findings_distance:.0%}, "
            f"impression {doctor.mean_impression_distance:.0%}; quizzes {doctor.quizzes}")
    folder = community.settings.data_dir / "teaching-reports"
    folder.mkdir(exist_ok=True)
    csv = desk.export_csv(data, folder / "teaching-progress.csv")
    pdf = desk.export_pdf(data, folder / "teaching-progress.pdf", site.name)
    out(f"   exported {csv} and {pdf}")

