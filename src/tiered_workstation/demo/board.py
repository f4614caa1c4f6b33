"""A busy morning at the center, for the desktop demo and the screenshots.

Exams from two community hospitals and the center itself in every state of the
loop, registered over the last hour, walked through the real workflow with
real actors so timelines, readers and turnaround colours are genuine.
"""

from __future__ import annotations

import shutil
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from ..app.bootstrap import Services, bootstrap
from ..app.site_setup import InitRequest, add_site, init_site
from ..config import SiteMode
from ..registration.identity import OrderInput, PatientInput
from ..registration.service import RegistrationPolicy, register_exam
from ..storage.base import utcnow
from ..storage.enums import ExamState, Priority, ReadingMode, Role, Sex, VersionKind
from ..storage.reports import Assignment
from ..storage.sites import User
from ..workflow.accounts import add_user
from ..workflow.actors import Actor
from ..workflow.reports import save_version
from ..workflow.transitions import Action
from .credentials import DEMO_PASSWORD
from .sites import CENTER_NAME

CHEST = OrderInput("DXCHEST2", "DR 胸部正侧位", "DX", "CHEST", scheduled_station_ae="DR01")
HAND = OrderInput("DXHAND", "DR 左手正斜位", "DX", "HAND", scheduled_station_ae="DR01")
KNEE = OrderInput("DXKNEE", "DR 右膝关节正侧位", "DX", "KNEE", scheduled_station_ae="DR01")
HEAD_CT = OrderInput("CTHEAD", "CT 头颅平扫", "CT", "HEAD", priority=Priority.URGENT,
                     scheduled_station_ae="CT01")
ABDOMEN_CT = OrderInput("CTABD", "CT 上腹部平扫", "CT", "ABDOMEN", scheduled_station_ae="CT01")

# Each exam's own request and the report that answers it (clinical information,
# findings, impression), taken in turn per procedure, so the board and the reading
# desk read like a reading room: no two neighbours share a history.
CASES: dict[str, tuple[tuple[str, str, str], ...]] = {
    "DXCHEST2": (
        ("咳嗽两周，发热三天。",
         "双肺纹理增多，右下肺见斑片状模糊影，边界不清；心影大小形态正常；双侧肋膈角锐利。",
         "右下肺炎症，建议抗炎治疗后两周复查。"),
        ("入职体检，无不适。",
         "双肺纹理清晰，未见实变；心影大小形态正常；双侧膈面光整，肋膈角锐利。",
         "胸部未见明显异常。"),
        ("低热、盗汗伴咳嗽一月。",
         "右上肺尖后段见斑片状及条索状影，边缘模糊，邻近胸膜增厚；心膈未见异常。",
         "右上肺继发性肺结核可能，建议痰检及胸部 CT 检查。"),
        ("摔倒致左侧胸痛，深呼吸时加重。",
         "左侧第5、6肋骨腋段骨皮质不连续；双肺未见实变，未见气胸；双侧肋膈角锐利。",
         "左侧第5、6肋骨骨折，未见气胸。"),
        ("胸闷、气短一月，双下肢水肿。",
         "双肺门影增浓，双肺纹理模糊；心影增大，心胸比约0.58；右侧肋膈角变钝。",
         "心影增大，肺淤血，右侧少量胸腔积液。"),
        ("反复咳嗽、咳痰十余年，活动后气促。",
         "双肺纹理增多、紊乱，双肺透亮度增高，肋间隙增宽，膈肌低平；心影狭长。",
         "慢性支气管炎、肺气肿。"),
        ("咽痛、干咳五天，无发热，请排除肺炎。",
         "双肺纹理清晰，未见实变影；心影不大；双侧膈面光整。",
         "心肺未见明显异常。"),
    ),
    "DXHAND": (
        ("跌倒时左手撑地，腕部肿痛。",
         "左手及腕部诸骨骨质完整，未见骨折线；腕骨排列正常；腕部软组织轻度肿胀。",
         "左手未见明显骨折，腕部软组织肿胀。"),
        ("左手被重物砸伤，手背肿痛。",
         "左手第5掌骨颈部骨皮质不连续，断端向掌侧成角；余诸骨未见异常。",
         "左手第5掌骨颈骨折。"),
    ),
    "DXKNEE": (
        ("右膝疼痛三年，上下楼梯时加重。",
         "右膝关节诸骨骨质未见破坏，关节间隙稍窄，髁间隆起略变尖，髌骨边缘骨质增生。",
         "右膝关节轻度退行性变。"),
        ("打篮球时扭伤右膝，肿痛一天。",
         "右膝关节诸骨骨质完整，未见骨折线；关节间隙正常；髌上囊区软组织肿胀。",
         "右膝关节未见骨折，关节积液可能，必要时 MRI 检查。"),
        ("跑步后右膝前方疼痛两周。",
         "右膝关节诸骨骨质完整，关节面光整，关节间隙正常，周围软组织未见异常。",
         "右膝关节未见明显异常。"),
    ),
    "CTHEAD": (
        ("突发头痛伴呕吐两小时。",
         "脑实质内未见异常密度影，脑室系统未见扩大，中线结构居中，颅骨未见骨折。",
         "头颅 CT 平扫未见明显异常。"),
        ("摔倒后头部着地，短暂意识不清。",
         "右侧额部头皮软组织肿胀；脑实质内未见异常密度影，中线结构居中，颅骨未见骨折。",
         "右额部头皮血肿，颅内未见明显异常。"),
    ),
    "CTABD": (
        ("右上腹隐痛一周，进食油腻后加重。",
         "胆囊增大，壁稍厚，腔内见类圆形高密度影，直径约1.2 cm；肝、胰、脾及双肾未见异常。",
         "胆囊结石，胆囊炎可能。"),
        ("体检发现转氨酶升高。",
         "肝实质密度弥漫性减低，低于脾脏；胆囊不大；胰腺、脾脏及双肾未见异常。",
         "脂肪肝。"),
    ),
}

PEOPLE = (
    ("张三", "Zhang^San", Sex.MALE, 1960), ("李秀英", "Li^Xiuying", Sex.FEMALE, 1948),
    ("王伟", "Wang^Wei", Sex.MALE, 1975), ("刘洋", "Liu^Yang", Sex.FEMALE, 1991),
    ("陈静", "Chen^Jing", Sex.FEMALE, 1983), ("杨志强", "Yang^Zhiqiang", Sex.MALE, 1952),
    ("赵敏", "Zhao^Min", Sex.FEMALE, 1969), ("黄磊", "Huang^Lei", Sex.MALE, 2001),
    ("周桂兰", "Zhou^Guilan", Sex.FEMALE, 1944), ("吴昊", "Wu^Hao", Sex.MALE, 1987),
    ("徐丽", "Xu^Li", Sex.FEMALE, 1979), ("孙建国", "Sun^Jianguo", Sex.MALE, 1957),
    ("马晓燕", "Ma^Xiaoyan", Sex.FEMALE, 1995), ("朱文", "Zhu^Wen", Sex.MALE, 1966),
    ("胡春梅", "Hu^Chunmei", Sex.FEMALE, 1972), ("郭强", "Guo^Qiang", Sex.MALE, 1983),
    ("林芳", "Lin^Fang", Sex.FEMALE, 1958), ("何军", "He^Jun", Sex.MALE, 1949),
    ("高雪", "Gao^Xue", Sex.FEMALE, 2005), ("欧阳娜娜", "Ouyang^Nana", Sex.FEMALE, 2000),
)

# (minutes ago registered, site, order, how far it got)
PLAN = (
    (58, "CM01", CHEST, ExamState.PRINTED), (55, "CM02", KNEE, ExamState.PRINTED),
    (52, "CM01", HEAD_CT, ExamState.PRINTED), (47, "CM01", CHEST, ExamState.FINAL),
    (44, "CM02", CHEST, ExamState.IN_CONSULTATION), (41, "CM01", ABDOMEN_CT,
                                                     ExamState.PRELIMINARY),
    (37, "CM02", HAND, ExamState.PRELIMINARY), (33, "CM01", CHEST, ExamState.ASSIGNED),
    (29, "CM01", CHEST, ExamState.PRELIMINARY), (26, "CM02", KNEE, ExamState.TRANSFERRED),
    (24, "CM01", HEAD_CT, ExamState.ASSIGNED), (21, "CM01", CHEST, ExamState.TRANSFERRED),
    (18, "CM02", CHEST, ExamState.ACQUIRED), (15, "CM01", HAND, ExamState.IN_PROGRESS),
    (12, "CM01", CHEST, ExamState.SCHEDULED), (9, "CM02", CHEST, ExamState.SCHEDULED),
    (7, "CM01", CHEST, ExamState.REGISTERED), (5, "CM02", ABDOMEN_CT, ExamState.REGISTERED),
    (3, "CM01", CHEST, ExamState.REGISTERED), (1, "CM02", KNEE, ExamState.REGISTERED),
)

# who reads (writes the preliminary) and who reviews and signs, per body part: two
# people, as two-level review wants
READERS = {"CHEST": ("att.chest", "陈主治", "chest"), "HEAD": ("att.neuro", "何医生", "neuro"),
           "ABDOMEN": ("att.abd", "周医生", "abdomen"), "HAND": ("att.msk", "孙医生", "msk"),
           "KNEE": ("att.msk", "孙医生", "msk")}
SIGNERS = {"CHEST": ("rev.chest", "刘主任"), "HEAD": ("rev.neuro", "陈主任"),
           "ABDOMEN": ("rev.body", "吴主任"), "HAND": ("rev.body", "吴主任"),
           "KNEE": ("rev.body", "吴主任")}


@dataclass(frozen=True)
class _Step:
    action: Action
    reached: ExamState
    minutes: float


STEPS = (
    _Step(Action.SCHEDULE, ExamState.SCHEDULED, 1), _Step(Action.START_ACQUISITION,
                                                          ExamState.IN_PROGRESS, 2),
    _Step(Action.COMPLETE_ACQUISITION, ExamState.ACQUIRED, 3),
    _Step(Action.CONFIRM_TRANSFER, ExamState.TRANSFERRED, 2),
    _Step(Action.ASSIGN, ExamState.ASSIGNED, 2),
    _Step(Action.SUBMIT_PRELIMINARY, ExamState.PRELIMINARY, 6),
    _Step(Action.REQUEST_CONSULTATION, ExamState.IN_CONSULTATION, 3),
    _Step(Action.SIGN, ExamState.FINAL, 3), _Step(Action.PRINT, ExamState.PRINTED, 1),
)
ORDER = list(ExamState)




def seed_board(services: Services, now: datetime, *, password: str = DEMO_PASSWORD) -> int:
    """Register and walk :data:`PLAN` at the center of ``services``; returns the count.

    The center's readers and its triage doctor get accounts with ``password``.
    """
    db, wf = services.database, services.workflow
    center = services.settings.site.code
    tz = services.settings.site.tz
    setup = Actor.system(center, "demo-setup")
    with db.transaction() as session:
        for code, name in (("CM01", "第一社区卫生服务中心"), ("CM02", "第二社区卫生服务中心")):
            add_site(session, code, name, SiteMode.COMMUNITY, center)
        people = {username: (name, Role.ATTENDING) for username, name, _ in READERS.values()}
        people |= {username: (name, Role.REVIEWER) for username, name in SIGNERS.values()}
        people["triage"] = ("王医生", Role.TRIAGE)
        existing = set(session.scalars(select(User.username)))
        for username, (name, role) in people.items():
            if username not in existing:
                add_user(session, setup, username=username, display_name=name,
                         password=password, roles=[role], site_code=center)
    taken: Counter[str] = Counter()
    for n, (minutes_ago, site, order, goal) in enumerate(PLAN):
        name, phonetic, sex, year = PEOPLE[n % len(PEOPLE)]
        cases = CASES[order.procedure_code]
        clinical_info, findings, impression = cases[taken[order.procedure_code] % len(cases)]
        taken[order.procedure_code] += 1
        at = now - timedelta(minutes=minutes_ago)
        policy = RegistrationPolicy(site_code=site, timezone=tz,
                                    uid_root=services.settings.uid_root,
                                    default_reading_mode=ReadingMode.CENTER_FULL)
        tech = Actor(f"tech.{site.lower()}", Role.TECHNICIAN, site, f"{site} 技师")
        device = Actor.system(site, "DR01")
        username, reader_name, group = READERS[order.body_part]
        reader = Actor(username, Role.ATTENDING, center, reader_name)
        signer_username, signer_name = SIGNERS[order.body_part]
        signer = Actor(signer_username, Role.REVIEWER, center, signer_name)
        triage = Actor("triage", Role.TRIAGE, center, "王医生")
        with db.transaction() as session:
            exam, _ = register_exam(
                session, wf, policy, tech,
                PatientInput(name, sex, phonetic, birth_date=date(year, 3 + n % 9, 1 + n)),
                replace(order, clinical_info=clinical_info), at=at)
            pace = 0.8 + 0.15 * (n % 4) + (0.6 if n == 1 else 0)  # some readers are slower
            for step in STEPS:
                if ORDER.index(step.reached) > ORDER.index(goal) or (
                        step.reached is ExamState.IN_CONSULTATION
                        and goal is not ExamState.IN_CONSULTATION):
                    continue
                at = min(at + timedelta(minutes=step.minutes * pace), now)
                actor, note = {
                    Action.SCHEDULE: (tech, "DR01"),
                    Action.START_ACQUISITION: (device, "MPPS"),
                    Action.COMPLETE_ACQUISITION: (device, "MPPS"),
                    Action.CONFIRM_TRANSFER: (Actor.system(site, "forwarder"), ""),
                    Action.ASSIGN: (triage, reader_name),
                    Action.SUBMIT_PRELIMINARY: (reader, ""),
                    Action.REQUEST_CONSULTATION: (signer, "请专家组会诊"),
                    Action.SIGN: (signer, ""),
                    Action.PRINT: (Actor.system(site, "auto-print"), ""),
                }[step.action]
                if step.action is Action.ASSIGN:
                    session.add(Assignment(exam_id=exam.id, assignee_username=username,
                                           group_code=group, assigned_by="triage",
                                           assigned_at=at))
                    session.flush()
                if step.action in (Action.SUBMIT_PRELIMINARY, Action.SIGN):
                    kind = VersionKind.FINAL if step.action is Action.SIGN \
                        else VersionKind.PRELIMINARY
                    save_version(session, exam, signer if kind is VersionKind.FINAL
                                 else reader, findings=findings,
                                 impression=impression, kind=kind, at=at)
                wf.apply(session, exam, step.action, actor, note=note, at=at)
    return len(PLAN)


def prepare_desk_demo(data_dir: Path) -> Path:
    """A fresh demo center in ``data_dir`` with a busy morning; returns its site.toml.

    The desktop demo does not embed the node (no ports are opened): it shows
    the desks over the seeded database.
    """
    if data_dir.exists():
        shutil.rmtree(data_dir)
    settings, config_path = init_site(InitRequest(
        mode="center", site_code="CH01", data_dir=data_dir,
        name=CENTER_NAME, extra={"gui": {"embed_node": False}}))
    services = bootstrap(settings)
    try:
        seed_board(services, utcnow().replace(microsecond=0))
    finally:
        services.close()
    return config_path
