"""The first administrator of a new site, made at the desktop's first start.

``tiered-ws init`` creates a site with no people in it. The desktop then asks for
the first administrator (user name, name, password twice) instead of a sign-in
nobody could pass; the command line's ``tiered-ws user add … --role admin`` does
the same. Further accounts are made by that administrator.
"""

from __future__ import annotations

import enum

from sqlalchemy import func, select

from ..security.passwords import weakness
from ..storage.database import Database
from ..storage.enums import Role
from ..storage.sites import User
from ..workflow.accounts import USERNAME_RE, add_user
from ..workflow.actors import Actor


class FirstAdminProblem(enum.Enum):
    """Why the form cannot make the account yet (the desktop words each)."""

    USERNAME = "username"  # not 2-32 lower-case letters, digits, '.', '_', '-'
    SHORT_PASSWORD = "short"
    PLAIN_PASSWORD = "plain"  # only letters or only digits
    PASSWORDS_DIFFER = "differ"
    ALREADY_DONE = "done"  # someone made an account meanwhile


def needs_first_admin(database: Database) -> bool:
    """True while the site has no accounts at all."""
    with database.session() as session:
        return not session.scalar(select(func.count()).select_from(User))


def first_admin_problem(username: str, password: str, repeat: str) -> FirstAdminProblem | None:
    if not USERNAME_RE.match(username):
        return FirstAdminProblem.USERNAME
    reason = weakness(password)  # the rule hash_password applies
    if reason == "short":
        return FirstAdminProblem.SHORT_PASSWORD
    if reason == "plain":
        return FirstAdminProblem.PLAIN_PASSWORD
    if password != repeat:
        return FirstAdminProblem.PASSWORDS_DIFFER
    return None


def create_first_admin(database: Database, site_code: str, *, username: str,
                       display_name: str, password: str) -> FirstAdminProblem | None:
    """Make the site's first administrator (audited as the set-up); None when done."""
    problem = first_admin_problem(username, password, password)
    if problem is not None:
        return problem
    with database.transaction() as session:
        if session.scalar(select(func.count()).select_from(User)):
            return FirstAdminProblem.ALREADY_DONE
        add_user(session, Actor(username="setup", role=Role.ADMIN, site_code=site_code),
                 username=username, display_name=display_name.strip() or username,
                 password=password, roles=[Role.ADMIN], site_code=site_code)
    return None
