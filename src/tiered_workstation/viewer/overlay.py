"""What the viewport's corners say, and the window presets a modality offers."""

from __future__ import annotations

from pydicom.dataset import Dataset

from ..dicom.charset import has_cjk
from .display import Window

PRESETS = {
    "CT": (Window(-600, 1500, "Lung"), Window(40, 400, "Mediastinum"),
           Window(400, 1800, "Bone"), Window(40, 80, "Brain"), Window(60, 400, "Abdomen")),
    "MR": (),
}


def modality_presets(modality: str) -> list[Window]:
    """Standard windows for CT (lung, mediastinum, bone, brain, abdomen); none otherwise
    (a radiograph's useful windows come from the file or the full range)."""
    return list(PRESETS.get(modality.upper(), ()))


def _date(value: object) -> str:
    text = str(value or "")
    return f"{text[:4]}-{text[4:6]}-{text[6:8]}" if len(text) == 8 and text.isdigit() else text


def person_name(value: object) -> str:
    """A name as people read it: the ideographic form when there is one, written as one
    word (王^芳 → 王芳), else the alphabetic one with spaces (Buc^Jérôme → Buc Jérôme)."""
    if value is None:
        return ""
    ideographic = str(getattr(value, "ideographic", "") or "")
    alphabetic = str(getattr(value, "alphabetic", str(value)) or "")
    if not ideographic and has_cjk(alphabetic):  # many consoles put 张^三 in the first group
        ideographic = alphabetic
    if ideographic:
        return "".join(part.strip() for part in ideographic.split("^"))
    return " ".join(part for part in alphabetic.split("^") if part).strip()


def corner_texts(header: Dataset) -> dict[str, list[str]]:
    """Top-left: patient; top-right: study; bottom-right: series (bottom-left, the live
    window/zoom/image lines, is the view's)."""
    name = person_name(header.get("PatientName"))
    sex_age = " ".join(str(v) for v in (header.get("PatientSex", ""),
                                         header.get("PatientAge", "")) if v)
    top_left = [line for line in (name, str(header.get("PatientID", "")),
                                  sex_age, _date(header.get("PatientBirthDate"))) if line]
    top_right = [line for line in (str(header.get("InstitutionName", "")),
                                   str(header.get("StudyDescription", "")),
                                   f"{_date(header.get('StudyDate'))} "
                                   f"{header.get('AccessionNumber', '')!s}".strip())
                 if line]
    series = " ".join(str(v) for v in (header.get("Modality", ""),
                                       header.get("SeriesDescription", "")) if v)
    position = str(header.get("ViewPosition", "") or "")
    laterality = str(header.get("ImageLaterality", "") or header.get("Laterality", "") or "")
    bottom_right = [line for line in (series, " ".join(v for v in (position, laterality) if v))
                    if line]
    return {"tl": top_left, "tr": top_right, "bl": [], "br": bottom_right}
