"""Who is acting: a logged-in person in one of their roles, or the node itself."""

from __future__ import annotations

from dataclasses import dataclass

from ..storage.enums import Role


@dataclass(frozen=True)
class Actor:
    """The person (or service) responsible for an action, in the role they act in."""

    username: str
    role: Role
    site_code: str
    display_name: str = ""

    def __post_init__(self) -> None:
        if not self.username:
            raise ValueError("an actor needs a username")

    @classmethod
    def system(cls, site_code: str, service: str = "node") -> Actor:
        """The node acting on its own (MPPS from a device, forwarder, auto-print)."""
        return cls(username=f"system:{service}", role=Role.SYSTEM, site_code=site_code,
                   display_name=service)

    @property
    def label(self) -> str:
        return self.display_name or self.username
