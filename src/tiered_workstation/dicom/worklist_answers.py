"""Worklist answers: exactly the keys a console asked for, the name in its structure,
in the character set it really reads."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from pydicom.dataset import Dataset

from ..storage.enums import PatientSource, Priority
from ..storage.exams import Exam
from .answer_text import (
    AnswerStyle,
    answer_person_name,
    can_encode,
    carry_text_as,
    fit_person_name,
)
from .charset import (
    IR58,
    apply_outgoing_ir58,
    person_name,
    set_outgoing_charset,
)
from .wire import Element
from .worklist_rows import WorklistRow, row_from_exam

PRIORITY_CODES = {Priority.ROUTINE: "ROUTINE", Priority.URGENT: "HIGH", Priority.STAT: "STAT"}


TOP_KEYS = {
    "PatientName": (0x00100010, "PN"), "PatientID": (0x00100020, "LO"),
    "IssuerOfPatientID": (0x00100021, "LO"), "PatientBirthDate": (0x00100030, "DA"),
    "PatientSex": (0x00100040, "CS"), "PatientAge": (0x00101010, "AS"),
    "AccessionNumber": (0x00080050, "SH"),
    "ReferringPhysicianName": (0x00080090, "PN"), "StudyInstanceUID": (0x0020000D, "UI"),
    "RequestedProcedureID": (0x00401001, "SH"),
    "RequestedProcedureDescription": (0x00321060, "LO"),
    "RequestedProcedurePriority": (0x00401003, "SH"),
    "RequestingPhysician": (0x00321032, "PN"), "RequestingService": (0x00321033, "LO"),
    "AdmissionID": (0x00380010, "LO"), "PatientInstitutionResidence": (0x00380400, "LO"),
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
    inpatient = row.patient_source is PatientSource.INPATIENT
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
        "ReferringPhysicianName": fit_person_name(row.referring_physician, style.codec),
        "StudyInstanceUID": row.study_instance_uid,
        "RequestedProcedureID": row.accession_number,
        "RequestedProcedureDescription": row.procedure_description,
        "RequestedProcedurePriority": PRIORITY_CODES[row.priority],
        # the requesting doctor is the referring physician here (申请医生)
        "RequestingPhysician": fit_person_name(row.referring_physician, style.codec),
        "RequestingService": row.requesting_department,
        "AdmissionID": row.admission_id if inpatient else "",
        # an inpatient lies in the ward of the department that asked
        "PatientInstitutionResidence": row.requesting_department if inpatient else "",
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
    for values in (top, step):  # text the console's set cannot carry goes empty, not ???
        for key in _FREE_TEXT & values.keys():
            if values[key] and not can_encode(values[key], style.codec):
                values[key] = ""
    return top, step


# the answer's free text in the patient's language (names are fitted group by group)
_FREE_TEXT = {"RequestedProcedureDescription", "RequestingService",
              "PatientInstitutionResidence", "ScheduledProcedureStepDescription",
              "AdmissionID"}

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
