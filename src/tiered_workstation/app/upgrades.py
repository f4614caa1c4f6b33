"""The schema on start: a database left by an older version is backed up, then migrated.

Installing a newer package over an older one changes the program, never the data:
on its first start the new program finds the schema behind its own, copies the
database into ``DATA_DIR/backups/`` (SQLite's online backup, or ``pg_dump``), runs
the Alembic migrations and notes its version in ``program_versions``. The image
archive is not touched. A database written by a *newer* program is refused, as is
one that was never set up.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError, OperationalError

from .. import __version__
from ..storage.backup import BackupError, backup_database
from ..storage.database import Database
from ..storage.migrate import alembic_config, current_revision, head_revision, upgrade
from ..storage.models import ProgramVersion

LOGGER = logging.getLogger(__name__)


class SiteNotReadyError(RuntimeError):
    """The site's database is missing, empty, newer than this program, or cannot be
    brought up to date."""


@dataclass(frozen=True)
class SchemaUpgrade:
    """What the start of a newer program did to an older database."""

    from_revision: str
    to_revision: str
    backup: Path


def prepare_schema(database: Database, data_dir: Path, *,
                   running: Callable[[], str | None] = lambda: None) -> SchemaUpgrade | None:
    """Bring the schema up to this program's, after a backup; None when it already is.

    ``running`` tells where this site's node is already running (an older version
    still serving it); the upgrade then waits until it is stopped.
    """
    path = database.sqlite_path
    if path is not None and not path.exists():
        raise SiteNotReadyError(f"The site database {path} does not exist; "
                                "run `tiered-ws init` or `tiered-ws db upgrade` first.")
    current, head = current_revision(database), head_revision()
    if current is None:
        database.dispose()
        raise SiteNotReadyError("The site database has no tables yet; run `tiered-ws init` "
                                "or `tiered-ws db upgrade` first.")
    if current == head:
        _note_version(database, None)
        return None
    if not _is_known(database, current):
        database.dispose()
        raise SiteNotReadyError(
            f"The site database was written by a newer version of Tiered Workstation "
            f"(schema {current}; this is {__version__}, schema {head}). Install that "
            "version or a newer one; the data is unchanged.")
    with _upgrade_lock(data_dir):  # two programs of this site starting at once: one upgrades
        current = current_revision(database)
        if current == head:
            return None
        node = running()
        if node is not None:
            database.dispose()
            raise SiteNotReadyError(
                f"This version must upgrade the site's database (schema {current} to "
                f"{head}), but the site's node is still running ({node}), most likely the "
                "previous version. Stop it first (systemctl stop tiered-ws-node@<site>, or "
                "close the desktop that runs it), then start this version; nothing was "
                "changed.")
        try:
            backup = backup_database(database, data_dir / "backups",
                                     label=f"schema-{current}")
        except BackupError as exc:
            database.dispose()
            raise SiteNotReadyError(f"The database must be upgraded for this version, but "
                                    f"its backup failed, so nothing was changed: {exc}") \
                from exc
        LOGGER.warning("upgrading the database schema from %s to %s (version %s); backup: %s",
                       current, head, __version__, backup)
        try:
            upgrade(database)
        except Exception as exc:
            database.dispose()
            LOGGER.exception("the schema upgrade failed")
            raise SiteNotReadyError(
                f"The database upgrade to schema {head} failed ({exc}). The database as it "
                f"was before is kept in {backup}: copy it back over the site's database, "
                "or install the previous version, and report the log.") from exc
        result = SchemaUpgrade(from_revision=str(current), to_revision=str(head),
                               backup=backup)
        _note_version(database, result)
    return result


@contextmanager
def _upgrade_lock(data_dir: Path) -> Iterator[None]:
    """An exclusive lock on ``DATA_DIR/.upgrade.lock`` (where the OS has ``flock``)."""
    try:
        import fcntl
    except ImportError:  # Windows: one program at a time is the documented rule
        yield
        return
    data_dir.mkdir(parents=True, exist_ok=True)
    with open(data_dir / ".upgrade.lock", "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _is_known(database: Database, revision: str) -> bool:
    try:
        return ScriptDirectory.from_config(alembic_config(database)) \
            .get_revision(revision) is not None
    except CommandError:
        return False


def _note_version(database: Database, done: SchemaUpgrade | None) -> None:
    """Note this version's first start (once: every later start only reads)."""
    with database.session() as session:
        if session.get(ProgramVersion, __version__) is not None:
            return
    try:
        with database.transaction() as session:
            session.add(ProgramVersion(
                version=__version__,
                schema_found=done.from_revision if done else None,
                backup_path=str(done.backup) if done else None))
    except IntegrityError:  # another process of this version started at the same time
        LOGGER.debug("version %s was noted by another process", __version__)
    except OperationalError as exc:  # a read-only site: noting is not worth failing for
        LOGGER.warning("could not note version %s in the database: %s", __version__, exc)


def schema_revisions(database: Database) -> tuple[str | None, str | None]:
    """(the database's schema revision, this program's), without changing anything."""
    return current_revision(database), head_revision()


def installed_versions(database: Database) -> list[ProgramVersion]:
    """Every version that has opened this database, oldest first."""
    with database.session() as session:
        rows = session.scalars(select(ProgramVersion)
                               .order_by(ProgramVersion.first_started_at)).all()
        session.expunge_all()
        return list(rows)
