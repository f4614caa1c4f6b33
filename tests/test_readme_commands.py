"""The README's commands, run exactly as written from a fresh clone.

The repository's committed HEAD is cloned into a temporary folder; `./run.sh`
runs there twice with no arguments, no display and the default data folder,
then the commands the README shows for looking around run from the clone's
root and, with absolute paths, from another working folder.  A path written
relative to the working folder into a site.toml fails here.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# what a person's shell would not carry into a fresh clone's commands
DROPPED = ("DISPLAY", "WAYLAND_DISPLAY", "VIRTUAL_ENV", "PYTHONPATH", "TW_BLOCK_QT",
           "TW_CONFIG", "PYTEST_CURRENT_TEST", "PYTEST_ADDOPTS")


def _env(clone: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in DROPPED}
    env["PATH"] = f"{clone / '.venv' / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    return env


def _run(command: str, cwd: Path, env: dict[str, str],
         timeout: float = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, shell=True, cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=timeout)


@pytest.fixture(scope="module")
def clone(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not (ROOT / ".git").exists():
        pytest.fail("the README test clones this repository: run it from a git checkout")
    target = tmp_path_factory.mktemp("fresh") / "tiered-workstation"
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(target)], check=True,
                   timeout=120)
    return target


def _check_demo(result: subprocess.CompletedProcess[str], clone: Path) -> list[Path]:
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    out = result.stdout
    assert "No display found" in out
    assert "Turnaround, registration → printed (target 30 min):" in out
    assert "Both sites agree:" in out
    pdfs = [Path(line.strip()) for line in out.splitlines()
            if line.strip().endswith(".pdf") and line.startswith("  /")]
    assert len(pdfs) == 2, out[-2000:]
    for pdf in pdfs:
        assert pdf.is_relative_to(clone / "demo-data" / "cm01" / "prints")
        assert pdf.read_bytes().startswith(b"%PDF")
    return pdfs


@pytest.fixture(scope="module")
def demo_twice(clone: Path) -> tuple[subprocess.CompletedProcess[str], ...]:
    env = _env(clone)
    first = _run("./run.sh", clone, env)
    second = _run("./run.sh", clone, env)
    return first, second


def test_run_sh_from_a_fresh_clone_runs_the_whole_demo_twice(
        clone: Path, demo_twice: tuple[subprocess.CompletedProcess[str], ...]) -> None:
    first, second = demo_twice
    _check_demo(first, clone)
    assert f"Creating the demo in {clone / 'demo-data'}." in first.stdout
    pdfs = _check_demo(second, clone)
    assert f"Replacing the previous demo in {clone / 'demo-data'}" in second.stdout
    assert all(p.exists() for p in pdfs)


def test_the_password_the_demo_prints_is_the_one_the_docs_give(
        clone: Path, demo_twice: tuple[subprocess.CompletedProcess[str], ...]) -> None:
    printed = re.search(r"\(password (\S+)\)", demo_twice[0].stdout)
    assert printed, demo_twice[0].stdout[-1500:]
    for doc in ("README.md", "docs/desktop.md"):
        text = (clone / doc).read_text(encoding="utf-8")
        assert f"password {printed[1]}" in text or f"password `{printed[1]}`" in text, doc
        assert not re.search(rf"password `?(?!{re.escape(printed[1])})[Dd]emo-\d{{4}}", text), doc


def test_readme_commands_after_the_demo(
        clone: Path, demo_twice: tuple[subprocess.CompletedProcess[str], ...],
        tmp_path: Path) -> None:
    env = _env(clone)
    accession = re.search(r"exam show (CM01\d{10})", demo_twice[1].stdout)
    assert accession, demo_twice[1].stdout[-1500:]
    acc = accession.group(1)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    commands = {
        "tiered-ws --config demo-data/ch01/site.toml status": "printed",
        "tiered-ws status --config demo-data/cm01/site.toml": "printed",
        "tiered-ws --config demo-data/ch01/site.toml exam list --state printed": acc,
        f"tiered-ws --config demo-data/cm01/site.toml exam show {acc}": "Turnaround",
        f"tiered-ws exam show {acc} --json --config demo-data/ch01/site.toml": '"state"',
        "tiered-ws --config demo-data/ch01/site.toml user list": "rev.chest",
        "tiered-ws --config demo-data/ch01/site.toml audit --limit 5": "",
        "tiered-ws --config demo-data/cm01/site.toml peer list": "CH01_PACS",
        "tiered-ws --config demo-data/ch01/site.toml db current": "0",
        "python -m tiered_workstation --version": "tiered-ws",
    }
    for command, expected in commands.items():
        result = _run(command, clone, env, timeout=120)
        assert result.returncode == 0, f"{command}: {result.stderr}"
        assert expected in result.stdout, f"{command}: {result.stdout}"
        absolute = command.replace("demo-data/", f"{clone / 'demo-data'}/")
        again = _run(absolute, elsewhere, env, timeout=120)
        assert again.returncode == 0, f"{absolute} from {elsewhere}: {again.stderr}"
        assert again.stdout.replace(str(clone / "demo-data"), "demo-data") == \
            result.stdout.replace(str(clone / "demo-data"), "demo-data") or \
            "audit" in command, command
    # the sites' own status: every service's files found from any working folder
    status = _run(f"tiered-ws --config {clone}/demo-data/cm01/site.toml status", elsewhere,
                  env).stdout
    assert "not found" not in status
    assert "does not exist" not in status


def test_init_writes_paths_that_work_from_another_folder(clone: Path, tmp_path: Path) -> None:
    """`tiered-ws init` with a relative --data-dir, then the site used from elsewhere."""
    env = _env(clone)
    work, other = tmp_path / "work", tmp_path / "other"
    work.mkdir()
    other.mkdir()
    made = _run("tiered-ws init --mode center --site CH09 --data-dir sites/ch09 "
                "--name 市中心医院", work, env, timeout=120)
    assert made.returncode == 0, made.stderr
    config = work / "sites" / "ch09" / "site.toml"
    issued = _run(f"tiered-ws pki init-ca --dir {work}/ca && tiered-ws pki issue-site CH09 "
                  f"--ca-dir {work}/ca --out sites/ch09/tls", work, env, timeout=120)
    assert issued.returncode == 0, issued.stderr
    added = _run("tiered-ws peer add --ae DR01 --host 127.0.0.1 --port 104 --role modality "
                 "--charset GB18030 --config sites/ch09/site.toml", work, env, timeout=120)
    assert added.returncode == 0, added.stderr
    status = _run(f"tiered-ws --config {config} status", other, env, timeout=120)
    assert status.returncode == 0, status.stderr
    assert "CH09" in status.stdout
    assert "DR01" in status.stdout
    text = config.read_text(encoding="utf-8")
    for line in text.splitlines():
        if re.match(r'\s*(data_dir|archive_dir|certificate|private_key|ca_certificates|crl)'
                    r'\s*=', line):
            value = line.split("=", 1)[1].strip().strip('"')
            assert Path(value).is_absolute() or (config.parent / value).exists() or \
                not value, line
    shutil.rmtree(work / "sites")


def readme_block(marker: str) -> str:
    """The shell block that follows ``<!-- walkthrough: marker -->`` in the README."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    after = text.split(f"<!-- walkthrough: {marker} -->", 1)[1]
    return after.split("```sh\n", 1)[1].split("```", 1)[0]


def test_the_console_walkthrough_runs_as_written(
        clone: Path, demo_twice: tuple[subprocess.CompletedProcess[str], ...]) -> None:
    """README, "Connecting a DR or CT console": register, worklist, store, acquired."""
    script = readme_block("console")
    env = {k: v for k, v in _env(clone).items() if k != "TW_CONFIG"}
    result = subprocess.run(["bash", "-euo", "pipefail", "-c", script], cwd=clone, env=env,
                            capture_output=True, timeout=300)
    out = result.stdout.decode("utf-8", "replace")
    err = result.stderr.decode("utf-8", "replace")
    assert result.returncode == 0, out[-2000:] + err[-3000:]
    assert "acquired" in out
    assert "(0010,0010) PN [张^三]" in err  # findscu -v shows the answer (read as GB18030)


def test_the_teaching_walkthrough_runs_as_written(
        clone: Path, demo_twice: tuple[subprocess.CompletedProcess[str], ...]) -> None:
    """README, "Teaching in one run": the teaching demo and its exported dashboard."""
    script = readme_block("teaching")
    result = subprocess.run(["bash", "-euo", "pipefail", "-c", script], cwd=clone,
                            env=_env(clone), capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-3000:]
    out = result.stdout
    assert "recorded with QtMultimedia" in out   # the desktop's own lesson recorder
    assert "The community doctor downloads the course" in out
    assert "first frame decoded in" in out
    assert "王医生 (dr.cm01): 1 reviewed preliminary report(s)" in out
    reports = clone / "demo-teaching" / "cm01" / "teaching-reports"
    assert out.split()[-2:] == ["teaching-progress.csv", "teaching-progress.pdf"]
    assert (reports / "teaching-progress.pdf").read_bytes().startswith(b"%PDF")
