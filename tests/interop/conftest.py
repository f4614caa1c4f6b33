"""The node driven only through other people's software (dcmtk, Orthanc, pynetdicom).

The running node and its registered peers are the DICOM tests' own fixture.
"""

from __future__ import annotations

from dicom.conftest import node  # noqa: F401 - the fixture, shared with tests/dicom
