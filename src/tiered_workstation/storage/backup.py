"""A copy of the site's database taken before its schema changes.

SQLite: SQLite's own online backup into a new file beside the others (consistent even
while the node is writing). PostgreSQL: ``pg_dump --format=custom``, restorable with
``pg_restore``. The image archive is never part of it, and never touched by upgrades.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from datetime import UTC, datetime
from pathlib import Path

from .database import Database


class BackupError(RuntimeError):
    """The copy could not be made; nothing was changed."""


def backup_database(database: Database, folder: Path, *, label: str) -> Path:
    """Copy ``database`` into ``folder`` as ``tiered-<label>-<UTC time>.<ext>``."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupError(f"the backup folder {folder} cannot be made: {exc}") from exc
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    source = database.sqlite_path
    if source is not None:
        target = folder / f"tiered-{label}-{stamp}.sqlite"
        _sqlite_backup(source, target)
        return target
    if database.url.get_backend_name() == "postgresql":
        target = folder / f"tiered-{label}-{stamp}.pgdump"
        _pg_dump(database, target)
        return target
    raise BackupError(f"cannot back up a {database.url.get_backend_name()} database")


def _sqlite_backup(source: Path, target: Path) -> None:
    partial = target.with_suffix(".partial")
    try:
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(partial)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
            finally:
                dst.close()
        finally:
            src.close()
        partial.chmod(source.stat().st_mode & 0o777)  # no more readable than the database
        partial.replace(target)
    except (sqlite3.Error, OSError) as exc:
        partial.unlink(missing_ok=True)
        raise BackupError(f"the database {source} could not be copied to {target}: {exc}") \
            from exc


def _pg_dump(database: Database, target: Path) -> None:
    tool = shutil.which("pg_dump")
    if tool is None:
        raise BackupError("pg_dump is not installed (Debian package postgresql-client)")
    url = database.url.set(drivername="postgresql")
    query = dict(url.query)
    command = [tool, "--format=custom", "--file", str(target), "--no-password"]
    if url.host or query.get("host"):
        command += ["--host", str(url.host or query["host"])]
    if url.port or query.get("port"):
        command += ["--port", str(url.port or query["port"])]
    if url.username:
        command += ["--username", url.username]
    env = {"PGPASSWORD": url.password} if url.password else {}
    run = subprocess.run([*command, str(url.database)], capture_output=True, text=True,
                         timeout=3600, env={**os.environ, **env})
    if target.exists():
        target.chmod(0o600)  # a dump is the whole database: the program's user only
    if run.returncode != 0:
        target.unlink(missing_ok=True)
        raise BackupError(f"pg_dump failed: {run.stderr.strip()}")
