"""The `tiered-ws` command, run as a real process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tiered_workstation import __version__
from tiered_workstation.storage.migrate import head_revision

EXE = Path(sys.executable).with_name("tiered-ws")


def tw(*args: str, stdin: str | None = None, env: dict[str, str] | None = None,
       cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(EXE), *args], input=stdin, capture_output=True, text=True,
                          timeout=120, env={**os.environ, **(env or {})}, cwd=cwd)


@pytest.fixture
def center(tmp_path: Path) -> Path:
    result = tw("init", "--mode", "center", "--site", "CH01", "--data-dir",
                str(tmp_path / "ch"), "--name", "市中心医院", "--dicom-port", "11500")
    assert result.returncode == 0, result.stderr
    return tmp_path / "ch" / "site.toml"


def test_init_writes_config_and_database(center: Path) -> None:
    text = center.read_text(encoding="utf-8")
    assert 'name = "市中心医院"' in text
    assert "port = 11500" in text
    database = center.parent / "tiered.db"
    assert database.exists()
    # the configuration and the patient database are not readable by other accounts
    assert oct(center.stat().st_mode & 0o777) == "0o640"
    assert oct(database.stat().st_mode & 0o777) == "0o640"
    assert oct(center.parent.stat().st_mode & 0o777) == "0o750"
    again = tw("init", "--mode", "center", "--site", "CH01", "--data-dir", str(center.parent))
    assert again.returncode == 1
    assert "already exists" in again.stderr


def test_status_shows_site_states_and_services(center: Path) -> None:
    result = tw("--config", str(center), "status")
    assert result.returncode == 0, result.stderr
    assert "CH01 — 市中心医院 (center)" in result.stdout
    assert f"schema {head_revision()}, up to date" in result.stdout
    assert "in_consultation" in result.stdout
    assert "127.0.0.1:11500" in result.stdout
    via_env = tw("status", env={"TW_CONFIG": str(center)})
    assert via_env.stdout == result.stdout


def test_user_add_list_verify_passwd(center: Path) -> None:
    cfg = ("--config", str(center))
    added = tw(*cfg, "user", "add", "rev.chest", "--role", "reviewer", "--role", "attending",
               "--name", "刘主任", "--group", "chest", "--password-stdin",
               stdin="Chest-Reader-9\n")
    assert added.returncode == 0, added.stderr
    listing = tw(*cfg, "user", "list").stdout
    assert "rev.chest" in listing
    assert "attending,reviewer" in listing
    assert "刘主任" in listing
    ok = tw(*cfg, "user", "verify", "rev.chest", "--password-stdin", stdin="Chest-Reader-9\n")
    assert ok.returncode == 0
    bad = tw(*cfg, "user", "verify", "rev.chest", "--password-stdin", stdin="nope-nope-1\n")
    assert bad.returncode == 1
    assert "wrong password" in bad.stderr
    changed = tw(*cfg, "user", "passwd", "rev.chest", "--password-stdin", stdin="Other-Pass-7\n")
    assert changed.returncode == 0
    assert tw(*cfg, "user", "verify", "rev.chest", "--password-stdin",
              stdin="Other-Pass-7\n").returncode == 0
    # a signing key, locked with the reviewer's password, certified by the CA
    ca = center.parent / "ca"
    assert tw("pki", "init-ca", "--dir", str(ca)).returncode == 0
    wrong = tw(*cfg, "user", "enroll-signer", "rev.chest", "--ca-dir", str(ca),
               "--password-stdin", stdin="Chest-Reader-9\n")
    assert wrong.returncode == 1
    assert "not this user's login password" in wrong.stderr
    enrolled = tw(*cfg, "user", "enroll-signer", "rev.chest", "--ca-dir", str(ca),
                  "--password-stdin", stdin="Other-Pass-7\n")
    assert enrolled.returncode == 0, enrolled.stderr
    assert "can sign reports" in enrolled.stdout
    weak = tw(*cfg, "user", "add", "x.y", "--role", "technician", "--password-stdin",
              stdin="short\n")
    assert weak.returncode == 1
    assert "at least 8 characters" in weak.stderr


def test_bad_config_gives_one_clear_message_and_exit_code_2(center: Path) -> None:
    broken = center.with_name("broken.toml")
    broken.write_text(center.read_text(encoding="utf-8").replace("port = 11500",
                                                                  'port = "eleven"'))
    result = tw("--config", str(broken), "status")
    assert result.returncode == 2
    assert "`dicom.port`" in result.stderr
    assert "whole number from 1 to 65535" in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    missing = tw("--config", str(center.with_name("none.toml")), "status")
    assert missing.returncode == 2
    assert "was not found" in missing.stderr
    bad_init = tw("init", "--mode", "community", "--site", "CM01", "--data-dir",
                  str(center.parent / "cm"))
    assert bad_init.returncode == 2
    assert "`site.center`" in bad_init.stderr


def test_db_upgrade_from_empty_and_current(tmp_path: Path) -> None:
    config = tmp_path / "site.toml"
    config.write_text('schema_version = 1\n[site]\ncode = "CM01"\nmode = "community"\n'
                      'center = "CH01"\n', encoding="utf-8")
    needs = tw("--config", str(config), "status")
    assert needs.returncode == 2
    assert "tiered-ws init" in needs.stderr
    up = tw("--config", str(config), "db", "upgrade")
    assert up.returncode == 0, up.stderr
    head = head_revision()
    assert f"(empty) → {head}" in up.stdout
    assert f"already at {head}" in tw("--config", str(config), "db", "upgrade").stdout
    assert tw("--config", str(config), "db", "current").stdout.startswith(head)


def test_python_dash_m_entry_point() -> None:
    result = subprocess.run([sys.executable, "-m", "tiered_workstation", "--version"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    assert result.stdout.startswith(f"tiered-ws {__version__}")


def test_demo_site_can_be_inspected_from_the_command_line(tmp_path: Path) -> None:
    assert tw("demo", "--one-site", "--data-dir", str(tmp_path)).returncode == 0
    cfg = ("--config", str(tmp_path / "site.toml"))
    listing = tw(*cfg, "exam", "list", "--state", "printed")
    assert listing.returncode == 0
    rows = listing.stdout.splitlines()[1:]
    assert len(rows) == 1
    assert "张三" in rows[0]
    accession = rows[0].split()[0]
    shown = tw(*cfg, "exam", "show", accession)
    assert shown.returncode == 0
    assert "Patient 张三 Zhang^San (M, born 1965-03-15) ID 110105********" in shown.stdout
    assert "in_consultation" in shown.stdout
    assert "Total" in shown.stdout
    missing = tw(*cfg, "exam", "show", "NOPE")
    assert missing.returncode == 1
    assert "No exam with accession number NOPE" in missing.stderr
    assert tw(*cfg, "user", "disable", "rev.chest").returncode == 0
    refused = tw(*cfg, "user", "verify", "rev.chest", "--password-stdin", stdin="Demo-2026\n")
    assert refused.returncode == 1
    assert tw(*cfg, "user", "enable", "rev.chest").returncode == 0
    audit = tw(*cfg, "audit", "--user", "rev.chest", "--limit", "5").stdout.splitlines()
    assert [line.split()[4] for line in audit[:3]] == ["user.enable", "user.login",
                                                        "user.disable"]
    assert "refused" in audit[1]
    assert all("refused" in line for line in tw(*cfg, "audit", "--refused").stdout.splitlines())


def test_peers_are_added_listed_and_removed(center: Path) -> None:
    cfg = ("--config", str(center))
    added = tw(*cfg, "peer", "add", "--ae", "DR01", "--host", "192.168.1.20", "--port", "104",
               "--charset", "GB18030", "--phonetic-names")
    assert added.returncode == 0, added.stderr
    assert tw(*cfg, "peer", "add", "--ae", "DR01", "--host", "h", "--port", "1").returncode == 1
    bad = tw(*cfg, "peer", "add", "--ae", "A_TITLE_FAR_TOO_LONG", "--host", "h", "--port", "1")
    assert bad.returncode == 2
    assert "ae_title" in bad.stderr
    listing = tw(*cfg, "peer", "list").stdout
    assert "DR01" in listing
    assert "192.168.1.20:104" in listing
    assert "GB18030" in listing
    status = tw(*cfg, "status").stdout  # the rewritten file still loads
    assert "DR01" in status
    assert tw(*cfg, "peer", "remove", "DR01").returncode == 0
    assert "DR01" not in tw(*cfg, "peer", "list").stdout
    assert tw(*cfg, "peer", "remove", "DR01").returncode == 1


def test_register_then_list_and_show_as_json(center: Path, tmp_path: Path) -> None:
    import io
    import json

    from PIL import Image

    scan = tmp_path / "申请单.jpg"
    buffer = io.BytesIO()
    Image.new("L", (64, 64), 128).save(buffer, "JPEG")
    scan.write_bytes(buffer.getvalue())
    result = tw("--config", str(center), "register", "--name", "张三", "--sex", "M",
                "--birth-date", "1960-05-01", "--procedure", "DXCHEST2",
                "--requisition", str(scan), "--priority", "urgent")
    assert result.returncode == 0, result.stderr
    accession = result.stdout.strip()
    assert accession.startswith("CH01")
    assert len(accession) == 14
    listed = json.loads(tw("--config", str(center), "exam", "list", "--json").stdout)
    assert [(e["accession_number"], e["state"], e["patient"]["name"], e["priority"])
            for e in listed] == [(accession, "registered", "张三", "urgent")]
    shown = json.loads(tw("--config", str(center), "exam", "show", accession, "--json").stdout)
    assert [t["action"] for t in shown["timeline"]] == ["register"]
    assert shown["tat"]["finished"] is False
    bad = tw("--config", str(center), "register", "--name", "李四", "--procedure", "NOPE")
    assert bad.returncode == 1
    assert "Unknown procedure code 'NOPE'" in bad.stderr
    not_a_scan = tw("--config", str(center), "register", "--name", "李四", "--procedure",
                    "DXCHEST1", "--requisition", str(center))
    assert not_a_scan.returncode == 1
    assert "is not a JPEG, PNG or PDF file" in not_a_scan.stderr


def test_peer_list_sizes_its_columns_to_their_content(center: Path) -> None:
    cfg = ("--config", str(center))
    for ae, charset in (("DR_IR58", "ISO 2022 IR 6\\ISO 2022 IR 58"), ("CT01", "GB18030")):
        added = tw(*cfg, "peer", "add", "--ae", ae, "--host", "127.0.0.1", "--port", "104",
                   "--charset", charset, "--tls")
        assert added.returncode == 0, added.stderr
    lines = tw(*cfg, "peer", "list").stdout.splitlines()
    tls_column = lines[0].index("TLS")
    assert [line[tls_column:tls_column + 3] for line in lines[1:]] == ["yes", "yes"]
    assert "ISO 2022 IR 6\\ISO 2022 IR 58  yes" in lines[1]


@pytest.mark.parametrize("order", ["before", "after"])
def test_config_and_verbose_go_before_or_after_the_command(center: Path, order: str) -> None:
    options = ("--config", str(center), "-v")
    args = (*options, "status") if order == "before" else ("status", *options)
    result = tw(*args, env={"TW_CONFIG": "/nowhere/site.toml"})
    assert result.returncode == 0, result.stderr
    assert "CH01" in result.stdout
    nested = ("user", "list", *options) if order == "after" else (*options, "user", "list")
    assert tw(*nested).returncode == 0


def test_a_wrong_option_names_the_right_form(center: Path) -> None:
    result = tw("node", "--confg", str(center))
    assert result.returncode == 2
    assert "unrecognized arguments: --confg" in result.stderr
    assert "tiered-ws [--config site.toml] [-v] COMMAND" in result.stderr


def test_exam_show_tells_the_requisitions_fields(center: Path) -> None:
    import json

    inpatient = tw("--config", str(center), "register", "--name", "赵六", "--sex", "F",
                   "--age", "50", "--procedure", "DXCHEST2", "--record-number", "BL-501",
                   "--source", "inpatient", "--department", "呼吸内科", "--doctor", "王医生",
                   "--admission-id", "ZY-77")
    assert inpatient.returncode == 0, inpatient.stderr
    assert "BL-501 does not look like this site's numbers" in inpatient.stderr  # a note
    shown = tw("--config", str(center), "exam", "show", inpatient.stdout.strip())
    assert shown.returncode == 0, shown.stderr
    assert ("Record number BL-501 · inpatient (住院), admission ID ZY-77 · requested by "
            "王医生, 呼吸内科") in shown.stdout
    as_json = json.loads(tw("--config", str(center), "exam", "show", inpatient.stdout.strip(),
                            "--json").stdout)
    assert {k: as_json[k] for k in ("record_number", "patient_source", "requesting_department",
                                    "referring_physician", "admission_id")} == {
        "record_number": "BL-501", "patient_source": "inpatient",
        "requesting_department": "呼吸内科", "referring_physician": "王医生",
        "admission_id": "ZY-77"}
    outpatient = tw("--config", str(center), "register", "--name", "钱七", "--sex", "M",
                    "--age", "40", "--procedure", "DXCHEST2", "--source", "emergency")
    assert outpatient.returncode == 0, outpatient.stderr
    shown = tw("--config", str(center), "exam", "show", outpatient.stdout.strip()).stdout
    assert "Record number CH01" in shown  # the site's pattern assigned it
    assert "· emergency (急诊) · requested by —" in shown
    assert "admission" not in shown


@pytest.mark.parametrize(("number", "words"), [
    ("AB\\CD", "cannot hold a backslash"), ("9" * 65, "at most 64 characters; this one has 65"),
    ("   ", "cannot be only spaces")])
def test_a_record_number_no_device_can_carry_is_refused(center: Path, number: str,
                                                        words: str) -> None:
    refused = tw("--config", str(center), "register", "--name", "孙八", "--sex", "M",
                 "--age", "30", "--procedure", "DXCHEST2", "--record-number", number)
    assert refused.returncode != 0
    assert words in refused.stderr
    listed = tw("--config", str(center), "exam", "list").stdout
    assert "孙八" not in listed   # nothing registered
