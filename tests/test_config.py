"""Site configuration: valid files load, every mistake names its key."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from support import make_settings
from tiered_workstation.app.site_file import render_site_toml
from tiered_workstation.config import (
    CONFIG_ENV_VAR,
    AlertSettings,
    ConfigError,
    GuiSettings,
    PeerKind,
    RegistrationSettings,
    SiteMode,
    load_settings,
    parse_settings,
    resolve_config_path,
)

MINIMAL = 'schema_version = 1\n[site]\ncode = "CH01"\nmode = "center"\n'


def write(tmp_path: Path, text: str, name: str = "site.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_minimal_file_gets_working_defaults(tmp_path: Path) -> None:
    settings = load_settings(write(tmp_path, MINIMAL))
    assert settings.site.mode is SiteMode.CENTER
    assert settings.data_dir == tmp_path.resolve()
    assert settings.database_url == f"sqlite:///{tmp_path.resolve()}/tiered.db"
    assert settings.archive_dir == tmp_path.resolve() / "archive"
    assert settings.dicom.ae_title == "CH01_PACS"
    assert settings.dicom.port == 11112
    assert settings.dicom.max_pdu == 131072
    assert settings.uid_root == "2.25"
    assert settings.workflow.tat_target_minutes == 30
    assert settings.forward.retrieve_priors == "auto"


@pytest.mark.parametrize("mode", ["center", "community"])
def test_rendered_template_reads_back_identically(tmp_path: Path, mode: str) -> None:
    original = make_settings(tmp_path / "d", mode=mode, site="CM02" if mode == "community"
                             else "CH01", center="CH01" if mode == "community" else None)
    text = render_site_toml(original, original.data_dir)
    again = load_settings(write(original.data_dir.parent, text, "x.toml"))
    # data_dir was written relative to the folder of the file we read
    assert again.site == original.site
    assert again.dicom == original.dicom
    assert again.api == original.api
    assert again.charset == original.charset
    assert again.workflow == original.workflow
    assert again.gui == original.gui
    assert again.alerts == original.alerts
    assert again.forward == original.forward
    assert "# center: reads, reviews and signs." in text


def test_peers_are_parsed_and_found_by_ae_title(tmp_path: Path) -> None:
    text = MINIMAL + (
        '[[peers]]\nae_title = "DR01"\nhost = "127.0.0.1"\nport = 104\nkind = "modality"\n'
        'charset = "GB18030"\nassume_charset = "GBK"\nphonetic_names = true\n'
        '[[peers]]\nae_title = "CM01_PACS"\nhost = "127.0.0.1"\nport = 11113\ntls = true\n'
        'site = "CM01"\n')
    settings = load_settings(write(tmp_path, text))
    dr = settings.peer("DR01")
    assert dr is not None
    assert dr.kind is PeerKind.MODALITY
    assert (dr.charset, dr.assume_charset, dr.phonetic_names) == ("GB18030", "GBK", True)
    node = settings.peer("CM01_PACS")
    assert node is not None
    assert node.tls
    assert node.site == "CM01"
    assert settings.peer("UNKNOWN") is None


@pytest.mark.parametrize(("text", "key", "expected_fragment"), [
    ('[site]\ncode = "CH01"\nmode = "center"\n', "schema_version", "whole number"),
    ('schema_version = 99\n[site]\ncode = "CH01"\nmode = "center"\n', "schema_version",
     "upgrade Tiered Workstation"),
    ("schema_version = 1\n", "site", "[site] table"),
    ('schema_version = 1\n[site]\ncode = "ch01"\nmode = "center"\n', "site.code",
     "capital letters"),
    ('schema_version = 1\n[site]\ncode = "CH01"\nmode = "centre"\n', "site.mode",
     "'center' or 'community'"),
    ('schema_version = 1\n[site]\ncode = "CM01"\nmode = "community"\n', "site.center",
     "site code of the center"),
    (MINIMAL.replace('mode = "center"', 'mode = "center"\ntimezone = "Mars/Olympus"'),
     "site.timezone", "IANA zone"),
    (MINIMAL + '[dicom]\nport = "abc"\n', "dicom.port", "from 1 to 65535"),
    (MINIMAL + "[dicom]\nport = 70000\n", "dicom.port", "from 1 to 65535"),
    (MINIMAL + '[dicom]\nae_title = "THIS_AE_TITLE_IS_TOO_LONG"\n', "dicom.ae_title",
     "1–16"),
    (MINIMAL + '[dicom]\nae_tittle = "X"\n', "dicom.ae_tittle", "check the spelling"),
    (MINIMAL + '[paths]\ndatabase_url = "tiered.db"\n', "paths.database_url",
     "SQLAlchemy URL"),
    (MINIMAL + '[uid]\nroot = "1.2.abc"\n', "uid.root", "dotted numeric"),
    (MINIMAL + '[charset]\noutgoing = "UTF-8"\n', "charset.outgoing", "ISO_IR 192"),
    (MINIMAL + '[workflow]\ntat_target_minutes = 0\n', "workflow.tat_target_minutes",
     "from 1 to 1440"),
    (MINIMAL + '[forward]\nretrieve_priors = "ftp"\n', "forward.retrieve_priors", "get"),
    (MINIMAL + '[[peers]]\nae_title = "DR01"\nhost = "h"\nport = 104\n'
     '[[peers]]\nae_title = "DR01"\nhost = "h"\nport = 105\n', "peers[1].ae_title",
     "listed once"),
    (MINIMAL + '[[peers]]\nae_title = "DR01"\nport = 104\n', "peers[0].host", "text value"),
    (MINIMAL + '[[peers]]\nae_title = "DR01"\nhost = "h"\nport = 104\nservices = ["print"]\n',
     "peers[0].services", "list of services"),
    (MINIMAL + '[[peers]]\nae_title = "DR01"\nhost = "h"\nport = 104\ntls = "yes"\n',
     "peers[0].tls", "true or false"),
])
def test_each_mistake_names_its_key_and_the_expected_form(
        tmp_path: Path, text: str, key: str, expected_fragment: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as info:
        load_settings(path)
    assert info.value.key == key
    assert expected_fragment in str(info.value)
    assert str(path) in str(info.value)


def test_missing_file_and_broken_toml_are_clear(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="was not found"):
        load_settings(tmp_path / "none.toml")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_settings(write(tmp_path, "[site\ncode = 1"))


def test_config_path_precedence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv(CONFIG_ENV_VAR, raising=False)
    assert resolve_config_path() == tmp_path / "site.toml"
    monkeypatch.setenv(CONFIG_ENV_VAR, "/etc/tw/env.toml")
    assert resolve_config_path() == Path("/etc/tw/env.toml")
    assert resolve_config_path("/explicit.toml") == Path("/explicit.toml")


def test_without_a_name_the_users_then_the_machines_site_is_found(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A desktop started from the menu runs in the home folder, with no --config."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv(CONFIG_ENV_VAR, raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    with pytest.raises(ConfigError, match=r"looked in .*config/tiered-ws/site.toml"):
        load_settings()
    users = tmp_path / "config" / "tiered-ws" / "site.toml"
    users.parent.mkdir(parents=True)
    users.write_text("")
    assert resolve_config_path() == users
    (tmp_path / "site.toml").write_text("")
    assert resolve_config_path() == tmp_path / "site.toml"  # the working folder's first


def test_a_sites_folder_stands_for_its_site_toml(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"site.toml was not found"):
        load_settings(tmp_path)  # a folder without one: the usual message, not Errno 21


def test_tw_config_environment_variable_is_used(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, MINIMAL.replace("CH01", "CH09"), "elsewhere.toml")
    monkeypatch.setenv(CONFIG_ENV_VAR, str(path))
    assert load_settings().site.code == "CH09"


def test_relative_paths_are_taken_from_the_config_folder(tmp_path: Path) -> None:
    raw = {"schema_version": 1, "site": {"code": "CH01", "mode": "center"},
           "paths": {"data_dir": "data", "archive_dir": "/srv/archive"}}
    settings = parse_settings(raw, base_dir=tmp_path)
    assert settings.data_dir == tmp_path / "data"
    assert settings.archive_dir == Path("/srv/archive")


def test_services_default_by_kind_and_can_be_listed(tmp_path: Path) -> None:
    text = MINIMAL + (
        '[[peers]]\nae_title = "DR01"\nhost = "h"\nport = 104\nkind = "modality"\n'
        '[[peers]]\nae_title = "VIEW1"\nhost = "h"\nport = 104\nkind = "viewer"\n'
        '[[peers]]\nae_title = "DR02"\nhost = "h"\nport = 104\nkind = "modality"\n'
        'services = ["echo", "store"]\n')
    settings = load_settings(write(tmp_path, text))
    assert settings.allows("DR01", "worklist")
    assert not settings.allows("DR01", "query")
    assert settings.allows("VIEW1", "retrieve")
    assert not settings.allows("VIEW1", "mpps")
    assert settings.allows("DR02", "store")
    assert not settings.allows("DR02", "worklist")
    assert not settings.allows("NOBODY", "echo")


def test_gui_and_alert_settings_round_trip_and_check_quiet_hours(tmp_path: Path) -> None:
    original = make_settings(tmp_path / "d")
    changed = dataclasses.replace(
        original, gui=GuiSettings(embed_node=False, language="zh_CN"),
        alerts=AlertSettings(sound=False, volume=35, speech=True, quiet_start="22:00",
                             quiet_end="07:00", repeat_urgent_seconds=30))
    again = load_settings(write(tmp_path, render_site_toml(changed, changed.data_dir), "x.toml"))
    assert again.gui == changed.gui
    assert again.alerts == changed.alerts
    with pytest.raises(ConfigError, match=r"alerts\.quiet_start"):
        load_settings(write(tmp_path, MINIMAL + '[alerts]\nquiet_start = "25:00"\n', "y.toml"))


def test_record_number_pattern_round_trips_and_is_checked(tmp_path: Path) -> None:
    original = make_settings(tmp_path / "d")
    assert original.registration.record_number == "{site}{yyyy}{seq:06d}"
    changed = dataclasses.replace(
        original, registration=RegistrationSettings(record_number="MZ{yy}{mm}{seq:05d}"))
    again = load_settings(write(tmp_path, render_site_toml(changed, changed.data_dir), "x.toml"))
    assert again.registration == changed.registration
    for bad in ("{site}{yyyy}", "{site}{seq:06d}{seq}", "{hospital}{seq}", "{site:>9}{seq}",
                "{seq:06q}", "X" * 60 + "{seq:06d}"):
        with pytest.raises(ConfigError, match=r"registration\.record_number"):
            load_settings(write(tmp_path, MINIMAL + f"[registration]\nrecord_number = '{bad}'\n",
                                "y.toml"))
