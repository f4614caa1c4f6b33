"""C-GET and C-MOVE of an instance in every transfer syntax the node accepts, asked for
by dcmtk's getscu and movescu and by pynetdicom, each offering only an uncompressed
syntax and again offering the stored one.

As stored when the stored syntax is accepted (byte for byte the archived dataset),
else decompressed to what was offered (the same pixel values pydicom decodes from
the archived file)."""

from __future__ import annotations

import os
import subprocess
import warnings
from pathlib import Path

import numpy as np
import pytest
from pydicom import dcmread
from pydicom.dataset import Dataset
from pydicom.uid import UID, ExplicitVRLittleEndian, JPEGLSNearLossless
from pynetdicom import AE, _config, build_role, evt
from pynetdicom.sop_class import StudyRootQueryRetrieveInformationModelGet

from dicom.conftest import AE as NODE_AE
from dicom.conftest import RunningNode
from tiered_workstation.dicom.synth import Demographics, dx_dataset
from tiered_workstation.workflow.identifiers import new_uid

TEST_FILES = Path(__import__("pydicom").__file__).parent / "data" / "test_files"
# dcmtk's flag that makes getscu/movescu offer (prefer) each syntax
PREFER = {
    "1.2.840.10008.1.2": "+xi", "1.2.840.10008.1.2.1": "+xe", "1.2.840.10008.1.2.2": "+xb",
    "1.2.840.10008.1.2.1.99": "+xd", "1.2.840.10008.1.2.4.50": "+xy",
    "1.2.840.10008.1.2.4.51": "+xx", "1.2.840.10008.1.2.4.70": "+xs",
    "1.2.840.10008.1.2.4.80": "+xt", "1.2.840.10008.1.2.4.81": "+xu",
    "1.2.840.10008.1.2.4.90": "+xv", "1.2.840.10008.1.2.4.91": "+xw",
    "1.2.840.10008.1.2.5": "+xr",
}


def _one_per_syntax(folder: Path) -> dict[str, Path]:
    """A small image from pydicom's test files for each syntax, one that pydicom itself
    decodes (the reference for the pixel values).  Several of them are one instance in
    several syntaxes: a copy of such a file gets a SOP Instance UID of its own."""
    chosen: dict[str, Path] = {}
    seen: set[str] = set()
    for path in sorted(TEST_FILES.glob("*.dcm"), key=lambda p: (p.stat().st_size, p.name)):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                ds = dcmread(path)
                syntax = str(ds.file_meta.TransferSyntaxUID)
                if (syntax not in PREFER or syntax in chosen or "PixelData" not in ds
                        or not all(k in ds for k in ("SOPInstanceUID", "StudyInstanceUID",
                                                     "SeriesInstanceUID"))
                        or int(ds.get("NumberOfFrames", 1) or 1) > 1
                        or ds.file_meta.get("MediaStorageSOPInstanceUID") != ds.SOPInstanceUID):
                    continue
                ds.pixel_array  # noqa: B018 - must decode
        except Exception:
            continue
        if ds.SOPInstanceUID in seen:
            ds = dcmread(path)
            ds.SOPInstanceUID = ds.file_meta.MediaStorageSOPInstanceUID = new_uid()
            path = folder / path.name
            ds.save_as(path, enforce_file_format=True)
        chosen[syntax] = path
        seen.add(str(ds.SOPInstanceUID))
    return chosen


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """pydicom's files, and a synthetic image for a syntax they have no whole study of
    (JPEG-LS near-lossless, written by pyjpegls)."""
    folder = tmp_path_factory.mktemp("corpus")
    chosen = _one_per_syntax(folder)
    if JPEGLSNearLossless not in chosen:
        ds = dx_dataset(Demographics(), size=64)
        ds.BitsStored, ds.HighBit = 12, 11
        ds.compress(JPEGLSNearLossless, jls_error=2)
        path = folder / "jls-near.dcm"
        ds.save_as(path, enforce_file_format=True)
        chosen[JPEGLSNearLossless] = path
    assert set(chosen) == set(PREFER), sorted(set(PREFER) - set(chosen))
    return chosen


@pytest.fixture
def stored(node: RunningNode, corpus: dict[str, Path]) -> dict[str, Dataset]:
    """Every corpus file sent as its bytes are; syntax → the archived dataset."""
    previous = _config.STORE_SEND_CHUNKED_DATASET
    _config.STORE_SEND_CHUNKED_DATASET = True
    try:
        for syntax, path in corpus.items():
            ae = AE(ae_title="PYSCU")
            ae.add_requested_context(dcmread(path, stop_before_pixels=True).SOPClassUID,
                                     syntax)
            assoc = ae.associate("127.0.0.1", node.port, ae_title=NODE_AE)
            assert assoc.is_established
            status = assoc.send_c_store(path)
            assoc.release()
            assert status.Status == 0, (path.name, hex(status.Status))
    finally:
        _config.STORE_SEND_CHUNKED_DATASET = previous
    archive = node.services.archive
    out = {}
    for syntax, path in corpus.items():
        ds = dcmread(path)
        files = list(archive.root.rglob(f"{ds.SOPInstanceUID}*.dcm"))
        assert len(files) == 1, path.name
        out[syntax] = dcmread(files[0])
    return out


def _pixels(ds: Dataset) -> np.ndarray:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return ds.pixel_array


def _pynetdicom_get(node: RunningNode, ds: Dataset, offered: str) -> tuple[Dataset, str]:
    received: list[tuple[Dataset, str]] = []

    def on_store(event: evt.Event) -> int:
        got = event.dataset
        got.file_meta = event.file_meta
        received.append((got, str(event.context.transfer_syntax)))
        return 0x0000

    ae = AE(ae_title="GETSCU")
    ae.add_requested_context(StudyRootQueryRetrieveInformationModelGet)
    ae.add_requested_context(ds.SOPClassUID, offered)
    assoc = ae.associate("127.0.0.1", node.port, ae_title=NODE_AE,
                         ext_neg=[build_role(ds.SOPClassUID, scp_role=True)],
                         evt_handlers=[(evt.EVT_C_STORE, on_store)])
    assert assoc.is_established
    query = Dataset()
    query.QueryRetrieveLevel = "IMAGE"
    query.StudyInstanceUID = ds.StudyInstanceUID
    query.SeriesInstanceUID = ds.SeriesInstanceUID
    query.SOPInstanceUID = ds.SOPInstanceUID
    try:
        statuses = [s.Status for s, _ in assoc.send_c_get(
            query, StudyRootQueryRetrieveInformationModelGet) if s]
    finally:
        assoc.release()
    assert statuses[-1] == 0x0000, [hex(s) for s in statuses]
    assert len(received) == 1
    return received[0]


def test_pynetdicom_get_offering_the_stored_syntax_gets_the_archived_dataset(
        node: RunningNode, stored: dict[str, Dataset]) -> None:
    for syntax, archived in stored.items():
        got, used = _pynetdicom_get(node, archived, syntax)
        assert used == syntax
        assert got == archived, UID(syntax).name  # every element, pixel data's bytes too


def test_pynetdicom_get_offering_only_explicit_little_gets_the_same_pixels(
        node: RunningNode, stored: dict[str, Dataset]) -> None:
    for syntax, archived in stored.items():
        got, used = _pynetdicom_get(node, archived, ExplicitVRLittleEndian)
        assert used == ExplicitVRLittleEndian
        got.file_meta.TransferSyntaxUID = ExplicitVRLittleEndian
        # pydicom decodes YBR JPEG as RGB, and the decompressed copy says RGB
        assert np.array_equal(_pixels(got), _pixels(archived)), UID(syntax).name
        assert got.SOPInstanceUID == archived.SOPInstanceUID, UID(syntax).name
        assert str(got.PatientName) == str(archived.PatientName)


def _dcmtk(node: RunningNode, tool: str, flag: str, archived: Dataset, out: Path,
           *extra: str) -> subprocess.CompletedProcess[str]:
    out.mkdir()
    return node.run(tool, "-S", *extra, flag, *node.target(), "-od", str(out),
                    "-k", "QueryRetrieveLevel=IMAGE",
                    "-k", f"StudyInstanceUID={archived.StudyInstanceUID}",
                    "-k", f"SeriesInstanceUID={archived.SeriesInstanceUID}",
                    "-k", f"SOPInstanceUID={archived.SOPInstanceUID}", timeout=120)


@pytest.mark.parametrize("tool", ["getscu", "movescu"])
def test_dcmtk_retrieves_every_syntax_uncompressed_and_as_stored(
        node: RunningNode, stored: dict[str, Dataset], tool: str) -> None:
    if tool == "getscu":
        extra: tuple[str, ...] = ("-aet", "GETSCU")
    else:  # movescu receives the sub-operations itself, as the registered MOVEDEST
        extra = ("-aet", "MOVESCU", "-aem", "MOVEDEST", "--port", str(node.dest_port))
    failures = []
    for syntax, archived in stored.items():
        for label, flag in (("uncompressed", "+xe"), ("stored", PREFER[syntax])):
            out = node.workdir / f"{tool}-{UID(syntax).keyword}-{label}"
            result = _dcmtk(node, tool, flag, archived, out, *extra)
            files = list(out.iterdir())
            if result.returncode != 0 or len(files) != 1 or "Failed" in result.stderr:
                failures.append((UID(syntax).name, label, result.returncode, len(files),
                                 result.stderr[-300:]))
                continue
            got = dcmread(files[0])
            assert got.SOPInstanceUID == archived.SOPInstanceUID, UID(syntax).name
            if label == "stored" or not UID(syntax).is_compressed:
                assert got.PixelData == archived.PixelData or \
                    np.array_equal(_pixels(got), _pixels(archived)), UID(syntax).name
            else:
                assert not UID(got.file_meta.TransferSyntaxUID).is_compressed
    assert failures == [], os.linesep.join(map(str, failures))
