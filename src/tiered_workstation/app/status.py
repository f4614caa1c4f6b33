"""What `tiered-ws status` reports: the site, its exams by state, its services."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from .. import __version__
from ..config import SiteMode
from ..storage.enums import ExamState
from ..storage.exams import Exam
from ..storage.forwarding import ForwardJob
from ..storage.messaging import OutboxMessage
from ..storage.migrate import current_revision, head_revision
from ..storage.sites import ProgramVersion, User
from .bootstrap import Services
from .ports import is_listening


@dataclass(frozen=True)
class ServiceStatus:
    name: str
    address: str
    listening: bool
    kind: str = ""  # dicom | dicom_tls | sync_api


@dataclass(frozen=True)
class SiteStatus:
    schema_revision: str | None
    schema_head: str | None
    exams_by_state: dict[ExamState, int]
    outbox_waiting: dict[str, int]
    user_count: int
    services: tuple[ServiceStatus, ...]
    outbox_last_error: str = ""
    forward_pending: int = 0
    forward_last_error: str = ""
    # (version, schema it found, its backup) of every version that opened the database
    versions: tuple[tuple[str, str | None, str | None], ...] = ()


def collect_status(services: Services) -> SiteStatus:
    settings = services.settings
    with services.database.session() as session:
        counts = dict(session.execute(select(Exam.state, func.count()).group_by(Exam.state)).all())
        waiting = dict(session.execute(
            select(OutboxMessage.destination_site, func.count())
            .where(OutboxMessage.delivered_at.is_(None))
            .group_by(OutboxMessage.destination_site)).all())
        users = session.scalar(select(func.count()).select_from(User)) or 0
        outbox_error = session.scalar(select(OutboxMessage.last_error).where(
            OutboxMessage.delivered_at.is_(None), OutboxMessage.last_error != "")
            .order_by(OutboxMessage.id).limit(1)) or ""
        forward_pending = session.scalar(select(func.count()).select_from(ForwardJob).where(
            ForwardJob.state == "pending")) or 0
        forward_error = session.scalar(select(ForwardJob.last_error).where(
            ForwardJob.state == "pending", ForwardJob.last_error != "")
            .order_by(ForwardJob.id).limit(1)) or ""
        versions = tuple((v, found, backup) for v, found, backup in session.execute(
            select(ProgramVersion.version, ProgramVersion.schema_found,
                   ProgramVersion.backup_path).order_by(ProgramVersion.first_started_at)))
    dicom, api = settings.dicom, settings.api
    # A node running in this process is asked directly; a TCP probe would leave
    # it an association thread waiting for a request that never comes.
    local = services.node.is_running

    # Only the plain DICOM port is probed: a bare connection to a mutual-TLS port is
    # what an attacker's scan looks like, and the node logs it as a refused handshake.
    # The TLS port and the API are served by the same node, so they share its state.
    node_up = local or is_listening(dicom.bind_address, dicom.port)
    probes = [ServiceStatus(f"DICOM node {dicom.ae_title}", f"{dicom.bind_address}:{dicom.port}",
                            node_up, "dicom")]
    if dicom.tls is not None and dicom.tls.port:
        probes.append(ServiceStatus("DICOM TLS (mutual)", f"{dicom.bind_address}:{dicom.tls.port}",
                                    node_up, "dicom_tls"))
    if settings.site.mode is SiteMode.CENTER:
        probes.append(ServiceStatus("Sync API (HTTPS)", f"{api.bind_address}:{api.port}",
                                    services.sync.api is not None if local else node_up,
                                    "sync_api"))
    return SiteStatus(
        schema_revision=current_revision(services.database), schema_head=head_revision(),
        exams_by_state={state: counts.get(state, 0) for state in ExamState},
        outbox_waiting=waiting, user_count=users, services=tuple(probes),
        outbox_last_error=outbox_error, forward_pending=forward_pending,
        forward_last_error=forward_error, versions=versions)


def format_status(services: Services, status: SiteStatus) -> str:
    settings = services.settings
    site = settings.site
    schema_note = "up to date" if status.schema_revision == status.schema_head \
        else f"needs `tiered-ws db upgrade` to {status.schema_head}"
    lines = [
        f"Site      {site.code} — {site.name} ({site.mode.value}"
        + (f", center {site.center})" if site.center else ")"),
        f"Config    {settings.source or '(in memory)'}",
        f"Database  {services.database.url.render_as_string(hide_password=True)}",
        f"          schema {status.schema_revision or '(empty)'}, {schema_note}",
        f"Archive   {settings.archive_dir}",
        f"Users     {status.user_count}",
        f"Program   tiered-ws {__version__}" + _history(status.versions),
        "",
        "Exams by state",
    ]
    total = sum(status.exams_by_state.values())
    lines += [f"  {state.value:<16}{count:>6}" for state, count in status.exams_by_state.items()]
    lines += [f"  {'total':<16}{total:>6}", "", "Services"]
    for service in status.services:
        state = "listening" if service.listening else "not running"
        lines.append(f"  {service.name:<28}{service.address:<22}{state}")
    lines += ["", "Outbox (messages not yet delivered)"]
    if status.outbox_waiting:
        lines += [f"  to {dest:<8}{n:>6}" for dest, n in sorted(status.outbox_waiting.items())]
    else:
        lines.append("  empty")
    if status.outbox_last_error:
        lines.append(f"  last error: {status.outbox_last_error}")
    if site.mode is SiteMode.COMMUNITY:
        lines += ["", f"Images waiting to be forwarded: {status.forward_pending} stud"
                      f"{'y' if status.forward_pending == 1 else 'ies'}"]
        if status.forward_last_error:
            lines.append(f"  last error: {status.forward_last_error}")
    if settings.peers:
        lines += ["", "Peers"]
        lines += [f"  {p.ae_title:<16}{p.host}:{p.port}  {p.kind.value}"
                  + ("  TLS" if p.tls else "") for p in settings.peers]
    return "\n".join(lines)


def _history(versions: tuple[tuple[str, str | None, str | None], ...]) -> str:
    """Earlier versions that opened the database, and the last upgrade's backup."""
    earlier = [v for v, _, _ in versions if v != __version__]
    text = f"; before it {', '.join(earlier)}" if earlier else ""
    upgrades = [(v, found, backup) for v, found, backup in versions if backup]
    if upgrades:
        version, found, backup = upgrades[-1]
        text += f"\n          {version} upgraded the schema from {found}; backup {backup}"
    return text
