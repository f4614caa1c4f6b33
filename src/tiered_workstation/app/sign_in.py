"""Signing in at this site: a checked password gives an account, not a database row."""

from __future__ import annotations

from dataclasses import dataclass

from ..storage.database import Database
from ..storage.enums import Role
from ..workflow.accounts import AuthenticationError, login

__all__ = ["Account", "AuthenticationError", "sign_in"]


@dataclass(frozen=True)
class Account:
    """Who signed in: the roles they hold here, in the order the UI lists them."""

    username: str
    display_name: str
    site_code: str
    roles: tuple[Role, ...]

    @property
    def working_roles(self) -> tuple[Role, ...]:
        """The roles a person can choose to work in (not the system's own)."""
        return tuple(r for r in self.roles if r is not Role.SYSTEM)


def sign_in(database: Database, username: str, password: str, site_code: str) -> Account:
    """Check the password (audited, with the lock-out rules); raises AuthenticationError."""
    user = login(database, username, password, site_code)
    return Account(user.username, user.display_name, user.site_code,
                   tuple(sorted(user.roles, key=list(Role).index)))
