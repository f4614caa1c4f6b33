"""Which events alert which desk, quiet hours, and the spoken sentence."""

from __future__ import annotations

from datetime import UTC, datetime, time

from tiered_workstation.app.alerts import (
    Alert,
    AlertKind,
    alert_kind_for,
    in_quiet_hours,
    spoken_text,
)
from tiered_workstation.config import AlertSettings, SiteMode, SiteSettings

CENTER = SiteSettings(code="CH01", name="中心", mode=SiteMode.CENTER, center=None)
COMMUNITY = SiteSettings(code="CM01", name="社区一", mode=SiteMode.COMMUNITY, center="CH01")


def payload(site: str, to_state: str) -> dict[str, object]:
    return {"exam_id": 1, "site_code": site, "to_state": to_state,
            "at": datetime.now(UTC).isoformat()}


def test_the_center_hears_of_community_exams_ready_to_read() -> None:
    assert alert_kind_for(CENTER, True, payload("CM01", "transferred")) is AlertKind.NEW_EXAM
    assert alert_kind_for(CENTER, True, payload("CH01", "transferred")) is None  # its own
    assert alert_kind_for(CENTER, True, payload("CM01", "registered")) is None


def test_a_community_hears_of_its_signed_reports() -> None:
    assert alert_kind_for(COMMUNITY, False, payload("CM01", "final")) is \
        AlertKind.REPORT_RETURNED
    assert alert_kind_for(COMMUNITY, False, payload("CM02", "final")) is None
    assert alert_kind_for(COMMUNITY, False, payload("CM01", "transferred")) is None


def test_quiet_hours_may_span_midnight() -> None:
    night = AlertSettings(quiet_start="22:00", quiet_end="07:00")
    assert in_quiet_hours(night, time(23, 30))
    assert in_quiet_hours(night, time(6, 59))
    assert not in_quiet_hours(night, time(7, 0))
    lunch = AlertSettings(quiet_start="12:00", quiet_end="13:30")
    assert in_quiet_hours(lunch, time(12, 45))
    assert not in_quiet_hours(lunch, time(14, 0))
    assert not in_quiet_hours(AlertSettings(), time(3, 0))


def test_spoken_sentence_names_patient_exam_and_site() -> None:
    alert = Alert(AlertKind.NEW_EXAM, 1, "CM0126112800001", "张三", "DR 胸部正侧位", "CM01",
                  "社区一", urgent=False)
    assert spoken_text(alert) == "新检查：张三，胸部正侧位，社区一"
    urgent = Alert(AlertKind.REPORT_RETURNED, 1, "A", "李四", "CT 头颅平扫", "CM01", "社区一",
                   urgent=True)
    assert spoken_text(urgent) == "急诊报告已返回：李四，头颅平扫"
