"""A simulated DR console: worklist, MPPS, images, and the faults real ones have.

It asks the node's Modality Worklist for its station's scheduled exams, and
for each: MPPS IN PROGRESS, a chest PA and a left lateral made by
``dicom/synth`` from the worklist item's demographics, C-STORE, MPPS COMPLETED
naming both series.  As on a real console each projection is its own series
(Series Instance UID, number and description: "Chest PA", "Chest LAT"), and
every date and time is the console's clock at that moment, in its time zone:
the study's when the exam was started, each image's when it was exposed.  Like
a real console it sends a study again after a failure with the same UIDs
(derived from the accession number) and the same images, so a resend is
recognised as a duplicate.

Faults on request: declare a Western character set while writing GBK bytes
(a mislabelling console), drop the association after N images, or be slow.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo

from pydicom.dataelem import DataElement
from pydicom.dataset import Dataset
from pydicom.uid import ExplicitVRLittleEndian, ImplicitVRLittleEndian
from pynetdicom import AE
from pynetdicom.presentation import build_context

from ..dicom.charset import names_from_person_name
from ..dicom.scu import DicomConnectionError, Target
from ..dicom.scu_mpps import PerformedSeries, finish_step, start_step
from ..dicom.scu_transfer import associate, query_worklist
from ..dicom.synth import Demographics, dx_dataset

LOGGER = logging.getLogger(__name__)

VIEWS = ("PA", "LL")  # chest posteroanterior + left lateral
SUCCESS_STATUSES = (0x0000, 0xB000, 0xB006, 0xB007)


@dataclass(frozen=True)
class SimulatorOptions:
    worklist: Target
    store: Target
    calling_ae: str = "DR01"
    station: str = "DR01"
    charset: str = "GB18030"
    mislabel_as: str | None = None  # e.g. "ISO_IR 100" while sending GBK bytes
    drop_after: int | None = None  # abort the association after this many images
    delay_s: float = 0.0  # between images (a slow console)
    size: int = 3000
    mpps: bool = True
    timezone: tzinfo | None = None  # the console clock's zone; None: this machine's


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class StudyResult:
    accession_number: str
    patient_name: str
    images_sent: int
    completed: bool
    problem: str = ""


def uid_for(accession: str, what: str) -> str:
    """A stable UID for this accession's ``what`` (a resend reuses it)."""
    return f"2.25.{uuid.uuid5(uuid.NAMESPACE_OID, f'tiered-sim/{accession}/{what}').int}"


@dataclass
class ModalitySimulator:
    options: SimulatorOptions
    done: set[str] = field(default_factory=set)
    say: Callable[[str], None] = LOGGER.info
    clock: Callable[[], datetime] = utc_now  # a fixed one gives the same bytes every run
    # studies acquired but not yet sent completely, kept to resend as they are
    unsent: dict[str, tuple[Dataset, list[Dataset], str]] = field(default_factory=dict)

    def now(self) -> datetime:
        """The console's clock: local time in its zone, with the UTC offset."""
        return self.clock().astimezone(self.options.timezone)

    def scheduled(self) -> list[Dataset]:
        query = Dataset()
        query.SpecificCharacterSet = self.options.charset
        for keyword in ("PatientName", "PatientID", "PatientBirthDate", "PatientSex",
                        "PatientAge", "AccessionNumber", "StudyInstanceUID",
                        "RequestedProcedureDescription"):
            setattr(query, keyword, "")
        step = Dataset()
        step.Modality = "DX"
        step.ScheduledStationAETitle = self.options.station
        step.ScheduledProcedureStepStartDate = ""
        query.ScheduledProcedureStepSequence = [step]
        return query_worklist(self.options.worklist, self.options.calling_ae, query)

    def images_for(self, item: Dataset, started: datetime | None = None) -> list[Dataset]:
        """The PA and the lateral of the exam started at ``started`` (default now), each
        in its own series, each stamped with the clock when it is exposed."""
        o = self.options
        demo = _demographics(item)
        started = started or self.now()
        images = []
        for n, view in enumerate(VIEWS):
            ds = dx_dataset(demo, size=o.size, seed=n, charset="GBK" if o.mislabel_as
                            else o.charset, series_uid=uid_for(demo.accession_number,
                                                               f"series/{view}"),
                            series_number=n + 1, instance_number=1, view=view,
                            station_ae=o.station, study_started=started,
                            acquired=max(self.now(), started))
            sop = uid_for(demo.accession_number, f"image{n}")
            ds.SOPInstanceUID = ds.file_meta.MediaStorageSOPInstanceUID = sop
            if o.mislabel_as:
                _mislabel(ds, o.mislabel_as)
            images.append(ds)
        return images

    def perform(self, item: Dataset) -> StudyResult:
        o = self.options
        accession = str(item.AccessionNumber)
        name = names_from_person_name(item.get("PatientName"))[0]
        if accession in self.unsent:  # a resend: the same images, the same MPPS step
            item, images, step_uid = self.unsent[accession]
            return self._send_and_complete(item, images, step_uid)
        started = self.now()  # the technologist picks the exam from the worklist
        step_uid = ""
        if o.mpps:
            step_uid, status = start_step(o.store, o.calling_ae, accession_number=accession,
                                          study_instance_uid=_demographics(item)
                                          .study_instance_uid,
                                          description="Chest PA + LAT", started=started)
            if status != 0:
                return StudyResult(accession, name, 0, False,
                                   f"MPPS IN PROGRESS refused (0x{status:04X})")
        images = self.images_for(item, started)
        self.unsent[accession] = (item, images, step_uid)
        return self._send_and_complete(item, images, step_uid)

    def _send_and_complete(self, item: Dataset, images: list[Dataset],
                           step_uid: str) -> StudyResult:
        o = self.options
        accession = str(item.AccessionNumber)
        name = names_from_person_name(item.get("PatientName"))[0]
        sent, problem = self._store(images)
        if problem:
            return StudyResult(accession, name, sent, False, problem)
        if step_uid:
            status = finish_step(o.store, o.calling_ae, step_uid,
                                 series=performed_series(images), ended=self.now())
            if status != 0:
                return StudyResult(accession, name, sent, False,
                                   f"MPPS COMPLETED refused (0x{status:04X})")
        self.done.add(accession)
        del self.unsent[accession]
        return StudyResult(accession, name, sent, True)

    def _store(self, images: list[Dataset]) -> tuple[int, str]:
        o = self.options
        ae = AE(ae_title=o.calling_ae)
        ae.requested_contexts = [build_context(str(images[0].SOPClassUID),
                                               [ExplicitVRLittleEndian,
                                                ImplicitVRLittleEndian])]
        assoc = associate(ae, o.store)
        sent = 0
        try:
            for ds in images:
                if o.drop_after is not None and sent >= o.drop_after:
                    assoc.abort()
                    return sent, f"connection dropped after {sent} image(s) (simulated)"
                status = assoc.send_c_store(ds)
                if not status or int(status.Status) not in SUCCESS_STATUSES:
                    code = f"0x{int(status.Status):04X}" if status else "no answer"
                    return sent, f"C-STORE failed ({code})"
                sent += 1
                if o.delay_s:
                    time.sleep(o.delay_s)
        finally:
            if assoc.is_established:
                assoc.release()
        return sent, ""

    def run_once(self) -> list[StudyResult]:
        """Perform every scheduled exam of the station, and resend unfinished ones
        (no longer on the worklist once their MPPS said IN PROGRESS)."""
        items = {str(i.AccessionNumber): i for i in self.scheduled()}
        items.update({a: entry[0] for a, entry in self.unsent.items()})
        results = []
        for accession, item in items.items():
            if accession in self.done:
                continue
            result = self.perform(item)
            self.say(f"{accession} {result.patient_name}: {result.images_sent} image(s) "
                     + ("done" if result.completed else f"— {result.problem}"))
            results.append(result)
        return results

    def run(self, *, loop: bool, interval_s: float = 10.0, rounds: int | None = None,
            stop: threading.Event | None = None) -> list[StudyResult]:
        """Poll the worklist once, or until ``stop`` is set (``loop``) or ``rounds`` ran."""
        stop = stop or threading.Event()
        results: list[StudyResult] = []
        count = 0
        while True:
            try:
                results += self.run_once()
            except DicomConnectionError as exc:
                self.say(f"worklist unreachable: {exc}")
            count += 1
            if not loop or (rounds is not None and count >= rounds) or stop.wait(interval_s):
                return results


def _demographics(item: Dataset) -> Demographics:
    """Who and what the worklist item names (its study UID, else one of our own)."""
    accession = str(item.AccessionNumber)
    name, phonetic = names_from_person_name(item.get("PatientName"))
    return Demographics(patient_name=name, patient_phonetic=phonetic or "",
                        patient_id=str(item.get("PatientID", "")),
                        birth_date=str(item.get("PatientBirthDate", "")),
                        sex=str(item.get("PatientSex", "")), accession_number=accession,
                        patient_age=str(item.get("PatientAge", "") or ""),
                        study_instance_uid=str(item.get("StudyInstanceUID", "")) or
                        uid_for(accession, "study"),
                        study_description=str(item.get("RequestedProcedureDescription",
                                                       "")))


def performed_series(images: list[Dataset]) -> list[PerformedSeries]:
    """The series of ``images`` in their order, each with its images, for MPPS."""
    series: dict[str, PerformedSeries] = {}
    for ds in images:
        uid = str(ds.SeriesInstanceUID)
        if uid not in series:
            description = str(ds.get("SeriesDescription", "") or "")
            series[uid] = PerformedSeries(uid, [], description,
                                          str(ds.get("ProtocolName", "") or description))
        series[uid].images.append((str(ds.SOPClassUID), str(ds.SOPInstanceUID)))
    return list(series.values())


def _mislabel(ds: Dataset, declared: str) -> None:
    """Keep the GBK bytes of the text, declare ``declared`` (as some consoles do)."""
    for tag in (0x00100010, 0x00081030, 0x0008103E):
        if tag in ds:
            element = ds[tag]
            ds[tag] = DataElement(tag, element.VR, str(element.value).encode("gbk"))
    ds.SpecificCharacterSet = declared

