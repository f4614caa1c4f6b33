"""Our node and Orthanc 1.10 (Debian's package) in both directions: Orthanc stores to
us, queries us, moves from us to itself, and sends to us as its C-MOVE destination.
Datasets are compared byte for byte (after the file meta), names with pydicom's own
decoding of the original file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pydicom import dcmread
from pydicom.data import get_charset_files, get_testdata_file
from pydicom.uid import JPEGLSLossless
from pynetdicom.dsutils import split_dataset

from interop.orthanc_world import (
    NODE_AE,
    NODE_PORT,
    ORTHANC_AE,
    ORTHANC_PORT,
    World,
    missing_tools,
    orthanc_world,
)
from tiered_workstation.dicom.synth import Demographics, dx_dataset


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    missing = missing_tools()
    if missing:
        pytest.fail(f"the Orthanc interoperability tests need: {', '.join(missing)} "
                    "(./test.sh installs the Debian packages orthanc, dcmtk, curl as root)")
    with orthanc_world(tmp_path_factory.mktemp("orthanc")) as built:
        yield built


def dataset_bytes(path: Path) -> bytes:
    """The file's dataset, without the preamble and file meta that each archive writes,
    and without Data Set Trailing Padding, which Orthanc (dcmtk) drops when it sends."""
    _, offset = split_dataset(path)
    data = path.read_bytes()
    padding = dcmread(path).get_item(0xFFFCFFFC)  # a RawDataElement: it knows its place
    end = padding.value_tell - 12 if padding is not None else len(data)  # explicit VR OB
    return data[offset:end]


CHARSET = {Path(p).name: Path(p) for p in get_charset_files("chrX*.dcm")}
CT = Path(get_testdata_file("CT_small.dcm"))
# pydicom's own JPEG-LS file labels its fragments OW, which dcmtk (inside Orthanc) rewrites
# as OB when it sends: the compressed image is made here, as a console would send it


@pytest.fixture(scope="module")
def jpeg_ls(tmp_path_factory: pytest.TempPathFactory) -> Path:
    ds = dx_dataset(Demographics(patient_name="王芳", patient_phonetic="Wang^Fang",
                                 patient_id="P-JLS"), size=256, charset="GB18030")
    ds.compress(JPEGLSLossless)
    path = tmp_path_factory.mktemp("jls") / "dx-jls.dcm"
    ds.save_as(path, enforce_file_format=True)
    return path


def _upload(world: World, path: Path) -> str:
    return world.rest("POST", "/instances", raw=path.read_bytes())["ID"]


def test_orthanc_stores_to_us_byte_for_byte(world: World, jpeg_ls: Path) -> None:
    for path in (CT, jpeg_ls, CHARSET["chrX2.dcm"]):
        instance = _upload(world, path)
        job = world.rest("POST", "/modalities/tw/store",
                         {"Resources": [instance], "Synchronous": True})
        assert job.get("FailedInstancesCount", 0) == 0, job
        [ours] = world.archived(str(dcmread(path).SOPInstanceUID))
        assert dataset_bytes(ours) == dataset_bytes(path), path.name


def test_orthanc_queries_us_and_reads_names_as_pydicom_does(world: World) -> None:
    sent = world.run("storescu", "-aet", "STORESCU", "-aec", NODE_AE, "127.0.0.1",
                     str(NODE_PORT), *map(str, CHARSET.values()))
    assert sent.returncode == 0, sent.stderr
    for pattern, expected in (("王*", {"chrX1.dcm", "chrX2.dcm"}),
                              ("Wang*", {"chrX1.dcm", "chrX2.dcm"}), ("*小东", {"chrX2.dcm"})):
        query = world.rest("POST", "/modalities/tw/query",
                           {"Level": "Study", "Query": {"PatientName": pattern,
                                                        "StudyInstanceUID": ""}})
        answers = world.rest("GET", f"/queries/{query['ID']}/answers?expand&simplify")
        corpus = {str(dcmread(p).StudyInstanceUID) for p in CHARSET.values()}
        got = {a["StudyInstanceUID"]: a["PatientName"] for a in answers
               if a["StudyInstanceUID"] in corpus}  # other tests' studies are there too
        assert len(answers) >= len(got)
        want = {str(dcmread(CHARSET[n]).StudyInstanceUID): str(dcmread(CHARSET[n]).PatientName)
                for n in expected}
        assert got == want, pattern


def test_orthanc_moves_from_us_to_itself(world: World, jpeg_ls: Path) -> None:
    sent = world.run("storescu", "-xt", "-aet", "STORESCU", "-aec", NODE_AE, "127.0.0.1",
                     str(NODE_PORT), str(jpeg_ls), str(CHARSET["chrX1.dcm"]))
    assert sent.returncode == 0, sent.stderr
    for path in (jpeg_ls, CHARSET["chrX1.dcm"]):
        ds = dcmread(path)
        world.rest("POST", "/modalities/tw/move", {
            "Level": "Study", "Resources": [{"StudyInstanceUID": str(ds.StudyInstanceUID)}],
            "TargetAet": ORTHANC_AE, "Synchronous": True})
        found_ids = world.rest("POST", "/tools/find", {
            "Level": "Instance", "Query": {"SOPInstanceUID": str(ds.SOPInstanceUID)}})
        assert len(found_ids) == 1, found_ids
        found = found_ids[0]
        theirs = world.root / f"{ds.SOPInstanceUID}.dcm"
        theirs.write_bytes(world.rest("GET", f"/instances/{found}/file"))
        ours = world.archived(str(ds.SOPInstanceUID))[-1]  # the newest version is sent
        assert dataset_bytes(theirs) == dataset_bytes(ours), path.name


def test_we_are_orthancs_move_destination(world: World) -> None:
    path = Path(get_testdata_file("MR_small.dcm"))
    ds = dcmread(path)
    _upload(world, path)
    moved = world.run("movescu", "-S", "-aet", NODE_AE, "-aem", NODE_AE, "-aec", ORTHANC_AE,
                      "127.0.0.1", str(ORTHANC_PORT), "-k", "QueryRetrieveLevel=STUDY",
                      "-k", f"StudyInstanceUID={ds.StudyInstanceUID}")
    assert moved.returncode == 0, moved.stderr
    [ours] = world.archived(str(ds.SOPInstanceUID))
    assert dataset_bytes(ours) == dataset_bytes(path)
