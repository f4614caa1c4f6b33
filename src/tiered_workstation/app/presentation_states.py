"""A reader's saved presentation state (GSPS) kept with the study's images.

The viewer writes the state as a DICOM file; here it is archived and indexed
like an instance received from a device, so it opens with the study on this
site, and at a community the forwarder sends it to the center with the next
instances of the study (a community doctor's marks reach the center's reader).
"""

from __future__ import annotations

import logging
from pathlib import Path

from pydicom import dcmread

from ..dicom.indexer import InstanceHeader, index_instance, latest_version
from ..storage.archive import file_sha256
from ..viewer.gsps import is_presentation_state
from .bootstrap import Services

LOGGER = logging.getLogger(__name__)


def archive_presentation_state(services: Services, path: Path) -> Path:
    """Archive and index the state file at ``path``; returns its archived path."""
    ds = dcmread(path, stop_before_pixels=True)
    if not is_presentation_state(ds):
        raise ValueError(f"{path.name} is not a presentation state")
    header = InstanceHeader.from_dataset(ds, str(ds.file_meta.TransferSyntaxUID))
    archive = services.archive
    relative = archive.relative_path(header.study_instance_uid, header.series_instance_uid,
                                     header.sop_instance_uid)
    with services.database.transaction() as session:
        if latest_version(session, header.sop_instance_uid) is not None:
            return archive.absolute(relative)   # saved once already
        target = archive.write_bytes(path.read_bytes(), relative)
        index_instance(session, header, path=relative.as_posix(), size=target.stat().st_size,
                       sha256=file_sha256(target), version=1,
                       source_ae=services.settings.dicom.ae_title,
                       issuer=services.settings.site.code)   # no workflow: not an image
    LOGGER.info("presentation state %s of study %s archived", header.sop_instance_uid,
                header.study_instance_uid)
    return target
