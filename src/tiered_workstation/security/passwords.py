"""Password hashing with argon2id (OWASP-recommended parameters via argon2-cffi)."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

MIN_PASSWORD_LENGTH = 8

_HASHER = PasswordHasher()


class WeakPasswordError(ValueError):
    """The password does not meet the site's minimum requirements."""


def weakness(password: str) -> str | None:
    """Why ``password`` is too weak: "short", "plain" (only letters or only digits), or
    None when it is acceptable. Forms word the reason in the user's language."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return "short"
    if password.isdigit() or password.isalpha():
        return "plain"
    return None


def check_strength(password: str) -> None:
    """Refuse passwords too short or too plain to protect patient data."""
    reason = weakness(password)
    if reason == "short":
        raise WeakPasswordError(
            f"The password must have at least {MIN_PASSWORD_LENGTH} characters.")
    if reason == "plain":
        raise WeakPasswordError("The password must mix letters with digits or symbols.")


def hash_password(password: str) -> str:
    """Return an argon2id hash of ``password`` after checking its strength."""
    check_strength(password)
    return _HASHER.hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    """True when ``password`` matches ``stored_hash``; False for a mismatch or a bad hash."""
    try:
        return _HASHER.verify(stored_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    """True when the hash was made with older parameters and should be renewed at login."""
    return _HASHER.check_needs_rehash(stored_hash)
