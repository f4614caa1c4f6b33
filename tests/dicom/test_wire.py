"""Answers encoded by ``wire`` equal what pydicom writes for the same dataset."""

from __future__ import annotations

from datetime import UTC, date, datetime
from io import BytesIO
from zoneinfo import ZoneInfo

import pytest
from pynetdicom.dsutils import decode, encode

from tiered_workstation.dicom.wire import ElementEncoder, command_set
from tiered_workstation.dicom.worklist_answers import (
    ALL_STEP,
    ALL_TOP,
    answer_elements,
    build_answer,
)
from tiered_workstation.dicom.worklist_rows import WorklistRow
from tiered_workstation.storage.enums import Priority, Sex

TZ = ZoneInfo("Asia/Shanghai")
ROW = WorklistRow("CH012611280001", "2.25.123456789", "DXCHEST2", "DR 胸部正侧位", "DX",
                  "CHEST", Priority.URGENT, "DR01", datetime(2026, 11, 28, 1, 5, tzinfo=UTC),
                  datetime(2026, 11, 28, 1, 0, tzinfo=UTC), "", "066Y", "欧阳娜娜", "Ouyang^Nana",
                  Sex.FEMALE, date(1960, 5, 1), "c0ffee", "P123")


@pytest.mark.filterwarnings("ignore:Failed to encode value:UserWarning")  # Chinese in latin-1
@pytest.mark.parametrize("implicit", [True, False])
@pytest.mark.parametrize(("charset", "phonetic"), [
    ("GB18030", False), ("ISO_IR 192", True), ("GBK", False),
    ("\\ISO 2022 IR 58", True), ("ISO_IR 100", False)])
def test_wire_bytes_equal_pydicom_bytes(charset: str, phonetic: bool, implicit: bool) -> None:
    elements = answer_elements(ROW, TZ, "CM01", ALL_TOP, ALL_STEP, charset=charset,
                               phonetic_names=phonetic)
    ours = ElementEncoder(explicit_vr=not implicit, charset=charset).dataset(elements)
    reference = build_answer(ROW, TZ, "CM01", ALL_TOP, ALL_STEP, charset=charset,
                             phonetic_names=phonetic)
    assert ours == encode(reference, implicit, True)
    back = decode(BytesIO(ours), implicit, True)
    if charset != "ISO_IR 100":
        assert "娜娜" in str(back.PatientName)
    assert back.ScheduledProcedureStepSequence[0].ScheduledProcedureStepStartTime == "090500"


def test_command_set_decodes_with_its_group_length() -> None:
    data = command_set([(0x00000100, "US", 0x8020), (0x00000120, "US", 7),
                        (0x00000002, "UI", "1.2.840.10008.5.1.4.31"),
                        (0x00000900, "US", 0xFF00), (0x00000800, "US", 0)])
    ds = decode(BytesIO(data), True, True)
    assert ds.CommandGroupLength == len(data) - 12
    assert (ds.CommandField, ds.MessageIDBeingRespondedTo, ds.Status) == (0x8020, 7, 0xFF00)
    assert ds.AffectedSOPClassUID == "1.2.840.10008.5.1.4.31"
