"""`tiered-ws demo`: the whole loop on this machine, two sites, real network.

A consortium CA issues certificates for a center (CH01) and a community
(CM01); both sites get fresh data folders and start their nodes on loopback
(DICOM, DICOM TLS, the center's HTTPS sync API).  Then, through the same use
cases the desks use: the community technician registers 张三 (center-full,
with a requisition scan; two weeks of cough, three days of fever) and 王芳
(community-prelim; a week of dry cough, pneumonia to rule out; see cases.py);
a simulated DR takes the worklist, sends MPPS and a chest PA and a lateral
series, dated by its clock in the site's time zone; the community forwards
them compressed over DICOM TLS until the center commits them; the center's
triage assigns; reports are written, reviewed and signed; the community's
auto-print writes each PDF.  Nothing is scripted in time: the timelines are
what happened, read back from both databases.
"""

from __future__ import annotations

import io
import shutil
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import timedelta
from pathlib import Path

from pydicom import dcmread
from sqlalchemy import select

from ..app.bootstrap import Services, open_site
from ..app.site_setup import InitRequest, add_site, init_site
from ..app.study_files import exam_image_files
from ..app.timeline import tat_lines, timeline_lines
from ..config import DEFAULT_CONFIG_NAME, SiteMode
from ..dicom.scu import Target
from ..registration.identity import OrderInput
from ..registration.service import register_exam
from ..review.signoff import sign_report
from ..review.submit import submit_preliminary
from ..security import pki
from ..simulator.modality import ModalitySimulator, SimulatorOptions
from ..storage.base import utcnow
from ..storage.enums import ExamState, Role
from ..storage.exams import Exam
from ..storage.reports import Assignment
from ..storage.sites import User
from ..viewer.key_image import key_image_png
from ..workflow.accounts import actor_for, add_user
from ..workflow.actors import Actor
from ..workflow.handwriting import READING_ROLES, enroll_handwriting
from ..workflow.signing import enroll_signer
from ..workflow.transitions import Action
from .cases import CASES, DemoCase
from .credentials import DEMO_PASSWORD
from .signatures import signature_scan
from .sites import CENTER, CENTER_NAME, COMMUNITY, COMMUNITY_NAME
from .teaching import Recorder, teach

MARKER = ".tiered-demo"
STEP_TIMEOUT_S = 120.0

CENTER_USERS = (
    ("admin", "系统管理员", (Role.ADMIN,), ()),
    ("triage.ch01", "赵分诊", (Role.TRIAGE, Role.ATTENDING), ("chest",)),
    ("att.chest", "陈主治", (Role.ATTENDING,), ("chest",)),
    ("rev.chest", "刘主任", (Role.REVIEWER,), ("chest",)),
)
COMMUNITY_USERS = (
    ("tech.cm01", "李技师", (Role.TECHNICIAN,), ()),
    ("dr.cm01", "王医生", (Role.COMMUNITY_DOCTOR,), ()),
)
CHEST = OrderInput("DXCHEST2", "DR 胸部正侧位", "DX", "CHEST", scheduled_station_ae="DR01")


@dataclass(frozen=True)
class LoopResult:
    center_config: Path
    community_config: Path
    accessions: tuple[str, ...]
    pdfs: tuple[Path, ...]
    machine_seconds: float


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def is_demo_folder(folder: Path) -> bool:
    """True when ``folder`` holds an earlier demo that the next run may replace."""
    return (folder / MARKER).exists()


def fresh_demo_folder(folder: Path) -> None:
    """Start from an empty demo folder; refuse to delete anything that is not ours."""
    if folder.exists():
        if any(folder.iterdir()) and not is_demo_folder(folder):
            raise FileExistsError(f"{folder} exists and is not a demo folder; choose another "
                                  "--data-dir.")
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    (folder / MARKER).write_text("created by tiered-ws demo; deleted by the next run\n")


def _relative_to(path: Path, folder: Path) -> str:
    """``path`` as site.toml should hold it: relative to the site's own folder."""
    return str(path.relative_to(folder)) if path.is_relative_to(folder) else str(path)


def create_sites(root: Path, database_url: str | None = None) -> tuple[Path, Path]:
    """CA, certificates and the two sites' configuration and databases."""
    center, communities = create_consortium(
        root, ((COMMUNITY, COMMUNITY_NAME),), database_url)
    return center, communities[0]


def create_consortium(root: Path, communities: tuple[tuple[str, str], ...],
                      database_url: str | None = None) -> tuple[Path, list[Path]]:
    """CA, certificates, configuration and databases of the center and ``communities``
    (code, name) on loopback; returns the site.toml paths.

    Every path written into a site.toml is relative to that file's folder (or
    absolute), so the sites work from any working folder and can be moved."""
    root = root.expanduser().absolute()
    fresh_demo_folder(root)
    ca = root / "consortium-ca"
    pki.init_ca(ca)
    api = _free_port()
    ports = {code: (_free_port(), _free_port()) for code in (CENTER, *(c for c, _ in communities))}
    sites = ((CENTER, "center", CENTER_NAME),
             *((code, "community", name) for code, name in communities))
    configs = []
    for code, mode, name in sites:
        folder = root / code.lower()
        tls = pki.issue_site(ca, code, folder / "tls")
        tls_table = {"port": ports[code][1],
                     "certificate": _relative_to(tls.certificate, folder),
                     "private_key": _relative_to(tls.private_key, folder),
                     "ca_certificates": _relative_to(tls.ca_certificate, folder),
                     "crl": _relative_to(tls.crl, folder)}
        if mode == "center":
            peers = [{"ae_title": f"{c}_PACS", "host": "127.0.0.1", "port": ports[c][1],
                      "kind": "node", "site": c, "tls": True} for c, _ in communities]
            extra: dict[str, object] = {"peers": peers, "dicom": {"tls": tls_table}}
        else:
            peers = [{"ae_title": f"{CENTER}_PACS", "host": "127.0.0.1",
                      "port": ports[CENTER][1], "kind": "node", "site": CENTER, "tls": True},
                     {"ae_title": "DR01", "host": "127.0.0.1", "port": 104,
                      "kind": "modality", "charset": "GB18030"}]
            extra = {"peers": peers, "dicom": {"tls": tls_table},
                     "sync": {"center_url": f"https://127.0.0.1:{api}",
                              "retry_max_seconds": 5},
                     "forward": {"settle_seconds": 1}}
        _, config = init_site(InitRequest(
            mode=mode, site_code=code, data_dir=folder, name=name,
            center=CENTER if mode == "community" else None,
            dicom_port=ports[code][0], api_port=api,
            database_url=database_url if code == CENTER else None, extra=extra))
        configs.append(config)
    return configs[0], configs[1:]


def _add_people(services: Services, users: tuple, out: Callable[[str], None]) -> None:
    site = services.settings.site.code
    admin = Actor.system(site, "demo-setup")
    with services.database.transaction() as session:
        if site == CENTER:
            add_site(session, COMMUNITY, COMMUNITY_NAME, SiteMode.COMMUNITY, CENTER)
        for username, name, roles, groups in users:
            add_user(session, admin, username=username, display_name=name,
                     password=DEMO_PASSWORD, roles=roles, site_code=site, groups=groups)
            if any(role in READING_ROLES for role in roles):  # a scan of their signature
                enroll_handwriting(session, admin, username, signature_scan(name))
    out(f"  {site} users (password {DEMO_PASSWORD}): " + ", ".join(
        f"{u} ({'/'.join(r.value for r in roles)})" for u, _, roles, _ in users))


def _enroll_signers(center: Services, ca: Path, out: Callable[[str], None]) -> None:
    admin = Actor.system(CENTER, "demo-setup")
    reviewers = [u for u, _, roles, _ in CENTER_USERS if Role.REVIEWER in roles]
    with center.database.transaction() as session:
        for username in reviewers:
            enroll_signer(session, admin, username, DEMO_PASSWORD, ca)
    out(f"  signing keys (Ed25519, certified by the consortium CA): {', '.join(reviewers)}")


def _actor(services: Services, username: str, role: Role) -> Actor:
    with services.database.session() as session:
        user = session.scalar(select(User).where(User.username == username))
        assert user is not None
        return actor_for(user, role)


def _state(services: Services, accession: str) -> ExamState | None:
    with services.database.session() as session:
        exam = session.scalar(select(Exam).where(Exam.accession_number == accession))
        return exam.state if exam is not None else None


def _wait(what: str, services: Services, accession: str, state: ExamState) -> None:
    deadline = time.monotonic() + STEP_TIMEOUT_S
    while time.monotonic() < deadline:
        if _state(services, accession) is state:
            return
        time.sleep(0.05)
    raise TimeoutError(f"Demo stopped: {what} did not happen within {STEP_TIMEOUT_S:.0f} s "
                       f"(exam {accession} is '{_state(services, accession)}' at "
                       f"{services.settings.site.code}).")


def _requisition_scan() -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("L", (1240, 1754), 250)  # A4 at 150 dpi
    draw = ImageDraw.Draw(image)
    draw.rectangle((80, 80, 1160, 1674), outline=40, width=4)
    for y in range(260, 1500, 70):
        draw.line((140, y, 1100, y), fill=170, width=2)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=80)
    return buffer.getvalue()


def run_loop_demo(root: Path, out: Callable[[str], None], *, image_size: int = 3000,
                  database_url: str | None = None, teaching: bool = False,
                  record: Recorder | None = None) -> LoopResult:
    """The loop; with ``teaching``, then a teaching case, its lesson (``record``: the
    desktop's recorder) and the community learning from it offline (``teaching.py``)."""
    started = time.monotonic()
    root = root.expanduser().absolute()
    if is_demo_folder(root):
        out(f"Replacing the previous demo in {root} (its sites, images and prints).")
    else:
        out(f"Creating the demo in {root}.")
    center_config, community_config = create_sites(root, database_url)
    center = open_site(center_config)
    community = open_site(community_config)
    try:
        out(f"Tiered Workstation demo: center {CENTER} and community {COMMUNITY} on this "
            f"machine, in {root}")
        _add_people(center, CENTER_USERS, out)
        _add_people(community, COMMUNITY_USERS, out)
        _enroll_signers(center, root / "consortium-ca", out)
        center.start(long_poll_seconds=1)
        community.start(long_poll_seconds=1)
        c, m = center.settings, community.settings
        out(f"  center:    DICOM {c.dicom.ae_title}@127.0.0.1:{c.dicom.port} (TLS "
            f"{c.dicom.tls.port}), sync API https://127.0.0.1:{c.api.port}/v1")
        out(f"  community: DICOM {m.dicom.ae_title}@127.0.0.1:{m.dicom.port} (TLS "
            f"{m.dicom.tls.port}), forwarding to CH01_PACS over TLS, {m.forward.compression}")
        accessions = _walk(center, community, out, image_size)
        pdfs = tuple(community.printer.printed) if community.printer else ()
        machine = time.monotonic() - started
        _report(center, community, accessions, pdfs, machine, out)
        if teaching:
            teach(center, community, accessions, out,
                  _actor(center, "rev.chest", Role.REVIEWER),
                  _actor(community, "dr.cm01", Role.COMMUNITY_DOCTOR), record)
        return LoopResult(center_config, community_config, accessions, pdfs, machine)
    finally:
        community.close()
        center.close()


def _walk(center: Services, community: Services, out: Callable[[str], None],
          image_size: int) -> tuple[str, ...]:
    tech = _actor(community, "tech.cm01", Role.TECHNICIAN)
    doctor = _actor(community, "dr.cm01", Role.COMMUNITY_DOCTOR)
    triage = _actor(center, "triage.ch01", Role.TRIAGE)
    attending = _actor(center, "att.chest", Role.ATTENDING)
    reviewer = _actor(center, "rev.chest", Role.REVIEWER)

    zhang_case, wang_case = CASES
    out("\n1. The community registers two patients (张三 with a scanned request form).")
    with community.database.transaction() as session:
        zhang, _ = register_exam(session, community.workflow, community.registration, tech,
                                 zhang_case.patient, _order(zhang_case),
                                 requisitions=[("申请单.jpg", _requisition_scan())],
                                 store=community.requisitions)
        wang, _ = register_exam(session, community.workflow, community.registration, tech,
                                wang_case.patient, _order(wang_case))
        first, second = zhang.accession_number, wang.accession_number
    for accession, case in ((first, zhang_case), (second, wang_case)):
        out(f"   {accession} {case.patient.name} ({case.mode.value}): {case.clinical_info}")

    out("2. The DR (simulated) takes its worklist, sends MPPS, a chest PA and a lateral series.")
    node = community.settings.dicom
    target = Target(node.ae_title, "127.0.0.1", node.port)
    simulator = ModalitySimulator(SimulatorOptions(worklist=target, store=target,
                                                   calling_ae="DR01", size=image_size,
                                                   timezone=community.settings.site.tz))
    for result in simulator.run_once():
        out(f"   {result.accession_number} {result.patient_name}: {result.images_sent} "
            f"images, MPPS {'completed' if result.completed else result.problem}")

    out("3. The community forwards them (JPEG-LS over DICOM TLS) until the center commits.")
    for accession in (first, second):
        _wait("forwarding", center, accession, ExamState.TRANSFERRED)
    out("4. The center's triage assigns both to the chest group.")
    for accession in (first, second):
        with center.database.transaction() as session:
            exam = _exam(session, accession)
            session.add(Assignment(exam_id=exam.id, group_code="chest",
                                   assignee_username="rev.chest",
                                   assigned_by=triage.username, reason="DX chest → chest"))
            center.workflow.apply(session, exam, Action.ASSIGN, triage, note="chest group")

    out(f"5. 张三: the attending writes the preliminary report at the center "
        f"({zhang_case.impression}).")
    with center.database.transaction() as session:
        submit_preliminary(session, center.workflow, _exam(session, first), attending,
                           findings=zhang_case.findings, impression=zhang_case.impression,
                           sealer=center.sync.sealer)
    _review_and_sign(center, first, reviewer, zhang_case)

    out(f"6. 王芳: the community doctor writes the preliminary report at the community "
        f"({wang_case.impression}).")
    _wait("the assignment reaching the community", community, second, ExamState.ASSIGNED)
    with community.database.transaction() as session:
        submit_preliminary(session, community.workflow, _exam(session, second), doctor,
                           findings=wang_case.findings, impression=wang_case.impression,
                           sealer=community.sync.sealer)
    _wait("the community's report reaching the center", center, second,
          ExamState.PRELIMINARY)
    _review_and_sign(center, second, reviewer, wang_case)

    out("7. The reviewer signed both; the community prints them unattended.")
    for case in CASES:
        out(f"   {case.patient.name}: {case.final_impression}")
    for accession in (first, second):
        _wait("the print acknowledgement", center, accession, ExamState.PRINTED)
    return first, second


def _order(case: DemoCase) -> OrderInput:
    return replace(CHEST, clinical_info=case.clinical_info, reading_mode=case.mode,
                   patient_source=case.source, requesting_department=case.department,
                   referring_physician=case.doctor, admission_id=case.admission_id)


def _review_and_sign(center: Services, accession: str, reviewer: Actor,
                     case: DemoCase) -> None:
    images = [(case.key_image, key_image_png(_pa_film(center, accession)))] \
        if case.key_image else []
    with center.database.transaction() as session:
        sign_report(session, center.workflow, _exam(session, accession), reviewer,
                    password=DEMO_PASSWORD, findings=case.final_findings,
                    impression=case.final_impression, comment="审核修改", images=images,
                    grade=case.grade)


def _pa_film(center: Services, accession: str) -> Path:
    files = exam_image_files(center, accession_number=accession)
    for path in files:
        if str(dcmread(path, stop_before_pixels=True).get("ViewPosition", "")) == "PA":
            return path
    return files[0]


def _exam(session, accession: str) -> Exam:
    exam = session.scalar(select(Exam).where(Exam.accession_number == accession))
    assert exam is not None
    return exam


def _report(center: Services, community: Services, accessions: tuple[str, ...],
            pdfs: tuple[Path, ...], machine: float, out: Callable[[str], None]) -> None:
    tz = community.settings.site.tz
    target = timedelta(minutes=community.settings.workflow.tat_target_minutes)
    for accession in accessions:
        with community.database.session() as session:
            exam = _exam(session, accession)
            out(f"\nExam {accession} {exam.patient.name} {exam.procedure_description} "
                f"({exam.reading_mode.value}), timeline at {COMMUNITY} ({tz.key}):")
            for line in timeline_lines(exam, tz):
                out(line)
            lines, _ = tat_lines(exam, target, utcnow())
            for line in lines:
                out(line)
        assert _state(center, accession) is ExamState.PRINTED
    out(f"\nBoth sites agree: {', '.join(accessions)} are 'printed' at {CENTER} and "
        f"{COMMUNITY}.")
    out(f"Whole loop, machine time (no human think-time): {machine:.1f} s")
    out("Printed reports (PDF):")
    for pdf in pdfs:
        out(f"  {pdf}")
    out(f"Data: center {center.settings.data_dir}, community {community.settings.data_dir}")
    out(f"Look around: tiered-ws --config {community.settings.data_dir / DEFAULT_CONFIG_NAME} "
        f"exam show {accessions[0]}")
