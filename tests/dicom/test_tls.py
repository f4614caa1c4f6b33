"""DICOM TLS with mutual authentication, against dcmtk echoscu +tls."""

from __future__ import annotations

import shutil
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pydicom.dataset import Dataset
from pydicom.uid import JPEGLSLossless
from sqlalchemy import select

from dicom.conftest import AE, PEERS, free_port
from support import add_scheduled_exams
from tiered_workstation.app.bootstrap import Services, bootstrap
from tiered_workstation.app.site_setup import ensure_site_rows
from tiered_workstation.config import ConfigError, parse_settings
from tiered_workstation.dicom.scu import DicomConnectionError, Target, echo
from tiered_workstation.dicom.scu_transfer import query_worklist, store_files
from tiered_workstation.dicom.synth import Demographics, dx_dataset
from tiered_workstation.security.tls import client_context
from tiered_workstation.storage.imaging import Instance
from tiered_workstation.storage.messaging import AuditEvent
from tls_certs import CertificateAuthority


def start_tls_node(tmp_path: Path, template: Path, tls: dict[str, str]) -> tuple[Services, int]:
    """A center node with a TLS port using the PEM files in ``tls``."""
    port, tls_port = free_port(), free_port()
    data = tmp_path / "site"
    data.mkdir()
    shutil.copy(template, data / "tiered.db")
    settings = parse_settings({
        "schema_version": 1, "site": {"code": "CH01", "mode": "center"},
        "dicom": {"ae_title": AE, "port": port, "tls": {"port": tls_port, **tls}},
        "peers": PEERS}, base_dir=data)
    services = bootstrap(settings)
    with services.database.transaction() as session:
        ensure_site_rows(session, settings)
    services.node.start()
    return services, tls_port


@pytest.fixture
def tls_node(tmp_path: Path,
             migrated_template: Path) -> Iterator[tuple[Services, int, CertificateAuthority]]:
    pki = tmp_path / "pki"
    pki.mkdir()
    ca = CertificateAuthority(pki, "consortium-ca")
    site = ca.issue("ch01")
    services, tls_port = start_tls_node(tmp_path, migrated_template, {
        "certificate": str(site.certificate), "private_key": str(site.private_key),
        "ca_certificates": str(ca.ca)})
    try:
        yield services, tls_port, ca
    finally:
        services.close()


def dcmtk_echo(port: int, *tls: str, calling: str = "ECHOSCU") -> int:
    import subprocess

    return subprocess.run(["echoscu", *tls, "-aet", calling, "-aec", AE, "127.0.0.1",
                           str(port)], capture_output=True, timeout=30).returncode


def test_mutual_tls_accepts_consortium_certificates_only(tls_node) -> None:
    services, port, authority = tls_node
    ca = authority.ca
    client = authority.issue("cm01")
    assert dcmtk_echo(port, "+tls", str(client.private_key), str(client.certificate),
                      "+cf", str(ca)) == 0
    rogue = CertificateAuthority(authority.folder, "rogue-ca").issue("intruder")
    assert dcmtk_echo(port, "+tls", str(rogue.private_key), str(rogue.certificate),
                      "+cf", str(ca)) != 0
    assert dcmtk_echo(port, "+tla", "+cf", str(ca)) != 0  # no client certificate
    assert dcmtk_echo(port, "+tls", str(client.private_key), str(client.certificate),
                      "+cf", str(ca), calling="INTRUDER") != 0  # unknown AE, right cert
    assert dcmtk_echo(port) != 0  # plain DICOM on the TLS port

    def refused() -> list[str]:
        with services.database.session() as session:
            return [e.detail["reason"] for e in session.scalars(select(AuditEvent).where(
                AuditEvent.action == "dicom.tls.refused").order_by(AuditEvent.id))]
    deadline = time.monotonic() + 10  # the last refusal is audited as echoscu gives up
    while len(refused()) < 3 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert refused() == [
        "the peer's certificate is not signed by the consortium CA",
        "the peer sent no certificate (mutual TLS requires one)",
        "the peer does not speak TLS on this port (plain DICOM on the TLS port?)"]


def test_silent_connection_does_not_hold_up_the_tls_port(tls_node) -> None:
    """A client that connects and never starts the handshake must not block others
    (pynetdicom handshakes on its accept thread)."""
    _, port, authority = tls_node
    client = authority.issue("cm01")
    with socket.create_connection(("127.0.0.1", port)):
        assert dcmtk_echo(port, "+tls", str(client.private_key), str(client.certificate),
                          "+cf", str(authority.ca)) == 0


def test_our_scu_over_tls(tls_node) -> None:
    _, port, authority = tls_node
    client = authority.issue("cm01")
    context = client_context(client.certificate, client.private_key, authority.ca)
    assert echo(Target(AE, "127.0.0.1", port), "PYSCU", tls=context) == 0
    rogue_ca = CertificateAuthority(authority.folder, "other-ca")
    wrong_trust = client_context(client.certificate, client.private_key, rogue_ca.ca)
    with pytest.raises(DicomConnectionError):
        echo(Target(AE, "127.0.0.1", port), "PYSCU", tls=wrong_trust, timeout=5)


def test_tls_port_without_files_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"dicom\.tls\.certificate"):
        parse_settings({"schema_version": 1, "site": {"code": "CH01", "mode": "center"},
                        "dicom": {"tls": {"port": 2762}}}, base_dir=tmp_path)


def test_images_travel_compressed_over_tls(tls_node, tmp_path: Path) -> None:
    services, port, authority = tls_node
    client = authority.issue("cm01")
    context = client_context(client.certificate, client.private_key, authority.ca)
    path = tmp_path / "dx.dcm"
    dx_dataset(Demographics(), size=128).save_as(path, enforce_file_format=True)
    [outcome] = store_files(Target(AE, "127.0.0.1", port), "PYSCU", [path], "jpeg-ls",
                            tls=context)
    assert outcome.ok
    assert outcome.transfer_syntax == JPEGLSLossless
    with services.database.session() as session:
        assert session.scalars(select(Instance.sop_instance_uid)).one() == \
            outcome.sop_instance_uid


def test_long_worklist_over_tls_arrives_complete(tls_node) -> None:
    """Over TLS the pre-encoded answers go through pynetdicom's DUL queue."""
    services, port, authority = tls_node
    add_scheduled_exams(services, 300)
    client = authority.issue("cm01")
    context = client_context(client.certificate, client.private_key, authority.ca)
    query = Dataset()
    query.SpecificCharacterSet = "ISO_IR 192"
    query.PatientName = ""
    query.AccessionNumber = ""
    answers = query_worklist(Target(AE, "127.0.0.1", port), "PYSCU", query, tls=context)
    assert len(answers) == 300
    assert {str(a.PatientName) for a in answers} == {f"病人{i}" for i in range(300)}


def test_expired_and_revoked_certificates_are_refused_on_dicom_tls(
        tmp_path: Path, migrated_template: Path) -> None:
    """With consortium PKI files (security/pki.py) and its CRL: an expired site
    certificate and a revoked one are refused, and the refusals say why."""
    from datetime import UTC, datetime, timedelta

    from tiered_workstation.security import pki

    ca_dir = tmp_path / "ca"
    pki.init_ca(ca_dir)
    site = pki.issue_site(ca_dir, "CH01", tmp_path / "ch01")
    expired = pki.issue_site(ca_dir, "CM02", tmp_path / "cm02",
                             now=datetime.now(UTC) - timedelta(days=40), days=30)
    revoked = pki.issue_site(ca_dir, "CM03", tmp_path / "cm03")
    good = pki.issue_site(ca_dir, "CM01", tmp_path / "cm01")
    pki.revoke_site(ca_dir, "CM03")
    shutil.copy(ca_dir / pki.CRL, site.crl)
    services, tls_port = start_tls_node(tmp_path, migrated_template, {
        "certificate": str(site.certificate), "private_key": str(site.private_key),
        "ca_certificates": str(site.ca_certificate), "crl": str(site.crl)})
    with services:
        ca = str(site.ca_certificate)
        assert dcmtk_echo(tls_port, "+tls", str(good.private_key), str(good.certificate),
                          "+cf", ca) == 0
        assert dcmtk_echo(tls_port, "+tls", str(expired.private_key),
                          str(expired.certificate), "+cf", ca) != 0
        assert dcmtk_echo(tls_port, "+tls", str(revoked.private_key),
                          str(revoked.certificate), "+cf", ca) != 0
        for _ in range(100):  # the node audits on its own thread, maybe after dcmtk gave up
            with services.database.session() as session:
                reasons = session.scalars(select(AuditEvent.detail).where(
                    AuditEvent.action == "dicom.tls.refused").order_by(AuditEvent.id)).all()
            if len(reasons) >= 2:
                break
            time.sleep(0.05)
    assert [r["reason"] for r in reasons] == ["the peer's certificate has expired",
                                              "the peer's certificate has been revoked"]
