"""Modality Worklist SCP (C-FIND, MWL information model) over the site's exams.

A DR/CT console asks for its scheduled exams; each answer carries the patient,
the accession number, the requested procedure, the Study Instance UID chosen at
registration and one Scheduled Procedure Step, encoded in the character set the
asking device is configured for.
"""

from __future__ import annotations

import logging
import time as clock
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

from pydicom.dataset import Dataset
from pynetdicom.sop_class import ModalityWorklistInformationFind
from sqlalchemy import and_, func, select
from sqlalchemy.orm import aliased

from ..config import Settings
from ..storage.database import Database
from ..storage.enums import ExamState, Priority, Sex
from ..storage.exams import Exam
from ..storage.patients import Patient, PatientIdentifier
from . import find_stream
from .answer_text import AnswerStyle, answer_person_name, answer_style, carry_text_as
from .charset import (
    IR58,
    apply_outgoing_ir58,
    has_cjk,
    person_name,
    set_outgoing_charset,
)
from .matching import (
    is_universal,
    match_date_range,
    match_person_name,
    match_text,
    match_time_range,
    parse_da,
)
from .pacing import streaming
from .permissions import NOT_AUTHORIZED, requires
from .wire import Element, ElementEncoder

LOGGER = logging.getLogger(__name__)

WORKLIST_STATES = (ExamState.REGISTERED, ExamState.SCHEDULED)
PENDING = 0xFF00
CANCELLED = 0xFE00
UNSUPPORTED_SOP_CLASS = 0xC000
PRIORITY_CODES = {Priority.ROUTINE: "ROUTINE", Priority.URGENT: "HIGH", Priority.STAT: "STAT"}


@dataclass(frozen=True)
class WorklistDependencies:
    database: Database
    settings: Settings


@dataclass(frozen=True)
class WorklistQuery:
    """The matching keys of an MWL request (empty = universal)."""

    patient_name: str = ""
    patient_id: str = ""
    accession_number: str = ""
    modality: str = ""
    station_ae: str = ""
    start_date: str = ""
    start_time: str = ""

    @classmethod
    def from_identifier(cls, identifier: Dataset) -> WorklistQuery:
        sps = _first_item(identifier, "ScheduledProcedureStepSequence")
        return cls(
            patient_name=str(identifier.get("PatientName", "") or ""),
            patient_id=str(identifier.get("PatientID", "") or ""),
            accession_number=str(identifier.get("AccessionNumber", "") or ""),
            modality=str(sps.get("Modality", "") or ""),
            station_ae=str(sps.get("ScheduledStationAETitle", "") or ""),
            start_date=str(sps.get("ScheduledProcedureStepStartDate", "") or ""),
            start_time=str(sps.get("ScheduledProcedureStepStartTime", "") or ""),
        )


def _first_item(ds: Dataset, keyword: str) -> Dataset:
    seq = ds.get(keyword)
    return seq[0] if seq else Dataset()


def _exact(value: str) -> str | None:
    """A value usable as an SQL equality filter (no wildcards, not universal)."""
    return None if is_universal(value) or "*" in value or "?" in value else value


class WorklistRow(NamedTuple):
    """The columns an answer needs (read without building ORM objects)."""

    accession_number: str
    study_instance_uid: str
    procedure_code: str
    procedure_description: str
    modality: str
    body_part: str
    priority: Priority
    station_ae: str | None
    scheduled_start: datetime | None
    registered_at: datetime
    referring_physician: str
    patient_age: str
    name: str
    name_phonetic: str
    sex: Sex
    birth_date: date | None
    consortium_id: str
    local_id: str | None

    def patient_id(self) -> str:
        return self.local_id or self.consortium_id

    def when(self, tz: ZoneInfo) -> datetime:
        return (self.scheduled_start or self.registered_at).astimezone(tz)


def _like(pattern: str) -> str:
    escaped = pattern.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return escaped.replace("*", "%").replace("?", "_")


def _local_day_bounds(pattern: str, tz: ZoneInfo) -> tuple[datetime | None, datetime | None]:
    """UTC bounds of a DA / DA range pattern in the site's local time."""
    text = pattern.strip()
    start, _, end = text.partition("-") if "-" in text else (text, "", text)
    lo = datetime.combine(parse_da(start), time.min, tz).astimezone(UTC) if start.strip() \
        else None
    hi = (datetime.combine(parse_da(end), time.min, tz) + timedelta(days=1)).astimezone(UTC) \
        if end.strip() else None
    return lo, hi


def candidate_rows(session: Any, query: WorklistQuery, site_code: str,
                   tz: ZoneInfo) -> list[WorklistRow]:
    """Rows that may match, filtered in SQL as far as SQL can say it exactly."""
    local_id = aliased(PatientIdentifier)
    statement = (select(Exam.accession_number, Exam.study_instance_uid, Exam.procedure_code,
                        Exam.procedure_description, Exam.modality, Exam.body_part,
                        Exam.priority, Exam.scheduled_station_ae, Exam.scheduled_start,
                        Exam.registered_at, Exam.referring_physician, Exam.patient_age,
                        Patient.name,
                        Patient.name_phonetic, Patient.sex, Patient.birth_date,
                        Patient.consortium_id, local_id.value)
                 .join(Patient, Exam.patient_id == Patient.id)
                 .outerjoin(local_id, and_(local_id.patient_id == Patient.id,
                                           local_id.issuer == site_code))
                 .where(Exam.state.in_(WORKLIST_STATES)))
    for column, value in ((Exam.modality, query.modality),
                          (Exam.scheduled_station_ae, query.station_ae),
                          (Exam.accession_number, query.accession_number)):
        if (exact := _exact(value)) is not None:
            statement = statement.where(column == exact)
    name = query.patient_name.strip()
    if not is_universal(name) and has_cjk(name) and not set(name) & set("^= "):
        statement = statement.where(Patient.name.like(_like(name), escape="\\"))
    if not is_universal(query.start_date):
        lo, hi = _local_day_bounds(query.start_date, tz)
        when = func.coalesce(Exam.scheduled_start, Exam.registered_at)
        if lo is not None:
            statement = statement.where(when >= lo)
        if hi is not None:
            statement = statement.where(when < hi)
    rows = session.execute(statement.order_by(Exam.registered_at, Exam.id))
    return [WorklistRow(*row) for row in rows]


def row_from_exam(exam: Exam, site_code: str) -> WorklistRow:
    p = exam.patient
    return WorklistRow(exam.accession_number, exam.study_instance_uid, exam.procedure_code,
                       exam.procedure_description, exam.modality, exam.body_part,
                       exam.priority, exam.scheduled_station_ae, exam.scheduled_start,
                       exam.registered_at, exam.referring_physician, exam.patient_age, p.name,
                       p.name_phonetic,
                       p.sex, p.birth_date, p.consortium_id, p.identifier_at(site_code))


def matches(row: WorklistRow, query: WorklistQuery, tz: ZoneInfo) -> bool:
    when = row.when(tz)
    return (match_person_name(query.patient_name, row.name, row.name_phonetic)
            and match_text(query.patient_id, row.patient_id())
            and match_text(query.accession_number, row.accession_number)
            and match_text(query.modality, row.modality)
            and match_text(query.station_ae, row.station_ae or "")
            and match_date_range(query.start_date, when.date())
            and match_time_range(query.start_time, when.strftime("%H%M%S")))


# keyword → (tag, VR): the MWL return keys we fill
TOP_KEYS = {
    "PatientName": (0x00100010, "PN"), "PatientID": (0x00100020, "LO"),
    "IssuerOfPatientID": (0x00100021, "LO"), "PatientBirthDate": (0x00100030, "DA"),
    "PatientSex": (0x00100040, "CS"), "PatientAge": (0x00101010, "AS"),
    "AccessionNumber": (0x00080050, "SH"),
    "ReferringPhysicianName": (0x00080090, "PN"), "StudyInstanceUID": (0x0020000D, "UI"),
    "RequestedProcedureID": (0x00401001, "SH"),
    "RequestedProcedureDescription": (0x00321060, "LO"),
    "RequestedProcedurePriority": (0x00401003, "SH"),
}
STEP_KEYS = {
    "Modality": (0x00080060, "CS"), "ScheduledStationAETitle": (0x00400001, "AE"),
    "ScheduledProcedureStepStartDate": (0x00400002, "DA"),
    "ScheduledProcedureStepStartTime": (0x00400003, "TM"),
    "ScheduledProcedureStepID": (0x00400009, "SH"),
    "ScheduledProcedureStepDescription": (0x00400007, "LO"),
    "ScheduledProcedureStepStatus": (0x00400020, "CS"),
    "ScheduledPerformingPhysicianName": (0x00400006, "PN"), "BodyPartExamined": (0x00180015, "CS"),
}
SPS_TAG, CODE_SEQ_TAG = 0x00400100, 0x00321064


def _values(row: WorklistRow, tz: ZoneInfo, site_code: str,
            style: AnswerStyle) -> tuple[dict[str, Any], dict[str, Any]]:
    when = row.when(tz)
    name = person_name(row.name, row.name_phonetic, phonetic_groups=style.phonetic)
    top = {
        "PatientName": answer_person_name(name, style, fallback=row.name_phonetic,
                                          accession=row.accession_number),
        "PatientID": row.patient_id(),
        "IssuerOfPatientID": site_code if row.local_id else "TW-CONSORTIUM",
        "PatientBirthDate": row.birth_date.strftime("%Y%m%d") if row.birth_date else "",
        "PatientSex": row.sex.value if row.sex.value != "U" else "",
        "PatientAge": row.patient_age,
        "AccessionNumber": row.accession_number,
        "ReferringPhysicianName": row.referring_physician,
        "StudyInstanceUID": row.study_instance_uid,
        "RequestedProcedureID": row.accession_number,
        "RequestedProcedureDescription": row.procedure_description,
        "RequestedProcedurePriority": PRIORITY_CODES[row.priority],
    }
    step = {
        "Modality": row.modality, "ScheduledStationAETitle": row.station_ae or "",
        "ScheduledProcedureStepStartDate": when.strftime("%Y%m%d"),
        "ScheduledProcedureStepStartTime": when.strftime("%H%M%S"),
        "ScheduledProcedureStepID": row.accession_number,
        "ScheduledProcedureStepDescription": row.procedure_description,
        "ScheduledProcedureStepStatus": "SCHEDULED", "ScheduledPerformingPhysicianName": "",
        "BodyPartExamined": row.body_part,
    }
    return top, step


Keys = list[tuple[int, str, str]]  # (tag, VR, keyword) as the request lists them


def requested_keys(identifier: Dataset) -> tuple[Keys, Keys]:
    """Top-level and Scheduled Procedure Step keys the request asks for."""
    top: Keys = []
    step: Keys = []
    for element in identifier:
        if element.tag == SPS_TAG:
            item = element.value[0] if element.value else Dataset()
            step = [(sub.tag, _one_vr(sub.VR), sub.keyword) for sub in item]
            top.append((element.tag, "SQ", element.keyword))
        elif element.keyword != "SpecificCharacterSet":
            top.append((element.tag, _one_vr(element.VR), element.keyword))
    return top, step


def _one_vr(vr: str) -> str:
    """A key of ambiguous VR ('US or SS') is answered empty with the first one."""
    return vr.split(" or ")[0]


def answer_elements(row: WorklistRow, tz: ZoneInfo, site_code: str, top_keys: Keys,
                    step_keys: Keys, *, charset: str, phonetic_names: bool,
                    codec: str = "", peer: str = "") -> list[Element]:
    """The (tag, VR, value) elements of the answer for ``row``: exactly the requested
    keys (unknown ones empty), plus the character set.  ``codec`` is the set whose bytes
    a mislabelling peer reads under ``charset`` (default: ``charset`` itself)."""
    style = AnswerStyle(charset, codec or charset, phonetic_names, peer)
    top, step = _values(row, tz, site_code, style)
    out: list[Element] = [(0x00080005, "CS", charset)]
    for tag, vr, keyword in top_keys:
        if tag == SPS_TAG:
            item = [(sub_tag, sub_vr, step.get(sub_kw)) for sub_tag, sub_vr, sub_kw in step_keys]
            out.append((SPS_TAG, "SQ", [item]))
        elif tag == CODE_SEQ_TAG:
            code = [(0x00080100, "SH", row.procedure_code), (0x00080102, "SH", "99TW"),
                    (0x00080104, "LO", row.procedure_description)]
            out.append((CODE_SEQ_TAG, "SQ", [code]))
        else:
            out.append((tag, vr, top.get(keyword)))
    return out


def _dataset(elements: list[Element]) -> Dataset:
    ds = Dataset()
    for tag, vr, value in elements:
        if vr == "SQ":
            ds.add_new(tag, vr, [_dataset(item) for item in value])  # type: ignore[attr-defined]
        else:
            ds.add_new(tag, vr, value)
    return ds


def build_answer(row: WorklistRow, tz: ZoneInfo, site_code: str, top_keys: Keys,
                 step_keys: Keys, *, charset: str, phonetic_names: bool,
                 codec: str = "", peer: str = "") -> Dataset:
    """The answer as a pydicom dataset (for peers whose transfer syntax ``wire`` does
    not encode, and for exporting items)."""
    elements = answer_elements(row, tz, site_code, top_keys, step_keys, charset=charset,
                               phonetic_names=phonetic_names, codec=codec, peer=peer)
    ds = _dataset(elements[1:])
    set_outgoing_charset(ds, charset)
    if IR58 in (codec or charset):
        apply_outgoing_ir58(ds)
    elif codec and codec != charset:
        carry_text_as(ds, AnswerStyle(charset, codec, phonetic_names))
    return ds


ALL_TOP: Keys = [(t, v, k) for k, (t, v) in TOP_KEYS.items()] + [
    (CODE_SEQ_TAG, "SQ", "RequestedProcedureCodeSequence"),
    (SPS_TAG, "SQ", "ScheduledProcedureStepSequence")]
ALL_STEP: Keys = [(t, v, k) for k, (t, v) in STEP_KEYS.items()]


def worklist_item(exam: Exam, tz: ZoneInfo, site_code: str, *, charset: str,
                  phonetic_names: bool) -> Dataset:
    """The complete MWL item of one exam (e.g. to export for another worklist server)."""
    return build_answer(row_from_exam(exam, site_code), tz, site_code, ALL_TOP, ALL_STEP,
                        charset=charset, phonetic_names=phonetic_names)


@requires("worklist", (NOT_AUTHORIZED, None))
def handle_worklist_find(event: Any, deps: WorklistDependencies) -> Iterator[Any]:
    """Bound to ``evt.EVT_C_FIND``: yields (status, identifier) pairs."""
    if str(event.request.AffectedSOPClassUID) != ModalityWorklistInformationFind:
        yield UNSUPPORTED_SOP_CLASS, None
        return
    identifier = event.identifier
    sender = event.assoc.requestor.ae_title
    style = answer_style(deps.settings, sender)
    charset, codec, phonetic = style.label, style.codec, style.phonetic
    query = WorklistQuery.from_identifier(identifier)
    tz = deps.settings.site.tz
    site = deps.settings.site.code
    count = 0
    top_keys, step_keys = requested_keys(identifier)
    with deps.database.session() as session:
        rows = candidate_rows(session, query, site, tz)
    matched = (row for row in rows if matches(row, query, tz))
    if find_stream.supports(event.context):
        count = yield from _stream_answers(event, matched, ElementEncoder(
            explicit_vr=find_stream.explicit_vr(event.context), charset=codec),
            lambda row: answer_elements(row, tz, site, top_keys, step_keys, charset=charset,
                                        phonetic_names=phonetic, codec=codec, peer=sender))
    else:
        with streaming(event.assoc):
            for row in matched:
                if event.is_cancelled:
                    LOGGER.info("worklist query from %s cancelled after %d answers", sender,
                                count)
                    yield CANCELLED, None
                    return
                count += 1
                yield PENDING, build_answer(row, tz, site, top_keys, step_keys,
                                            charset=charset, phonetic_names=phonetic,
                                            codec=codec, peer=sender)
    LOGGER.info("worklist query from %s: %d answers (%s)", sender, count, query)


CANCEL_CHECK_EVERY = 32


def _stream_answers(event: Any, rows: Iterator[WorklistRow], encoder: ElementEncoder,
                    elements_of: Any) -> Iterator[Any]:
    """Send the answers pre-encoded (``find_stream``); yields only a cancel status.
    Returns how many answers were sent."""
    stream = find_stream.FindResponseStream(event)
    with streaming(event.assoc):  # let the DUL thread read a C-CANCEL promptly
        yield from _send_rows(event, stream, rows, encoder, elements_of)
    return stream.sent


def _send_rows(event: Any, stream: find_stream.FindResponseStream, rows: Iterator[WorklistRow],
               encoder: ElementEncoder, elements_of: Any) -> Iterator[Any]:
    for row in rows:
        if stream.sent % CANCEL_CHECK_EVERY == 0:
            stream.flush()
            if not stream.alive:
                return
            if event.is_cancelled:
                LOGGER.info("worklist query from %s cancelled after %d answers",
                            event.assoc.requestor.ae_title, stream.sent)
                yield CANCELLED, None
                return
            clock.sleep(0)  # hand the GIL to the DUL thread, which may hold a C-CANCEL
        stream.send(encoder.dataset(elements_of(row)))
    stream.flush()
