"""A reader's saved presentation state (GSPS) kept with the study's images.

The viewer writes the state as a DICOM file; here it is archived and indexed
like an instance received from a device, so it opens with the study on this
site, and at a community the forwarder sends it to the center with the next
instances of the study (a community doctor's marks reach the center's reader).
"""

from __future__ import annotations

import logging
from pathlib import Path

from ..viewer.gsps import GSPS_SOP_CLASS
from .bootstrap import Services
from .local_archive import archive_file

LOGGER = logging.getLogger(__name__)


def archive_presentation_state(services: Services, path: Path) -> Path:
    """Archive and index the state file at ``path``; returns its archived path."""
    archived = archive_file(services, path, sop_class=GSPS_SOP_CLASS)
    LOGGER.info("presentation state %s archived as %s", path.name, archived)
    return archived
