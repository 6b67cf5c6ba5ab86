"""Demo CMS content: Korean originals (and English translations where the seeder adds them).

Programmes, cities and figures follow ``../shared/domain/seed-facts.md`` (the 4th Smart City
Comprehensive Plan and the Gwacheon smart city plan); dates of open calls are relative to the day
the demo is seeded so one call is always open.
"""

HOME = {
    "ko": {
        "title": "스마트도시 오픈랩",
        "hero_title": "우리 도시에 맞는 스마트도시 솔루션, 구축 사례와 성과로 비교하세요",
        "intro": "지자체와 기업이 도시문제를 함께 풀어 가는 스마트도시 솔루션 양방향 매칭 서비스",
        "summary": "스마트도시 솔루션 카탈로그, 지원사업, 구축·실증 사례와 이용 안내",
        "audiences": [
            (
                "municipality",
                "지자체 담당자",
                "분야·유형별 솔루션을 비교하고 다른 지자체의 구축 사례와 성과 지표를 확인하세요.",
                "솔루션 찾기",
                "catalogue",
            ),
            (
                "company",
                "공급기업",
                "기관을 등록하고 솔루션을 올려 심사를 받으면 전국 지자체가 카탈로그에서 찾습니다.",
                "솔루션 등록 안내",
                "guide-list",
            ),
            (
                "startup",
                "새싹기업",
                "도시데이터 샌드박스에서 데이터허브 API로 서비스를 만들고 시험해 보세요.",
                "샌드박스 이용 안내",
                "guide-sandbox",
            ),
        ],
    },
    "en": {
        "title": "Smart City Open Lab",
        "hero_title": "Compare smart-city solutions for your city by their deployments and results",
        "intro": "A two-way matching service where local governments and companies solve urban problems together",
        "summary": "Smart-city solution catalogue, support programmes, case studies and guides",
        "audiences": [
            (
                "municipality",
                "Local government officials",
                "Compare solutions by domain and type, and see other cities' deployments and outcome KPIs.",
                "Find solutions",
                "catalogue",
            ),
            (
                "company",
                "Solution companies",
                "Register your company and list your solutions; once approved, cities nationwide find them.",
                "How to list a solution",
                "guide-list",
            ),
            (
                "startup",
                "Startups",
                "Build and test your service against the data hub API with realistic city data in the sandbox.",
                "Using the sandbox",
                "guide-sandbox",
            ),
        ],
    },
}

INDEXES = {
    "news": {
        "ko": ("공지·소식", "news", "오픈랩 공지사항, 사업공고, 보도자료와 소식"),
        "en": ("News", "news", "Notices, calls, press releases and stories from the Open Lab"),
    },
    "programmes": {
        "ko": ("지원사업", "programmes", "국토교통부 스마트도시 지원사업의 신청 자격, 일정과 대상 솔루션"),
        "en": (
            "Programmes",
            "programmes",
            "Eligibility, schedules and solution types of national smart-city programmes",
        ),
    },
    "cases": {
        "ko": ("구축 사례", "case-studies", "지자체가 솔루션을 도입해 얻은 성과를 지표로 소개합니다."),
        "en": ("Case studies", "case-studies", "What cities achieved with the solutions they deployed, in figures."),
    },
    "events": {
        "ko": ("행사", "events", "설명회, 박람회, 리빙랩 데모데이 일정"),
        "en": ("Events", "events", "Briefings, expos and living-lab demo days"),
    },
    "guides": {
        "ko": ("이용 안내", "guides", "솔루션 등록, 인증, 샌드박스 이용과 도입 절차 안내"),
        "en": ("Guides", "guides", "How to list, certify, use the sandbox and procure"),
    },
}

# (slug, category, days ago, title, summary, paragraphs, tags)
NEWS = [
    (
        "open-lab-launch",
        "notice",
        40,
        "스마트도시 오픈랩 정식 서비스를 시작합니다",
        "스마트도시 종합포털과 솔루션 마켓을 통합한 양방향 매칭 서비스 '스마트도시 오픈랩'이 문을 열었습니다.",
        [
            "제4차 스마트도시 종합계획(2024~2028)에 따라 그동안 따로 운영되던 스마트도시 종합포털과 온라인 솔루션 "
            "마켓을 하나로 합친 '스마트도시 오픈랩'이 정식 서비스를 시작했습니다.",
            "지자체는 분야·유형별 솔루션을 구축 사례와 성과 지표로 비교하고, 기업은 솔루션을 등록해 운영기관의 심사를 "
            "거쳐 게시할 수 있습니다. 도시문제 수요 등록과 맞춤 솔루션 추천 기능도 차례로 제공합니다.",
        ],
        ["오픈랩", "서비스 안내"],
    ),
    (
        "diffusion-2027-call",
        "call",
        10,
        "2027년 스마트도시 솔루션 확산사업 공모 안내",
        "인구 30만 명 미만 시·군을 대상으로 검증된 스마트 솔루션을 패키지로 지원하는 확산사업 공모를 시작합니다.",
        [
            "국토교통부는 2027년 스마트도시 솔루션 확산사업 대상 지자체를 공모합니다. 스마트 버스쉘터, 스마트 횡단보도 등 "
            "다른 도시에서 효과가 검증된 솔루션을 패키지로 도입하는 사업입니다.",
            "2024년부터 국가 지원사업은 데이터허브와 연계된 오픈소스 솔루션을 사용해야 하며, 사업비의 35% 이상을 기후·"
            "디지털포용 분야 솔루션에 편성해야 합니다. 자세한 자격과 일정은 지원사업 페이지를 확인하세요.",
        ],
        ["확산사업", "공모"],
    ),
    (
        "gwacheon-parking-results",
        "story",
        25,
        "과천시 스마트 불법주정차 통합 솔루션, 상가 밀집 구간 적발 35% 감소",
        "스마트타운 챌린지로 구축한 이동식 감시, 버스장착형 단속, 스마트 소화전의 1년 성과를 공개했습니다.",
        [
            "과천시는 별양동·부림동 상가 밀집 구간에 이동식 불법주정차 감시 장비와 버스장착형 무인단속, 스마트 소화전을 "
            "함께 운영한 결과 대상 구간 월평균 불법주정차 적발 건수가 1,210건에서 780건으로 줄었다고 밝혔습니다.",
            "주정차 단속 사전알림 서비스와 주차유도 안내를 함께 제공해 단속보다 계도 효과가 컸다는 평가입니다.",
        ],
        ["과천시", "불법주정차", "구축 사례"],
    ),
    (
        "datahub-metadata-standard",
        "notice",
        18,
        "도시데이터 메타데이터 표준(안) 의견 수렴",
        "2026년 확정 예정인 데이터허브 메타데이터 표준(안)에 대한 지자체·기업 의견을 받습니다.",
        [
            "광역지자체 데이터허브 구축이 확대됨에 따라 도시데이터를 같은 방식으로 설명하는 메타데이터 표준(안)을 "
            "마련했습니다. 데이터셋 이름, 제공 기관, 갱신 주기, NGSI-LD 엔터티 유형 등 항목에 대한 의견을 보내 주세요.",
        ],
        ["데이터허브", "표준"],
    ),
    (
        "wsce-2026-exhibitors",
        "call",
        120,
        "2026 월드스마트시티엑스포 오픈랩 공동관 참가기업 모집",
        "오픈랩 공동관에서 솔루션을 전시할 중소·새싹기업을 모집합니다.",
        [
            "월드스마트시티엑스포(WSCE) 2026 오픈랩 공동관에 참가할 기업을 모집합니다. 오픈랩에 솔루션을 게시한 "
            "중소기업과 새싹기업이 대상이며, 부스 임차료와 장치비를 지원합니다.",
        ],
        ["월드스마트시티엑스포", "행사"],
    ),
    (
        "certification-pilot",
        "notice",
        7,
        "데이터허브 연계 솔루션 인증 시범 운영",
        "솔루션이 도시 데이터허브 인터페이스(NGSI-LD)를 따르는지 확인하는 인증을 시범 운영합니다.",
        [
            "오픈랩은 솔루션 버전별로 데이터허브 연계 적합성을 시험하는 인증을 시범 운영합니다. 인증을 받은 솔루션은 "
            "카탈로그에 인증 표시가 붙고, 국가 지원사업의 데이터허브 연계 요건을 증빙하는 데 활용할 수 있습니다.",
        ],
        ["인증", "데이터허브"],
    ),
    (
        "sandbox-open",
        "notice",
        14,
        "새싹기업을 위한 도시데이터 샌드박스 개방",
        "실제 도시와 같은 형식의 교통·환경·안전 데이터를 API로 받아 서비스를 시험할 수 있습니다.",
        [
            "새싹기업은 회원가입 후 API 키를 발급받아 샌드박스 데이터허브에서 주차, 대기질, 버스정류장 등 도시데이터를 "
            "NGSI-LD API로 조회할 수 있습니다. 개발한 서비스는 인증을 거쳐 카탈로그에 등록할 수 있습니다.",
        ],
        ["샌드박스", "새싹기업"],
    ),
    (
        "climate-inclusion-35",
        "press",
        30,
        "스마트도시 지원사업, 기후·디지털포용 솔루션에 사업비 35% 이상 편성",
        "탄소중립과 디지털 약자 지원을 위해 국가 지원사업의 솔루션 구성 기준이 강화됩니다.",
        [
            "국토교통부는 스마트도시 지원사업에서 기후위기 대응과 디지털포용 분야 솔루션에 총사업비의 35% 이상을 "
            "편성하도록 했습니다. 에너지 관리, 미세먼지 저감, 독거노인 돌봄, 교통약자 이동 지원 솔루션 등이 해당합니다.",
        ],
        ["기후", "디지털포용", "지원사업"],
    ),
    (
        "siheung-shelter-tour",
        "story",
        55,
        "시흥시 스마트 버스쉘터, 전국 지자체 담당자 현장 견학",
        "냉난방과 공기정화, 버스 도착 정보를 갖춘 시흥시 스마트 버스쉘터를 20여 개 지자체가 찾았습니다.",
        [
            "시흥시 스마트 버스쉘터 현장 견학에 확산사업을 준비하는 20여 개 지자체 담당자가 참여했습니다. 참가자들은 "
            "여름철 정류장 체감온도와 이용자 만족도 변화, 유지관리 비용을 중심으로 질문했습니다.",
        ],
        ["시흥시", "스마트 버스쉘터"],
    ),
    (
        "system-maintenance",
        "notice",
        3,
        "서비스 점검 안내 (토요일 02:00~04:00)",
        "검색 색인 개편을 위해 토요일 새벽 2시간 동안 솔루션 등록과 검색이 일시 중단됩니다.",
        [
            "검색 품질 개선을 위한 색인 개편 작업으로 토요일 02:00부터 04:00까지 솔루션 등록·수정과 검색 기능이 일시 "
            "중단됩니다. 카탈로그 열람은 계속 가능합니다. 이용에 불편을 드려 죄송합니다.",
        ],
        ["점검"],
    ),
    (
        "hydrogen-cities-2024",
        "press",
        80,
        "수소도시 조성 지자체 확대, 수소 드론·충전 솔루션 수요 증가",
        "남양주, 평택, 당진 등 9개 지자체가 수소도시 조성에 나서며 관련 솔루션 수요가 늘고 있습니다.",
        [
            "울산, 전주·완산, 안산 시범도시에 이어 남양주, 평택, 당진, 보령, 광양, 포항, 양주, 부안, 광주 동구가 수소도시 "
            "조성에 참여합니다. 오픈랩 카탈로그에서 수소 드론, 수소 충전 관리 등 관련 솔루션을 찾아볼 수 있습니다.",
        ],
        ["수소도시"],
    ),
]

# (slug, title, summary, organizer, budget, open offset, deadline offset, eligibility rows, milestones, types, body)
PROGRAMMES = [
    (
        "solution-diffusion",
        "스마트도시 솔루션 확산사업",
        "인구 30만 명 미만 시·군에 효과가 검증된 스마트 솔루션을 패키지로 지원합니다.",
        "국토교통부 도시경제과",
        "지자체당 국비 최대 10억 원(지방비 매칭 50%)",
        -12,
        27,
        [
            ("인구 규모", "인구 30만 명 미만 시·군·구", True),
            ("솔루션", "다른 도시에서 효과가 검증된 솔루션 패키지(스마트 쉘터, 스마트 횡단보도 등)", True),
            ("오픈소스·데이터허브", "데이터허브와 연계된 오픈소스 솔루션 사용", True),
            ("기후·디지털포용", "총사업비의 35% 이상을 기후·디지털포용 분야 솔루션에 편성", True),
            ("운영 계획", "사업 종료 후 3년 이상 운영·유지관리 계획과 예산 확보 방안", False),
        ],
        [("공모 설명회", 3), ("사업계획서 접수 마감", 27), ("발표 평가", 45), ("대상지 선정 발표", 60)],
        ["TRN-13", "TRN-08", "HLT-02", "SAF-07"],
        "2023년에는 고령, 남원, 보령, 속초, 양주, 예천, 옥천, 의왕 등 8개 시·군이 선정되어 스마트 버스쉘터, 스마트 "
        "경로당 등을 도입했습니다. 선정 지자체는 오픈랩 카탈로그에서 인증된 솔루션을 비교해 사업계획서를 작성합니다.",
    ),
    (
        "compact-smart-city",
        "강소형 스마트도시 조성사업",
        "지역 특화 문제를 스마트 솔루션으로 해결하는 중소도시를 선정해 지원합니다.",
        "국토교통부 도시경제과",
        "지자체당 국비 최대 60억 원",
        45,
        100,
        [
            ("대상", "인구 50만 명 미만 시·군", True),
            ("계획", "스마트도시계획 수립 또는 수립 중", True),
            ("오픈소스·데이터허브", "데이터허브와 연계된 오픈소스 솔루션 사용", True),
            ("리빙랩", "시민참여 리빙랩 운영 계획", False),
        ],
        [("공모 공고", 40), ("사업계획서 접수 마감", 100)],
        ["PLT-01", "ETC-09", "CUL-02"],
        "2023년에는 목포, 아산, 태안, 평택이 선정되었습니다. 지역 산업·관광·안전 문제를 데이터 기반으로 해결하는 "
        "계획을 평가합니다.",
    ),
    (
        "hub-smart-city",
        "거점형 스마트도시 조성사업",
        "광역 거점 도시에 데이터허브와 핵심 스마트 서비스를 집중 구축합니다.",
        "국토교통부 도시경제과",
        "지자체당 국비 최대 160억 원",
        -1100,
        -1040,
        [
            ("대상", "인구 30만 명 이상 또는 광역 거점 기능을 가진 시", True),
            ("데이터허브", "도시 데이터허브 구축 및 광역 데이터허브 연계", True),
            ("기후·디지털포용", "총사업비의 35% 이상을 기후·디지털포용 분야 솔루션에 편성", True),
        ],
        [("대상지 선정 발표", -1000)],
        ["PLT-01", "PLT-04"],
        "2023년 공모에서 고양시와 울산광역시가 선정되었습니다. 다음 공모 일정은 공지사항으로 안내합니다.",
    ),
    (
        "smart-challenge",
        "스마트챌린지 (스마트타운 챌린지)",
        "지자체와 기업이 함께 도시문제 해결 솔루션을 실증하고 성과가 좋은 사업을 본사업으로 확대합니다.",
        "국토교통부·국토교통과학기술진흥원",
        "예비사업 1억 원, 본사업 최대 15억 원",
        -260,
        -210,
        [
            ("컨소시엄", "지자체와 민간기업 컨소시엄 구성", True),
            ("성과 지표", "측정 가능한 성과 목표와 검증 방법 제시", True),
            ("확산 계획", "실증 후 다른 지자체로의 확산 계획", False),
        ],
        [("예비사업 선정", -180), ("본사업 평가", -30)],
        ["TRN-04", "TRN-07", "SAF-03"],
        "과천시의 '스마트 불법주정차 통합 솔루션'은 2021~2022년 스마트타운 챌린지로 실증되었습니다.",
    ),
]

# (slug, title, municipality, year, programme name, programme slug, solution names, summary, body)
CASE_STUDIES = [
    (
        "gwacheon-illegal-parking",
        "과천시 스마트 불법주정차 통합 솔루션",
        "과천시",
        2021,
        "스마트타운 챌린지",
        "smart-challenge",
        [
            "무브아이 이동식 불법주정차 실시간 감시 시스템",
            "버스캐치 버스장착형 불법주차 무인단속",
            "한결 스마트 소화전 HF-IoT",
            "스톱알리미 주정차 단속 사전알림 서비스",
            "파크뷰 스마트 주차유도 PGS-Cloud",
        ],
        "이동식 CCTV, 버스장착형 단속, 스마트 소화전, 단속 사전알림과 주차정보 안내판을 묶어 상가 밀집 구간의 "
        "불법주정차를 줄였습니다.",
        [
            "과천시는 2021~2022년 스마트타운 챌린지로 불법주정차 문제를 한 번에 다루는 통합 솔루션을 실증했습니다. "
            "버스 두 대가 5분 이상 간격으로 같은 차량을 촬영하면 단속하고, 소화전 옆 주차는 IoT 센서가 감지합니다.",
            "단속 문자와 함께 주변 빈 주차면을 안내하고 시 경계의 주차정보 안내판으로 공영주차장 이용을 유도했습니다.",
        ],
    ),
    (
        "siheung-smart-shelter",
        "시흥시 스마트 버스쉘터",
        "시흥시",
        2021,
        "데이터허브 국가전략프로젝트",
        "",
        ["쉘터원 S 밀폐형 스마트 버스쉘터"],
        "냉난방, 공기정화, 버스 도착 정보와 비상벨을 갖춘 밀폐형 정류장으로 폭염·한파 속 대기 환경을 개선했습니다.",
        [
            "시흥시는 유동 인구가 많은 정류장에 밀폐형 스마트 버스쉘터를 설치하고 온도·미세먼지 데이터를 시 데이터허브로 "
            "모아 관제합니다. 이후 솔루션 확산사업의 대표 패키지가 되었습니다.",
        ],
    ),
    (
        "bucheon-shared-parking",
        "부천시 공유주차 플랫폼",
        "부천시",
        2021,
        "지역거점 스마트도시 사업",
        "",
        ["나눔파킹 - 우리동네 공유주차"],
        "거주자우선주차면과 부설주차장의 빈 시간을 이웃과 나눠 주택가 주차난을 덜었습니다.",
        [
            "부천시는 거주자우선주차구획과 상가·교회 부설주차장의 빈 시간대를 앱으로 공유하는 플랫폼을 도입했습니다. "
            "공유된 주차면은 모빌리티 통합 앱 '스마트시티 패스'에서도 예약할 수 있습니다.",
        ],
    ),
    (
        "daegu-data-hub",
        "대구광역시 데이터허브 기반 도시 서비스",
        "대구광역시",
        2022,
        "스마트시티 국가전략프로젝트 R&D",
        "",
        ["세이프크로스 스마트 횡단보도 통합시스템", "사운드맵 도시소음 IoT 측정망"],
        "데이터허브 R&D 실증도시로서 통합 교통, 시설물 관리, 재난 감지 등 16개 서비스를 데이터허브 위에서 운영합니다.",
        [
            "대구광역시는 2018~2022년 데이터허브 R&D 실증도시로 교통, 시설물, 재난 분야 16개 서비스를 구축했습니다. "
            "스마트 횡단보도와 도시소음 측정망의 데이터가 같은 데이터허브 표준(NGSI-LD)으로 모입니다.",
        ],
    ),
    (
        "siheung-energy-air",
        "시흥시 에너지·대기질 예측 서비스",
        "시흥시",
        2022,
        "스마트시티 국가전략프로젝트 R&D",
        "",
        ["타운EMS 지역 에너지 통합관리 플랫폼", "에어캐스트 AI 도시대기 예측 엔진"],
        "지역 에너지 통합관리와 AI 대기질 예측으로 공공건물 전력 사용을 줄이고 미세먼지 예보를 동 단위로 제공합니다.",
        [
            "시흥시는 데이터허브 R&D 실증도시로 에너지, 대기질 예측, 장애인·독거노인 돌봄 등 7개 서비스를 운영합니다. "
            "공공건물 에너지 사용과 동별 미세먼지 예측 데이터를 시민에게 공개합니다.",
        ],
    ),
    (
        "goryeong-smart-stop",
        "고령군 소도시형 스마트 정류장",
        "고령군",
        2023,
        "스마트도시 솔루션 확산사업",
        "solution-diffusion",
        ["쉘터원 라이트 소도시형 스마트 정류장"],
        "솔루션 확산사업으로 읍·면 중심지 정류장에 소도시형 스마트 정류장을 설치해 어르신의 버스 대기 환경을 개선했습니다.",
        [
            "고령군은 2023년 솔루션 확산사업에 선정되어 검증된 스마트 쉘터 패키지를 도입했습니다. 설치 기간과 비용을 "
            "줄이기 위해 시흥시에서 운영 중인 모델을 소도시 규모에 맞게 조정했습니다.",
        ],
    ),
    (
        "gwacheon-fine-dust",
        "과천시 미세먼지 저감 이끼타워와 간이측정망",
        "과천시",
        2022,
        "과천시 스마트도시 조성사업",
        "",
        ["모스타워 MT-3 이끼 공기정화 타워", "에어노트 AQ-500 도시대기 간이측정망"],
        "어린이집과 버스정류장 주변에 이끼타워를 설치하고 간이측정망으로 저감 효과를 측정했습니다.",
        [
            "과천시 스마트도시계획(2021~2025)의 '미세먼지 저감·생활쓰레기 저감' 전략에 따라 미세먼지 모니터링과 이끼타워 "
            "서비스를 함께 도입했습니다. 측정값은 시 누리집과 정류장 안내판에 실시간으로 표시됩니다.",
        ],
    ),
    (
        "uiwang-smart-senior-centre",
        "의왕시 스마트 경로당",
        "의왕시",
        2024,
        "스마트도시 솔루션 확산사업",
        "solution-diffusion",
        ["은빛누리 스마트 경로당 통합 플랫폼"],
        "경로당에 화상 프로그램, 건강 측정, 안전 센서를 갖춰 어르신의 건강관리와 여가 프로그램 참여를 늘렸습니다.",
        [
            "의왕시는 솔루션 확산사업으로 관내 경로당에 스마트 경로당 플랫폼을 도입했습니다. 보건소 건강 프로그램을 "
            "양방향 화상으로 제공하고 혈압·혈당 측정 기록을 어르신 본인과 보건소가 함께 확인합니다.",
        ],
    ),
    (
        "tongyeong-public-parking",
        "통영시 공영주차장 통합운영",
        "통영시",
        2023,
        "지역경제 활성화 스마트도시 사업",
        "",
        ["ParkView Ops 공영주차장 통합운영 서비스"],
        "전통시장과 관광지 주변 공영주차장 정보를 하나로 모아 주차 대기 시간을 줄였습니다.",
        [
            "통영시는 중앙시장 배달·예약 앱과 함께 공영주차장 주차 정보를 통합 제공해 관광객의 시장 방문을 늘리고 "
            "주변 도로의 주차 대기 행렬을 줄였습니다.",
        ],
    ),
    (
        "sejong-autonomous-shuttle",
        "세종특별자치시 자율주행 셔틀",
        "세종특별자치시",
        2022,
        "자율주행 시범운행지구",
        "",
        ["오토셔틀 AS-15 레벨4 자율주행 셔틀"],
        "BRT 정류장과 주거단지를 잇는 자율주행 셔틀로 대중교통 접근성을 높였습니다.",
        [
            "세종특별자치시는 자율주행 시범운행지구에서 BRT 정류장과 주거단지 사이 구간에 레벨4 자율주행 셔틀을 "
            "운행합니다. 운행 데이터는 시 데이터허브로 연계되어 교통 정책에 활용됩니다.",
        ],
    ),
]

EVENTS = [
    (
        "wsce-2026",
        "월드스마트시티엑스포 2026 (WSCE 2026)",
        "국내외 스마트도시 정책과 솔루션을 한자리에서 보는 국내 최대 스마트도시 박람회",
        -70,
        -68,
        "경기 고양시 킨텍스(KINTEX) 제1전시장",
        "국토교통부·과학기술정보통신부",
        "오픈랩 공동관에서 솔루션 등록 기업 24곳이 전시했고, 지자체 구매상담회에는 53개 지자체가 참여했습니다.",
    ),
    (
        "diffusion-briefing-2027",
        "2027년 스마트도시 솔루션 확산사업 공모 설명회",
        "공모 자격, 사업계획서 작성 방법과 평가 기준을 설명하고 질의응답을 진행합니다.",
        3,
        3,
        "정부세종청사 6동 대회의실 및 온라인 중계",
        "국토교통부 도시경제과",
        "사전 신청자에게 온라인 중계 주소를 보내 드립니다. 지자체 담당자와 공급기업 모두 참석할 수 있습니다.",
    ),
    (
        "living-lab-demo-day",
        "오픈랩 리빙랩 데모데이",
        "새싹기업이 샌드박스 데이터로 만든 서비스를 지자체 담당자 앞에서 시연합니다.",
        30,
        30,
        "서울 용산구 스마트도시 오픈랩 협업공간",
        "스마트도시 오픈랩 운영기관",
        "발표 기업에는 지자체 실증 연계 상담과 데이터허브 연계 인증 사전 점검을 지원합니다.",
    ),
]

# (slug, audience, ko title, ko summary, ko steps, en title, en summary, en steps)
GUIDES = [
    (
        "list-a-solution",
        "company",
        "솔루션 등록하고 심사받기",
        "기관 등록부터 솔루션 게시까지, 공급기업이 거치는 절차입니다.",
        [
            (
                "회원가입과 기관 등록",
                "이메일로 가입한 뒤 사업자등록번호로 기업을 등록합니다. 이미 등록된 기업이면 가입을 신청합니다.",
            ),
            ("솔루션 작성", "국가 분류체계에서 솔루션 유형을 고르고 기능, 사양, 가격대, 구축 방식을 입력합니다."),
            ("구축 사례와 성과", "도입한 지자체와 성과 지표(도입 전·후)를 입력하면 검색과 비교에서 더 잘 보입니다."),
            ("심사 요청", "심사를 요청하면 운영기관이 내용을 확인해 게시하거나 보완을 요청합니다."),
        ],
        "List a solution and get it approved",
        "From registering your company to a published listing: the steps for solution companies.",
        [
            (
                "Sign up and register your company",
                "Sign up with your email, then register your company with its business registration number. If it already exists, ask to join it.",
            ),
            (
                "Describe the solution",
                "Pick its types in the national taxonomy and enter features, specs, price range and deployment options.",
            ),
            (
                "Deployments and outcomes",
                "Add the cities that use it and their outcome KPIs (before and after); they make it easier to find and compare.",
            ),
            ("Request review", "The operator checks the listing and publishes it or asks for changes."),
        ],
    ),
    (
        "get-certified",
        "company",
        "데이터허브 연계 인증 받기",
        "솔루션이 도시 데이터허브 인터페이스를 따르는지 시험하고 인증서를 받는 방법입니다.",
        [
            ("버전 선택", "인증은 솔루션 버전별로 받습니다. 인증받을 버전을 등록하세요."),
            ("적합성 시험", "샌드박스 데이터허브를 대상으로 NGSI-LD 엔터티 생성·조회·구독 시험을 실행합니다."),
            (
                "결과 확인과 보완",
                "실패한 항목의 원인과 고치는 방법이 보고서에 나옵니다. 보완 후 다시 실행할 수 있습니다.",
            ),
            ("인증서 발급", "모든 필수 항목을 통과하면 검증 가능한 인증서가 발급되고 카탈로그에 인증 표시가 붙습니다."),
        ],
        "Get data hub certification",
        "How to test that your solution follows the city data hub interfaces and obtain a certificate.",
        [
            (
                "Choose a version",
                "Certification applies to a solution version. Register the version you want certified.",
            ),
            ("Conformance test", "Run the NGSI-LD create, query and subscription tests against the sandbox data hub."),
            (
                "Review and fix",
                "The report explains each failed check and how to fix it; run the suite again afterwards.",
            ),
            (
                "Certificate",
                "When every mandatory check passes you get a verifiable certificate and a badge in the catalogue.",
            ),
        ],
    ),
    (
        "sandbox-data",
        "startup",
        "샌드박스 도시데이터 받기",
        "새싹기업이 API 키를 받아 샌드박스 데이터허브의 도시데이터를 조회하는 방법입니다.",
        [
            ("가입과 기관 등록", "새싹기업으로 기관을 등록합니다."),
            ("API 키 발급", "대시보드에서 샌드박스 API 키를 발급받습니다. 키는 한 번만 보이니 안전하게 보관하세요."),
            ("데이터셋 살펴보기", "주차, 대기질, 버스정류장 등 데이터셋 목록과 엔터티 유형을 확인합니다."),
            ("API 호출", "NGSI-LD API에 키를 담아 요청합니다. 예: GET /ngsi-ld/v1/entities?type=ParkingSpot"),
        ],
        "Get city data from the sandbox",
        "How startups get an API key and query city data from the sandbox data hub.",
        [
            ("Sign up and register", "Register your organization as a startup."),
            ("API key", "Create a sandbox API key on your dashboard. It is shown once; keep it safe."),
            ("Explore datasets", "Browse datasets such as parking, air quality and bus stops, and their entity types."),
            (
                "Call the API",
                "Send requests to the NGSI-LD API with your key, e.g. GET /ngsi-ld/v1/entities?type=ParkingSpot",
            ),
        ],
    ),
    (
        "procure-a-solution",
        "municipality",
        "지자체 솔루션 도입 절차",
        "카탈로그에서 솔루션을 찾고 비교해 사업계획과 구매로 이어지는 과정입니다.",
        [
            ("문제 정의", "해결하려는 도시문제와 대상 지역, 예산, 일정을 정리합니다."),
            ("솔루션 비교", "분야·유형별로 솔루션을 찾고 다른 지자체의 구축 사례와 성과 지표를 비교합니다."),
            ("지원사업 확인", "확산사업 등 지원사업의 자격 요건(데이터허브 연계, 기후·디지털포용 35%)을 확인합니다."),
            ("구매와 구축", "조달 절차에 따라 계약하고, 구축 후 성과 지표를 오픈랩에 등록해 다른 지자체와 공유합니다."),
        ],
        "How a city procures a solution",
        "From finding and comparing solutions in the catalogue to a project plan and a purchase.",
        [
            ("Define the problem", "Write down the urban problem, the area, the budget and the timeline."),
            ("Compare solutions", "Find solutions by domain and type and compare other cities' deployments and KPIs."),
            ("Check programmes", "Check programme eligibility (data hub linkage, 35 % climate and digital inclusion)."),
            (
                "Procure and deploy",
                "Contract through public procurement; after deployment, publish your outcome KPIs on the Open Lab.",
            ),
        ],
    ),
]

FAQS = [
    (
        "general",
        "오픈랩은 누가 이용할 수 있나요?",
        "지자체 담당자, 솔루션 공급기업, 새싹기업, 그리고 솔루션과 사례를 살펴보려는 누구나 이용할 수 있습니다. 솔루션 등록과 수요 등록은 기관 등록 후 가능합니다.",
    ),
    ("general", "이용료가 있나요?", "오픈랩의 모든 기능은 무료입니다."),
    (
        "solution",
        "솔루션 심사에는 얼마나 걸리나요?",
        "운영기관이 영업일 기준 5일 안에 게시하거나 보완을 요청합니다. 보완 요청 사유는 대시보드와 이메일로 안내합니다.",
    ),
    (
        "solution",
        "오픈소스가 아닌 솔루션도 등록할 수 있나요?",
        "등록할 수 있습니다. 다만 2024년부터 국가 지원사업에는 데이터허브와 연계된 오픈소스 솔루션을 사용해야 하므로 라이선스를 정확히 입력해 주세요.",
    ),
    (
        "procurement",
        "카탈로그의 가격은 확정 가격인가요?",
        "공급기업이 제시한 참고 가격대입니다. 실제 금액은 규모와 구축 방식에 따라 달라지므로 견적을 요청하세요.",
    ),
    (
        "programme",
        "확산사업 대상 지자체 기준은 무엇인가요?",
        "인구 30만 명 미만 시·군이 대상이며, 데이터허브 연계 오픈소스 솔루션 사용과 기후·디지털포용 솔루션 35% 이상 편성이 필수입니다.",
    ),
    (
        "datahub",
        "샌드박스 데이터는 실제 데이터인가요?",
        "실제 도시 데이터와 같은 형식과 분포로 만든 합성 데이터입니다. 개인정보는 포함되지 않습니다.",
    ),
    (
        "datahub",
        "데이터허브 API는 어떤 표준을 따르나요?",
        "ETSI NGSI-LD(GS CIM 009) API와 스마트시티 데이터허브 표준 인터페이스를 따릅니다.",
    ),
]

FAQ_PAGE_EN = (
    "Frequently asked questions",
    "Questions about using the Open Lab, listing review, programmes and the data hub",
)

# English FAQ, keyed by the Korean question.
FAQS_EN = {
    "오픈랩은 누가 이용할 수 있나요?": (
        "Who can use the Open Lab?",
        "Local government officials, solution companies, startups and anyone who wants to browse solutions and case studies. Listing solutions and registering needs require a registered organization.",
    ),
    "이용료가 있나요?": ("Does it cost anything?", "Every feature of the Open Lab is free."),
    "솔루션 심사에는 얼마나 걸리나요?": (
        "How long does the review of a listing take?",
        "The operator publishes it or asks for changes within five working days. Reasons for a change request appear on your dashboard and in an email.",
    ),
    "오픈소스가 아닌 솔루션도 등록할 수 있나요?": (
        "Can I list a solution that is not open source?",
        "Yes. Since 2024, however, national programmes must use open-source solutions linked to the data hub, so enter the licence accurately.",
    ),
    "카탈로그의 가격은 확정 가격인가요?": (
        "Are catalogue prices final?",
        "They are indicative ranges given by the company. The actual amount depends on scale and deployment, so ask for a quote.",
    ),
    "확산사업 대상 지자체 기준은 무엇인가요?": (
        "Which cities can apply for the diffusion programme?",
        "Cities and counties under 300,000 people; open-source solutions linked to the data hub and at least 35 % of the budget on climate and digital-inclusion solutions are mandatory.",
    ),
    "샌드박스 데이터는 실제 데이터인가요?": (
        "Is the sandbox data real?",
        "It is synthetic data with the format and distribution of real city data. It contains no personal data.",
    ),
    "데이터허브 API는 어떤 표준을 따르나요?": (
        "Which standard does the data hub API follow?",
        "The ETSI NGSI-LD API (GS CIM 009) and the smart city data hub standard interfaces.",
    ),
}
