"""Lessons on a teaching case: a recorded voice (AAC in MP4) or a screen-and-voice video
of the viewer, kept beside the case's images with the timeline of viewer actions that
replays in step with the voice.

The recording itself happens in the GUI (QtMultimedia); this module keeps what was
recorded: it moves the file into the case's folder of the teaching archive, counts and
hashes it, and stores the lesson's row and timeline.
"""

from __future__ import annotations

import hashlib
import logging
import shutil
import subprocess
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..storage.enums import LessonKind
from ..storage.teaching import Lesson, TeachingCase
from ..workflow.actors import Actor
from ..workflow.audit import record_audit
from ..workflow.errors import WorkflowError
from .cases import AUTHORS
from .timeline import Timeline

LOGGER = logging.getLogger(__name__)
MEDIA = {LessonKind.VOICE: ("audio/mp4", ".m4a"), LessonKind.VIDEO: ("video/mp4", ".mp4")}
TRANSCODE_SECONDS = 600


class LessonRefused(WorkflowError):
    """The lesson cannot be kept (no such case, nothing recorded, wrong role)."""


@dataclass(frozen=True)
class LessonDraft:
    case_uid: str
    kind: LessonKind
    media: Path          # the recorder's file, moved into the teaching archive
    timeline: Timeline
    duration_ms: int
    title: str = ""


@dataclass(frozen=True)
class LessonSummary:
    uid: str
    case_uid: str
    kind: LessonKind
    title: str
    media_type: str
    path: str            # relative to the teaching archive
    size: int
    duration_ms: int
    author_name: str
    created_at: datetime
    actions: int


def save_lesson(session: Session, teaching_dir: Path, actor: Actor,
                draft: LessonDraft) -> LessonSummary:
    """Keep ``draft`` as a lesson of its case (moves the media file)."""
    if actor.role not in AUTHORS:
        raise LessonRefused("Only a reviewer or an attending records lessons.")
    case = session.scalar(select(TeachingCase).where(TeachingCase.uid == draft.case_uid))
    if case is None:
        raise LessonRefused("That teaching case is no longer in the library.")
    if not draft.media.is_file() or draft.media.stat().st_size == 0:
        raise LessonRefused("Nothing was recorded: check the microphone and try again.")
    media_type, suffix = MEDIA[draft.kind]
    uid = str(uuid.uuid4())
    relative = Path(case.uid) / "lessons" / f"{uid}{suffix}"
    target = teaching_dir / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(draft.media, target)
    target.chmod(0o600)  # as the case's images: this user only
    digest = hashlib.sha256(target.read_bytes()).hexdigest()
    lesson = Lesson(uid=uid, case_id=case.id, kind=draft.kind,
                    title=draft.title.strip() or case.title, media_type=media_type,
                    path=relative.as_posix(), size=target.stat().st_size, sha256=digest,
                    duration_ms=draft.duration_ms, timeline=draft.timeline.to_json(),
                    author_username=actor.username, author_name=actor.display_name)
    session.add(lesson)
    session.flush()
    record_audit(session, actor, "teaching.lesson_recorded", object_type="lesson",
                 object_id=uid, detail={"case": case.uid, "kind": draft.kind.value,
                                        "duration_ms": draft.duration_ms,
                                        "actions": len(draft.timeline.actions)})
    return _summary(lesson, case.uid)


def lessons_of(session: Session, case_uid: str) -> list[LessonSummary]:
    case = session.scalar(select(TeachingCase).where(TeachingCase.uid == case_uid))
    if case is None:
        return []
    return [_summary(lesson, case_uid) for lesson in sorted(case.lessons, key=lambda x: x.id)]


def lesson_timeline(session: Session, lesson_uid: str) -> Timeline:
    lesson = session.scalar(select(Lesson).where(Lesson.uid == lesson_uid))
    if lesson is None:
        raise LessonRefused("That lesson is no longer in the library.")
    return Timeline.from_json(lesson.timeline)


def media_duration_ms(path: Path, ffprobe: str | None = None) -> int | None:
    """The media file's own length (ffprobe), where the recorder's clock is not exact."""
    ffprobe = ffprobe or shutil.which("ffprobe")
    if ffprobe is None:
        return None
    try:
        done = subprocess.run([ffprobe, "-v", "error", "-show_entries", "format=duration",
                               "-of", "default=nw=1:nk=1", str(path)], capture_output=True,
                              text=True, check=False, timeout=60)
        return int(float(done.stdout.strip()) * 1000) if done.returncode == 0 else None
    except (OSError, ValueError, subprocess.TimeoutExpired):
        return None


def encode_voice(wav: Path, out: Path, ffmpeg: str | None = None) -> Path:
    """A voice lesson's AAC file (MP4 audio, as the recorder writes) from a WAV, with the
    system ffmpeg: where a narration exists only as a file (a demo without a microphone)."""
    ffmpeg = ffmpeg or shutil.which("ffmpeg")
    if ffmpeg is None:
        raise LessonRefused("ffmpeg is needed to encode the narration (apt install ffmpeg).")
    done = subprocess.run([ffmpeg, "-v", "error", "-y", "-i", str(wav), "-c:a", "aac",
                           "-b:a", "64k", "-movflags", "+faststart", str(out)],
                          capture_output=True, text=True, check=False,
                          timeout=TRANSCODE_SECONDS)
    if done.returncode != 0 or not out.is_file():
        raise LessonRefused(f"The narration could not be encoded: {done.stderr.strip()[-300:]}")
    return out


def to_h264(path: Path, ffmpeg: str | None = None) -> bool:
    """Re-encode a recorded video's picture as H.264 in place (the voice is copied).

    Qt's own FFmpeg build is LGPL and encodes video only as MPEG-4 Part 2; the system's
    ffmpeg usually has libx264. Without it the MPEG-4 file is kept: it plays everywhere.
    """
    ffmpeg = ffmpeg or shutil.which("ffmpeg")
    if ffmpeg is None:
        return False
    out = path.with_suffix(".h264" + path.suffix)
    command = [ffmpeg, "-v", "error", "-y", "-i", str(path), "-c:v", "libx264",
               "-preset", "veryfast", "-pix_fmt", "yuv420p", "-c:a", "copy",
               "-movflags", "+faststart", str(out)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False,
                              timeout=TRANSCODE_SECONDS)
    except (OSError, subprocess.TimeoutExpired) as exc:
        LOGGER.warning("lesson video kept as MPEG-4: %s", exc)
        out.unlink(missing_ok=True)
        return False
    if done.returncode != 0 or not out.is_file() or out.stat().st_size == 0:
        LOGGER.warning("lesson video kept as MPEG-4: %s", done.stderr.strip()[-500:])
        out.unlink(missing_ok=True)
        return False
    out.replace(path)
    return True


def _summary(lesson: Lesson, case_uid: str) -> LessonSummary:
    actions = len(Timeline.from_json(lesson.timeline).actions) if lesson.timeline else 0
    return LessonSummary(lesson.uid, case_uid, lesson.kind, lesson.title, lesson.media_type,
                         lesson.path, lesson.size, lesson.duration_ms, lesson.author_name,
                         lesson.created_at, actions)
