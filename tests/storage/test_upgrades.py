"""A database left by an older version is backed up, then migrated, on the first start
of a newer program; a newer or an empty database is refused and left as it was."""

from __future__ import annotations

import socket
import sqlite3
import threading
from pathlib import Path

import pytest

from postgres_server import PostgresServer
from support import make_settings
from tiered_workstation import __version__
from tiered_workstation.app.bootstrap import SiteNotReadyError, bootstrap
from tiered_workstation.app.ports import is_listening
from tiered_workstation.app.upgrades import installed_versions, prepare_schema
from tiered_workstation.storage.database import Database
from tiered_workstation.storage.migrate import current_revision, head_revision, upgrade

OLD = "0010"  # the schema of version 0.1.0


def _old_site(tmp_path: Path):
    settings = make_settings(tmp_path / "site")
    database = Database(settings.database_url)
    upgrade(database, OLD)
    with database.engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO sites (code, name, mode, is_local, created_at) "
            "VALUES ('CH01', '市中心医院', 'center', 1, '2026-01-01 00:00:00')")
    database.dispose()
    return settings


def test_the_first_start_backs_up_then_migrates_and_notes_the_version(tmp_path: Path) -> None:
    settings = _old_site(tmp_path)
    with bootstrap(settings) as services:
        assert current_revision(services.database) == head_revision()
        [row] = installed_versions(services.database)
        assert (row.version, row.schema_found) == (__version__, OLD)
        backup = Path(row.backup_path)
    assert backup.parent == settings.data_dir / "backups"
    assert backup.suffix == ".sqlite"
    database_file = Database(settings.database_url).sqlite_path
    assert backup.stat().st_mode & 0o777 == database_file.stat().st_mode & 0o777
    with sqlite3.connect(backup) as copy:  # the copy is the old database, whole
        assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == (OLD,)
        assert copy.execute("SELECT name FROM sites").fetchone() == ("市中心医院",)
    with bootstrap(settings) as services:  # the second start changes nothing
        assert [r.backup_path for r in installed_versions(services.database)] == [str(backup)]
    assert list((settings.data_dir / "backups").iterdir()) == [backup]


def test_a_database_of_a_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    settings = _old_site(tmp_path)
    path = Database(settings.database_url).sqlite_path
    with sqlite3.connect(path) as db:
        db.execute("UPDATE alembic_version SET version_num = '0099'")
    before = path.read_bytes()
    with pytest.raises(SiteNotReadyError, match="newer version"):
        bootstrap(settings)
    assert path.read_bytes() == before
    assert not (settings.data_dir / "backups").exists()


def test_no_backup_no_upgrade(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = _old_site(tmp_path)
    backups = settings.data_dir / "backups"
    backups.parent.mkdir(parents=True, exist_ok=True)
    backups.write_text("a file where the folder should be")  # the copy cannot be made
    with pytest.raises(SiteNotReadyError, match="backup failed, so nothing was changed"):
        bootstrap(settings)
    database = Database(settings.database_url)
    assert current_revision(database) == OLD
    database.dispose()


def test_a_failed_migration_says_where_the_copy_is(tmp_path: Path) -> None:
    settings = _old_site(tmp_path)
    path = Database(settings.database_url).sqlite_path
    with sqlite3.connect(path) as db:  # a table in the way of migration 0011
        db.execute("CREATE TABLE program_versions (x INTEGER)")
    with pytest.raises(SiteNotReadyError, match="failed") as raised:
        bootstrap(settings)
    [backup] = (settings.data_dir / "backups").glob("*.sqlite")
    assert str(backup) in str(raised.value)
    database = Database(settings.database_url)
    assert current_revision(database) == OLD
    database.dispose()


def test_two_programs_starting_at_once_upgrade_once(tmp_path: Path) -> None:
    settings = _old_site(tmp_path)
    results: list[object] = []

    def start() -> None:
        database = Database(settings.database_url)
        try:
            results.append(prepare_schema(database, settings.data_dir))
        finally:
            database.dispose()

    threads = [threading.Thread(target=start) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert len(results) == 2
    assert sum(r is not None for r in results) == 1  # one upgraded, the other found it done
    assert len(list((settings.data_dir / "backups").glob("*.sqlite"))) == 1


def test_postgresql_is_dumped_before_its_upgrade(postgres: PostgresServer,
                                                 tmp_path: Path) -> None:
    database = Database(postgres.create_database("upgrade_me"))
    upgrade(database, OLD)
    done = prepare_schema(database, tmp_path)
    assert done is not None
    assert done.backup.suffix == ".pgdump"
    assert done.backup.read_bytes()[:5] == b"PGDMP"  # pg_dump's custom format
    assert current_revision(database) == head_revision()
    database.dispose()


def test_a_running_node_of_the_old_version_holds_the_upgrade_back(tmp_path: Path) -> None:
    settings = _old_site(tmp_path)
    with socket.socket() as listener:  # the old node, still serving the site's DICOM port
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        port = listener.getsockname()[1]
        database = Database(settings.database_url)
        with pytest.raises(SiteNotReadyError, match=rf"still running \(127.0.0.1:{port}\)"):
            prepare_schema(database, settings.data_dir, running=lambda: f"127.0.0.1:{port}"
                           if is_listening("127.0.0.1", port) else None)
        assert current_revision(database) == OLD
        assert not (settings.data_dir / "backups").exists() or \
            not list((settings.data_dir / "backups").iterdir())
        database.dispose()

