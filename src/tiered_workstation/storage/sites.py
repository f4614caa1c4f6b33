"""Sites of the consortium, their users, roles and specialty groups."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, UTCDateTime, enum_column, utcnow
from .enums import Role


class Site(Base):
    """A hospital of the consortium (this one or a peer)."""

    __tablename__ = "sites"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(8), unique=True)
    name: Mapped[str] = mapped_column(String(128))
    mode: Mapped[str] = mapped_column(String(16))  # center | community
    center_code: Mapped[str | None] = mapped_column(String(8))
    is_local: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class User(Base):
    """A person who logs in. Passwords are argon2 hashes, never plain text."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(128))
    site_code: Mapped[str] = mapped_column(ForeignKey("sites.code"))
    password_hash: Mapped[str] = mapped_column(String(256))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # present and reading today (triage proposes only available readers)
    available: Mapped[bool] = mapped_column(Boolean, default=True, server_default="1")
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    password_changed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    role_rows: Mapped[list[UserRole]] = relationship(
        back_populates="user", cascade="all, delete-orphan", lazy="selectin")
    group_rows: Mapped[list[GroupMember]] = relationship(
        back_populates="user", cascade="all, delete-orphan", lazy="selectin")

    @property
    def roles(self) -> frozenset[Role]:
        return frozenset(r.role for r in self.role_rows)

    @property
    def groups(self) -> frozenset[str]:
        return frozenset(g.group_code for g in self.group_rows)


class UserRole(Base):
    __tablename__ = "user_roles"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"),
                                         primary_key=True)
    role: Mapped[Role] = mapped_column(enum_column(Role), primary_key=True)

    user: Mapped[User] = relationship(back_populates="role_rows")


class SpecialtyGroup(Base):
    """A reading group at the center: chest, MSK, neuro, abdomen, …"""

    __tablename__ = "specialty_groups"

    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    name: Mapped[str] = mapped_column(String(64))


class GroupMember(Base):
    __tablename__ = "group_members"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"),
                                         primary_key=True)
    group_code: Mapped[str] = mapped_column(ForeignKey("specialty_groups.code"),
                                            primary_key=True)

    user: Mapped[User] = relationship(back_populates="group_rows")


class SigningKey(Base):
    """A reviewer's Ed25519 report-signing key: the private key encrypted with the
    user's password (PKCS#8), and the certificate the consortium CA issued for it."""

    __tablename__ = "signing_keys"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    private_key_pem: Mapped[str] = mapped_column(Text)
    certificate_pem: Mapped[str] = mapped_column(Text)
    fingerprint: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class HandwrittenSignature(Base):
    """A reader's or reviewer's handwritten signature (a PNG, ink on transparency) as an
    administrator enrolled it.  Signing a report copies it into the signed version, so
    a later re-enrollment never changes a report already issued."""

    __tablename__ = "handwritten_signatures"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    png: Mapped[bytes] = mapped_column(LargeBinary)
    sha256: Mapped[str] = mapped_column(String(64))
    enrolled_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ProgramVersion(Base):
    """A version of the program that has opened this database, and the schema it found:
    the site's installation history (``tiered-ws status``, upgrades)."""

    __tablename__ = "program_versions"

    version: Mapped[str] = mapped_column(String(32), primary_key=True)
    first_started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    schema_found: Mapped[str | None] = mapped_column(String(32))  # before its migrations
    backup_path: Mapped[str | None] = mapped_column(Text)  # the copy taken before them
