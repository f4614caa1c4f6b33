"""Recording a lesson on a CT case with the real recorder (the voice from a generated
WAV, as a microphone would give it), checking the file with ffprobe, and replaying its
timeline into a second viewer."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import select

from review.conftest import REVIEWER, Reading, by_accession
from review.conftest import reading as reading
from teaching.conftest import archive_ct
from tiered_workstation.qt.app import QtWorkstation, settings_store
from tiered_workstation.qt.teaching.qt_lesson_player import QtLessonPlayer
from tiered_workstation.qt.teaching.qt_lesson_recorder import QtLessonRecorder
from tiered_workstation.simulator.narration import write_narration
from tiered_workstation.storage.enums import LessonKind, StudyActivity
from tiered_workstation.storage.teaching import Lesson, StudyRecord
from tiered_workstation.teaching.cases import CaseDraft
from tiered_workstation.viewer.display import Window


@pytest.fixture
def station(reading: Reading, tmp_path: Path, qapp) -> QtWorkstation:
    station = QtWorkstation(reading.services, settings_store("CH01", tmp_path / "ui.ini"))
    yield station
    station.release()


@pytest.fixture
def ct_case(reading: Reading, tmp_path: Path) -> str:
    accession = reading.read_and_sign(findings="右肺上叶见一结节，直径约8毫米。",
                                      impression="右肺上叶结节。")
    archive_ct(reading, accession, tmp_path)
    with reading.services.database.session() as session:
        exam_id = by_accession(session, accession).id
    return reading.services.teaching_desk.make_case(exam_id, REVIEWER, CaseDraft(
        title="肺结节", diagnosis="肺结节", body_part="CHEST", difficulty=2))


def _probe(path: Path) -> dict:
    out = subprocess.run(["ffprobe", "-v", "error", "-show_entries",
                          "format=duration:stream=codec_type,codec_name", "-of", "json",
                          str(path)], capture_output=True, text=True, check=True, timeout=60)
    return json.loads(out.stdout)


def _recorder(qtbot, reading: Reading, station, case_uid: str, tmp_path: Path,
              seconds: float = 4.0) -> QtLessonRecorder:
    desk = reading.services.teaching_desk
    recorder = QtLessonRecorder(desk, REVIEWER, desk.detail(case_uid), station.tasks,
                                voice_file=write_narration(tmp_path / "voice.wav", seconds))
    qtbot.addWidget(recorder)
    recorder.show()
    qtbot.waitUntil(lambda: recorder.viewer.views[0].image is not None, timeout=15000)
    return recorder


def test_a_voice_lesson_is_recorded_and_replays_the_viewer(qtbot, reading: Reading,
                                                           station, ct_case: str,
                                                           tmp_path: Path) -> None:
    recorder = _recorder(qtbot, reading, station, ct_case, tmp_path)
    view = recorder.viewer.views[0]
    assert view.image.frame_count == 8
    saved = []
    recorder.saved.connect(saved.append)
    recorder.record()
    steps = [lambda: view.set_frame(3), lambda: view.set_window(Window(-600, 1500)),
             lambda: view.set_zoom(2.0), lambda: view.add_text(30, 32, "结节"),
             lambda: view.set_frame(5)]
    for step in steps:  # the teacher speaks, and shows
        qtbot.wait(300)
        step()
    qtbot.wait(300)
    recorder.stop()
    qtbot.waitUntil(lambda: bool(saved), timeout=30000)
    lesson = saved[0]
    assert lesson.kind is LessonKind.VOICE
    media = reading.services.teaching_desk.teaching_dir / lesson.path
    probe = _probe(media)
    assert [s["codec_name"] for s in probe["streams"]] == ["aac"]
    seconds = float(probe["format"]["duration"])
    assert 1.4 <= seconds <= 3.5
    assert abs(seconds * 1000 - lesson.duration_ms) < 400

    player = QtLessonPlayer(reading.services.teaching_desk, REVIEWER,
                            reading.services.teaching_desk.detail(ct_case), lesson,
                            station.tasks)
    qtbot.addWidget(player)
    shown = player.viewer.views[0]
    qtbot.waitUntil(lambda: shown.image is not None and bool(player.timeline.actions),
                    timeout=15000)
    timeline = player.timeline
    assert timeline.actions[-1].at_ms <= lesson.duration_ms + 400
    for ms in (0, *(a.at_ms for a in timeline.actions), lesson.duration_ms):
        player.show_moment(ms)
        want = timeline.state_at(ms)
        assert shown.frame == want.index
        assert shown.zoom == pytest.approx(want.zoom)
        if want.center is not None:
            assert (shown.window.center, shown.window.width) == (want.center, want.width)
        assert [m.text for m in shown.measurements] == [m.label for m in want.marks]
    player.show_moment(lesson.duration_ms)
    assert (shown.frame, shown.window.center, shown.zoom) == (5, -600, 2.0)
    assert [m.text for m in shown.measurements] == ["结节"]
    player.show_moment(0)
    assert (shown.frame, shown.zoom, shown.measurements) == (0, 1.0, [])

    player.toggle()  # real playback: the voice's clock moves the viewer
    qtbot.waitUntil(lambda: player.player.position() > 1300, timeout=15000)
    player.player.pause()
    assert shown.frame == timeline.state_at(player.player.position()).index
    assert shown.frame in (3, 5)
    with reading.services.database.session() as session:
        row = session.scalar(select(Lesson))
        assert json.loads(row.timeline)[0]["kind"] == "series"
        watched = session.scalars(select(StudyRecord).where(
            StudyRecord.activity == StudyActivity.LESSON)).all()
        assert [r.lesson_uid for r in watched] == [lesson.uid]


def test_a_video_lesson_is_an_h264_mp4_of_the_viewer_with_the_voice(
        qtbot, reading: Reading, station, ct_case: str, tmp_path: Path) -> None:
    recorder = _recorder(qtbot, reading, station, ct_case, tmp_path)
    recorder.video.setChecked(True)
    saved = []
    recorder.saved.connect(saved.append)
    recorder.record()
    for index in range(1, 6):
        qtbot.wait(250)
        recorder.viewer.views[0].set_frame(index)
    recorder.stop()
    qtbot.waitUntil(lambda: bool(saved), timeout=60000)
    media = reading.services.teaching_desk.teaching_dir / saved[0].path
    assert media.suffix == ".mp4"
    probe = _probe(media)
    assert sorted(s["codec_name"] for s in probe["streams"]) == ["aac", "h264"]
    assert float(probe["format"]["duration"]) >= 1.0
    assert not list((media.parent.parent.parent / ".recording").glob("*"))


def test_a_recording_with_nothing_to_record_from_says_so(qtbot, reading: Reading, station,
                                                         ct_case: str, tmp_path: Path) -> None:
    recorder = _recorder(qtbot, reading, station, ct_case, tmp_path)
    bad = tmp_path / "not-a-voice.wav"
    bad.write_bytes(b"RIFF0000WAVEjunk")
    recorder.voice_file = bad
    recorder.record()
    assert recorder.capture is None
    assert recorder.record_button.isEnabled()
    assert recorder.message.text()
