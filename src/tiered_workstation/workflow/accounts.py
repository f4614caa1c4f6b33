"""User accounts: create, change password, list, log in (argon2, audited)."""

from __future__ import annotations

import functools
import re
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..security.passwords import hash_password, needs_rehash, verify_password
from ..storage.base import utcnow
from ..storage.database import Database
from ..storage.enums import AuditOutcome, Role
from ..storage.messaging import AuditEvent
from ..storage.sites import GroupMember, Site, SpecialtyGroup, User, UserRole
from .actors import Actor
from .audit import record_audit
from .errors import WorkflowError

USERNAME_RE = re.compile(r"^[a-z][a-z0-9._-]{1,31}$")
LOCKOUT_AFTER = 5
LOCKOUT_PERIOD = timedelta(minutes=5)


class AuthenticationError(WorkflowError):
    """Login refused. The message never says which of name or password was wrong."""


def add_user(session: Session, actor: Actor, *, username: str, display_name: str,
             password: str, roles: Iterable[Role], site_code: str,
             groups: Iterable[str] = ()) -> User:
    """Create a user; raises ValueError with a message the administrator can act on."""
    if not USERNAME_RE.match(username):
        raise ValueError(f"User name {username!r} is not valid: use 2–32 lower-case letters, "
                         "digits, '.', '_' or '-', starting with a letter.")
    role_set = set(roles)
    if not role_set:
        raise ValueError("A user needs at least one role.")
    if Role.SYSTEM in role_set:
        raise ValueError("The 'system' role belongs to the node itself and cannot be given "
                         "to a person.")
    if session.scalar(select(User).where(User.username == username)) is not None:
        raise ValueError(f"User {username!r} already exists.")
    if session.scalar(select(Site).where(Site.code == site_code)) is None:
        raise ValueError(f"Site {site_code!r} is not known to this database.")
    group_set = set(groups)
    known_groups = set(session.scalars(select(SpecialtyGroup.code)))
    if group_set - known_groups:
        missing = ", ".join(sorted(group_set - known_groups))
        raise ValueError(f"Unknown specialty group(s): {missing}. "
                         f"Known: {', '.join(sorted(known_groups)) or 'none'}.")
    user = User(username=username, display_name=display_name or username, site_code=site_code,
                password_hash=hash_password(password),
                role_rows=[UserRole(role=r) for r in sorted(role_set)],
                group_rows=[GroupMember(group_code=g) for g in sorted(group_set)])
    session.add(user)
    session.flush()
    record_audit(session, actor, "user.add", object_type="user", object_id=username,
                 detail={"roles": sorted(r.value for r in role_set),
                         "groups": sorted(group_set)})
    return user


def set_password(session: Session, actor: Actor, username: str, password: str) -> None:
    user = _get(session, username)
    user.password_hash = hash_password(password)
    user.password_changed_at = utcnow()
    user.failed_logins = 0
    record_audit(session, actor, "user.passwd", object_type="user", object_id=username)


def list_users(session: Session) -> list[User]:
    return list(session.scalars(select(User).order_by(User.site_code, User.username)))


@dataclass(frozen=True)
class LoginCheck:
    """Outcome of a credentials check: the user, or why the login was refused."""

    user: User | None
    refusal: str = ""


def check_credentials(session: Session, username: str, password: str, site_code: str,
                      now: datetime | None = None) -> LoginCheck:
    """Check a login inside ``session``'s transaction; audit it; count failures.

    After ``LOCKOUT_AFTER`` wrong passwords in a row the account is locked until
    ``LOCKOUT_PERIOD`` has passed since the last refused attempt (or an
    administrator sets a new password).
    """
    now = now or utcnow()
    user = session.scalar(select(User).where(User.username == username))
    probe = Actor(username=username or "(empty)", role=Role.SYSTEM, site_code=site_code)
    locked_until = _locked_until(session, user, now) if user is not None else None
    # An unknown name costs the same argon2 work, so timing does not reveal who exists.
    stored_hash = user.password_hash if user is not None else _dummy_hash()
    password_ok = verify_password(stored_hash, password)
    if locked_until is not None:
        reason, refusal = "locked", (
            f"Too many wrong passwords: this account is locked for "
            f"{max(1, round((locked_until - now).total_seconds() / 60))} more minute(s). "
            "An administrator can set a new password to unlock it.")
    elif user is None or not password_ok:
        reason, refusal = "bad credentials", "Unknown user name or wrong password."
    elif not user.active:
        reason, refusal = "disabled", "Unknown user name or wrong password."
    else:
        if needs_rehash(user.password_hash):
            user.password_hash = hash_password(password)
        user.failed_logins = 0
        user.last_login_at = now
        record_audit(session, probe, "user.login", object_type="user", object_id=username,
                     at=now)
        return LoginCheck(user)
    if user is not None:
        user.failed_logins += 1
    record_audit(session, probe, "user.login", object_type="user", object_id=username,
                 outcome=AuditOutcome.REFUSED, detail={"reason": reason}, at=now)
    return LoginCheck(None, refusal)


def _locked_until(session: Session, user: User, now: datetime) -> datetime | None:
    if user.failed_logins < LOCKOUT_AFTER:
        return None
    last_refusal = session.scalar(select(func.max(AuditEvent.at)).where(
        AuditEvent.action == "user.login", AuditEvent.object_id == user.username,
        AuditEvent.outcome == AuditOutcome.REFUSED))
    if last_refusal is None or last_refusal + LOCKOUT_PERIOD <= now:
        return None
    return last_refusal + LOCKOUT_PERIOD


@functools.cache
def _dummy_hash() -> str:
    return hash_password(secrets.token_urlsafe(16) + "-0")


def login(database: Database, username: str, password: str, site_code: str,
          now: datetime | None = None) -> User:
    """Log in: commit the audit of the attempt, then return the user or raise
    :class:`AuthenticationError` (which never says whether the name or the password was wrong).
    """
    with database.transaction() as session:
        result = check_credentials(session, username, password, site_code, now)
    if result.user is None:
        raise AuthenticationError(result.refusal)
    return result.user


def set_active(session: Session, actor: Actor, username: str, active: bool) -> None:
    """Disable (or re-enable) an account; a disabled user cannot log in."""
    user = _get(session, username)
    user.active = active
    record_audit(session, actor, "user.enable" if active else "user.disable",
                 object_type="user", object_id=username)


def actor_for(user: User, role: Role) -> Actor:
    """The actor ``user`` becomes when working in ``role`` (which they must hold)."""
    if role not in user.roles:
        raise WorkflowError(f"{user.username} does not hold the role '{role}'.")
    return Actor(username=user.username, role=role, site_code=user.site_code,
                 display_name=user.display_name)


def _get(session: Session, username: str) -> User:
    user = session.scalar(select(User).where(User.username == username))
    if user is None:
        raise ValueError(f"There is no user {username!r}.")
    return user
