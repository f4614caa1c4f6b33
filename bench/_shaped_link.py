"""A shaped link for the benchmarks: a network namespace joined to this machine by a
veth pair whose both ends are limited with ``tc tbf`` (an ordinary community internet
link, 20 Mbit/s by default).  Needs root; the benchmark removes it at the end."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path


def sh(*command: str) -> None:
    subprocess.run(command, check=True, capture_output=True, timeout=30)


@dataclass(frozen=True)
class ShapedLink:
    netns: str
    host_if: str
    ns_if: str
    host_ip: str
    center_ip: str  # the namespace's end, where the benchmark's center listens

    def make(self, rate: str) -> None:
        sh("ip", "netns", "add", self.netns)
        sh("ip", "link", "add", self.host_if, "type", "veth", "peer", "name", self.ns_if)
        sh("ip", "link", "set", self.ns_if, "netns", self.netns)
        sh("ip", "addr", "add", f"{self.host_ip}/24", "dev", self.host_if)
        sh("ip", "link", "set", self.host_if, "up")
        ns = ("ip", "netns", "exec", self.netns)
        sh(*ns, "ip", "addr", "add", f"{self.center_ip}/24", "dev", self.ns_if)
        sh(*ns, "ip", "link", "set", self.ns_if, "up")
        sh(*ns, "ip", "link", "set", "lo", "up")
        shape = ("qdisc", "add", "dev")
        tbf = ("root", "tbf", "rate", rate, "burst", "32kbit", "latency", "400ms")
        sh("tc", *shape, self.host_if, *tbf)
        sh(*ns, "tc", *shape, self.ns_if, *tbf)

    def remove(self) -> None:
        subprocess.run(["ip", "link", "del", self.host_if], capture_output=True, timeout=30)
        subprocess.run(["ip", "netns", "del", self.netns], capture_output=True, timeout=30)

    def wire_bytes(self) -> int:
        """Bytes through the host end of the pair so far, both directions."""
        stats = Path("/sys/class/net") / self.host_if / "statistics"
        return sum(int((stats / name).read_text()) for name in ("rx_bytes", "tx_bytes"))
