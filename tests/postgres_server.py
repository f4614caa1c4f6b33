"""A throwaway PostgreSQL cluster for tests: started with initdb/pg_ctl from the
Debian package, reachable only through a Unix socket (no TCP at all)."""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class PostgresServer:
    socket_dir: Path
    port: int

    def url(self, database: str) -> str:
        return (f"postgresql+psycopg://postgres@/{database}"
                f"?host={self.socket_dir}&port={self.port}")

    def create_database(self, name: str) -> str:
        import psycopg

        with psycopg.connect(host=str(self.socket_dir), port=self.port, user="postgres",
                             dbname="postgres", autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)


def find_bindir() -> Path | None:
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"),
                      key=lambda p: int(p.parent.parent.name))
    return versions[-1].parent if versions else None


class PostgresCluster:
    """Context manager: initdb, start, yield a :class:`PostgresServer`, stop, remove."""

    def __init__(self) -> None:
        bindir = find_bindir()
        if bindir is None:
            raise RuntimeError("PostgreSQL server binaries are missing; ./test.sh installs "
                               "the Debian package 'postgresql'")
        self.bindir = bindir
        self.base = Path(tempfile.mkdtemp(prefix="tw-pg-"))
        self.port = 50000 + os.getpid() % 10000
        self._as_root = os.geteuid() == 0

    def _run(self, *args: str) -> None:
        command = [str(self.bindir / args[0]), *args[1:]]
        if self._as_root:  # the server refuses to run as root
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, timeout=120)

    def __enter__(self) -> PostgresServer:
        if self._as_root:
            user = pwd.getpwnam("postgres")
            os.chown(self.base, user.pw_uid, user.pw_gid)
        data = self.base / "data"
        self._run("initdb", "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8",
                  "--no-locale")
        options = (f"-c listen_addresses='' -k {self.base} -p {self.port} -c fsync=off "
                   "-c max_connections=50")
        self._run("pg_ctl", "-D", str(data), "-l", str(self.base / "server.log"), "-w",
                  "-t", "60", "-o", options, "start")
        return PostgresServer(self.base, self.port)

    def __exit__(self, *exc: object) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.base / "data"), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.base, ignore_errors=True)
