"""`tiered-ws register`: register a patient and an exam from a script or the HIS."""

from __future__ import annotations

import argparse
import getpass
import sys
from datetime import date
from pathlib import Path
from typing import Any

from ..app.bootstrap import open_site
from ..registration.catalogue import procedure
from ..registration.identity import OrderInput, PatientInput
from ..storage.enums import PatientSource, Priority, ReadingMode, Role, Sex
from ..workflow.actors import Actor
from ..workflow.identifiers import has_record_shape


def add_commands(sub: Any) -> None:
    reg = sub.add_parser("register", help="register a patient and an exam; prints the "
                                          "accession number")
    reg.add_argument("--name", required=True, help="e.g. 张三")
    reg.add_argument("--phonetic", default="", help="e.g. Zhang^San")
    reg.add_argument("--sex", choices=["M", "F", "O", "U"], default="U")
    reg.add_argument("--birth-date", type=date.fromisoformat, help="YYYY-MM-DD")
    reg.add_argument("--age", type=int, help="age in years when the birth date is unknown")
    reg.add_argument("--national-id", help="resident ID card number (checked)")
    reg.add_argument("--phone")
    reg.add_argument("--record-number", help="the hospital record number (病历号) on the "
                                             "requisition (default: this site's next)")
    reg.add_argument("--procedure", required=True, help="catalogue code, e.g. DXCHEST2")
    reg.add_argument("--priority", choices=[p.value for p in Priority], default="routine")
    reg.add_argument("--reading-mode", choices=[m.value for m in ReadingMode])
    reg.add_argument("--station", help="scheduled station AE (default: the procedure's)")
    reg.add_argument("--requisition", action="append", type=Path, default=[],
                     help="scanned request form, JPEG/PNG/PDF (repeatable)")
    reg.add_argument("--clinical-info", default="")
    reg.add_argument("--source", choices=[s.value for s in PatientSource],
                     default=PatientSource.OUTPATIENT.value,
                     help="门诊 outpatient, 住院 inpatient, 体检 health-check, 急诊 emergency")
    reg.add_argument("--department", default="", help="requesting department, e.g. 呼吸内科")
    reg.add_argument("--doctor", default="", help="requesting doctor, e.g. 王医生")
    reg.add_argument("--admission-id", default="", help="an inpatient's admission ID (住院号)")
    reg.set_defaults(func=cmd_register)


def cmd_register(args: argparse.Namespace) -> int:
    item = procedure(args.procedure)
    files = [(p.name, p.read_bytes()) for p in args.requisition]
    with open_site(args.config) as services:
        site = services.settings.site.code
        actor = Actor(username=f"cli:{getpass.getuser()}", role=Role.TECHNICIAN,
                      site_code=site, display_name="command line")
        patient = PatientInput(args.name, Sex(args.sex), args.phonetic, args.birth_date,
                               national_id=args.national_id, phone=args.phone,
                               local_patient_id=args.record_number or None)
        order = OrderInput(item.code, item.description, item.modality, item.body_part,
                           priority=Priority(args.priority),
                           reading_mode=ReadingMode(args.reading_mode) if args.reading_mode
                           else None, scheduled_station_ae=args.station or item.station,
                           clinical_info=args.clinical_info, referring_physician=args.doctor,
                           patient_source=PatientSource(args.source),
                           requesting_department=args.department,
                           admission_id=args.admission_id,
                           patient_age=f"{args.age:03d}Y" if args.age is not None else "")
        accession = services.registration_desk.register_inputs(
            actor, patient, order, files).accession_number
        pattern = services.settings.registration.record_number
    if args.record_number and not has_record_shape(args.record_number, pattern, site):
        print(f"Note: record number {args.record_number.strip()} does not look like this "
              f"site's numbers ({pattern}); check it against the requisition.",
              file=sys.stderr)
    print(accession)
    return 0
