"""User accounts: argon2 hashes, roles, login audited (including refusals)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from tiered_workstation.app.bootstrap import Services
from tiered_workstation.security.passwords import WeakPasswordError
from tiered_workstation.storage.enums import AuditOutcome, Role
from tiered_workstation.storage.messaging import AuditEvent
from tiered_workstation.storage.sites import User
from tiered_workstation.workflow.accounts import (
    LOCKOUT_AFTER,
    LOCKOUT_PERIOD,
    AuthenticationError,
    actor_for,
    add_user,
    list_users,
    login,
    set_active,
    set_password,
)
from tiered_workstation.workflow.actors import Actor
from tiered_workstation.workflow.errors import WorkflowError

ADMIN = Actor("admin", Role.ADMIN, "CH01")
PASSWORD = "Lung-Window-40"


def add(services: Services, username: str = "rev.chest", **kw) -> None:
    with services.database.transaction() as session:
        add_user(session, ADMIN, username=username, display_name=kw.pop("name", "刘主任"),
                 password=kw.pop("password", PASSWORD),
                 roles=kw.pop("roles", [Role.REVIEWER, Role.ATTENDING]),
                 site_code=kw.pop("site_code", "CH01"), groups=kw.pop("groups", ["chest"]))


def test_user_is_stored_with_argon2_hash_roles_and_groups(services: Services) -> None:
    add(services)
    with services.database.session() as session:
        user = session.scalar(select(User).where(User.username == "rev.chest"))
        assert user.password_hash.startswith("$argon2id$")
        assert PASSWORD not in user.password_hash
        assert user.roles == {Role.REVIEWER, Role.ATTENDING}
        assert user.groups == {"chest"}
        assert [u.username for u in list_users(session)] == ["rev.chest"]
        assert session.scalars(select(AuditEvent.action)).all() == ["user.add"]


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"username": "Bad Name"}, "not valid"),
    ({"roles": []}, "at least one role"),
    ({"roles": [Role.SYSTEM]}, "cannot be given"),
    ({"site_code": "ZZ99"}, "not known"),
    ({"groups": ["cardiac"]}, "Unknown specialty group"),
])
def test_bad_user_details_are_refused(services: Services, kwargs: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        add(services, **kwargs)


def test_duplicate_and_weak_password(services: Services) -> None:
    add(services)
    with pytest.raises(ValueError, match="already exists"):
        add(services)
    with pytest.raises(WeakPasswordError, match="at least 8"):
        add(services, username="other", password="short1")
    with pytest.raises(WeakPasswordError, match="mix letters"):
        add(services, username="other", password="12345678901")


def test_login_success_and_failure_are_audited_and_failures_counted(services: Services) -> None:
    add(services)
    with pytest.raises(AuthenticationError, match="Unknown user name or wrong password"):
        login(services.database, "rev.chest", "wrong-password-1", "CH01")
    with pytest.raises(AuthenticationError):
        login(services.database, "nobody", PASSWORD, "CH01")
    with services.database.session() as session:
        assert session.scalar(select(User.failed_logins)) == 1
    user = login(services.database, "rev.chest", PASSWORD, "CH01")
    assert user.roles == {Role.REVIEWER, Role.ATTENDING}
    assert user.last_login_at is not None
    with services.database.session() as session:
        outcomes = session.execute(select(AuditEvent.object_id, AuditEvent.outcome).where(
            AuditEvent.action == "user.login").order_by(AuditEvent.id)).all()
        assert outcomes == [("rev.chest", AuditOutcome.REFUSED), ("nobody", AuditOutcome.REFUSED),
                            ("rev.chest", AuditOutcome.SUCCESS)]
        assert session.scalar(select(User.failed_logins)) == 0


def test_disabled_user_cannot_log_in_and_password_change_works(services: Services) -> None:
    add(services)
    with services.database.transaction() as session:
        set_password(session, ADMIN, "rev.chest", "New-Pass-2026")
    with pytest.raises(AuthenticationError):
        login(services.database, "rev.chest", PASSWORD, "CH01")
    assert login(services.database, "rev.chest", "New-Pass-2026", "CH01")
    with services.database.transaction() as session:
        session.scalar(select(User)).active = False
    with pytest.raises(AuthenticationError):
        login(services.database, "rev.chest", "New-Pass-2026", "CH01")


def test_actor_needs_a_role_the_user_holds(services: Services) -> None:
    add(services)
    user = login(services.database, "rev.chest", PASSWORD, "CH01")
    assert actor_for(user, Role.REVIEWER).display_name == "刘主任"
    with pytest.raises(WorkflowError, match="does not hold the role 'triage'"):
        actor_for(user, Role.TRIAGE)


def test_repeated_wrong_passwords_lock_the_account_for_a_while(services: Services) -> None:
    add(services)
    t0 = datetime(2026, 11, 28, 1, 0, tzinfo=UTC)
    for i in range(LOCKOUT_AFTER):
        with pytest.raises(AuthenticationError, match="wrong password"):
            login(services.database, "rev.chest", "guess-guess-1", "CH01",
                  now=t0 + timedelta(seconds=i))
    last_failure = t0 + timedelta(seconds=LOCKOUT_AFTER - 1)
    # locked now: even the right password is refused, with a clear reason
    with pytest.raises(AuthenticationError, match="locked for 5 more minute"):
        login(services.database, "rev.chest", PASSWORD, "CH01",
              now=last_failure + timedelta(seconds=1))
    refused_at = last_failure + timedelta(seconds=1)
    assert login(services.database, "rev.chest", PASSWORD, "CH01",
                 now=refused_at + LOCKOUT_PERIOD).username == "rev.chest"
    # an administrator's new password unlocks at once
    for i in range(LOCKOUT_AFTER):
        with pytest.raises(AuthenticationError):
            login(services.database, "rev.chest", "guess-guess-1", "CH01",
                  now=t0 + timedelta(hours=1, seconds=i))
    with services.database.transaction() as session:
        set_password(session, ADMIN, "rev.chest", "Fresh-Start-1")
    assert login(services.database, "rev.chest", "Fresh-Start-1", "CH01",
                 now=t0 + timedelta(hours=1, seconds=10))


def test_disable_and_enable_are_audited(services: Services) -> None:
    add(services)
    with services.database.transaction() as session:
        set_active(session, ADMIN, "rev.chest", False)
    with pytest.raises(AuthenticationError):
        login(services.database, "rev.chest", PASSWORD, "CH01")
    with services.database.transaction() as session:
        set_active(session, ADMIN, "rev.chest", True)
    assert login(services.database, "rev.chest", PASSWORD, "CH01")
    with services.database.session() as session:
        actions = session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)).all()
    assert actions == ["user.add", "user.disable", "user.login", "user.enable", "user.login"]
