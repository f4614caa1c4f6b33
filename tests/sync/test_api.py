"""The center's sync API: mutual TLS, identity from the certificate, validation."""

from __future__ import annotations

import ssl
import time
import uuid
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from sqlalchemy import select

from sync.conftest import Consortium
from tiered_workstation.security import pki
from tiered_workstation.security.tls import client_context
from tiered_workstation.storage.messaging import AuditEvent
from tiered_workstation.sync.client import SyncClient, SyncRejected, SyncUnavailable


def registration(accession: str = "CM012611280001", site: str = "CM01") -> dict:
    return {
        "message_id": str(uuid.uuid4()), "at": "2026-11-28T01:00:00+00:00",
        "actor": {"username": "tech", "name": "王技师", "role": "technician", "site": site},
        "exam": {"accession_number": accession, "study_instance_uid": "2.25.42",
                 "procedure_code": "DXCHEST2", "procedure_description": "DR 胸部正侧位",
                 "modality": "DX", "body_part": "CHEST", "reading_mode": "center-full",
                 "patient": {"consortium_id": str(uuid.uuid4()), "name": "张三",
                             "name_phonetic": "Zhang^San", "sex": "M",
                             "birth_date": "1960-05-01"}}}


def test_the_site_is_the_certificate(consortium: Consortium) -> None:
    client = consortium.client_for("CM01")
    assert client.health() == {"site": "CH01", "name": "CH01", "you": "CM01"}


def test_clients_without_a_valid_consortium_certificate_are_refused(
        consortium: Consortium) -> None:
    url = consortium.url
    # no client certificate at all
    trust_only = httpx.Client(verify=ssl.create_default_context(
        cafile=str(consortium.ca_dir / pki.CA_CERT)))
    with pytest.raises(httpx.HTTPError):
        trust_only.get(f"{url}/v1/health")
    # a certificate from another CA
    rogue_ca = consortium.root / "rogue"
    pki.init_ca(rogue_ca, "Rogue CA")
    rogue = pki.issue_site(rogue_ca, "CM01", consortium.root / "rogue-cm01")
    with pytest.raises(SyncUnavailable, match=r"certificate|reached"):
        SyncClient(url, context=client_context(rogue.certificate, rogue.private_key,
                                               consortium.ca_dir / pki.CA_CERT)).health()
    # an expired consortium certificate
    old = pki.issue_site(consortium.ca_dir, "CM02", consortium.root / "old",
                         now=datetime.now(UTC) - timedelta(days=30), days=10)
    with pytest.raises(SyncUnavailable):
        SyncClient(url, context=client_context(old.certificate, old.private_key,
                                               consortium.ca_dir / pki.CA_CERT)).health()
    # each refusal is in the center's audit trail with the address and the reason
    reasons: list[str] = []
    for _ in range(100):  # the loop records them just after the client gives up
        with consortium.center.database.session() as session:
            rows = session.scalars(select(AuditEvent).where(
                AuditEvent.action == "sync.tls_refused").order_by(AuditEvent.id)).all()
            reasons = [r.detail["detail"] for r in rows]
            addresses = [r.object_id for r in rows]
        if len(reasons) >= 3:
            break
        time.sleep(0.05)
    assert len(reasons) == 3, reasons
    assert all(a.startswith("127.0.0.1:") for a in addresses)
    assert "no certificate" in reasons[0]
    assert "not signed by the consortium CA" in reasons[1]
    assert "expired" in reasons[2]


def test_a_revoked_certificate_is_refused_after_restart(consortium: Consortium) -> None:
    context = consortium.context_for("CM07")
    assert SyncClient(consortium.url, context=context).health()["you"] == "CM07"
    pki.revoke_site(consortium.ca_dir, "CM07")
    center_tls = consortium.center.settings.dicom.tls
    center_tls.crl.write_bytes((consortium.ca_dir / pki.CRL).read_bytes())
    consortium.center.sync.stop()
    consortium.center.sync.start()
    with pytest.raises(SyncUnavailable):
        SyncClient(consortium.url, context=context).health()
    assert consortium.client_for("CM01").health()["you"] == "CM01"  # others still served


def test_bad_payload_names_the_field(consortium: Consortium) -> None:
    client = consortium.client_for("CM01")
    body = registration()
    body["exam"]["patient"]["national_id"] = "12345"
    with pytest.raises(SyncRejected) as refused:
        client.post("/v1/registrations", body)
    assert refused.value.status == 422
    assert "exam.patient.national_id" in refused.value.detail
    body = registration()
    del body["exam"]["study_instance_uid"]
    with pytest.raises(SyncRejected, match=r"exam\.study_instance_uid: Field required"):
        client.post("/v1/registrations", body)


def test_registration_applied_once_and_only_for_the_callers_site(
        consortium: Consortium) -> None:
    client = consortium.client_for("CM01")
    body = registration()
    assert client.post("/v1/registrations", body)["status"] == "applied"
    assert client.post("/v1/registrations", body)["status"] == "duplicate"  # replayed
    with pytest.raises(SyncRejected, match="cannot register for site CM09"):
        client.post("/v1/registrations", registration("CM092611280001", site="CM09"))
    other = consortium.client_for("CM02")
    move = {"message_id": str(uuid.uuid4()), "action": "schedule", "to_state": "scheduled",
            "at": "2026-11-28T01:01:00+00:00",
            "actor": {"username": "x", "role": "technician", "site": "CM02"}}
    with pytest.raises(SyncRejected, match="belongs to site CM01"):
        other.post("/v1/exams/CM012611280001/transitions", move)
    with consortium.center.database.session() as session:
        from sqlalchemy import func, select

        from tiered_workstation.storage.exams import Exam

        exams = session.scalars(select(Exam)).all()
        assert [(e.accession_number, e.site_code, e.state.value, e.patient.name)
                for e in exams] == [("CM012611280001", "CM01", "registered", "张三")]
        refused = session.scalar(select(func.count()).select_from(AuditEvent).where(
            AuditEvent.action.like("sync.%"), AuditEvent.outcome == "refused"))
        assert refused == 2


def test_openapi_is_published(consortium: Consortium) -> None:
    client = consortium.client_for("CM01")
    spec = client._request("GET", "/v1/openapi.json")
    assert {"/v1/registrations", "/v1/feed", "/v1/patients/lookup",
            "/v1/exams/{accession}/preliminary-report",
            "/v1/exams/{accession}/print-ack"} <= set(spec["paths"])


def test_registration_carries_the_record_number_and_the_request_to_the_center(
        consortium: Consortium) -> None:
    """The center answers Q/R and shows the board with the number the community's
    images carry (issued by the community), and knows the request."""
    body = registration("CM012611280002")
    body["exam"].update(patient_source="inpatient", requesting_department="呼吸内科",
                        referring_physician="王医生", admission_id="ZY0815")
    body["exam"]["patient"]["record_number"] = "CM012026000457"
    body["exam"]["study_instance_uid"] = "2.25.43"
    client = consortium.client_for("CM01")
    assert client.post("/v1/registrations", body)["status"] == "applied"
    assert client.post("/v1/registrations", registration())["status"] == "applied"  # none
    with consortium.center.database.session() as session:
        from tiered_workstation.storage.exams import Exam

        exams = {e.accession_number: e for e in session.scalars(select(Exam)).unique()}
        inpatient = exams["CM012611280002"]
        assert inpatient.patient.identifier_at("CM01") == "CM012026000457"
        assert (inpatient.patient_source.value, inpatient.requesting_department,
                inpatient.admission_id) == ("inpatient", "呼吸内科", "ZY0815")
        assert exams["CM012611280001"].patient.identifier_at("CM01") is None
