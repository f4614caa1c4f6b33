"""The worklist's bytes for 张三 as each kind of console reads them, read back with
dcmtk's dcmdump: never a '?' for a Chinese character."""

from __future__ import annotations

import logging
import subprocess

import pytest
from pydicom import dcmread

from dicom.conftest import RunningNode
from dicom.test_worklist import PATIENTS, query_file, scheduled  # noqa: F401 - fixture

# calling AE → (bytes the PatientName must be, what dcmdump +U8 shows, label it declares)
EXPECTED = {
    "FINDSCU": ("张^三".encode("gb18030"), "张^三", "GB18030"),
    "DR_LATIN_GBK": ("张^三".encode("gbk"), None, "ISO_IR 100"),
    "DR_LATIN": (b"Zhang^San", "Zhang^San", "ISO_IR 100"),
    "DR_UTF8": ("Zhang^San=张^三".encode(), "Zhang^San=张^三", "ISO_IR 192"),
}


def _raw_name(path) -> bytes:
    ds = dcmread(path)
    return ds.get_item(0x00100010).value.rstrip(b" ")


@pytest.mark.parametrize("calling", sorted(EXPECTED))
def test_each_console_gets_bytes_it_can_show(node: RunningNode, scheduled: list[str],  # noqa: F811
                                             calling: str, caplog) -> None:
    raw, shown, label = EXPECTED[calling]
    query = query_file(node.workdir / "q.dcm", "ISO_IR 192", accession=scheduled[0])
    out = node.workdir / "out"
    out.mkdir()
    with caplog.at_level(logging.WARNING, logger="tiered_workstation.dicom.answer_text"):
        result = node.run("findscu", "-W", "-aet", calling, *node.target(), str(query), "-X",
                          "-od", str(out))
    assert result.returncode == 0, result.stderr
    [answer] = sorted(out.glob("rsp*.dcm"))
    assert _raw_name(answer) == raw
    assert b"?" not in _raw_name(answer)
    assert dcmread(answer).SpecificCharacterSet == label
    dump = subprocess.run(["dcmdump", "+U8", str(answer)], capture_output=True, text=True,
                          errors="replace", timeout=60).stdout
    line = next(line for line in dump.splitlines() if "(0010,0010)" in line)
    if shown is not None:
        assert f"[{shown}]" in line
    if calling == "DR_LATIN":  # the Chinese group cannot be written in Latin-1: said so
        assert any(scheduled[0] in r.getMessage() and "DR_LATIN" in r.getMessage()
                   for r in caplog.records)
