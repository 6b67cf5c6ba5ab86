"""The catalogue search relevance set (issue #3, section 6): judged queries over the demo catalogue.

Each case is a query a municipal official or a company would really type, and the solution types
(``marketplace/data/taxonomy.json`` codes) whose solutions must come first. A hit is relevant when
any of its type codes, main or secondary, is in ``expected``; ``search.evaluation`` scores the
ranking with nDCG@10 and MRR, the ideal being every published demo solution of those types.

Judgements were made from the demo data (``marketplace/demo/data/*.json``), not from any backend's
output: ``expected`` is what a person would call the right answer, kept to the narrowest types
that cover it (a query about fine dust wants ENV-01, not every environmental sensor in ENV-03).

Company-name cases expect the *main* types of that company's published solutions: every one of
its solutions is then relevant, while the ideal is not inflated by the secondary types those
solutions also carry (the ShelterOne remote operations board is PLT-04 too, but a search for
쉘터원 is not a search for every control-centre platform).

Note prefixes are the categories the report groups by: everyday, particle, spacing, synonym,
english, typo, company, code.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Case:
    query: str
    expected: frozenset[str]  # solution type codes; a hit with any of them is relevant
    note: str  # "category: what the case tests"


def _types(*codes: str) -> frozenset[str]:
    return frozenset(codes)


# Type groups several cases share.
ELDERLY_CARE = _types("HLT-02", "HLT-03", "HLT-04")  # smart senior centre, health care, emergency (독거노인 응급안전)
SMART_POLE = _types("SAF-07", "ETC-04")  # 스마트폴 and 스마트 다목적 폴 are the same product family
DRONE_DELIVERY = _types("LOG-01", "HLT-05")  # drone delivery, and drone delivery of medicines
CCTV_CONTROL = _types("SAF-04", "PLT-04")  # video surveillance and control-centre platforms
SIGNAL_CONTROL = _types("TRN-06", "TRN-11")  # adaptive and AI traffic signal control

RELEVANCE_SET: list[Case] = [
    # --- everyday: how officials phrase a problem or a product -------------------------------------
    Case("불법주차", _types("TRN-04"), "everyday: the most common enforcement request"),
    Case("주정차 단속", _types("TRN-04"), "everyday: administrative wording of parking enforcement"),
    Case("미세먼지", _types("ENV-01"), "everyday: fine dust"),
    Case("버스정류장 더위", _types("TRN-13"), "everyday: heat at bus stops → cooled smart shelters"),
    Case("어르신 돌봄", ELDERLY_CARE, "everyday: senior care (경로당, health monitoring, 응급안전)"),
    Case("스마트폴", SMART_POLE, "everyday: smart pole"),
    Case("쓰레기 수거", _types("ENV-02"), "everyday: waste collection"),
    Case(
        "치매 어르신 실종",
        _types("HLT-01"),
        "everyday: 실종 occurs nowhere; dementia detection is the right answer the catalogue has",
    ),
    Case("드론 배송", DRONE_DELIVERY, "everyday: drone delivery, including medicines to islands"),
    Case("전기차 충전소", _types("ENV-09"), "everyday: EV charging station"),
    Case("공공 와이파이", _types("ETC-07"), "everyday: public Wi-Fi"),
    Case("전통시장 활성화", _types("ETC-09"), "everyday: traditional market support"),
    Case("관광 안내", _types("CUL-02"), "everyday: tourist information"),
    Case("자율주행 셔틀", _types("TRN-10"), "everyday: autonomous shuttle"),
    Case("스마트 횡단보도", _types("TRN-08"), "everyday: smart crosswalk"),
    Case("화재 감지", _types("SAF-03"), "everyday: fire detection (text says 화재감지, 화재알림, 불꽃 감지)"),
    Case("침수", _types("SAF-01", "PLT-04"), "everyday: flooding → disaster situation boards / control platforms"),
    Case("통합관제", _types("PLT-04"), "everyday: integrated control centre platform"),
    Case("데이터허브", _types("PLT-01"), "everyday: city data hub"),
    Case("수요응답형 버스", _types("TRN-05"), "everyday: DRT"),
    Case("교통 신호 제어", SIGNAL_CONTROL, "everyday: signal control, adaptive and AI"),
    Case("경로당", _types("HLT-02"), "everyday: senior centre"),
    Case("공유 자전거", _types("TRN-03"), "everyday: bike sharing"),
    Case("드론 순찰", _types("SAF-02", "ENV-10"), "everyday: patrol drones, incl. hydrogen drones"),
    Case("건설현장 안전", _types("SAF-06"), "everyday: construction-site safety"),
    Case("유해화학물질 누출", _types("SAF-05"), "everyday: hazardous chemical leaks"),
    Case("도시 소음 측정", _types("ENV-03"), "everyday: noise monitoring is environmental monitoring"),
    Case("모바일 신분증", _types("ADM-01"), "everyday: mobile ID"),
    Case("교통량 수집", _types("TRN-02"), "everyday: road and traffic data collection"),
    Case("감염병 조기경보", _types("HLT-06"), "everyday: disease-control monitoring"),
    Case("음식물 쓰레기", _types("ENV-02"), "everyday: food waste metering"),
    Case("노후경유차 단속", _types("ENV-01"), "everyday: 단속 here is emission control, not parking (TRN-04 is wrong)"),
    Case("어린이보호구역", _types("TRN-09"), "everyday: school zones → safe walking"),
    Case("물품보관함", _types("CUL-04"), "everyday: smart lockers"),
    Case("공공배달앱", _types("LOG-02"), "everyday: public delivery app"),
    Case("응급환자 이송", _types("HLT-04"), "everyday: emergency care"),
    # --- particle: a Korean particle or ending glued to the word ------------------------------------
    Case("주차장을 공유", _types("TRN-07"), "particle: 을 on 주차장 (shared parking is smart parking)"),
    Case("쓰레기를 수거하는 차량", _types("ENV-02"), "particle: 를 on 쓰레기, 는 ending on 수거하"),
    Case("어르신들의 건강", _types("HLT-02", "HLT-03"), "particle: 들의 on 어르신"),
    Case("미세먼지가 심한 날", _types("ENV-01"), "particle: 가 on 미세먼지"),
    Case("불법주차를 단속하는 카메라", _types("TRN-04"), "particle: 를 on 불법주차"),
    Case("경로당에서 건강측정", _types("HLT-02"), "particle: 에서 on 경로당"),
    Case("독거노인을 위한 응급호출", _types("HLT-04"), "particle: 을 on 독거노인"),
    Case("섬마을에 의약품을 배송", DRONE_DELIVERY, "particle: 에, 을; no word says 드론"),
    Case("전기차를 충전", _types("ENV-09"), "particle: 를 on 전기차"),
    Case("횡단보도에서 보행자를 보호", _types("TRN-08", "TRN-09"), "particle: 에서, 를; crosswalk and safe walking"),
    # --- spacing: the same words written together or apart -------------------------------------------
    Case("미세 먼지", _types("ENV-01"), "spacing: 미세먼지 split"),
    Case("스마트 폴", SMART_POLE, "spacing: 스마트폴 split"),
    Case("버스 정류장", _types("TRN-13"), "spacing: 버스정류장 split"),
    Case("불법 주정차", _types("TRN-04"), "spacing: 불법주정차 split"),
    Case("스마트 쉘터", _types("TRN-13"), "spacing: 스마트쉘터 split"),
    Case("공공와이파이", _types("ETC-07"), "spacing: 공공 와이파이 joined"),
    Case("드론배송", DRONE_DELIVERY, "spacing: 드론 배송 joined"),
    Case("스마트쓰레기통", _types("ENV-02"), "spacing: 스마트 쓰레기통 joined"),
    Case("자율주행셔틀", _types("TRN-10"), "spacing: 자율주행 셔틀 joined"),
    Case("데이터 허브", _types("PLT-01"), "spacing: 데이터허브 split"),
    # --- synonym: a word the catalogue spells differently or does not use ----------------------------
    Case("스마트 셸터", _types("TRN-13"), "synonym: 셸터 (standard spelling) vs the catalogue's 쉘터"),
    Case("버스 쉼터", _types("TRN-13"), "synonym: 쉼터 for shelter"),
    Case("노인 돌봄", ELDERLY_CARE, "synonym: 노인 vs 어르신"),
    Case("폐기물 수거", _types("ENV-02"), "synonym: 폐기물 vs 쓰레기"),
    Case("대기질 측정", _types("ENV-01"), "synonym: 대기질 vs 미세먼지"),
    Case("영상관제", CCTV_CONTROL, "synonym: 영상관제 occurs nowhere; CCTV 관제 is the catalogue's word"),
    Case("다목적 폴", SMART_POLE, "synonym: 다목적 폴 vs 스마트폴"),
    Case("스마트 가로등", SMART_POLE, "synonym: smart streetlight is a smart pole"),
    Case("시니어 건강관리", _types("HLT-02", "HLT-03"), "synonym: 시니어 vs 어르신"),
    Case("PM2.5", _types("ENV-01"), "synonym: PM2.5 for fine dust"),
    Case("분리수거", _types("ENV-02"), "synonym: 분리수거 vs 분리배출/재활용"),
    Case("전광판", _types("ETC-08"), "synonym: 전광판 vs 미디어보드"),
    Case("무인기 배송", DRONE_DELIVERY, "synonym: 무인기 vs 드론"),
    # --- english --------------------------------------------------------------------------------------
    Case("smart parking", _types("TRN-07"), "english: smart parking"),
    Case("illegal parking enforcement", _types("TRN-04"), "english: illegal parking enforcement"),
    Case("air quality monitoring", _types("ENV-01"), "english: air quality"),
    Case("bus shelter", _types("TRN-13"), "english: bus shelter"),
    Case("elderly care", ELDERLY_CARE, "english: elderly care"),
    Case("drone delivery", DRONE_DELIVERY, "english: drone delivery"),
    Case("EV charging", _types("ENV-09"), "english: EV charging"),
    Case("smart pole", SMART_POLE, "english: smart pole"),
    Case("waste collection", _types("ENV-02"), "english: waste collection"),
    Case("fire detection", _types("SAF-03"), "english: fire detection"),
    Case("public wifi", _types("ETC-07"), "english: public Wi-Fi written wifi"),
    Case("autonomous shuttle", _types("TRN-10"), "english: autonomous shuttle"),
    Case("tourist information", _types("CUL-02"), "english: tourist information"),
    Case("traffic signal control", SIGNAL_CONTROL, "english: traffic signal control"),
    Case("dementia", _types("HLT-01"), "english: dementia"),
    Case("traditional market", _types("ETC-09"), "english: traditional market"),
    # --- typo: Latin-script misspellings --------------------------------------------------------------
    Case("smart parkng", _types("TRN-07"), "typo: dropped letter in parking"),
    Case("air qualty", _types("ENV-01"), "typo: dropped letter in quality"),
    Case("shelterr", _types("TRN-13"), "typo: doubled letter in shelter"),
    Case("drone delivry", DRONE_DELIVERY, "typo: dropped letter in delivery"),
    Case("ilegal parking", _types("TRN-04"), "typo: single l in illegal"),
    Case("autonomus shuttle", _types("TRN-10"), "typo: dropped letter in autonomous"),
    Case("eldery care", ELDERLY_CARE, "typo: transposed letters in elderly"),
    Case("smart crosswlk", _types("TRN-08"), "typo: dropped letter in crosswalk"),
    # --- company: a vendor's name; expected = main types of its published solutions ------------------
    Case("그린에어텍", _types("ENV-01"), "company: (주)그린에어텍, 3 solutions"),
    Case("쉘터원", _types("TRN-13", "TRN-01"), "company: (주)쉘터원, 4 solutions"),
    Case("클린빈", _types("ENV-02"), "company: (주)클린빈, 3 solutions"),
    Case("오토웨이", _types("TRN-10"), "company: (주)오토웨이모빌리티 by the first part of its name"),
    Case("신원온", _types("ADM-01"), "company: (주)신원온, 2 solutions"),
    Case("하늘길에어로", _types("HLT-05", "TRN-12"), "company: not (주)하늘길드론, which shares 하늘길"),
    Case("빌드세이프랩", _types("SAF-06"), "company: 빌드세이프랩 주식회사, 3 solutions"),
    Case("켐가드", _types("SAF-05"), "company: (주)켐가드시스템 by the first part of its name"),
    Case("(주)은빛누리케어", _types("HLT-01", "HLT-02"), "company: typed with the (주) prefix"),
    Case("뚜벅로보틱스", _types("LOG-04"), "company: 뚜벅로보틱스 주식회사, 2 solutions"),
    Case("GreenAirTech", _types("ENV-01"), "company: English name of (주)그린에어텍"),
    Case("ShelterOne", _types("TRN-13", "TRN-01"), "company: English name of (주)쉘터원"),
    # --- code: a taxonomy code copied from the 종합계획 table --------------------------------------
    Case("TRN-04", _types("TRN-04"), "code: illegal parking enforcement"),
    Case("ENV-01", _types("ENV-01"), "code: fine-dust management"),
    Case("hlt-02", _types("HLT-02"), "code: lower-case smart senior centre"),
]
