"""A community finds a patient's prior at the center and fetches its images with a real
C-MOVE over mutual TLS; the study then opens from the community's own archive."""

from __future__ import annotations

import dataclasses
import time
from datetime import date
from pathlib import Path

import pytest
from pydicom import dcmread

from support import TECH
from sync.conftest import Consortium
from tiered_workstation.app.priors import (
    CannotReachBack,
    Prior,
    RetrieveError,
    RetrieveProgress,
    Stage,
    find_priors,
    prior_files,
    retrieve_from_center,
)
from tiered_workstation.app.study_files import study_files
from tiered_workstation.dicom.scu import Target
from tiered_workstation.dicom.scu_transfer import store_files
from tiered_workstation.dicom.synth import Demographics, ct_series
from tiered_workstation.registration.identity import OrderInput, PatientInput
from tiered_workstation.registration.service import register_exam
from tiered_workstation.storage.enums import Sex

PERSON = {"patient_name": "王芳", "patient_phonetic": "Wang^Fang", "birth_date": "19491231",
          "sex": "F"}


def store_prior_at_center(consortium: Consortium, folder: Path) -> str:
    """A head CT of 王芳 registered at the center and sent to its node over TLS (as the
    community's forwarder would); returns its Study Instance UID."""
    center = consortium.center
    with center.database.transaction() as session:
        exam, _ = register_exam(session, center.workflow, center.registration, TECH,
                                PatientInput("王芳", Sex.FEMALE, "Wang^Fang",
                                             birth_date=date(1949, 12, 31)),
                                OrderInput("CTHEAD", "CT 头颅平扫", "CT", "HEAD"))
        prior_uid, accession = exam.study_instance_uid, exam.accession_number
    demo = Demographics(**PERSON, accession_number=accession, study_instance_uid=prior_uid)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n, ds in enumerate(ct_series(demo, slices=3, size=64)):
        path = folder / f"{n}.dcm"
        ds.save_as(path, enforce_file_format=True)
        paths.append(path)
    tls = center.settings.dicom.tls
    assert tls is not None
    sent = store_files(Target(center.settings.dicom.ae_title, "127.0.0.1", tls.port),
                       "CM01_PACS", paths, tls=consortium.context_for("CM01"))
    assert all(o.ok for o in sent)
    return prior_uid


def test_prior_is_found_and_fetched_from_the_center(consortium: Consortium,
                                                   tmp_path: Path) -> None:
    community = consortium.community
    prior_uid = store_prior_at_center(consortium, tmp_path / "prior")
    priors = find_priors(community.settings, community.database, name="王芳",
                         birth_date=date(1949, 12, 31), current_study_uid="2.25.1")
    assert [(p.study_instance_uid, p.site_code, p.description) for p in priors] == [
        (prior_uid, "CH01", "CT 头颅平扫")]

    community.node.start()   # the C-MOVE destination: this site's own node, over TLS
    heard: list[RetrieveProgress] = []
    status, counts = retrieve_from_center(community.settings, prior_uid, heard.append)
    assert (status, counts.completed, counts.failed) == (0x0000, 3, 0)
    assert heard[0].stage is Stage.ASKING
    sending = [(p.done, p.total) for p in heard if p.stage is Stage.SENDING]
    assert sending[-1] == (3, 3)                     # the center's counts, image by image
    assert [done for done, _ in sending] == sorted(done for done, _ in sending)
    deadline = time.monotonic() + 20
    found: list[Path] = []
    while time.monotonic() < deadline and len(found) < 3:
        with community.database.session() as session:
            found = study_files(session, community.archive.root,
                                study_instance_uid=prior_uid)
        time.sleep(0.1)
    assert len(found) == 3
    assert all(p.is_file() for p in found)


def test_a_center_that_cannot_be_asked_is_said_in_words(consortium: Consortium) -> None:
    community = consortium.community
    consortium.center.close()
    with pytest.raises(RetrieveError, match="could not be asked for the prior"):
        retrieve_from_center(community.settings, "2.25.42")


def with_retrieval(services, how: str) -> None:
    services.settings = dataclasses.replace(services.settings, forward=dataclasses.replace(
        services.settings.forward, retrieve_priors=how))


def prior_of(consortium: Consortium, prior_uid: str) -> Prior:
    return next(p for p in find_priors(consortium.community.settings,
                                       consortium.community.database, name="王芳",
                                       birth_date=date(1949, 12, 31),
                                       current_study_uid="2.25.1")
                if p.study_instance_uid == prior_uid)


def test_a_center_that_cannot_connect_back_is_asked_by_c_get(consortium: Consortium,
                                                             tmp_path: Path) -> None:
    community = consortium.community      # its node is not running: C-MOVE cannot deliver
    prior_uid = store_prior_at_center(consortium, tmp_path / "prior")
    prior = prior_of(consortium, prior_uid)

    with_retrieval(community, "move")
    with pytest.raises(CannotReachBack, match=r"could not connect back .* firewall or NAT"):
        prior_files(community, prior)

    with_retrieval(community, "auto")     # the default: C-MOVE, then C-GET
    heard: list[RetrieveProgress] = []
    files = prior_files(community, prior, progress=heard.append)
    assert len(files) == 3
    assert all(f.is_file() and f.is_relative_to(community.archive.root) for f in files)
    assert {str(dcmread(f).StudyInstanceUID) for f in files} == {prior_uid}
    assert [(p.done, p.total) for p in heard if p.stage is Stage.ARCHIVING][-1] == (3, 3)
    with community.database.session() as session:   # indexed: it opens from here now
        assert sorted(study_files(session, community.archive.root,
                                  study_instance_uid=prior_uid)) == sorted(files)
    assert sorted(prior_files(community, prior)) == sorted(files)   # no second retrieval


def test_a_site_behind_nat_fetches_priors_by_c_get_only(consortium: Consortium,
                                                        tmp_path: Path) -> None:
    community = consortium.community
    prior_uid = store_prior_at_center(consortium, tmp_path / "prior")
    with_retrieval(community, "get")
    heard: list[RetrieveProgress] = []
    files = prior_files(community, prior_of(consortium, prior_uid), progress=heard.append)
    assert len(files) == 3
    sending = [(p.done, p.total) for p in heard if p.stage is Stage.SENDING]
    assert sending[-1] == (3, 3)
