"""Writing a commented ``site.toml`` that ``config.load_settings`` reads back."""

from __future__ import annotations

import json
from pathlib import Path

from ..config import SCHEMA_VERSION, PeerNode, Settings, SiteMode, default_database_url


def _s(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a TOML basic string


def _b(value: bool) -> str:
    return "true" if value else "false"


def _rel(path: Path, base: Path) -> str:
    try:
        return path.relative_to(base).as_posix() or "."
    except ValueError:
        return path.as_posix()


def render_site_toml(settings: Settings, config_dir: Path) -> str:
    """The configuration as a commented TOML document (paths relative to ``config_dir``)."""
    site, dicom, api, cs, wf = (settings.site, settings.dicom, settings.api, settings.charset,
                                settings.workflow)
    db_url = "" if settings.database_url == default_database_url(settings.data_dir) \
        else settings.database_url
    lines = [
        "# Tiered Workstation site configuration.",
        "# Written by `tiered-ws init`; edit with care, then run `tiered-ws status` to check.",
        f"schema_version = {SCHEMA_VERSION}",
        "",
        "[site]",
        "# Site code: 2–5 capital letters/digits; it prefixes every accession number.",
        f"code = {_s(site.code)}",
        f"name = {_s(site.name)}",
        "# center: reads, reviews and signs.  community: registers, images, prints.",
        f"mode = {_s(site.mode.value)}",
    ]
    if site.mode is SiteMode.COMMUNITY:
        lines += ["# The center hospital this community belongs to.",
                  f"center = {_s(site.center or '')}"]
    lines += [
        "# Local time zone for screens, printed reports and accession-number dates.",
        f"timezone = {_s(site.timezone)}",
        "",
        "[paths]",
        "# Relative paths are taken from this file's folder.",
        f"data_dir = {_s(_rel(settings.data_dir, config_dir))}",
        f"archive_dir = {_s(_rel(settings.archive_dir, settings.data_dir))}",
        "# Empty: an SQLite file in data_dir.  For PostgreSQL:",
        '# database_url = "postgresql+psycopg://tw@dbhost/tiered"',
        f"database_url = {_s(db_url)}",
        "",
        "[dicom]",
        "# This site's own DICOM node.",
        f"ae_title = {_s(dicom.ae_title)}",
        f"port = {dicom.port}",
        "# 127.0.0.1 accepts only this machine; 0.0.0.0 accepts the local network.",
        f"bind_address = {_s(dicom.bind_address)}",
        f"max_pdu = {dicom.max_pdu}",
        "# Simultaneous associations: in all, and from any one peer AE title.",
        f"max_associations = {dicom.max_associations}",
        f"max_associations_per_peer = {dicom.max_associations_per_peer}",
        "# Refuse new associations (devices retry) when the archive disk has less free.",
        f"min_free_mb = {dicom.min_free_mb}",
        "",
        "[dicom.tls]",
        "# This site's TLS identity from the consortium CA ('tiered-ws pki issue-site'),",
        "# used by the HTTPS sync and, when port is not 0, a DICOM TLS port (mutual",
        "# authentication).  PEM files relative to data_dir: certificate, key, the CA",
        "# whose certificates peers must present, and its revocation list.",
        *_tls_lines(settings),
        "",
        "[api]",
        "# HTTPS sync API (mutual TLS) served by a center, used by its communities.",
        f"port = {api.port}",
        f"bind_address = {_s(api.bind_address)}",
        "",
        "[sync]",
        "# A community's center (HTTPS, mutual TLS with the certificates above).",
        f"center_url = {_s(settings.sync.center_url)}",
        "# Longest wait between delivery attempts while the center is unreachable.",
        f"retry_max_seconds = {settings.sync.retry_max_seconds}",
        "",
        "[forward]",
        "# A community's images go on to the center: jpeg-ls, jpeg2000, rle or none.",
        f"compression = {_s(settings.forward.compression)}",
        "# Forward a study once no image of it arrived for this many seconds.",
        f"settle_seconds = {int(settings.forward.settle_seconds)}",
        "# Delete the local copy of images this many days after the center committed them",
        "# and the exam was printed (0 = keep them here for ever).",
        f"retention_days = {settings.forward.retention_days}",
        '# How priors come from the center: "move" (the center connects back to this node),',
        '# "get" (over this site\'s own connection, through NAT and firewalls) or "auto"',
        "# (move, then get when the center cannot connect back).",
        f"retrieve_priors = {_s(settings.forward.retrieve_priors)}",
        "",
        "[charset]",
        "# Specific Character Set used in answers (MWL, C-FIND) unless a peer says otherwise.",
        f"outgoing = {_s(cs.outgoing)}",
        "# Assumed for text from devices that send Chinese without declaring a character set.",
        f"assume_unlabelled = {_s(cs.assume_unlabelled)}",
        "",
        "[workflow]",
        "# Registration → printed report target, in minutes.",
        f"tat_target_minutes = {wf.tat_target_minutes}",
        '# "center-full" (center writes and reviews) or "community-prelim".',
        f"default_reading_mode = {_s(wf.default_reading_mode)}",
        "# Overload mode: while more than this many of a community's own exams wait for its",
        "# doctors, new exams there are read fully at the center (0 = never switch).",
        f"overload_threshold = {wf.overload_threshold}",
        "",
        "[registration]",
        "# The hospital record number (病历号) a new patient gets here, sent as Patient ID:",
        "# {site}, {yyyy}, {yy}, {mm} and one {seq:0Nd}, a sequence that restarts when the",
        "# date part changes.  A number on the requisition, typed by the clerk, is kept.",
        f"record_number = {_s(settings.registration.record_number)}",
        "",
        "[printing]",
        "# A signed report arriving at this site prints by itself, exactly once.",
        f"auto_print = {_b(settings.printing.auto_print)}",
        '# CUPS queue to print to; "" keeps the PDFs in data_dir/prints only.',
        f"printer = {_s(settings.printing.printer)}",
        '# "A4" or "A5".',
        f"paper = {_s(settings.printing.paper)}",
        "",
        "[gui]",
        "# The desktop app runs this site's node (DICOM, sync, forwarding, printing) itself;",
        "# false when a separate `tiered-ws node` service runs on this machine or a server.",
        f"embed_node = {_b(settings.gui.embed_node)}",
        '# "auto" follows the system locale (Chinese on a Chinese system), or "zh_CN" / "en".',
        f"language = {_s(settings.gui.language)}",
        "",
        "[alerts]",
        "# New community exams (center) and returned reports (community): sound, optional",
        "# speech, volume 0-100, quiet hours (\"22:00\" to \"07:00\"; banners still show).",
        f"sound = {_b(settings.alerts.sound)}",
        f"volume = {settings.alerts.volume}",
        f"speech = {_b(settings.alerts.speech)}",
        f"quiet_start = {_s(settings.alerts.quiet_start)}",
        f"quiet_end = {_s(settings.alerts.quiet_end)}",
        "# Urgent alerts repeat this often until someone acknowledges them.",
        f"repeat_urgent_seconds = {settings.alerts.repeat_urgent_seconds}",
        "",
        "[uid]",
        '# UID root for generated UIDs; "2.25" makes UUID-derived UIDs (no registration needed).',
        f"root = {_s(settings.uid_root)}",
        "",
        "# Known DICOM peers; an AE title not listed here is refused.  Example:",
        "# [[peers]]",
        '# ae_title = "DR01"          # the DR console',
        '# host = "192.168.1.20"',
        "# port = 104",
        '# kind = "modality"          # node | modality | workstation | viewer',
        "# tls = false",
        '# charset = "GB18030"        # what this device reads and writes',
        '# assume_charset = "GBK"     # only for devices that mislabel their text',
        "# phonetic_names = true      # send Zhang^San=张^三",
        "# services = [\"echo\", \"store\", \"worklist\", \"mpps\", \"commitment\"]",
        "#   (what it may use; defaults by kind: a modality cannot query or retrieve)",
    ]
    for peer in settings.peers:
        lines += ["", *_peer_lines(peer)]
    return "\n".join(lines) + "\n"


def _tls_lines(settings: Settings) -> list[str]:
    tls = settings.dicom.tls
    if tls is None:
        return ["port = 0", '# certificate = "tls/ch01.crt"', '# private_key = "tls/ch01.key"',
                '# ca_certificates = "tls/ca.crt"', '# crl = "tls/crl.pem"']
    lines = [f"port = {tls.port}",
             f"certificate = {_s(_rel(tls.certificate, settings.data_dir))}",
             f"private_key = {_s(_rel(tls.private_key, settings.data_dir))}",
             f"ca_certificates = {_s(_rel(tls.ca_certificates, settings.data_dir))}"]
    if tls.crl is not None:
        lines.append(f"crl = {_s(_rel(tls.crl, settings.data_dir))}")
    return lines


def _peer_lines(peer: PeerNode) -> list[str]:
    lines = ["[[peers]]", f"ae_title = {_s(peer.ae_title)}", f"host = {_s(peer.host)}",
             f"port = {peer.port}", f"kind = {_s(peer.kind.value)}",
             f"tls = {str(peer.tls).lower()}"]
    if peer.site:
        lines.append(f"site = {_s(peer.site)}")
    if peer.charset:
        lines.append(f"charset = {_s(peer.charset)}")
    if peer.assume_charset:
        lines.append(f"assume_charset = {_s(peer.assume_charset)}")
    if peer.phonetic_names:
        lines.append("phonetic_names = true")
    if peer.services is not None:
        lines.append(f"services = {json.dumps(sorted(peer.services))}")
    return lines
