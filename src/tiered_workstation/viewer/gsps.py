"""Measurements as a DICOM Grayscale Softcopy Presentation State (GSPS); reading one
back is :mod:`.gsps_read`.

A GSPS (PS3.3 A.33.1) is how PACS and viewers (Weasis, OHIF, dcm4chee) carry a
reader's marks with the images: each measurement becomes a graphic annotation
on its image (by SOP Instance UID and frame), its result a text object beside
it, each tool a graphic layer of its own (so a reader can show or hide them,
and this viewer knows the tool again when it reads the file back); the window,
inversion, rotation and flip shown go with it. Points are in image pixels:
ours are (row, column) at pixel centres, GSPS's are (column, row) from the
top-left corner of the first pixel, so a centre is at +0.5.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.sequence import Sequence
from pydicom.uid import PYDICOM_IMPLEMENTATION_UID, ExplicitVRLittleEndian
from pydicom.valuerep import PersonName

from ..workflow.identifiers import new_uid
from .annotations import Measurement, Tool
from .display import VoiFunction, Window

GSPS_SOP_CLASS = "1.2.840.10008.5.1.4.1.1.11.1"
MANUFACTURER = "Tiered Workstation"
SERIES_NUMBER = 9001

# One graphic layer per tool: (layer name, what a reader sees it called)
LAYERS: dict[Tool, tuple[str, str]] = {
    Tool.LINE: ("TW_LENGTH", "Lengths"),
    Tool.ANGLE: ("TW_ANGLE", "Angles"),
    Tool.COBB: ("TW_COBB", "Cobb angles"),
    Tool.RECTANGLE: ("TW_RECTANGLE", "Rectangle regions"),
    Tool.ELLIPSE: ("TW_ELLIPSE", "Ellipse regions"),
    Tool.ARROW: ("TW_ARROW", "Arrows"),
    Tool.TEXT: ("TW_TEXT", "Text notes"),
}
TOOL_OF_LAYER = {name: tool for tool, (name, _) in LAYERS.items()}
PATIENT_STUDY = ("PatientName", "PatientID", "PatientBirthDate", "PatientSex",
                 "StudyInstanceUID", "StudyDate", "StudyTime", "ReferringPhysicianName",
                 "StudyID", "AccessionNumber", "StudyDescription")


class PresentationStateError(ValueError):
    """The file is not a presentation state this viewer can show."""


@dataclass(frozen=True)
class Presentation:
    """How the images were shown: window per image (by SOP Instance UID), inversion
    relative to the image's own polarity, and the view's rotation and flips."""

    windows: Mapping[str, Window] = field(default_factory=dict)
    inverted: bool = False
    rotation: int = 0          # degrees clockwise, applied after the flips (as on screen)
    flip_horizontal: bool = False
    flip_vertical: bool = False


@dataclass(frozen=True)
class Exported:
    dataset: Dataset
    annotations: int          # measurements written
    left_out: int             # measurements on images that were not given


@dataclass(frozen=True)
class StateSet:
    """The states one save writes (one per Modality LUT and polarity), and the counts."""

    datasets: list[Dataset]
    annotations: int          # measurements written
    left_out: int             # on images that were not given
    colour: int               # on colour images: a grayscale state cannot hold them


def dicom_spatial(rotation: int, flip_horizontal: bool, flip_vertical: bool) -> tuple[int, bool]:
    """(Image Rotation, Image Horizontal Flip) for a view that flips, then rotates.

    DICOM rotates first and flips horizontally after; a vertical flip is a
    horizontal flip turned by 180 degrees."""
    rotation %= 360
    if flip_horizontal and flip_vertical:
        return (rotation + 180) % 360, False
    if flip_vertical:
        return (-(rotation + 180)) % 360, True
    if flip_horizontal:
        return (-rotation) % 360, True
    return rotation, False


def view_spatial(rotation: int, flip: bool) -> tuple[int, bool]:
    """The inverse of :func:`dicom_spatial`: (view rotation, horizontal flip)."""
    rotation %= 360
    return ((-rotation) % 360, True) if flip else (rotation, False)


def _points(item: Measurement) -> list[float]:
    data: list[float] = []
    for row, column in item.points:
        data += [column + 0.5, row + 0.5]
    return data


def _polyline(points: list[float]) -> Dataset:
    graphic = Dataset()
    graphic.GraphicAnnotationUnits = "PIXEL"
    graphic.GraphicDimensions = 2
    graphic.NumberOfGraphicPoints = len(points) // 2
    graphic.GraphicData = points
    graphic.GraphicType = "POLYLINE"
    graphic.GraphicFilled = "N"
    return graphic


def _graphics(item: Measurement) -> list[Dataset]:
    data = _points(item)
    if item.tool is Tool.COBB:
        return [_polyline(data[:4]), _polyline(data[4:8])]
    if item.tool is Tool.RECTANGLE:
        (x0, y0, x1, y1) = data[:4]
        return [_polyline([x0, y0, x1, y0, x1, y1, x0, y1, x0, y0])]
    if item.tool is Tool.ELLIPSE:
        (x0, y0, x1, y1) = data[:4]
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        # major axis end points, then minor axis end points (PS3.3 C.10.5.2)
        horizontal = [x0, cy, x1, cy]
        vertical = [cx, y0, cx, y1]
        major, minor = (horizontal, vertical) if abs(x1 - x0) >= abs(y1 - y0) else \
            (vertical, horizontal)
        graphic = _polyline(major + minor)
        graphic.NumberOfGraphicPoints = 4
        graphic.GraphicType = "ELLIPSE"
        return [graphic]
    if item.tool is Tool.TEXT:
        return []
    return [_polyline(data)]


def _text(item: Measurement) -> Dataset | None:
    if not item.text or not item.points:
        return None
    text = Dataset()
    text.AnchorPointAnnotationUnits = "PIXEL"
    text.UnformattedTextValue = item.text
    row, column = item.points[-1] if item.tool is not Tool.TEXT else item.points[0]
    text.AnchorPoint = [column + 0.5, row + 0.5]
    text.AnchorPointVisibility = "N"
    return text


def _reference(header: Dataset, frame: int | None) -> Dataset:
    reference = Dataset()
    reference.ReferencedSOPClassUID = header.SOPClassUID
    reference.ReferencedSOPInstanceUID = header.SOPInstanceUID
    if frame is not None and int(header.get("NumberOfFrames", 1) or 1) > 1:
        reference.ReferencedFrameNumber = frame + 1
    return reference


def _copy_patient_study(target: Dataset, header: Dataset) -> None:
    for keyword in PATIENT_STUDY:
        value = header.get(keyword, "")
        if keyword in ("PatientName", "ReferringPhysicianName"):
            value = PersonName(str(value or ""))   # re-encoded as UTF-8 below
        setattr(target, keyword, value if value is not None else "")


def presentation_state(items: Iterable[Measurement], headers: Mapping[str, Dataset],
                       presentation: Presentation | None = None, *, creator: str = "",
                       label: str = "TW_NOTES", description: str = "",
                       instance_number: int = 1, uid_root: str = "2.25",
                       now: datetime | None = None, series_uid: str = "") -> Exported:
    """A GSPS of ``items`` on the images whose headers are given (by SOP Instance UID),
    which share one Modality LUT and polarity (:func:`presentation_states` groups them).

    Measurements on an image not in ``headers`` are left out and counted."""
    presentation = presentation or Presentation()
    items = [m for m in items if m.complete]
    kept = [m for m in items if m.sop_instance_uid in headers]
    referenced = {m.sop_instance_uid for m in kept} | set(presentation.windows)
    referenced &= set(headers)
    if not referenced:
        raise PresentationStateError("There is nothing to save: no measurement or window "
                                     "on an image of this study.")
    ordered = sorted(referenced)
    first = headers[ordered[0]]
    now = now or datetime.now()
    ds = Dataset()
    ds.SpecificCharacterSet = "ISO_IR 192"
    ds.SOPClassUID = GSPS_SOP_CLASS
    ds.SOPInstanceUID = new_uid(uid_root)
    ds.InstanceCreationDate = ds.PresentationCreationDate = now.strftime("%Y%m%d")
    ds.InstanceCreationTime = ds.PresentationCreationTime = now.strftime("%H%M%S")
    _copy_patient_study(ds, first)
    ds.Modality = "PR"
    ds.SeriesInstanceUID = series_uid or new_uid(uid_root)
    ds.SeriesNumber = SERIES_NUMBER
    ds.SeriesDescription = "Annotations"
    ds.Manufacturer = MANUFACTURER
    ds.InstanceNumber = instance_number
    ds.ContentLabel = label
    ds.ContentDescription = description or "Measurements and annotations"
    ds.ContentCreatorName = PersonName(creator)

    by_series: dict[str, list[str]] = {}
    for uid in ordered:
        by_series.setdefault(str(headers[uid].SeriesInstanceUID), []).append(uid)
    ds.ReferencedSeriesSequence = Sequence()
    for series_uid, uids in by_series.items():
        series = Dataset()
        series.SeriesInstanceUID = series_uid
        series.ReferencedImageSequence = Sequence(
            [_reference(headers[uid], None) for uid in uids])
        ds.ReferencedSeriesSequence.append(series)

    ds.DisplayedAreaSelectionSequence = Sequence()
    for uid in ordered:
        area = Dataset()
        area.ReferencedImageSequence = Sequence([_reference(headers[uid], None)])
        area.DisplayedAreaTopLeftHandCorner = [1, 1]
        area.DisplayedAreaBottomRightHandCorner = [int(headers[uid].Columns),
                                                   int(headers[uid].Rows)]
        area.PresentationSizeMode = "SCALE TO FIT"
        area.PresentationPixelAspectRatio = [1, 1]
        ds.DisplayedAreaSelectionSequence.append(area)

    layers_used = [tool for tool in LAYERS if any(m.tool is tool for m in kept)]
    if kept:
        ds.GraphicAnnotationSequence = Sequence()
        for item in kept:
            annotation = Dataset()
            annotation.ReferencedImageSequence = Sequence(
                [_reference(headers[item.sop_instance_uid], item.frame)])
            annotation.GraphicLayer = LAYERS[item.tool][0]
            text = _text(item)
            if text is not None:
                annotation.TextObjectSequence = Sequence([text])
            graphics = _graphics(item)
            if graphics:
                annotation.GraphicObjectSequence = Sequence(graphics)
            ds.GraphicAnnotationSequence.append(annotation)
        ds.GraphicLayerSequence = Sequence()
        for order, tool in enumerate(layers_used, start=1):
            layer = Dataset()
            layer.GraphicLayer, layer.GraphicLayerDescription = LAYERS[tool]
            layer.GraphicLayerOrder = order
            ds.GraphicLayerSequence.append(layer)

    rotation, flip = dicom_spatial(presentation.rotation, presentation.flip_horizontal,
                                   presentation.flip_vertical)
    ds.ImageRotation = rotation
    ds.ImageHorizontalFlip = "Y" if flip else "N"

    if "RescaleSlope" in first and "RescaleIntercept" in first:
        ds.RescaleIntercept = first.RescaleIntercept
        ds.RescaleSlope = first.RescaleSlope
        ds.RescaleType = str(first.get("RescaleType", "") or
                             ("HU" if first.get("Modality") == "CT" else "US"))
    windows: dict[tuple[float, float, str], list[str]] = {}
    for uid in ordered:
        window = presentation.windows.get(uid)
        if window is not None:
            windows.setdefault((round(window.center, 3), round(max(window.width, 1.0), 3),
                                window.function.value), []).append(uid)
    if windows:
        ds.SoftcopyVOILUTSequence = Sequence()
        for (center, width, function), uids in windows.items():
            voi = Dataset()
            voi.ReferencedImageSequence = Sequence(
                [_reference(headers[uid], None) for uid in uids])
            voi.WindowCenter = center
            voi.WindowWidth = width
            if function != VoiFunction.LINEAR.value:
                voi.VOILUTFunction = function
            ds.SoftcopyVOILUTSequence.append(voi)
    monochrome1 = str(first.get("PhotometricInterpretation", "")) == "MONOCHROME1"
    ds.PresentationLUTShape = "INVERSE" if monochrome1 != presentation.inverted else "IDENTITY"
    return Exported(ds, len(kept), len(items) - len(kept))


def _grayscale(header: Dataset) -> bool:
    return str(header.get("PhotometricInterpretation", "")).startswith("MONOCHROME")


def _lut_key(header: Dataset) -> tuple[str, str, str, bool]:
    """What one state must share: its Modality LUT and the images' polarity."""
    return (str(header.get("RescaleSlope", "")), str(header.get("RescaleIntercept", "")),
            str(header.get("RescaleType", "")),
            str(header.get("PhotometricInterpretation", "")) == "MONOCHROME1")


def presentation_states(items: Iterable[Measurement], headers: Mapping[str, Dataset],
                        presentation: Presentation | None = None, *, creator: str = "",
                        uid_root: str = "2.25", now: datetime | None = None
                        ) -> StateSet:
    """GSPS of ``items`` on the images of ``headers``: one state per group of grayscale
    images sharing a Modality LUT and polarity (a CT series and its radiographs do not),
    all in one series. Marks on colour images are counted and left out (a grayscale
    state cannot hold them); so are marks on images not given."""
    presentation = presentation or Presentation()
    items = [m for m in items if m.complete]
    colour = sum(1 for m in items if m.sop_instance_uid in headers
                 and not _grayscale(headers[m.sop_instance_uid]))
    unknown = sum(1 for m in items if m.sop_instance_uid not in headers)
    groups: dict[tuple[str, str, str, bool], dict[str, Dataset]] = {}
    for uid, header in sorted(headers.items()):
        if _grayscale(header):
            groups.setdefault(_lut_key(header), {})[uid] = header
    wanted = {m.sop_instance_uid for m in items} | set(presentation.windows)
    groups = {key: group for key, group in groups.items() if wanted & set(group)}
    if not groups:
        raise PresentationStateError("There is nothing to save: no measurement or window "
                                     "on a grayscale image of this study.")
    series_uid, now = new_uid(uid_root), now or datetime.now()
    states = [presentation_state(
        [m for m in items if m.sop_instance_uid in group], group,
        replace(presentation, windows={uid: w for uid, w in presentation.windows.items()
                                       if uid in group}),
        creator=creator, instance_number=number, uid_root=uid_root, now=now,
        series_uid=series_uid) for number, group in enumerate(groups.values(), start=1)]
    return StateSet([e.dataset for e in states], sum(e.annotations for e in states),
                    unknown, colour)


def write_presentation_state(path: Path, ds: Dataset) -> Path:
    """Write ``ds`` as a DICOM file (Part 10, explicit VR little endian)."""
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = ds.SOPClassUID
    meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    meta.ImplementationClassUID = PYDICOM_IMPLEMENTATION_UID
    ds.file_meta = meta
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    ds.save_as(temporary, enforce_file_format=True)
    temporary.replace(path)
    return path


def is_presentation_state(ds: Dataset) -> bool:
    return str(ds.get("SOPClassUID", "")) == GSPS_SOP_CLASS
