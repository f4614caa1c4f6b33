"""Report templates per procedure and insertable phrases per body part (zh / en).

The shipped ``report_templates.json`` is package data; a site may put its own
``report_templates.json`` in its data folder, which then wins entry by entry.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

LOGGER = logging.getLogger(__name__)
FILE_NAME = "report_templates.json"


@dataclass(frozen=True)
class ReportTemplate:
    findings: str
    impression: str


@dataclass(frozen=True)
class TemplateBook:
    templates: dict[str, dict[str, ReportTemplate]]  # procedure code → language → text
    phrases: dict[str, dict[str, list[str]]]  # body part → language → phrases

    def template(self, procedure_code: str, language: str) -> ReportTemplate | None:
        by_language = self.templates.get(procedure_code, {})
        return by_language.get(_lang(language)) or by_language.get("zh")

    def phrases_for(self, body_part: str, language: str) -> list[str]:
        by_language = self.phrases.get(body_part, {})
        return list(by_language.get(_lang(language)) or by_language.get("zh") or [])


def load_templates(site_folder: Path | None = None) -> TemplateBook:
    """The shipped templates, overlaid by a site's file when it exists and is valid."""
    shipped = json.loads(resources.files(__package__).joinpath(FILE_NAME).read_text("utf-8"))
    raw: dict[str, Any] = {"templates": dict(shipped["templates"]),
                           "phrases": dict(shipped["phrases"])}
    site_file = site_folder / FILE_NAME if site_folder else None
    if site_file and site_file.is_file():
        try:
            site = json.loads(site_file.read_text("utf-8"))
            raw["templates"].update(site.get("templates", {}))
            raw["phrases"].update(site.get("phrases", {}))
        except (ValueError, AttributeError) as exc:
            LOGGER.error("report templates in %s are not valid JSON (%s); using the shipped "
                         "ones", site_file, exc)
    templates = {code: {lang: ReportTemplate(t.get("findings", ""), t.get("impression", ""))
                        for lang, t in langs.items()}
                 for code, langs in raw["templates"].items()}
    phrases = {part: {lang: list(items) for lang, items in langs.items()}
               for part, langs in raw["phrases"].items()}
    return TemplateBook(templates, phrases)


def _lang(language: str) -> str:
    return "zh" if language.lower().startswith("zh") else "en"
