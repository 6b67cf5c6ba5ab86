import pytest

from search.backends.base import IndexDocument


def doc(object_id, title, summary="", body="", kind="solution", **facets):
    return IndexDocument(
        kind=kind,
        object_id=object_id,
        title=title,
        summary=summary,
        body=body,
        url=f"/{kind}s/{object_id}/",
        facets={name: list(values) for name, values in facets.items()},
    )


CORPUS = [
    doc(1, "무브아이 이동식 불법주정차 실시간 감시", "순찰차 카메라로 불법 주정차를 찾아 단속합니다.",
        domain=["TRN"], type=["TRN-04"], province=["41"], has_reference=["true"], price_band=["10m_50m"]),
    doc(2, "파크뷰 스마트 주차유도 시스템", "주차장 빈자리를 안내합니다.", "Smart parking guidance",
        domain=["TRN"], type=["TRN-07"], province=["11"], has_reference=["true"], price_band=["50m_100m"]),
    doc(3, "쉘터원 스마트 버스셸터", "폭염과 한파를 막는 밀폐형 정류장 쉼터",
        domain=["TRN"], type=["TRN-13"], has_reference=["false"], price_band=["100m_500m"]),
    doc(4, "에어노트 도시대기 측정망", "미세먼지와 초미세먼지(PM2.5)를 측정합니다.", "air quality monitoring",
        domain=["ENV"], type=["ENV-01"], province=["41"], has_reference=["false"], price_band=["under_10m"]),
    doc(5, "안부온 AI 안부콜", "독거노인 돌봄을 위한 인공지능 안부 전화",
        domain=["HLT"], type=["HLT-03"], has_reference=["true"], price_band=["under_10m"]),
    doc(6, "다온 스마트 다목적 폴", "가로등, CCTV, 와이파이를 하나의 폴에 통합",
        domain=["SAF", "ETC"], type=["SAF-07", "ETC-04"], has_reference=["false"], price_band=["10m_50m"]),
    doc(7, "클린빈 IoT 쓰레기통", "적재량을 감지해 수거 경로를 최적화합니다.", "waste bin sensor",
        domain=["ENV"], type=["ENV-02"], has_reference=["false"], price_band=["under_10m"]),
    doc(101, "(주)파크뷰", "주차 전문기업", kind="organization", startup=["false"]),
]  # fmt: skip


@pytest.fixture
def corpus():
    return list(CORPUS)
