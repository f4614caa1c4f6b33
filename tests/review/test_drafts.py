"""Autosave: a killed editor loses at most the seconds since the last save."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

from review.conftest import ATTENDING, Reading, by_accession
from tiered_workstation.app.site_file import render_site_toml
from tiered_workstation.review.drafts import autosave, load_draft
from tiered_workstation.review.submit import submit_preliminary

CHILD = textwrap.dedent("""
    import sys, time
    from tiered_workstation.config import load_settings
    from tiered_workstation.app.bootstrap import bootstrap
    from tiered_workstation.review.drafts import autosave
    services = bootstrap(load_settings(sys.argv[1]))
    exam_id, text = int(sys.argv[2]), sys.argv[3]
    typed = ""
    for n, char in enumerate(text):  # typing, saved every few characters like the editor's timer
        typed += char
        if n % 5 == 4:
            with services.database.transaction() as session:
                autosave(session, exam_id, "att.chest", typed, "")
            print(len(typed), flush=True)
    print("done", flush=True)
    time.sleep(60)  # killed here, without any clean shutdown
""")


def test_draft_survives_a_killed_process(reading: Reading, tmp_path) -> None:
    services = reading.services
    accession = reading.new_exam()
    with services.database.session() as session:
        exam_id = by_accession(session, accession).id
    config = services.settings.data_dir / "site.toml"
    config.write_text(render_site_toml(services.settings, config.parent), encoding="utf-8")
    text = "双肺纹理增多，右下肺见片状模糊影，边界不清。心影不大。"
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(config), str(exam_id), text],
                             stdout=subprocess.PIPE, text=True, env={**os.environ})
    saved = 0
    deadline = time.monotonic() + 60
    assert child.stdout is not None
    while time.monotonic() < deadline:
        line = child.stdout.readline().strip()
        if line == "done" or not line:
            break
        saved = int(line)
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=10)
    with services.database.session() as session:
        draft = load_draft(session, exam_id, "att.chest")
    assert draft is not None
    assert draft.findings == text[:saved]
    assert saved >= len(text) - 4


def test_draft_is_dropped_when_submitted(reading: Reading) -> None:
    services = reading.services
    accession = reading.new_exam()
    with services.database.transaction() as session:
        exam = by_accession(session, accession)
        autosave(session, exam.id, ATTENDING.username, "草稿", "印象")
    with services.database.transaction() as session:
        exam = by_accession(session, accession)
        assert load_draft(session, exam.id, ATTENDING.username).findings == "草稿"
        submit_preliminary(session, services.workflow, exam, ATTENDING, findings="正式",
                           impression="印象", sealer=services.sync.sealer)
    with services.database.session() as session:
        assert load_draft(session, by_accession(session, accession).id, "att.chest") is None
