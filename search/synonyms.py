"""The domain synonym list, shared by both search backends.

Each group is a set of words officials and companies use for the same thing, Korean and English.
A word may be several tokens ("버스정류장 쉼터"). The database backend adds the group's key as an
extra term wherever a member occurs (at index and at query time); the Elasticsearch backend turns
the same groups into a ``synonym_graph`` filter (``elasticsearch_rules``). Add a group here, run
``manage.py search_index --rebuild``, and both backends know it.
"""

SYNONYM_GROUPS: dict[str, tuple[str, ...]] = {
    "parking": ("주차", "주차장", "주정차", "파킹", "parking", "park"),
    "illegal_parking": ("불법주차", "불법 주차", "불법주정차", "불법 주정차", "주정차 위반", "illegal parking"),
    "enforcement": ("단속", "계도", "enforcement"),
    "shelter": (
        "쉘터",
        "셸터",
        "스마트쉘터",
        "그늘막",
        "스마트그늘막",
        "스마트셸터",
        "버스정류장 쉼터",
        "버스 쉼터",
        "shelter",
        "bus shelter",
    ),
    "bus_stop": ("버스정류장", "버스 정류장", "정류장", "정류소", "bus stop"),
    "heat": ("더위", "폭염", "무더위", "heatwave", "heat"),
    "pole": ("스마트폴", "스마트 폴", "다목적 폴", "다목적폴", "지능형 가로등", "스마트 가로등", "smart pole", "pole"),
    "streetlight": ("가로등", "보안등", "streetlight", "street light"),
    "fine_dust": (
        "미세먼지",
        "미세 먼지",
        "초미세먼지",
        "대기질",
        "공기질",
        "pm10",
        "pm2.5",
        "fine dust",
        "air quality",
    ),
    "collection": ("수거", "collection", "pickup"),
    "waste": ("쓰레기", "폐기물", "생활폐기물", "재활용", "분리수거", "waste", "garbage", "trash", "recycling"),
    "elderly": ("어르신", "노인", "고령자", "독거노인", "시니어", "elderly", "senior", "seniors"),
    "care": ("돌봄", "케어", "보살핌", "care"),
    "cctv": ("cctv", "영상관제", "영상 관제", "방범카메라", "폐쇄회로", "video surveillance", "camera"),
    "control_center": ("관제", "관제센터", "통합관제", "통합 관제", "control center", "control centre"),
    "crosswalk": ("횡단보도", "건널목", "crosswalk", "pedestrian crossing"),
    "drone": ("드론", "무인기", "drone", "uav"),
    "fire": ("화재", "불", "fire"),
    "disaster": ("재난", "재해", "방재", "disaster"),
    "data_hub": ("데이터허브", "데이터 허브", "도시데이터", "ngsi-ld", "data hub"),
    "platform": ("플랫폼", "platform"),
    "energy": ("에너지", "전력", "energy", "power"),
    "ev_charging": ("충전소", "충전기", "전기차 충전", "ev charging", "charging station"),
    "traffic": ("교통", "교통량", "traffic"),
    "signal": ("신호", "신호등", "신호제어", "traffic signal"),
    "demand_responsive": ("수요응답", "수요응답형", "drt", "demand responsive"),
    "shuttle": ("셔틀", "자율주행셔틀", "shuttle", "autonomous shuttle"),
    "sharing": ("공유", "쉐어링", "셰어링", "sharing", "shared"),
    "bike": ("자전거", "따릉이", "bike", "bicycle"),
    "tourism": ("관광", "여행", "tourism", "tourist"),
    "delivery": ("배달", "배송", "택배", "delivery"),
    "health": ("건강", "헬스케어", "health", "healthcare"),
    "dementia": ("치매", "인지저하", "dementia"),
    "safety": ("안전", "안심", "safety", "safe"),
    "walking": ("보행", "보행자", "pedestrian", "walking"),
    "wifi": ("와이파이", "wifi", "wi-fi", "무선인터넷"),
    "kiosk": ("키오스크", "무인단말기", "kiosk"),
    "small_business": ("소상공인", "전통시장", "골목상권", "small business", "market"),
    "media_board": ("미디어보드", "미디어 보드", "전광판", "디지털 사이니지", "media board", "signage"),
    "smart_farm": ("스마트팜", "스마트 팜", "smart farm"),
    "flood": ("침수", "홍수", "flood"),
    "noise": ("소음", "noise"),
    "sensor": ("센서", "sensor", "iot"),
    "ai": ("인공지능", "ai"),
    "mobile_id": ("모바일신분증", "모바일 신분증", "mobile id", "디지털 신분증"),
}

# Domain words Korean morphological analysis should keep whole (also the Elasticsearch nori user
# dictionary): compounds that would otherwise be split or mis-split.
USER_DICTIONARY: tuple[str, ...] = (
    "스마트쉘터",
    "스마트셸터",
    "스마트폴",
    "주정차",
    "불법주정차",
    "데이터허브",
    "스마트팜",
    "자율주행셔틀",
    "수요응답형",
    "관제센터",
    "미디어보드",
    "모바일신분증",
    "키오스크",
    "메타버스",
)


def elasticsearch_rules() -> list[str]:
    """``synonym_graph`` rules in Solr format: one line per group, members comma-separated."""
    return [", ".join(dict.fromkeys(member.lower() for member in members)) for members in SYNONYM_GROUPS.values()]
