"""The center's teaching library on the sync API (mutual TLS, ``/v1/teaching``).

Communities search the library, fetch a case's bundle (report, teaching points,
the size and SHA-256 of every file), then its images and lessons one file at a
time; file responses honour HTTP ``Range`` so an interrupted download goes on
from where it stopped.  Only the library's own de-identified cases are served.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import FileResponse

from ..storage.database import Database
from ..storage.enums import AuditOutcome
from ..sync.api import audit_peer, peer_site
from ..teaching import catalogue, library


def teaching_router(database: Database, teaching_dir: Path, site_code: str) -> APIRouter:
    router = APIRouter(prefix="/teaching", tags=["teaching"])

    @router.get("/cases", response_model=list[catalogue.CaseCard])
    def search(request: Request, text: str = Query("", max_length=100),
               body_part: str = Query("", max_length=16), tag: str = Query("", max_length=64),
               author: str = Query("", max_length=64),
               difficulty: int | None = Query(None, ge=1, le=3),
               limit: int = Query(200, ge=1, le=1000)) -> list[catalogue.CaseCard]:
        peer_site(request)
        query = library.LibraryQuery(text=text, body_part=body_part, tag=tag, author=author,
                                     difficulty=difficulty, limit=limit)
        with database.session() as session:
            return catalogue.cards(session, query)

    @router.get("/cases/{uid}", response_model=catalogue.CaseBundle)
    def bundle(uid: str, request: Request) -> catalogue.CaseBundle:
        site = peer_site(request)
        with database.session() as session:
            found = catalogue.bundle_of(session, uid)
        if found is None:
            raise HTTPException(404, "That case is not in the library.")
        audit_peer(database, site_code, site, "teaching.case", AuditOutcome.SUCCESS,
                   found.title, object_id=uid)
        return found

    @router.get("/cases/{uid}/files/{sop_instance_uid}")
    def case_file(uid: str, sop_instance_uid: str, request: Request) -> FileResponse:
        peer_site(request)
        with database.session() as session:
            path = catalogue.instance_file(session, teaching_dir, uid, sop_instance_uid)
        if path is None or not path.is_file():
            raise HTTPException(404, "That file is not part of the case.")
        return FileResponse(path, media_type="application/dicom")

    @router.get("/lessons/{uid}/media")
    def lesson_media(uid: str, request: Request) -> FileResponse:
        peer_site(request)
        with database.session() as session:
            found = catalogue.lesson_file(session, teaching_dir, uid)
        if found is None or not found[0].is_file():
            raise HTTPException(404, "That lesson is not in the library.")
        return FileResponse(found[0], media_type=found[1] or "application/octet-stream")

    @router.get("/courses", response_model=list[catalogue.CourseCard])
    def courses(request: Request) -> list[catalogue.CourseCard]:
        peer_site(request)
        with database.session() as session:
            return catalogue.courses(session)

    @router.get("/courses/{uid}", response_model=catalogue.CourseCard)
    def course(uid: str, request: Request) -> catalogue.CourseCard:
        peer_site(request)
        with database.session() as session:
            found = catalogue.course_of(session, uid)
        if found is None:
            raise HTTPException(404, "That course is not in the library.")
        return found

    return router
