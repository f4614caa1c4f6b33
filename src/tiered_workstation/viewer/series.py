"""What the user opened — files, folders, a DICOMDIR — as series of sorted images, and
CT/MR series as volumes in patient space for MPR and 3D."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from pydicom import dcmread
from pydicom.dataset import Dataset
from pydicom.errors import InvalidDicomError
from pydicom.fileset import FileSet

from .frames import DecodedImage, load
from .gsps import GSPS_SOP_CLASS

LOGGER = logging.getLogger(__name__)
VOLUME_MODALITIES = frozenset({"CT", "MR", "PT", "NM"})


@dataclass(frozen=True)
class InstanceRef:
    path: Path
    sop_instance_uid: str
    instance_number: int | None
    position: tuple[float, float, float] | None
    orientation: tuple[float, ...] | None
    rows: int
    columns: int
    frames: int
    view_position: str = ""   # PA, AP, LL… for radiographs


@dataclass
class Series:
    series_instance_uid: str
    study_instance_uid: str
    modality: str
    description: str
    number: int | None
    instances: list[InstanceRef] = field(default_factory=list)
    body_part: str = ""

    @property
    def image_count(self) -> int:
        return sum(i.frames for i in self.instances)


@dataclass
class Opened:
    """The series found, and how many files were not images we can show."""

    series: list[Series]
    skipped: int = 0
    presentation_states: list[Path] = field(default_factory=list)  # GSPS files among them


def expand(paths: Iterable[str | Path]) -> list[Path]:
    """Files to read: folders recursively, a DICOMDIR by the files it references."""
    files: list[Path] = []
    for item in (Path(p) for p in paths):
        if item.is_dir():
            dicomdir = item / "DICOMDIR"
            files.extend(_dicomdir_files(dicomdir) if dicomdir.is_file() else
                         sorted(p for p in item.rglob("*") if p.is_file()))
        elif item.name.upper() == "DICOMDIR":
            files.extend(_dicomdir_files(item))
        elif item.is_file():
            files.append(item)
    return files


def _dicomdir_files(path: Path) -> list[Path]:
    fileset = FileSet(dcmread(path))
    return [Path(instance.path) for instance in fileset]


def _int(value: object) -> int | None:
    try:
        return int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return None


def _floats(value: object, count: int) -> tuple[float, ...] | None:
    try:
        numbers = tuple(float(v) for v in value)  # type: ignore[union-attr]
    except (TypeError, ValueError):
        return None
    return numbers if len(numbers) == count else None


def open_paths(paths: Iterable[str | Path]) -> Opened:
    """Read the headers (no pixel data) of everything under ``paths``, grouped by series."""
    by_uid: dict[str, Series] = {}
    skipped = 0
    presentation_states: list[Path] = []
    for path in expand(paths):
        try:
            ds = dcmread(path, stop_before_pixels=True)
        except (InvalidDicomError, OSError, EOFError, ValueError):
            skipped += 1
            continue
        if str(ds.get("SOPClassUID", "")) == GSPS_SOP_CLASS:
            presentation_states.append(path)  # a reader's marks on these images
            continue
        if "Rows" not in ds or "SeriesInstanceUID" not in ds:
            skipped += 1  # reports, other presentation states, DICOMDIRs: not images
            continue
        uid = str(ds.SeriesInstanceUID)
        series = by_uid.get(uid)
        if series is None:
            series = by_uid[uid] = Series(uid, str(ds.get("StudyInstanceUID", "")),
                                          str(ds.get("Modality", "")),
                                          str(ds.get("SeriesDescription", "")),
                                          _int(ds.get("SeriesNumber")),
                                          body_part=str(ds.get("BodyPartExamined", "")))
        position = _floats(ds.get("ImagePositionPatient"), 3)
        series.instances.append(InstanceRef(
            path, str(ds.get("SOPInstanceUID", "")), _int(ds.get("InstanceNumber")),
            position,  # type: ignore[arg-type]
            _floats(ds.get("ImageOrientationPatient"), 6), int(ds.Rows), int(ds.Columns),
            _int(ds.get("NumberOfFrames")) or 1, str(ds.get("ViewPosition", "") or "")))
    for series in by_uid.values():
        series.instances = sort_instances(series.instances)
    ordered = sorted(by_uid.values(), key=lambda s: (s.number is None, s.number or 0,
                                                     s.description))
    if skipped:
        LOGGER.info("opened %d series; %d file(s) were not images", len(ordered), skipped)
    return Opened(ordered, skipped, presentation_states)


def slice_normal(orientation: tuple[float, ...]) -> np.ndarray:
    row, column = np.array(orientation[:3]), np.array(orientation[3:])
    return np.cross(row, column)


def sort_instances(instances: list[InstanceRef]) -> list[InstanceRef]:
    """Slices in reading order when they share an orientation — head first for axial
    slices (descending along the slice normal, which points to the head, the
    patient's left or back) — otherwise by Instance Number (then file name)."""
    orientations = {i.orientation for i in instances}
    if (len(instances) > 1 and len(orientations) == 1 and None not in orientations
            and all(i.position is not None for i in instances)):
        normal = slice_normal(next(iter(orientations)))  # type: ignore[arg-type]
        return sorted(instances, key=lambda i: -float(np.dot(normal, i.position)))
    return sorted(instances, key=lambda i: (i.instance_number is None,
                                            i.instance_number or 0, i.path.name))


@dataclass
class Volume:
    """Voxels (slice, row, column) in output units, placed in patient space."""

    voxels: np.ndarray
    spacing: tuple[float, float, float]   # mm between slices, rows, columns
    origin: tuple[float, float, float]    # patient position of the first voxel
    row_direction: tuple[float, float, float]
    column_direction: tuple[float, float, float]
    normal: tuple[float, float, float]
    uniform: bool                         # all slice gaps equal (within 1 %)


class VolumeError(ValueError):
    """The series cannot be stacked into a volume; the message says why."""


def assemble_volume(images: list[DecodedImage]) -> Volume:
    """Stack sorted single-frame slices of one orientation into a volume.

    Values are rescaled to output units (Hounsfield for CT); int16 is kept
    when the rescale is integral, which halves the memory of float32.
    """
    if len(images) < 2:
        raise VolumeError("A volume needs at least two slices.")
    headers = [image.header for image in images]
    orientations = {_floats(h.get("ImageOrientationPatient"), 6) for h in headers}
    if len(orientations) != 1 or None in orientations:
        raise VolumeError("The slices do not share one orientation (a localiser or a "
                          "mixed series), so they cannot be stacked.")
    orientation = next(iter(orientations))
    assert orientation is not None
    shapes = {image.frames.shape[1:] for image in images}
    if len(shapes) != 1 or images[0].colour:
        raise VolumeError("The slices differ in size or are colour images.")
    positions = []
    for header in headers:
        position = _floats(header.get("ImagePositionPatient"), 3)
        if position is None:
            raise VolumeError("A slice has no Image Position (Patient).")
        positions.append(np.array(position))
    normal = slice_normal(orientation)
    distances = np.array([float(np.dot(normal, p)) for p in positions])
    order = np.argsort(distances)
    gaps = np.diff(distances[order])
    if np.any(gaps <= 1e-6):
        raise VolumeError("Two slices lie at the same position (a repeated or multi-phase "
                          "series).")
    step = float(np.median(gaps))
    uniform = bool(np.all(np.abs(gaps - step) <= 0.01 * step))
    spacing_rc = _floats(headers[0].get("PixelSpacing"), 2) or (1.0, 1.0)
    models = [images[i].model for i in order]
    integral = all(float(m.slope).is_integer() and float(m.intercept).is_integer()
                   and m.modality_lut is None for m in models)
    dtype = np.int16 if integral and images[0].frames.dtype.itemsize <= 2 else np.float32
    voxels = np.empty((len(images), *images[0].frames.shape[1:]), dtype=dtype)
    for k, index in enumerate(order):
        image = images[index]
        rescaled = image.model.rescale(image.frames[0])
        voxels[k] = np.clip(rescaled, -32768, 32767) if dtype == np.int16 else rescaled
    first = positions[order[0]]
    return Volume(voxels, (step, spacing_rc[0], spacing_rc[1]),
                  (float(first[0]), float(first[1]), float(first[2])),
                  tuple(orientation[:3]), tuple(orientation[3:]),  # type: ignore[arg-type]
                  (float(normal[0]), float(normal[1]), float(normal[2])), uniform)


def load_stack(paths: list[Path]) -> DecodedImage:
    """The sorted single-frame files of one series as one image of many frames (a CT
    stack to scroll); a multi-frame file is returned as it is."""
    images = [load(p) for p in paths]
    if len(images) == 1:
        return images[0]
    shapes = {image.frames.shape[1:] for image in images}
    dtypes = {image.frames.dtype for image in images}
    if len(shapes) != 1 or len(dtypes) != 1:
        raise VolumeError("The images of this series differ in size; open them one by one.")
    models = {(image.model.slope, image.model.intercept) for image in images}
    frames = np.concatenate([image.frames for image in images])
    sources = tuple((str(image.header.get("SOPInstanceUID", "")), n)
                    for image in images for n in range(image.frame_count))
    positions = slice_positions([image.header for image in images]) \
        if len(images) == len(sources) else ()
    if len(models) != 1:  # per-slice rescale: keep output units in float32 instead
        frames = np.concatenate([image.model.rescale(image.frames).astype(np.float32)
                                 for image in images])
        first = images[0]
        return DecodedImage(first.header, frames, dataclasses.replace(
            first.model, slope=1.0, intercept=0.0), sources, positions)
    return DecodedImage(images[0].header, frames, images[0].model, sources, positions)


def slice_positions(headers: list[Dataset]) -> tuple[float, ...]:
    """Each slice's place along the common slice normal (mm); () when the slices do
    not all say where they are or do not share an orientation."""
    orientations = {_floats(h.get("ImageOrientationPatient"), 6) for h in headers}
    places = [_floats(h.get("ImagePositionPatient"), 3) for h in headers]
    if len(orientations) != 1 or None in orientations or any(p is None for p in places):
        return ()
    normal = slice_normal(next(iter(orientations)))  # type: ignore[arg-type]
    return tuple(float(np.dot(normal, place)) for place in places)


def volume_of(paths: list[Path]) -> tuple[Volume, DecodedImage]:
    """Read a series' slices and stack them into a volume; also the first slice (its
    header and windows describe the series)."""
    images = [load(p) for p in paths]
    return assemble_volume(images), images[0]
