"""Files this site made or fetched itself, archived and indexed as if a device had
sent them: a reader's presentation state, a prior fetched from the center by C-GET.
"""

from __future__ import annotations

import logging
from pathlib import Path

from pydicom import dcmread

from ..dicom.indexer import InstanceHeader, index_instance, latest_version
from ..storage.archive import file_sha256
from .bootstrap import Services

LOGGER = logging.getLogger(__name__)


def archive_file(services: Services, path: Path, *, source_ae: str = "",
                 sop_class: str = "") -> Path:
    """Archive and index the DICOM file at ``path`` (a copy; the file stays); returns
    the archived path. An instance already here is not archived twice. No exam moves:
    these are not an acquisition. With ``sop_class``, a file of another kind is refused
    (ValueError)."""
    ds = dcmread(path, stop_before_pixels=True)
    if sop_class and str(ds.get("SOPClassUID", "")) != sop_class:
        raise ValueError(f"{path.name} is not of the expected kind ({sop_class})")
    header = InstanceHeader.from_dataset(ds, str(ds.file_meta.TransferSyntaxUID))
    archive = services.archive
    relative = archive.relative_path(header.study_instance_uid, header.series_instance_uid,
                                     header.sop_instance_uid)
    with services.database.transaction() as session:
        existing = latest_version(session, header.sop_instance_uid)
        if existing is not None:
            return archive.absolute(existing.path)
        target = archive.write_bytes(path.read_bytes(), relative)
        index_instance(session, header, path=relative.as_posix(), size=target.stat().st_size,
                       sha256=file_sha256(target), version=1,
                       source_ae=source_ae or services.settings.dicom.ae_title,
                       issuer=services.settings.site.code)
    return target
