"""What the viewport's corners say, and the windows a modality and body part offer."""

from __future__ import annotations

from pydicom.dataset import Dataset

from ..dicom.charset import has_cjk
from .auto_window import AUTO
from .display import Window
from .frames import DecodedImage

LUNG = Window(-600, 1500, "Lung")
MEDIASTINUM = Window(40, 400, "Mediastinum")
BONE = Window(400, 1800, "Bone")
BRAIN = Window(40, 80, "Brain")
ABDOMEN = Window(60, 400, "Abdomen")
SUBDURAL = Window(75, 215, "Subdural")
LIVER = Window(30, 150, "Liver")
SKULL_BONE = Window(600, 2800, "Bone")  # the skull and temporal bone want it wider

# Without a known body part, CT offers every region's window.
PRESETS = {
    "CT": (LUNG, MEDIASTINUM, BONE, BRAIN, ABDOMEN),
    "MR": (),
}
# A region's CT windows, and the words of Body Part Examined (or a site's own) naming it.
REGION_PRESETS = {
    "head": (BRAIN, SUBDURAL, SKULL_BONE),
    "chest": (LUNG, MEDIASTINUM, BONE),
    "abdomen": (ABDOMEN, LIVER, BONE),
}
REGION_WORDS = {
    "head": ("HEAD", "BRAIN", "SKULL", "头", "颅", "脑"),
    "chest": ("CHEST", "THORAX", "LUNG", "HEART", "胸", "肺", "心"),
    "abdomen": ("ABD", "PELVIS", "LIVER", "KIDNEY", "PANCREAS", "腹", "盆", "肝", "肾"),
}


def body_regions(body_part: str) -> list[str]:
    """The regions a Body Part Examined names, head to pelvis ("CHESTABDOMEN": both)."""
    text = body_part.strip().upper()
    return [region for region, words in REGION_WORDS.items()
            if any(word in text for word in words)]


def modality_presets(modality: str, body_part: str = "") -> list[Window]:
    """Standard windows for CT: the body part's (chest: lung, mediastinum, bone; head:
    brain, subdural, bone; abdomen: abdomen, liver, bone), all five common ones when the
    body part is unknown; none otherwise (a radiograph's useful windows are the file's
    and its automatic one, which depend on the device's processing, not on the body)."""
    modality = modality.strip().upper()
    regions = body_regions(body_part) if modality == "CT" else []
    if not regions:
        return list(PRESETS.get(modality, ()))
    windows: dict[str, Window] = {}
    for region in regions:
        for window in REGION_PRESETS[region]:
            windows.setdefault(window.name, window)
    return sorted(windows.values(), key=lambda w: w.name == "Bone")  # bone last, once


def window_choices(image: DecodedImage) -> list[Window]:
    """What a preset box offers for ``image``: the automatic window when it opened with
    one, the file's own windows, then its modality's presets for its body part."""
    header = image.header
    opened = image.default_window()
    automatic = [opened] if opened.name == AUTO else []
    return automatic + list(image.model.windows) + modality_presets(
        str(header.get("Modality", "")), body_part=str(header.get("BodyPartExamined", "")))


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


def dicom_age(header: Dataset) -> str:
    """Patient's Age as the file says it (076Y), else from the birth and study dates."""
    age = str(header.get("PatientAge", "") or "").strip()
    if age:
        return age
    birth, study = (str(header.get(k, "") or "")[:8] for k in ("PatientBirthDate",
                                                              "StudyDate"))
    if not (len(birth) == len(study) == 8 and birth.isdigit() and study.isdigit()):
        return ""
    b, s = (int(birth[:4]), int(birth[4:6]), int(birth[6:])), \
        (int(study[:4]), int(study[4:6]), int(study[6:]))
    years = s[0] - b[0] - (s[1:] < b[1:])
    if years >= 1:
        return f"{min(years, 999):03d}Y"
    months = (s[0] - b[0]) * 12 + s[1] - b[1] - (s[2] < b[2])
    return f"{months:03d}M" if months >= 0 else ""


def corner_texts(header: Dataset) -> dict[str, list[str]]:
    """Top-left: patient; top-right: study; bottom-right: series (bottom-left, the live
    window/zoom/image lines, is the view's)."""
    name = person_name(header.get("PatientName"))
    sex_age = " ".join(str(v) for v in (header.get("PatientSex", ""),
                                         dicom_age(header)) if v)
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
    if laterality == "U":  # unpaired (a chest): nothing to say
        laterality = ""
    bottom_right = [line for line in (series, " ".join(v for v in (position, laterality) if v))
                    if line]
    return {"tl": top_left, "tr": top_right, "bl": [], "br": bottom_right}


def share_row(mine: int, other: int, room: int, *, first: bool) -> int:
    """How wide a corner's text may be (pixels) beside the other corner's on the same row
    of ``room``: all of it when both fit. Otherwise the left corners, which say who the
    patient is, go ``first``: they keep their width as long as the right keeps a third of
    the row; the right gets what is left, and always its third."""
    if mine + other <= room:
        return mine
    third = room // 3
    if first:
        return min(mine, room - min(other, third))
    return room - min(other, room - min(mine, third))
