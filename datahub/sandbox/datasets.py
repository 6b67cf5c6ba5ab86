"""The sandbox dataset catalogue: one dataset per Smart Data Models entity type of the sandbox city.

What a startup reads before it writes a line of code: what the data describes, who would publish it in a
real city, how often it changes, which attributes to chart, and under which licence it may be used.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from . import smartdatamodels

LICENCE = _("공공누리 제1유형 (출처표시)")
LICENCE_URL = "https://www.kogl.or.kr/info/licenseType1.do"
MODEL_LICENCE = _("Smart Data Models 데이터 모델: CC BY 4.0")
EVERY_15_MINUTES = _("15분마다 측정값 갱신")
ON_CHANGE = _("상태가 바뀔 때 보고 (15분 단위로 감지)")


@dataclass(frozen=True)
class Dataset:
    slug: str
    entity_type: str
    title: str
    domain: str
    summary: str
    description: str
    provider: str
    update_frequency: str
    chart_attributes: tuple[str, ...]
    sample_key: str

    @property
    def model(self) -> dict:
        return smartdatamodels.model(self.entity_type)

    @property
    def subject(self) -> str:
        return self.model["subject"]

    def sample_id(self, city: str = "gwacheon") -> str:
        return f"urn:ngsi-ld:{self.entity_type}:{city}:{self.sample_key}"


DATASETS = (
    Dataset(
        slug="off-street-parking",
        entity_type="OffStreetParking",
        title=_("공영주차장 실시간 주차 현황"),
        domain=_("교통"),
        summary=_("과천시 공영·부설주차장 11곳의 전체·가용·점유 주차면수와 점유율"),
        description=_(
            "과천역, 별양동, 중앙동 공영주차장과 정부과천청사·과천지식정보타운·서울대공원 주차장의 주차 현황입니다. "
            "주차면 센서가 설치된 3곳은 센서 집계값을, 나머지는 입·출차 차량 수를 차감해 산출한 값을 제공합니다. "
            "업무지역은 평일 오전 9시 전후에 가득 차고, 서울대공원·국립과천과학관 주차장은 주말 오후에 붐비며, "
            "비가 오면 나들이 차량이 줄어듭니다. "
            "주차 안내 전광판, 주차장 찾기 앱, 불법 주정차 저감 서비스 개발에 쓸 수 있습니다."
        ),
        provider=_("과천시 교통과 (샌드박스 합성 데이터)"),
        update_frequency=EVERY_15_MINUTES,
        chart_attributes=("occupancy", "availableSpotNumber", "occupiedSpotNumber"),
        sample_key="gwacheon-station-01",
    ),
    Dataset(
        slug="parking-spots",
        entity_type="ParkingSpot",
        title=_("주차면 점유 센서"),
        domain=_("교통"),
        summary=_("과천역·별양동·중앙동 공영주차장 주차면 240면의 점유(occupied)·빈자리(free) 상태"),
        description=_(
            "주차면 바닥에 설치한 지자기 센서가 차량 유무를 감지해 상태가 바뀔 때마다 보고합니다. "
            "각 주차면은 refParkingSite 관계로 소속 공영주차장을 가리키며, "
            "같은 시각의 점유 주차면 합계는 주차장의 occupiedSpotNumber와 일치합니다. "
            "빈자리 안내, 주차면 단위 회전율 분석, 장기 주차 탐지 서비스를 시험할 수 있습니다."
        ),
        provider=_("과천시 교통과 (샌드박스 합성 데이터)"),
        update_frequency=ON_CHANGE,
        chart_attributes=("status",),
        sample_key="gwacheon-station-01-001",
    ),
    Dataset(
        slug="air-quality",
        entity_type="AirQualityObserved",
        title=_("대기질 측정"),
        domain=_("환경"),
        summary=_("도시대기측정소와 미세먼지 간이측정기 7곳의 PM10, PM2.5, NO2, O3, CO와 통합대기환경지수"),
        description=_(
            "과천동 대기측정소와 동별 도시대기측정소, 간이측정기의 측정값입니다. 간선도로에 가까운 측정소일수록 출퇴근 "
            "시간대에 이산화질소와 미세먼지가 높아지고, 바람이 강하거나 비가 오면 농도가 낮아집니다. "
            "통합대기환경지수(CAI)와 등급(good, moderate, unhealthy, veryUnhealthy)을 함께 제공합니다. "
            "미세먼지 알림, 대기질 예측, 저감시설 운영 최적화 서비스에 활용할 수 있습니다."
        ),
        provider=_("과천시 환경과 (샌드박스 합성 데이터)"),
        update_frequency=EVERY_15_MINUTES,
        chart_attributes=("pm10", "pm25", "no2", "o3", "co", "airQualityIndex"),
        sample_key="gwacheon-dong",
    ),
    Dataset(
        slug="weather",
        entity_type="WeatherObserved",
        title=_("기상 관측"),
        domain=_("환경"),
        summary=_("자동기상관측장비 2곳의 기온, 습도, 풍속·풍향, 강수량, 기압"),
        description=_(
            "중앙동과 과천동 자동기상관측장비(AWS)의 관측값입니다. 월별 평년값을 바탕으로 일교차, 며칠씩 이어지는 기온 "
            "변동, 비가 오는 시간대를 재현했습니다. 같은 날씨가 대기질, 주차장, 스마트쉘터 데이터에 반영되어 있어 "
            "데이터 간 상관관계를 분석해 볼 수 있습니다."
        ),
        provider=_("과천시 안전총괄과 (샌드박스 합성 데이터)"),
        update_frequency=EVERY_15_MINUTES,
        chart_attributes=("temperature", "relativeHumidity", "windSpeed", "precipitation", "atmosphericPressure"),
        sample_key="jungang-aws",
    ),
    Dataset(
        slug="traffic-flow",
        entity_type="TrafficFlowObserved",
        title=_("도로 교통량"),
        domain=_("교통"),
        summary=_("과천대로·중앙로·별양로 등 7개 도로 상·하행 차량검지기 14곳의 교통량, 평균 속도, 점유율"),
        description=_(
            "차량검지기(VDS)가 15분 동안 지나간 차량 수(intensity), 평균 속도, 차로 점유율을 집계합니다. 평일 아침에는 "
            "서울 방향(상행), 저녁에는 과천 방향(하행) 교통량이 많고, 속도가 자유 속도의 절반 아래로 떨어지면 "
            "congested가 true가 됩니다. 교통 혼잡 알림, 신호 운영 분석, 대기질과의 관계 분석에 쓸 수 있습니다."
        ),
        provider=_("과천시 교통과 (샌드박스 합성 데이터)"),
        update_frequency=EVERY_15_MINUTES,
        chart_attributes=("intensity", "averageVehicleSpeed", "occupancy"),
        sample_key="gwacheon-daero-north-forward",
    ),
    Dataset(
        slug="bus-stops",
        entity_type="PublicTransportStop",
        title=_("버스정류장 대기 인원"),
        domain=_("교통"),
        summary=_("과천시 버스정류장 40곳의 위치, 경유 노선과 대기 인원"),
        description=_(
            "버스정보시스템(BIS) 정류장의 위치와 정류장 번호, 경유 노선, "
            "영상 분석으로 센 대기 인원(peopleCount)입니다. "
            "지하철역과 정부과천청사 인근 정류장은 출퇴근 시간대에 대기 인원이 많습니다. 수요응답형 버스 배차, "
            "정류장 혼잡 안내 서비스 개발에 활용할 수 있습니다."
        ),
        provider=_("과천시 교통과 (샌드박스 합성 데이터)"),
        update_frequency=EVERY_15_MINUTES,
        chart_attributes=("peopleCount",),
        sample_key="gwacheon-station",
    ),
    Dataset(
        slug="smart-shelters",
        entity_type="IndoorEnvironmentObserved",
        title=_("스마트쉘터 환경 센서"),
        domain=_("교통"),
        summary=_("냉난방 스마트쉘터 12곳의 내부 온도, 습도, 쉘터 안 인원"),
        description=_(
            "냉난방기를 갖춘 밀폐형 버스정류장(스마트쉘터)의 실내 환경 센서입니다. refPointOfInterest 관계로 해당 "
            "버스정류장을 가리킵니다. 비가 오거나 영하·폭염일 때는 정류장 대기 인원 중 쉘터 안으로 들어오는 비율이 "
            "높아집니다. 쉘터 냉난방 제어, 이용 현황 분석 서비스를 시험할 수 있습니다."
        ),
        provider=_("과천시 교통과 (샌드박스 합성 데이터)"),
        update_frequency=EVERY_15_MINUTES,
        chart_attributes=("temperature", "relativeHumidity", "peopleCount"),
        sample_key="shelter-gwacheon-station",
    ),
    Dataset(
        slug="streetlights",
        entity_type="Streetlight",
        title=_("스마트 가로등"),
        domain=_("에너지"),
        summary=_("주요 도로 가로등 150개의 점등 상태, 밝기, 소비전력과 고장"),
        description=_(
            "원격 점소등 제어기가 달린 LED 가로등입니다. 일몰에 켜지고 일출에 꺼지며, 자정부터 오전 5시까지는 50%로 "
            "디밍(powerState low)합니다. 하루 1% 정도의 가로등에 램프 불량 등 고장(status)이 생기고 하루에서 사흘 뒤 "
            "복구됩니다. 고장 탐지, 에너지 절감 효과 분석, 유지보수 일정 최적화 서비스에 활용할 수 있습니다."
        ),
        provider=_("과천시 건설과 (샌드박스 합성 데이터)"),
        update_frequency=_("소비전력은 15분마다, 점등 상태와 고장은 바뀔 때 보고"),
        chart_attributes=("powerConsumption", "illuminanceLevel"),
        sample_key="jungang-ro-001",
    ),
    Dataset(
        slug="waste-containers",
        entity_type="WasteContainer",
        title=_("스마트 쓰레기통 적재량"),
        domain=_("환경"),
        summary=_("가로변 스마트 쓰레기통 40개의 적재율(fillingLevel)과 수거 시각"),
        description=_(
            "초음파 센서가 쓰레기통 적재율을 0~1 값으로 측정합니다. 유동인구가 많은 별양동·중앙동은 매일, 나머지 "
            "지역은 월·수·금 오전 6시에 수거하며 수거 시각은 dateLastEmptying으로 기록됩니다. 수거 경로 최적화, "
            "넘침 예보 서비스를 시험할 수 있습니다."
        ),
        provider=_("과천시 자원순환과 (샌드박스 합성 데이터)"),
        update_frequency=EVERY_15_MINUTES,
        chart_attributes=("fillingLevel",),
        sample_key="byeolyang-001",
    ),
    Dataset(
        slug="ev-charging",
        entity_type="EVChargingStation",
        title=_("전기차 충전소 현황"),
        domain=_("에너지"),
        summary=_("공공 전기차 충전소 15곳의 충전기 수, 사용 가능 충전기 수와 운영 상태"),
        description=_(
            "공영주차장과 공공기관에 설치한 급속(CHAdeMO, DC콤보)·완속 충전소입니다. 충전기 고장 시 status가 "
            "withIncidence 또는 outOfService로 바뀝니다. 충전소 찾기, 충전 수요 예측, 충전기 고장 알림 서비스에 쓸 수 "
            "있습니다."
        ),
        provider=_("과천시 기후에너지과 (샌드박스 합성 데이터)"),
        update_frequency=EVERY_15_MINUTES,
        chart_attributes=("availableCapacity",),
        sample_key="city-hall-01",
    ),
)

BY_SLUG = {dataset.slug: dataset for dataset in DATASETS}


def dataset_for_slug(slug: str) -> Dataset | None:
    return BY_SLUG.get(slug)
