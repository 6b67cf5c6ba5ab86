"""Demo needs (수요), support programmes and the procurement around them, for ``manage.py seed_demo``.

Gwacheon's 24 planned smart-city services (its 2021–2025 plan) become its needs, written the way a city
official describes the problem; the 2023 programme cities post needs of their own. Proposals, a shortlist
and an award go through the services, so every step is audited and the ranking is frozen as it would be.
Run it after the catalogue is indexed (the command does); running it again changes nothing.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from marketplace import services
from marketplace.matching.engine import rank_need
from marketplace.models import (
    Membership,
    MembershipStatus,
    Need,
    NeedStatus,
    Organization,
    OrganizationKind,
    Programme,
    Solution,
)

from .seed import _member, _user

PROGRAMMES = (
    {
        "name": "스마트도시 솔루션 확산사업",
        "name_en": "Smart City Solution Diffusion Programme",
        "slug": "solution-diffusion",
        "summary": "인구 30만 명 미만 지자체에 실증으로 검증된 솔루션(스마트쉘터 등)을 패키지로 보급한다. "
        "2024년부터 데이터허브와 연계된 오픈소스 솔루션을 써야 하며 사업비의 35 % 이상을 기후대응·디지털포용 "
        "솔루션에 배정해야 한다.",
        "max_population": 300_000,
        "requires_open_source": True,
        "requires_data_hub_linkage": True,
        "min_climate_inclusion_share": 35,
        "application_deadline": date(2027, 3, 31),
    },
    {
        "name": "강소형 스마트도시 조성사업",
        "name_en": "Small but Strong Smart City Programme",
        "slug": "small-strong-smart-city",
        "summary": "중소도시가 지역 특화 문제를 스마트 솔루션으로 해결하도록 지원한다(2023년 목포·아산·태안·평택).",
        "max_population": 500_000,
        "city_types": ["existing", "rural"],
        "requires_open_source": True,
        "requires_data_hub_linkage": True,
        "min_climate_inclusion_share": 35,
        "application_deadline": date(2027, 4, 30),
    },
    {
        "name": "거점형 스마트도시 조성사업",
        "name_en": "Regional Hub Smart City Programme",
        "slug": "regional-hub-smart-city",
        "summary": "광역 거점 도시에 데이터허브 기반 통합 플랫폼과 다수 솔루션을 구축한다(2023년 고양·울산).",
        "requires_open_source": True,
        "requires_data_hub_linkage": True,
        "min_climate_inclusion_share": 35,
        "application_deadline": date(2027, 5, 31),
    },
    {
        "name": "스마트챌린지",
        "name_en": "Smart Challenge",
        "slug": "smart-challenge",
        "summary": "기업과 지자체가 함께 도시문제 해결 솔루션을 실증한다(과천 스마트타운 챌린지 등).",
        "requires_data_hub_linkage": True,
        "application_deadline": date(2027, 2, 28),
    },
    {
        "name": "생활밀착형 도시재생 스마트기술 지원사업",
        "name_en": "Smart Technology for Neighbourhood Regeneration",
        "slug": "regeneration-smart-technology",
        "summary": "쇠퇴 지역 도시재생 사업지에 스마트폴, 화재 감지 등 생활 안전 기술을 보급한다.",
        "max_population": 500_000,
        "city_types": ["existing", "rural"],
        "requires_data_hub_certification": True,
        "application_deadline": date(2027, 6, 30),
    },
)


@dataclass(frozen=True)
class DemoNeed:
    city: str
    title: str
    text: str
    budget_krw: int | None
    sites: int = 1
    timeline: str = ""
    status: str = NeedStatus.PUBLISHED
    must_haves: tuple[str, ...] = ()
    proposals: int = 0  # how many of the best-matching companies answer
    shortlist: int = 0
    award: str = ""  # the award reason, when the need is awarded
    close: str = ""
    extra: dict = field(default_factory=dict)


HUB = ("data_hub_linkage",)
GWACHEON = "과천시"
NEEDS = (
    DemoNeed(GWACHEON, "스마트주차장 서비스", "주말과 출퇴근 시간에 도심 공영주차장 빈자리를 찾느라 차량이 배회하고 "
             "주차 시간이 길어집니다. 주차면별 점유 정보를 시민에게 실시간으로 알려 주고 싶습니다.",
             400_000_000, 8, "2021년", NeedStatus.AWARDED, HUB, proposals=3, shortlist=2,
             award="주차면 센서 실증 성과가 검증되었고 8개 주차장 모두 예산 범위 내에서 구축 가능"),
    DemoNeed(GWACHEON, "수요응답형 버스 서비스", "과천동·문원동 등 외곽 마을은 버스 배차 간격이 길어 어르신들이 "
             "병원과 시장에 가기 어렵습니다. 호출하면 오는 버스가 필요합니다.", 600_000_000, 1, "2023년",
             proposals=2),
    DemoNeed(GWACHEON, "전기자전거 공유 서비스", "지하철역에서 정부과천청사와 지식정보타운까지 가는 짧은 이동 수단이 "
             "부족합니다. 민간 사업자가 운영하는 전기자전거 공유를 검토합니다.", None, 20, "미정"),
    DemoNeed(GWACHEON, "주차단속알림시스템 고도화", "불법주정차 단속 전에 차주에게 문자로 알리고 가까운 빈 주차장을 "
             "안내해 자진 이동을 유도하고 싶습니다.", 150_000_000, 1, "2021년", NeedStatus.PROPOSALS_OPEN, HUB,
             proposals=2),
    DemoNeed(GWACHEON, "이동식 불법 주정차 실시간 모니터링 서비스", "도심 이면도로 불법주정차로 소방차 진입이 "
             "어렵습니다. 순찰 차량에 카메라를 달아 실시간으로 단속하고 싶습니다. 대상 6개 구역, 데이터허브 연계 필수.",
             300_000_000, 6, "2025년 하반기", NeedStatus.EVALUATING, HUB, proposals=3, shortlist=1),
    DemoNeed(GWACHEON, "버스장착형 불법주차 무인단속 서비스", "버스 노선의 불법주정차 때문에 버스가 정류장에 "
             "제대로 서지 못합니다. 버스 두 대가 5분 간격으로 찍어 단속하는 방식을 원합니다.", 200_000_000, 2,
             "2021년", NeedStatus.PROPOSALS_OPEN, HUB, proposals=1),
    DemoNeed(GWACHEON, "스마트 횡단보도 서비스", "초등학교 앞 횡단보도에서 보행자 사고가 이어집니다. 보행자를 "
             "감지해 운전자에게 알리는 횡단보도가 필요합니다.", 250_000_000, 5, "2024년"),
    DemoNeed(GWACHEON, "드론 기반 안심 귀갓길 서비스", "늦은 밤 어두운 골목과 공원길을 지나는 여성과 학생들이 "
             "불안해합니다. 드론 순찰로 안심 귀갓길을 만들고 싶습니다.", 180_000_000, 3, "2024년"),
    DemoNeed(GWACHEON, "독거노인 응급안전알림 서비스", "홀몸 어르신 댁에서 응급 상황이 생기면 바로 알 수 있어야 "
             "합니다. 활동량이 없으면 보호자와 119에 알리는 서비스가 필요합니다.", 120_000_000, 300, "2025년",
             NeedStatus.DRAFT),
    DemoNeed(GWACHEON, "스마트 소화전 서비스", "소화전 주변 불법주정차로 화재 때 급수가 늦어질까 걱정입니다. "
             "소화전 상태와 주변 주차를 감지하고 싶습니다.", 100_000_000, 40, "2021년", proposals=1),
    DemoNeed(GWACHEON, "미세먼지 모니터링 서비스", "어린이집과 학교 주변 미세먼지를 동네 단위로 알고 싶습니다. "
             "측정값을 시민에게 실시간으로 보여 주려 합니다.", 200_000_000, 30, "2022년"),
    DemoNeed(GWACHEON, "미세먼지 저감 서비스(이끼타워)", "버스정류장과 광장의 미세먼지를 줄이는 이끼타워를 "
             "설치하고 효과를 측정하고 싶습니다.", 150_000_000, 10, "2022년"),
    DemoNeed(GWACHEON, "가로공간 스마트 쓰레기통 서비스", "중앙공원과 상가 거리의 쓰레기통이 자주 넘쳐 민원이 "
             "끊이지 않습니다. 적재량을 알려 주는 쓰레기통으로 수거를 효율화하고 싶습니다.", 80_000_000, 25, "2023년"),
    DemoNeed(GWACHEON, "스마트 분리수거 체험 서비스", "어린이와 주민이 분리수거를 배우고 재활용률을 높일 수 있는 "
             "체험형 교육 시설이 필요합니다.", 90_000_000, 2, "2023년"),
    DemoNeed(GWACHEON, "대형 폐기물 수거 서비스", "대형 폐기물 배출 신고와 수거 예약이 번거롭습니다. 민간 앱으로 "
             "배출부터 수거까지 한 번에 처리하려 합니다.", None, 1, "미정", close="민간 사업자 자체 추진으로 전환"),
    DemoNeed(GWACHEON, "이동식 쓰레기 모니터링 서비스", "공원과 하천변 무단투기 쓰레기를 이동하며 찾아 수거 "
             "경로를 정하고 싶습니다.", 70_000_000, 1, "2023년"),
    DemoNeed(GWACHEON, "노후경유차 단속 서비스", "도심에 들어오는 배출가스 5등급 노후경유차를 카메라로 찾아 "
             "대기질을 관리하고 싶습니다.", 130_000_000, 4, "2022년"),
    DemoNeed(GWACHEON, "과천마당 개선", "시민 참여 플랫폼 '과천마당'에서 민원과 제안을 한곳에서 처리하고 결과를 "
             "알려 주고 싶습니다.", 100_000_000, 1, "2022년"),
    DemoNeed(GWACHEON, "스마트 시장실 서비스", "교통·환경·안전 데이터를 시장실과 상황실에서 한눈에 보는 통합 관제 "
             "화면이 필요합니다.", 350_000_000, 1, "2024년", must_haves=HUB),
    DemoNeed(GWACHEON, "맞춤형 정보제공 서비스", "시민마다 필요한 행정·복지 정보를 맞춤형으로 알려 주는 서비스를 "
             "만들고 싶습니다. 개인 데이터 활용 동의가 필요합니다.", 150_000_000, 1, "2025년", NeedStatus.DRAFT),
    DemoNeed(GWACHEON, "공유공간 플랫폼", "주민센터 회의실과 공공시설 빈 공간을 시민이 한 번에 예약하는 통합 예약 "
             "플랫폼이 필요합니다.", 60_000_000, 1, "미정"),
    DemoNeed(GWACHEON, "돌봄 마켓 플랫폼", "아이 돌봄과 어르신 돌봄을 이웃끼리 나누는 공유 돌봄 플랫폼을 만들고 "
             "싶습니다.", 120_000_000, 1, "2024년"),
    DemoNeed(GWACHEON, "스마트 헬스케어 서비스", "만성질환 주민의 혈압과 혈당을 비대면으로 관리하고 건강 상담을 "
             "연결하고 싶습니다.", 200_000_000, 1, "2025년", NeedStatus.DRAFT),
    DemoNeed(GWACHEON, "스마트 시설물 관리 플랫폼", "교량·육교·지하차도 등 노후 시설물의 안전 점검을 센서로 "
             "상시 관리하고 싶습니다.", 400_000_000, 12, "2025년"),
    DemoNeed("고령군", "버스정류장 폭염 쉼터", "여름 폭염에 버스를 기다리는 어르신들이 쓰러지는 일이 있었습니다. "
             "냉방이 되는 스마트 정류장이 필요합니다.", 450_000_000, 5, "2026년 상반기", must_haves=HUB, proposals=2),
    DemoNeed("남원시", "스마트 경로당", "마을 경로당 어르신들의 건강 측정과 비대면 여가 프로그램을 운영하고 싶습니다.",
             300_000_000, 10, "2026년"),
    DemoNeed("보령시", "해수욕장 관광객 안내", "대천해수욕장 관광객이 주차장과 관광지 정보를 쉽게 찾도록 안내하고 "
             "싶습니다.", 200_000_000, 4, "2026년 여름 전"),
    DemoNeed("속초시", "관광지 주차난", "성수기 관광지 주변 주차난과 불법주정차가 심각합니다.", 250_000_000, 6,
             "2026년", proposals=1),
    DemoNeed("양주시", "신도시 외곽 수요응답 교통", "옥정·회천 신도시 외곽은 버스 노선이 없어 교통 소외가 "
             "큽니다.", 500_000_000, 1, "2026년"),
    DemoNeed("예천군", "홀몸 어르신 응급 안전", "읍면 지역 홀몸 어르신 고독사와 응급 상황을 막고 싶습니다.",
             150_000_000, 400, "2026년", must_haves=HUB),
    DemoNeed("옥천군", "농촌 마을 호출형 버스", "버스가 드문 농촌 마을 주민이 읍내 병원과 시장에 가기 어렵습니다.",
             350_000_000, 1, "2026년"),
    DemoNeed("의왕시", "통학로 스마트 횡단보도", "초등학교 통학로 횡단보도 보행자 사고를 줄이고 싶습니다.",
             200_000_000, 6, "2026년"),
    DemoNeed("목포시", "원도심 침수 감지", "집중호우 때 원도심 저지대 도로 침수를 미리 감지해 알리고 싶습니다.",
             300_000_000, 15, "2026년"),
    DemoNeed("아산시", "원도심 스마트폴", "원도심 골목에 가로등, CCTV, 와이파이를 하나로 묶은 스마트폴을 세우고 "
             "싶습니다.", 600_000_000, 20, "2026년"),
    DemoNeed("태안군", "해안 쓰레기 수거", "해안에 밀려오는 쓰레기와 무단투기를 줄이고 수거 경로를 효율화하고 "
             "싶습니다.", 180_000_000, 8, "2026년"),
    DemoNeed("평택시", "항만 미세먼지 관리", "평택항 주변 미세먼지와 대기질을 상시 측정하고 저감하고 싶습니다.",
             400_000_000, 20, "2026년"),
    DemoNeed("고양시", "도시 통합관제 플랫폼", "교통·재난·방범 상황을 한곳에서 보는 데이터허브 기반 통합관제센터가 "
             "필요합니다.", 2_000_000_000, 1, "2026~2027년", must_haves=HUB),
    DemoNeed("울산광역시", "산단 유해화학물질 감시", "석유화학 산단의 유해화학물질 누출을 빨리 감지해 주민에게 "
             "알려야 합니다.", 1_500_000_000, 30, "2026~2027년", must_haves=HUB),
)  # fmt: skip


@dataclass
class NeedsReport:
    programmes: int = 0
    needs: int = 0
    proposals: int = 0
    awards: int = 0


def _official(city: Organization):
    membership = Membership.objects.filter(organization=city, status=MembershipStatus.ACTIVE).first()
    if membership:
        return membership.user
    user = _user(f"official-{city.admin_code}@cities.openlab.example", f"{city.name} 스마트도시 담당자", usable=False)
    _member(user, city)
    return user


def _company_user(company: Organization):
    return Membership.objects.filter(organization=company, status=MembershipStatus.ACTIVE).order_by("id").first().user


def seed_programmes() -> int:
    for item in PROGRAMMES:
        Programme.objects.update_or_create(name=item["name"], defaults=item)
    return len(PROGRAMMES)


def _proposals(need: Need, item: DemoNeed, official, report: NeedsReport) -> None:
    answered = []
    for match in rank_need(need, limit=20):
        if len(answered) == item.proposals:
            break
        if match.excluded_reason or match.company_id in {p.company_id for p in answered}:
            continue
        company = Organization.objects.get(pk=match.company_id)
        solution = Solution.objects.get(pk=match.solution_id)
        if len(answered) == 0:
            services.invitation_create(actor=official, need=need, company=company, message="제안을 요청드립니다.")
        low = (solution.price_min or 10_000_000) * max(1, need.sites)
        price = min(need.budget_krw or low, low + low // 5)
        answered.append(
            services.proposal_submit(
                actor=_company_user(company),
                need=need,
                company=company,
                solution=solution,
                solution_version=solution.versions.first(),
                price_krw=price,
                schedule="계약 후 6개월 내 구축, 12개월 무상 유지보수",
                approach=f"{solution.name}을(를) {need.sites}개소에 설치하고 도시 데이터허브와 연계합니다. "
                "설치 후 3개월간 성과 지표를 측정해 보고합니다.",
            )
        )
        report.proposals += 1
    need.refresh_from_db()
    for proposal in answered[: item.shortlist]:
        services.proposal_shortlist(actor=official, proposal=proposal, note="성과 지표와 예산 적합성 우수")
    if item.award and answered:
        services.proposal_award(actor=official, proposal=answered[0], reason=item.award)
        report.awards += 1


@transaction.atomic
def seed_needs() -> NeedsReport:
    """Programmes, then the needs in ``NEEDS`` with their procurement state. Idempotent by (city, title)."""
    report = NeedsReport(programmes=seed_programmes())
    cities = {c.name: c for c in Organization.objects.filter(kind=OrganizationKind.MUNICIPALITY)}
    for item in NEEDS:
        city = cities[item.city]
        if Need.objects.filter(municipality=city, title=item.title).exists():
            continue
        official = _official(city)
        need = services.need_create(
            actor=official,
            municipality=city,
            title=item.title,
            text=item.text,
            budget_krw=item.budget_krw,
            sites=item.sites,
            timeline=item.timeline,
            must_haves=list(item.must_haves),
            proposal_deadline=timezone.now() + timedelta(days=45),
        )
        report.needs += 1
        if item.status == NeedStatus.DRAFT:
            continue
        services.need_publish(actor=official, need=need)
        if item.proposals:
            _proposals(need, item, official, report)
        need.refresh_from_db()
        if item.close:
            services.need_close(actor=official, need=need, reason=item.close)
        elif item.status == NeedStatus.PROPOSALS_OPEN and need.status == NeedStatus.PUBLISHED:
            services.need_open_proposals(actor=official, need=need)
    return report
