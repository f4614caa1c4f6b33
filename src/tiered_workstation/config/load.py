"""Finding and reading a site.toml: ``--config``, else ``$TW_CONFIG``, else the first of
./site.toml, ~/.config/tiered-ws/site.toml and /etc/tiered-ws/site.toml that exists.

The last two let an installed desktop (started from the menu, in the home folder)
find its site: IT staff put the station's site.toml there (README, "Installing").
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

from .model import CONFIG_ENV_VAR, DEFAULT_CONFIG_NAME, ConfigError, Settings
from .parse import parse_settings

SYSTEM_CONFIG = Path("/etc/tiered-ws") / DEFAULT_CONFIG_NAME


def default_config_paths() -> tuple[Path, ...]:
    """Where a site.toml is looked for when neither --config nor TW_CONFIG names one:
    the working folder, the user's configuration, the machine's (on Windows
    %APPDATA%\\tiered-ws and %PROGRAMDATA%\\Tiered Workstation)."""
    here = Path.cwd() / DEFAULT_CONFIG_NAME
    if os.name == "nt":
        user = Path(os.environ.get("APPDATA") or Path.home()) / "tiered-ws"
        machine = Path(os.environ.get("PROGRAMDATA") or "C:/ProgramData") / "Tiered Workstation"
        return here, user / DEFAULT_CONFIG_NAME, machine / DEFAULT_CONFIG_NAME
    config_home = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return here, config_home / "tiered-ws" / DEFAULT_CONFIG_NAME, SYSTEM_CONFIG


def resolve_config_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """Choose the configuration file: ``--config`` beats ``TW_CONFIG`` beats the first of
    :func:`default_config_paths` that exists (./site.toml when none does)."""
    if explicit:
        return Path(explicit)
    env = os.environ.get(CONFIG_ENV_VAR)
    if env:
        return Path(env)
    candidates = default_config_paths()
    return next((p for p in candidates if p.is_file()), candidates[0])


def load_settings(path: str | os.PathLike[str] | None = None) -> Settings:
    """Read and validate a site configuration file.

    Raises
    ------
    ConfigError
        When the file is missing, is not valid TOML, or any value is wrong.
    """
    config_path = resolve_config_path(path).expanduser()
    if config_path.is_dir():  # a site's folder given instead of its file
        config_path = config_path / DEFAULT_CONFIG_NAME
    searched = not path and not os.environ.get(CONFIG_ENV_VAR)
    try:
        raw = tomllib.loads(config_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        where = (" (looked in " + ", ".join(map(str, default_config_paths())) + ")"
                 if searched else "")
        raise ConfigError(
            "", f"the configuration file {config_path} was not found{where}",
            "a site.toml written by `tiered-ws init`, or the path in --config / TW_CONFIG",
        ) from None
    except PermissionError:
        raise ConfigError(
            "", f"the configuration file {config_path} cannot be read by this user",
            "to run as the site's user (for an installed node: sudo -u tiered tiered-ws …) "
            "or read access given by your IT staff",
        ) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError("", f"the file is not valid TOML ({exc})", "TOML syntax",
                          config_path) from None
    except UnicodeDecodeError:
        raise ConfigError("", "the file is not UTF-8 text", "a UTF-8 encoded file",
                          config_path) from None
    return parse_settings(raw, base_dir=config_path.parent.resolve(), source=config_path)
