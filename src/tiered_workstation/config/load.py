"""Finding and reading a site.toml: ``--config``, else ``$TW_CONFIG``, else ./site.toml."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

from .model import CONFIG_ENV_VAR, DEFAULT_CONFIG_NAME, ConfigError, Settings
from .parse import parse_settings


def resolve_config_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """Choose the configuration file: ``--config`` beats ``TW_CONFIG`` beats ./site.toml."""
    if explicit:
        return Path(explicit)
    env = os.environ.get(CONFIG_ENV_VAR)
    if env:
        return Path(env)
    return Path.cwd() / DEFAULT_CONFIG_NAME


def load_settings(path: str | os.PathLike[str] | None = None) -> Settings:
    """Read and validate a site configuration file.

    Raises
    ------
    ConfigError
        When the file is missing, is not valid TOML, or any value is wrong.
    """
    config_path = resolve_config_path(path).expanduser()
    try:
        raw = tomllib.loads(config_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(
            "", f"the configuration file {config_path} was not found",
            "a site.toml written by `tiered-ws init`, or the path in --config / TW_CONFIG",
        ) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError("", f"the file is not valid TOML ({exc})", "TOML syntax",
                          config_path) from None
    except UnicodeDecodeError:
        raise ConfigError("", "the file is not UTF-8 text", "a UTF-8 encoded file",
                          config_path) from None
    return parse_settings(raw, base_dir=config_path.parent.resolve(), source=config_path)
