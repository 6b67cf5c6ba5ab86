"""Solution types inferred from a problem description written in a city's own words.

Each type has the words officials use for its problem (``TYPE_CUES``). The text is compared with spaces
removed, so "불법 주정차" and "불법주정차" read the same. A cue's weight is its length: a specific phrase
("소방차 진입") counts more than a short word ("주차"). The types whose weight is at least half of the best
one are the inference, at most ``MAX_INFERRED``. ``types_contradicting`` tells when a city chose types its
own text does not support (a warning, not an error).
"""

import re
from dataclasses import dataclass

MAX_INFERRED = 3
MIN_WEIGHT = 2

TYPE_CUES: dict[str, tuple[str, ...]] = {
    "ADM-01": ("모바일신분증", "모바일 신분증", "디지털신분증", "신분 확인", "신분증"),
    "TRN-01": ("버스 도착", "도착 정보", "대중교통 정보", "버스 정보", "노선 안내", "환승 안내", "bis"),
    "TRN-02": ("도로 정보", "교통량 수집", "도로 상태", "노면 상태", "포트홀", "결빙", "도로 파손"),
    "TRN-03": ("공유 자전거", "전기자전거", "공유 킥보드", "킥보드", "공유 모빌리티", "개인형 이동장치", "카셰어링"),
    "TRN-04": (
        "불법주정차",
        "불법 주차",
        "불법주차",
        "주정차 단속",
        "주차단속",
        "주차 단속",
        "무인단속",
        "소방차 진입",
        "소화전 주변",
        "견인",
        "단속 알림",
        "이중주차",
    ),
    "TRN-05": ("수요응답", "호출형 버스", "콜버스", "버스가 드문", "배차 간격", "버스 노선이 없", "교통 소외", "drt"),
    "TRN-06": ("신호 제어", "신호등 주기", "교차로 정체", "교통 정체", "신호 최적화", "교통 혼잡"),
    "TRN-07": ("주차장", "주차면", "주차 공간", "주차 정보", "빈 주차", "주차난", "공유주차", "주차 공유", "주차 시간"),
    "TRN-08": ("횡단보도", "보행자 사고", "무단횡단", "보행 신호", "건널목"),
    "TRN-09": ("안심 귀갓길", "귀갓길", "밤길", "보행 안전", "어두운 골목", "안심보행", "통학로"),
    "TRN-10": ("자율주행", "셔틀", "무인 셔틀"),
    "TRN-11": ("ai 신호", "인공지능 신호", "ai 교통", "영상 분석 신호", "스마트 교차로"),
    "TRN-12": ("uam", "도심항공", "에어택시", "버티포트"),
    "TRN-13": ("버스정류장", "정류장", "쉼터", "스마트쉘터", "쉘터", "승강장", "폭염 대기"),
    "HLT-01": ("치매", "배회", "실종 어르신", "인지 저하"),
    "HLT-02": ("경로당", "노인정", "어르신 여가"),
    "HLT-03": ("건강관리", "헬스케어", "만성질환", "혈압", "건강 상담", "비대면 진료", "건강 측정"),
    "HLT-04": ("응급", "독거노인", "고독사", "홀몸 어르신", "낙상", "응급안전", "응급 호출", "심정지"),
    "HLT-05": ("의약품 배송", "약 배달", "의약품 드론", "처방약"),
    "HLT-06": ("방역", "감염병", "발열 감지", "소독", "전염병"),
    "ENV-01": ("미세먼지", "대기질", "공기질", "이끼타워", "초미세먼지", "먼지 저감"),
    "ENV-02": ("쓰레기", "폐기물", "분리수거", "재활용", "무단투기", "수거", "쓰레기통", "음식물"),
    "ENV-03": ("수질", "소음", "악취", "하천 오염", "환경 측정", "환경 모니터링", "침수 감지", "수위"),
    "ENV-04": ("v2g", "양방향 충전", "전기차 배터리 공유"),
    "ENV-05": ("에너지 수요", "전력 사용량", "에너지 절감", "냉난방비", "에너지 관리", "전기요금", "피크 전력"),
    "ENV-06": ("ess", "에너지 저장", "배터리 저장"),
    "ENV-07": ("스마트팜", "수직농장", "농장"),
    "ENV-08": ("태양광", "전력 거래", "재생에너지 거래", "에너지 거래", "햇빛", "시민 발전"),
    "ENV-09": ("전기차 충전", "충전소", "충전기", "충전 인프라"),
    "ENV-10": ("수소 드론", "수소"),
    "ENV-11": ("환경교육", "기후 교육", "탄소중립 교육", "체험 교육", "분리수거 체험"),
    "SAF-01": ("시설물 점검", "안전 점검", "노후 시설", "교량 점검", "시설물 관리", "균열", "붕괴"),
    "SAF-02": ("드론 순찰", "드론 감시", "드론 모니터링", "산불 감시", "수난 사고", "드론"),
    "SAF-03": ("화재", "불이 나", "연기 감지", "화재 감지", "소화전", "전통시장 화재"),
    "SAF-04": ("비명", "음성 인식", "cctv", "방범", "범죄", "여성 안심", "영상 보안"),
    "SAF-05": ("유해물질", "위험물", "가스 누출", "화학", "유해화학"),
    "SAF-06": ("건설현장", "공사장", "근로자 안전", "중대재해"),
    "SAF-07": ("스마트폴", "스마트 폴", "가로등", "보안등", "지능형 가로등"),
    "CUL-01": ("ar", "vr", "증강현실", "가상현실", "실감 콘텐츠", "문화유산 체험"),
    "CUL-02": ("관광 안내", "관광객", "관광 정보", "여행객", "관광지", "축제"),
    "CUL-03": ("도서관", "문화공간", "전시", "공연장", "문화시설"),
    "CUL-04": ("보관함", "물품 보관", "무인 보관", "짐 보관", "택배함"),
    "LOG-01": ("드론 배송", "드론배송", "드론으로 배송", "섬 지역 배송", "도서 지역 배송", "생필품 배송"),
    "LOG-02": ("공공배달", "배달앱", "배달 수수료", "공공 배달"),
    "LOG-03": ("친환경 배송", "에코배송", "전기 화물", "택배 차량", "라스트마일"),
    "LOG-04": ("로봇 카트", "장보기", "카트", "짐 운반"),
    "PLT-01": ("데이터 플랫폼", "데이터 통합", "데이터 분석 기반", "도시데이터", "데이터 공유 플랫폼"),
    "PLT-02": ("마이데이터", "개인 데이터", "개인정보 활용 동의"),
    "PLT-03": (
        "통합 앱",
        "시민 앱",
        "서비스 플랫폼",
        "민원",
        "시민 참여",
        "통합 예약",
        "공유공간",
        "예약 플랫폼",
        "돌봄 플랫폼",
        "공유 돌봄",
    ),
    "PLT-04": ("관제 플랫폼", "통합관제", "관제센터", "상황실", "통합 상황", "시장실"),
    "ETC-01": ("복합센터", "복합 센터", "거점 시설", "주민센터 복합", "주민 거점"),
    "ETC-02": ("빅데이터", "유동인구", "데이터 분석", "상권 분석", "iot 센서 데이터"),
    "ETC-03": ("데이터 안심구역", "가명정보", "미개방 데이터"),
    "ETC-04": ("다목적 폴", "다목적폴", "복합 폴", "통합 폴"),
    "ETC-05": ("메타버스", "가상 공간", "디지털 트윈"),
    "ETC-06": ("업무공간", "공유오피스", "워케이션", "원격 근무", "스마트워크"),
    "ETC-07": ("와이파이", "wifi", "무료 인터넷", "공공 와이파이"),
    "ETC-08": ("미디어보드", "미디어 보드", "전광판", "안내판", "디지털 사이니지", "정보 안내 화면", "도시 입구"),
    "ETC-09": ("소상공인", "전통시장", "골목상권", "상점가", "시장 상인"),
    "ETC-10": (),
}

_SPACE = re.compile(r"\s+")
# Cues this short (in characters, spaces removed) must stand as Latin words, not inside other words.
_SHORT_LATIN = 3


def _fold(text: str) -> str:
    return _SPACE.sub("", (text or "").lower())


_FOLDED = {code: tuple(dict.fromkeys(_fold(c) for c in cues)) for code, cues in TYPE_CUES.items()}
_ORIGINAL = {_fold(c): c for cues in TYPE_CUES.values() for c in cues}


@dataclass(frozen=True)
class InferredType:
    code: str
    weight: int
    cues: tuple[str, ...]


def _latin_word_present(cue: str, text: str) -> bool:
    return re.search(rf"(?<![a-z]){re.escape(cue)}(?![a-z])", text) is not None


def type_weights(text: str) -> list[InferredType]:
    """Every type with a cue in ``text``, heaviest first (ties by code, so the order is stable)."""
    folded = _fold(text)
    lowered = (text or "").lower()
    found = []
    for code, cues in _FOLDED.items():
        hits = []
        for cue in cues:
            if cue.isascii() and len(cue) <= _SHORT_LATIN:
                if _latin_word_present(cue, lowered):
                    hits.append(cue)
            elif cue in folded:
                hits.append(cue)
        # A cue contained in a longer matched cue of the same type adds nothing ("주차" inside "주차장").
        hits = [h for h in hits if not any(h != other and h in other for other in hits)]
        weight = sum(len(h) for h in hits)
        if weight >= MIN_WEIGHT:
            found.append(InferredType(code, weight, tuple(hits)))
    return sorted(found, key=lambda t: (-t.weight, t.code))


def infer_types(text: str) -> list[InferredType]:
    """The types a problem description is about: the heaviest, and those at least half as heavy."""
    weights = type_weights(text)
    if not weights:
        return []
    best = weights[0].weight
    return [t for t in weights if t.weight * 2 >= best][:MAX_INFERRED]


def types_contradicting(text: str, codes: list[str]) -> list[str]:
    """Chosen type codes whose problem the text never mentions, when the text clearly points elsewhere."""
    supported = {t.code for t in type_weights(text)}
    if not supported:
        return []
    domains = {c.split("-")[0] for c in supported}
    return [c for c in codes if c not in supported and c.split("-")[0] not in domains]


def cue_query(text: str) -> str:
    """The words of ``text`` that carry its problem (the matched cues of its strongest types), as a short
    search query; "" when no cue matches. A whole problem description as a query makes the search engine
    match most of a large catalogue on some word; its cues find the same solutions several times faster."""
    cues = [_ORIGINAL[c] for t in infer_types(text) for c in t.cues]
    return " ".join(dict.fromkeys(cues))
