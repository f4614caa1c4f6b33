"""The demos' sites: one name each, on their own screens and on the reports the center
prints for them."""

from __future__ import annotations

CENTER, COMMUNITY = "CH01", "CM01"
CENTER_NAME = "市中心医院 City Center Hospital"
COMMUNITY_NAME = "第一社区卫生服务中心 Community 1"
