"""Judged needs for the matching evaluation: a problem in a city's own words and the solution types that
should lead. ``given`` are the types the city chose (empty: the engine infers them from the text).

Relevance of a ranked solution: 2 when its main type is expected, 1 when one of its other types is, else 0.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Case:
    text: str
    expected: tuple[str, ...]
    given: tuple[str, ...] = ()
    budget_krw: int | None = None
    sites: int = 1


MATCHING_SET: tuple[Case, ...] = (
    Case("도심 불법주정차로 소방차 진입이 어렵다. 대상 6개 구역", ("TRN-04",), budget_krw=300_000_000, sites=6),
    Case("학교 앞 불법 주차 때문에 아이들이 위험해요", ("TRN-04",)),
    Case("소화전 옆에 차를 세워 두는 일이 잦아 화재 때 급수가 늦어질까 걱정입니다", ("TRN-04", "SAF-03")),
    Case("버스 노선을 따라 이중주차가 많아 버스가 제 시간에 못 다닙니다", ("TRN-04",)),
    Case("주말마다 주차장 빈자리를 찾느라 도심이 막힌다", ("TRN-07",)),
    Case("공영주차장 만차 여부를 시민이 미리 알 수 있으면 좋겠다", ("TRN-07",)),
    Case("주차 공간이 모자라 주택가 주차난이 심각합니다", ("TRN-07",), given=("TRN-07",)),
    Case("여름 폭염에 버스정류장에서 기다리는 어르신이 쓰러지는 일이 있었다", ("TRN-13",)),
    Case("정류장 쉼터에 냉난방이 필요합니다", ("TRN-13",)),
    Case("농촌 마을은 버스가 드문드문 와서 주민들이 병원 가기 어렵습니다", ("TRN-05",)),
    Case("읍면 지역 교통 소외 해소를 위한 호출형 버스", ("TRN-05",), given=("TRN-05",)),
    Case("출퇴근 시간 교차로 정체가 심해 신호 주기를 바꾸고 싶다", ("TRN-06", "TRN-11")),
    Case("횡단보도에서 보행자 사고가 자주 납니다", ("TRN-08",)),
    Case("어두운 골목 밤길이 무서워 여성들이 귀가를 꺼립니다", ("TRN-09", "SAF-04", "SAF-07")),
    Case("관광객이 늘어도 어디로 가야 할지 안내가 부족해요", ("CUL-02",)),
    Case("문화유산을 증강현실로 체험하게 하고 싶습니다", ("CUL-01",)),
    Case("미세먼지가 심한 날 어린이집 주변 대기질을 실시간으로 알고 싶다", ("ENV-01",)),
    Case("초미세먼지 저감 시설이 필요합니다", ("ENV-01",), given=("ENV-01",)),
    Case("가로 쓰레기통이 넘쳐서 민원이 끊이지 않는다", ("ENV-02",)),
    Case("분리수거가 잘 안 돼 재활용률이 낮습니다", ("ENV-02", "ENV-11")),
    Case("음식물 쓰레기 무단투기를 줄이고 싶다", ("ENV-02",)),
    Case("하천 수질과 악취를 상시 측정해야 합니다", ("ENV-03",)),
    Case("공공청사 전기요금과 피크 전력을 줄이고 싶다", ("ENV-05", "ENV-06")),
    Case("전기차 충전 인프라가 부족합니다", ("ENV-09",)),
    Case("태양광으로 만든 전력을 주민끼리 거래하고 싶다", ("ENV-08",)),
    Case("독거노인 고독사를 막을 방법이 필요합니다", ("HLT-04",)),
    Case("홀몸 어르신 댁에서 응급 상황이 생기면 바로 알 수 있어야 한다", ("HLT-04",)),
    Case("치매 어르신이 배회하다 실종되는 일이 잦습니다", ("HLT-01",)),
    Case("경로당 어르신들의 여가와 건강을 챙기고 싶다", ("HLT-02", "HLT-03")),
    Case("만성질환자의 혈압과 혈당을 비대면으로 관리", ("HLT-03",)),
    Case("감염병 유행 때 다중이용시설 방역 상태를 모니터링", ("HLT-06",)),
    Case("전통시장에 불이 나면 초기에 잡을 수 있도록", ("SAF-03", "ETC-09")),
    Case("노후 교량과 시설물 안전 점검을 상시로 하고 싶다", ("SAF-01",)),
    Case("건설현장 근로자 안전사고가 잇따릅니다", ("SAF-06",)),
    Case("산단 유해화학물질 누출을 빨리 감지해야 합니다", ("SAF-05",)),
    Case("범죄 예방을 위해 비명 소리를 인식하는 CCTV", ("SAF-04",)),
    Case("가로등에 CCTV와 와이파이를 함께 달고 싶다", ("SAF-07", "ETC-04", "ETC-07")),
    Case("섬 지역에 생필품을 드론으로 배송하고 싶습니다", ("LOG-01",)),
    Case("배달앱 수수료 부담을 덜어 줄 공공배달 서비스", ("LOG-02",)),
    Case("흩어진 도시 데이터를 한곳에 모아 분석할 데이터 플랫폼", ("PLT-01",)),
    Case("재난과 교통 상황을 한눈에 보는 통합관제센터", ("PLT-04",)),
    Case("유동인구 빅데이터로 상권을 분석하고 싶다", ("ETC-02",)),
    Case("골목상권과 소상공인 매출을 살리고 싶습니다", ("ETC-09",)),
    Case("도시 입구에 주차 정보와 행정 소식을 보여 줄 전광판", ("ETC-08",)),
    Case("시민이 공공시설을 한 번에 예약하는 통합 앱", ("PLT-03",)),
    Case("청년 창업자를 위한 원격 근무 공유오피스", ("ETC-06",)),
)
