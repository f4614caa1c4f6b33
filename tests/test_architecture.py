"""The layering of docs/architecture.md holds, and the core runs without Qt or VTK."""

from __future__ import annotations

import ast
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

IMPORT_ALL_WITHOUT_GUI = r"""
import importlib, importlib.abc, pkgutil, sys
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in ('PySide6', 'shiboken6', 'vtk', 'vtkmodules'):
            raise ModuleNotFoundError(name)
sys.meta_path.insert(0, Block())
import tiered_workstation
names = [m.name for m in pkgutil.walk_packages(tiered_workstation.__path__, 'tiered_workstation.')
         if not m.name.startswith('tiered_workstation.qt')
         and '.migrations' not in m.name and not m.name.endswith('__main__')]
for name in names:
    importlib.import_module(name)
print(len(names))
"""


def test_every_core_module_imports_with_gui_toolkits_absent() -> None:
    result = subprocess.run([sys.executable, "-c", IMPORT_ALL_WITHOUT_GUI],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) > 20


def test_import_contracts_are_kept() -> None:
    exe = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(exe), "--no-cache"], capture_output=True, text=True,
                            timeout=300, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"][
        "contracts"]
    assert {c["id"] for c in contracts} >= {"gui-toolkits", "layers", "features-not-sync",
                                            "qt-not-storage"}
    assert f"Contracts: {len(contracts)} kept, 0 broken" in result.stdout


def test_workflow_doc_matches_the_transition_table() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "gen_workflow_doc.py"),
                             "--check"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


PACKAGE = ROOT / "src" / "tiered_workstation"


def _calls(path: Path) -> set[str]:
    """Names and attributes called in one module (``f(...)``, ``x.f(...)`` → ``f``)."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call):
            func = node.func
            names.add(func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", ""))
    return names


def _modules(*exclude: str) -> list[Path]:
    return [p for p in PACKAGE.rglob("*.py")
            if "migrations" not in p.parts and not any(p.is_relative_to(PACKAGE / e)
                                                      for e in exclude)]


def test_only_bootstrap_reads_the_config_and_opens_databases() -> None:
    readers = {p.relative_to(PACKAGE).as_posix() for p in _modules("config", "storage")
               if _calls(p) & {"load_settings", "Database"}}
    assert readers == {"app/bootstrap.py"}
    # settings built from text: the site editor checks what it will write, init what it
    # writes first; neither reads a site's file
    parsers = {p.relative_to(PACKAGE).as_posix() for p in _modules("config")
               if "tomllib" in p.read_text(encoding="utf-8")
               or _calls(p) & {"parse_settings"}}
    assert parsers == {"app/site_edit.py", "app/site_setup.py"}


def test_no_qt_module_opens_a_database_session() -> None:
    opening = {p.relative_to(PACKAGE).as_posix() for p in (PACKAGE / "qt").rglob("*.py")
               if _calls(p) & {"session", "transaction", "Session"}}
    assert not opening



def test_no_module_outgrows_one_screenful_of_purpose() -> None:
    sizes = {p.relative_to(PACKAGE).as_posix(): len(p.read_text(encoding="utf-8").splitlines())
             for p in _modules()}
    assert {name: lines for name, lines in sizes.items() if lines > 400} == {}
