"""A reproducible synthetic catalogue for the search benchmark (issue #3), and its query set.

``build_corpus(n)`` writes *real rows* with ``bulk_create``: companies (``Organization``), the 47 demo
municipalities, ``n`` solutions with their types (many-to-many) and references for about 40 % of them.
Real rows, not ``IndexDocument``s, because two of the three engines compared (Wagtail's database
search and the ``icontains`` filter) search the ``Solution`` table itself, and our backend's rebuild
is then measured the way production runs it (``search.sources.all_documents`` → ``rebuild``).

The text is recombined from the demo catalogue (``marketplace/demo/data/*.json``): a solution of
type T gets a product brand, a name descriptor, a summary, description sentences, problems,
features, tags and specs taken from demo solutions of type T (or of T's domain), so texts are
realistic Korean and consistent with their facets, yet no two are the same. Everything comes from
``random.Random(seed)``: the same ``n`` and seed give the same rows, queries and prefixes.

Nothing here sends model signals (``bulk_create``), so the outbox stays empty; the benchmark
rebuilds every index explicitly.
"""

import json
import math
import random
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

SEED = 20261121
DATA_DIR = Path(__file__).resolve().parents[2] / "marketplace" / "demo" / "data"
TAXONOMY_FILE = Path(__file__).resolve().parents[2] / "marketplace" / "data" / "taxonomy.json"
SOLUTION_FILES = ("solutions_adm_trn_hlt.json", "solutions_env_saf.json", "solutions_cul_log_plt_etc.json")
BATCH = 2000
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")

# Product brand parts (Korean, English): two of them make a brand such as 파크링크 / ParkLink.
BRAND_PARTS = (
    ("에어", "Air"), ("파크", "Park"), ("뷰", "View"), ("아이", "Eye"), ("링크", "Link"), ("노트", "Note"),
    ("온", "On"), ("케어", "Care"), ("세이프", "Safe"), ("가드", "Guard"), ("웨이", "Way"), ("큐브", "Cube"),
    ("넷", "Net"), ("허브", "Hub"), ("로드", "Road"), ("시티", "City"), ("그린", "Green"), ("블루", "Blue"),
    ("스카이", "Sky"), ("라이트", "Light"), ("사인", "Sign"), ("봇", "Bot"), ("맵", "Map"), ("톡", "Talk"),
    ("플로우", "Flow"), ("포인트", "Point"), ("센스", "Sense"), ("워치", "Watch"), ("모아", "Moa"),
    ("누리", "Nuri"), ("한빛", "Hanbit"), ("다온", "Daon"), ("이음", "Eum"), ("하람", "Haram"), ("도담", "Dodam"),
    ("마루", "Maru"),
)  # fmt: skip
# Company names: a stem (or two) and a business word, with a legal form.
COMPANY_STEMS = (
    ("한빛", "Hanbit"), ("누리", "Nuri"), ("다온", "Daon"), ("가온", "Gaon"), ("새봄", "Saebom"),
    ("푸른", "Pureun"), ("하늘", "Haneul"), ("바다", "Bada"), ("온누리", "Onnuri"), ("미르", "Mir"),
    ("아라", "Ara"), ("늘봄", "Neulbom"), ("별빛", "Byeolbit"), ("초록", "Chorok"), ("해오름", "Haeoreum"),
    ("들꽃", "Deulkkot"), ("나래", "Narae"), ("빛고을", "Bitgoeul"), ("세움", "Seum"), ("든든", "Deundeun"),
    ("라온", "Raon"), ("예담", "Yedam"), ("한울", "Hanul"), ("새론", "Saeron"), ("가람", "Garam"),
    ("솔빛", "Solbit"), ("단비", "Danbi"), ("보람", "Boram"), ("여울", "Yeoul"), ("한결", "Hangyeol"),
)  # fmt: skip
COMPANY_WORDS = (
    ("시스템즈", "Systems"), ("테크", "Tech"), ("랩스", "Labs"), ("솔루션", "Solutions"), ("네트웍스", "Networks"),
    ("모빌리티", "Mobility"), ("에너지", "Energy"), ("데이터", "Data"), ("로보틱스", "Robotics"),
    ("이노베이션", "Innovation"), ("케어", "Care"), ("세이프티", "Safety"), ("에어로", "Aero"), ("미디어", "Media"),
    ("정보통신", "ICT"), ("엔지니어링", "Engineering"),
)  # fmt: skip
SUMMARY_ENDINGS = ("솔루션입니다.", "시스템입니다.", "서비스입니다.", "플랫폼입니다.")
PROVINCE_WEIGHTS = {
    "11": 30, "41": 25, "28": 6, "26": 6, "27": 5, "30": 6, "29": 4, "31": 3, "36": 3,
    "43": 2, "44": 2, "46": 1, "47": 2, "48": 3, "50": 1, "51": 1, "52": 1,
}  # fmt: skip
DEPLOYMENTS = ("on_premise", "cloud", "saas", "hybrid")
LICENSES = ("Apache-2.0", "MIT", "GPL-3.0", "MPL-2.0")


def has_batchim(word: str) -> bool:
    last = word[-1] if word else ""
    return "가" <= last <= "힣" and (ord(last) - 0xAC00) % 28 != 0


def with_particle(word: str, particle: str) -> str:
    """Attach a Korean particle in the form the last syllable needs (주차장을, 드론을, 쓰레기를…)."""
    forms = {"을": ("을", "를"), "이": ("이", "가"), "은": ("은", "는"), "으로": ("으로", "로"), "과": ("과", "와")}
    if particle in forms:
        with_final, without = forms[particle]
        last = word[-1]
        rieul = "가" <= last <= "힣" and (ord(last) - 0xAC00) % 28 == 8  # ㄹ takes 로, not 으로
        use = with_final if has_batchim(word) and not (particle == "으로" and rieul) else without
        return word + use
    return word + particle


# -- fragments of the demo catalogue --------------------------------------------------------------


@dataclass
class Pool:
    """Text fragments of demo solutions that share a type (or a domain)."""

    descriptors: list[tuple[str, str]] = field(default_factory=list)  # name without brand, (ko, en)
    summaries: list[str] = field(default_factory=list)
    sentences: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    features: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    specs: list[dict] = field(default_factory=list)
    prices: list[tuple[str, int | None, str]] = field(default_factory=list)  # pricing model, price_min, unit
    co_types: list[str] = field(default_factory=list)
    references: list[dict] = field(default_factory=list)


@dataclass
class Fragments:
    types: dict[str, dict]  # code → taxonomy entry, plus "domain"
    by_type: dict[str, Pool]
    by_domain: dict[str, Pool]
    brands: list[tuple[str, str]]  # demo product brands (ko, en)
    companies: list[dict]  # demo companies, with "domain" (their first solution's)
    municipalities: list[dict]
    type_weights: dict[str, int]
    programmes: list[str]


def _add(pool: Pool, item: dict, descriptor: tuple[str, str]) -> None:
    pool.descriptors.append(descriptor)
    pool.summaries.append(item["summary"])
    pool.sentences.extend(s.strip() for s in SENTENCE_END.split(item["description"].replace("\n", " ")) if s.strip())
    pool.problems.extend(item.get("problems", []))
    pool.features.extend(item.get("features", []))
    pool.tags.extend(item.get("tags", []))
    if item.get("specs"):
        pool.specs.append(item["specs"])
    pool.prices.append((item["pricing_model"], item.get("price_min"), item.get("price_unit", "")))
    pool.co_types.extend(item["types"][1:])
    pool.references.extend(item.get("references", []))


def load_fragments() -> Fragments:
    taxonomy = json.loads(TAXONOMY_FILE.read_text(encoding="utf-8"))
    types = {t["code"]: {**t, "domain": d["code"]} for d in taxonomy["domains"] for t in d["types"]}
    by_type: dict[str, Pool] = defaultdict(Pool)
    by_domain: dict[str, Pool] = defaultdict(Pool)
    brands, companies, weights, programmes = [], [], defaultdict(int), set()
    company_domain: dict[str, str] = {}
    for name in SOLUTION_FILES:
        data = json.loads((DATA_DIR / name).read_text(encoding="utf-8"))
        for item in data["solutions"]:
            ko_brand, _, ko_rest = item["name"].partition(" ")
            en_brand, _, en_rest = item.get("name_en", "").partition(" ")
            descriptor = (ko_rest or item["name"], en_rest or item.get("name_en", ""))
            brands.append((ko_brand, en_brand))
            main = item["types"][0]
            weights[main] += 1
            _add(by_type[main], item, descriptor)
            _add(by_domain[types[main]["domain"]], item, descriptor)
            company_domain.setdefault(item["company"], types[main]["domain"])
            programmes.update(r["programme"] for r in item.get("references", []) if r.get("programme"))
        companies.extend({**c, "domain": company_domain.get(c["key"], "ETC")} for c in data["companies"])
    municipalities = json.loads((DATA_DIR / "municipalities.json").read_text(encoding="utf-8"))
    return Fragments(
        types=types,
        by_type=dict(by_type),
        by_domain=dict(by_domain),
        brands=sorted(set(brands)),
        companies=companies,
        municipalities=municipalities,
        type_weights={code: weights.get(code, 0) + 1 for code in types},
        programmes=sorted(programmes),
    )


# -- rows ----------------------------------------------------------------------------------------


@dataclass
class CorpusStats:
    solutions: int = 0
    published: int = 0
    companies: int = 0
    references: int = 0
    with_references: int = 0
    type_links: int = 0
    seconds: float = 0.0


def _sample(rng: random.Random, items: list, k: int) -> list:
    unique = list(dict.fromkeys(items))
    return rng.sample(unique, min(k, len(unique)))


def _company_specs(fragments: Fragments, count: int, rng: random.Random) -> list[dict]:
    """The demo companies first, then generated ones with unique Korean and English names."""
    specs = [
        {
            "name": c["name"],
            "name_en": c.get("name_en", ""),
            "slug": f"demo-{c['key']}",
            "is_startup": c.get("is_startup", False),
            "province": c.get("province", ""),
            "description": c.get("description", ""),
            "domain": c["domain"],
        }
        for c in fragments.companies
    ]
    seen = {s["name"] for s in specs}
    domains = sorted({t["domain"] for t in fragments.types.values()})
    provinces, province_weights = zip(*PROVINCE_WEIGHTS.items(), strict=True)
    type_names = [t["name_ko"] for t in fragments.types.values()]
    while len(specs) < count:
        stems = rng.sample(COMPANY_STEMS, 2 if rng.random() < 0.6 else 1)
        word = rng.choice(COMPANY_WORDS)
        ko = "".join(s[0] for s in stems) + word[0]
        en = "".join(s[1] for s in stems) + " " + word[1]
        form = rng.random()
        name = f"(주){ko}" if form < 0.5 else f"{ko} 주식회사" if form < 0.8 else f"주식회사 {ko}"
        if name in seen:
            continue
        seen.add(name)
        domain = rng.choice(domains)
        specs.append(
            {
                "name": name,
                "name_en": f"{en} Co., Ltd." if form < 0.5 else f"{en} Inc.",
                "slug": f"bench-co-{len(specs):05d}",
                "is_startup": rng.random() < 0.35,
                "province": rng.choices(provinces, province_weights)[0],
                "description": f"{ko}은(는) {rng.choice(type_names)} 분야 기업입니다.",
                "domain": domain,
            }
        )
    return specs


class _Generator:
    def __init__(self, fragments: Fragments, rng: random.Random):
        self.f = fragments
        self.rng = rng
        self.codes = list(fragments.types)
        self.weights = [fragments.type_weights[c] for c in self.codes]
        self.generated_brands = [(a[0] + b[0], a[1] + b[1]) for a in BRAND_PARTS for b in BRAND_PARTS if a != b]
        self.names: set[tuple[int, str]] = set()

    def pool(self, code: str) -> tuple[Pool, Pool]:
        domain = self.f.types[code]["domain"]
        return self.f.by_type.get(code) or self.f.by_domain[domain], self.f.by_domain[domain]

    def types(self, main: str) -> list[str]:
        rng, own, _ = self.rng, *self.pool(main)
        extra = rng.choices((0, 1, 2), (45, 40, 15))[0]
        codes = [main]
        for _ in range(extra):
            if own.co_types and rng.random() < 0.7:
                code = rng.choice(own.co_types)
            else:
                domain = self.f.types[main]["domain"]
                code = rng.choice([c for c in self.codes if self.f.types[c]["domain"] == domain])
            if code not in codes:
                codes.append(code)
        return codes

    def name(self, company_pk: int, main: str) -> tuple[str, str]:
        rng, (own, domain) = self.rng, self.pool(main)
        brand = rng.choice(self.f.brands) if rng.random() < 0.3 else rng.choice(self.generated_brands)
        if rng.random() < 0.8:
            descriptor = rng.choice(own.descriptors if rng.random() < 0.85 else domain.descriptors)
        else:
            t = self.f.types[main]
            word = rng.choice(("솔루션", "시스템", "플랫폼", "서비스", "관리 시스템"))
            descriptor = (f"{t['name_ko']} {word}", f"{t['name_en']} {'Platform' if word == '플랫폼' else 'System'}")
        code = f" {rng.choice('ABCDEFGHKMPRSTVX')}{rng.choice('ABCDEFGHKMPRSTVX')}-{rng.randint(1, 9)}00"
        code = code if rng.random() < 0.3 else ""
        ko, en = f"{brand[0]} {descriptor[0]}{code}", f"{brand[1]} {descriptor[1]}{code}".strip()
        suffix = 2
        base = ko
        while (company_pk, ko) in self.names:
            ko = f"{base} {suffix}"
            suffix += 1
        self.names.add((company_pk, ko))
        return ko[:150], en[:200]

    def text(self, main: str) -> dict:
        rng, (own, domain) = self.rng, self.pool(main)
        t = self.f.types[main]
        if rng.random() < 0.7:
            summary = rng.choice(own.summaries)
        else:
            problem = rng.choice(own.problems or domain.problems)
            summary = f"{with_particle(problem, '을')} 줄이는 {t['name_ko']} {rng.choice(SUMMARY_ENDINGS)}"
        count = rng.randint(3, 6)
        sentences = _sample(rng, own.sentences, max(1, round(count * 0.7)))
        sentences += _sample(rng, domain.sentences, count - len(sentences))
        paragraphs, i = [], 0
        while i < len(sentences):
            step = rng.randint(2, 3)
            paragraphs.append(" ".join(sentences[i : i + step]))
            i += step
        spec_source = rng.choice(own.specs or domain.specs or [{}])
        spec_keys = _sample(rng, list(spec_source), rng.randint(2, 4))
        tags = _sample(rng, own.tags + domain.tags[:5], rng.randint(3, 5))
        if rng.random() < 0.3:
            tags.append(t["name_ko"])
        return {
            "summary": summary[:200],
            "description": "\n\n".join(paragraphs),
            "problems": _sample(rng, own.problems + domain.problems[:4], rng.randint(2, 3)),
            "features": _sample(rng, own.features + domain.features[:4], rng.randint(3, 5)),
            "tags": tags,
            "specs": {k: spec_source[k] for k in spec_keys},
            "data_models_produced": list(t.get("smart_data_models", [])[:2]),
        }

    def price(self, main: str) -> dict:
        rng, (own, _) = self.rng, self.pool(main)
        model, base, unit = rng.choice(own.prices)
        if model == "free":
            return {"pricing_model": model, "price_min": 0, "price_max": None, "price_unit": "", "license": "MIT"}
        if base is None:
            low = None
        else:
            low = int(max(10_000, base * math.exp(rng.gauss(0, 0.8))) // 10_000 * 10_000)
        high = int(low * rng.uniform(1.2, 3.0)) // 10_000 * 10_000 if low and rng.random() < 0.7 else None
        licence = rng.choice(LICENSES) if rng.random() < 0.05 else ""
        return {"pricing_model": model, "price_min": low, "price_max": high, "price_unit": unit, "license": licence}


def build_corpus(size: int, *, seed: int = SEED, progress: Callable[[str], None] | None = None) -> CorpusStats:
    """Create ``size`` solutions (about 97 % published) and everything they refer to."""
    import time

    from django.db import transaction

    from marketplace.models import Organization, OrganizationKind, Reference, Solution, SolutionStatus, SolutionType

    started = time.perf_counter()
    rng = random.Random(seed)
    fragments = load_fragments()
    stats = CorpusStats()
    type_pk = dict(SolutionType.objects.values_list("code", "pk"))
    through = Solution.types.through
    with transaction.atomic():
        municipalities = Organization.objects.bulk_create(
            Organization(
                kind=OrganizationKind.MUNICIPALITY,
                name=m["name"],
                name_en=m["name_en"],
                slug=f"bench-city-{m['admin_code']}",
                admin_code=m["admin_code"],
                province=m["province"],
                population=m["population"],
                city_type=m["city_type"],
                smart_city_status=m["smart_city_status"],
                description=m["description"],
                is_verified=True,
            )
            for m in fragments.municipalities
        )
        specs = _company_specs(fragments, max(len(fragments.companies), size // 40), rng)
        companies = Organization.objects.bulk_create(
            (
                Organization(
                    kind=OrganizationKind.COMPANY,
                    name=s["name"],
                    name_en=s["name_en"],
                    slug=s["slug"],
                    is_startup=s["is_startup"],
                    province=s["province"],
                    description=s["description"],
                    is_verified=True,
                )
                for s in specs
            ),
            batch_size=BATCH,
        )
        stats.companies = len(companies)
    by_domain: dict[str, list[tuple[Organization, dict]]] = defaultdict(list)
    for company, spec in zip(companies, specs, strict=True):
        by_domain[spec["domain"]].append((company, spec))
    everyone = list(zip(companies, specs, strict=True))
    generator = _Generator(fragments, rng)
    start_day = datetime(2022, 1, 3, 10, 0, tzinfo=UTC)
    statuses = (SolutionStatus.DRAFT, SolutionStatus.SUBMITTED, SolutionStatus.RETIRED)
    done = 0
    while done < size:
        count = min(BATCH, size - done)
        rows, type_lists, reference_plans = [], [], []
        for i in range(done, done + count):
            main = rng.choices(generator.codes, generator.weights)[0]
            domain = fragments.types[main]["domain"]
            company, _ = rng.choice(by_domain[domain] if by_domain[domain] and rng.random() < 0.8 else everyone)
            name, name_en = generator.name(company.pk, main)
            text, price = generator.text(main), generator.price(main)
            published = rng.random() < 0.97
            rows.append(
                Solution(
                    company=company,
                    name=name,
                    name_en=name_en,
                    slug=f"bench-{i:06d}",
                    main_type_id=type_pk[main],
                    summary=text["summary"],
                    description=text["description"],
                    problems=text["problems"],
                    features=text["features"],
                    specs=text["specs"],
                    tags=text["tags"],
                    pricing_model=price["pricing_model"],
                    price_min=price["price_min"],
                    price_max=price["price_max"],
                    price_unit=price["price_unit"],
                    deployment_options=_sample(rng, list(DEPLOYMENTS), rng.randint(1, 2)),
                    open_source_license=price["license"],
                    data_models_produced=text["data_models_produced"],
                    status=SolutionStatus.PUBLISHED if published else rng.choice(statuses),
                    published_at=start_day + timedelta(minutes=rng.randrange(0, 1_700_000)) if published else None,
                )
            )
            type_lists.append(generator.types(main))
            plan = []
            if published and rng.random() < 0.4:
                pool = generator.pool(main)[1]
                for municipality in rng.sample(municipalities, rng.choices((1, 2, 3), (60, 30, 10))[0]):
                    source = rng.choice(pool.references) if pool.references else {}
                    plan.append(
                        {
                            "municipality": municipality,
                            "year": rng.randint(2019, 2026),
                            "programme": rng.choice(fragments.programmes),
                            "budget_krw": rng.randrange(20, 900) * 1_000_000,
                            "summary": source.get("summary", ""),
                        }
                    )
            reference_plans.append(plan)
        with transaction.atomic():
            created = Solution.objects.bulk_create(rows)
            links = [
                through(solution_id=s.pk, solutiontype_id=type_pk[code])
                for s, codes in zip(created, type_lists, strict=True)
                for code in codes
            ]
            through.objects.bulk_create(links, batch_size=BATCH)
            references = [
                Reference(solution_id=s.pk, **plan)
                for s, plans in zip(created, reference_plans, strict=True)
                for plan in plans
            ]
            Reference.objects.bulk_create(references, batch_size=BATCH)
        stats.type_links += len(links)
        stats.references += len(references)
        stats.with_references += sum(1 for plans in reference_plans if plans)
        stats.published += sum(1 for s in rows if s.status == SolutionStatus.PUBLISHED)
        done += count
        if progress and (done % 20_000 == 0 or done == size):
            progress(f"corpus: {done:,}/{size:,} solutions")
    stats.solutions = done
    stats.seconds = time.perf_counter() - started
    return stats


# -- queries -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BenchQuery:
    text: str
    category: str
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)


EVERYDAY = (
    "불법주차", "주정차 단속", "미세먼지", "스마트폴", "경로당", "쓰레기 수거", "드론 배송", "전기차 충전소",
    "공공 와이파이", "전통시장", "관광 안내", "자율주행 셔틀", "스마트 횡단보도", "화재 감지", "침수", "통합관제",
    "데이터허브", "수요응답형 버스", "교통 신호 제어", "공유 자전거", "드론 순찰", "건설현장 안전", "스마트팜",
    "음식물 쓰레기", "산불 감시", "안심귀갓길", "배송로봇", "스마트 정류장", "치매 예방", "응급 이송", "주차면 센서",
    "소음 측정", "디지털트윈", "메타버스", "마이데이터", "작은도서관", "그늘막", "키오스크", "모바일신분증",
    "포트홀", "공유주차", "재활용", "독거노인", "무인 드론", "스마트 가로등", "버스정보", "전광판", "태양광",
    "하천 수위", "유해가스",
)  # fmt: skip
PARTICLE_BASES = (
    "주차장", "쓰레기", "드론", "어르신", "미세먼지", "정류장", "스마트폴", "침수", "교통사고", "화재", "돌봄",
    "충전소", "횡단보도", "산불", "관광객", "전통시장", "가로등", "폐기물", "보행자", "택배",
)  # fmt: skip
PARTICLES = ("을", "이", "은", "의", "에서", "으로", "에", "도", "과")
SPACING = (
    "미세 먼지", "스마트 폴", "데이터 허브", "버스 정류장", "음식물쓰레기", "주정차단속", "전기차충전소",
    "스마트 쉘터", "자율 주행 셔틀", "불법 주차", "공공와이파이", "스마트 팜", "통합 관제", "디지털 트윈",
    "안심 귀갓길", "스마트횡단보도", "드론배송", "경로 당", "쓰레기수거", "화재감지", "산불감시", "배송 로봇",
    "주차 면 센서", "모바일 신분증",
)  # fmt: skip
SYNONYMS = (
    "노인 돌봄", "폐기물 수거", "대기질", "영상관제", "건널목", "무인기 배송", "폭염 쉼터", "보안등", "충전기",
    "재난 대응", "셸터", "고령자 안전", "방범카메라", "공기질", "분리수거", "시니어 케어", "파킹", "전기차 충전",
    "스마트 다목적 폴", "버스 쉼터", "관제센터", "디지털 사이니지", "홍수", "헬스케어", "공유 킥보드",
)  # fmt: skip
ENGLISH = (
    "smart parking", "air quality", "drone delivery", "bus shelter", "CCTV", "EV charging", "smart pole",
    "waste", "elderly care", "fire detection", "traffic signal", "digital twin", "smart farm", "flood",
    "noise sensor", "AI", "kiosk", "wifi", "data hub", "autonomous shuttle", "IoT sensor", "parking",
    "smart crosswalk", "dementia", "recycling",
)  # fmt: skip
TYPOS = (
    "parkng", "shelterr", "droen delivery", "survelliance", "recyling", "trafic signal", "air qualty", "kiosck",
    "smart poll", "elderley care", "wastte", "flod", "dementa", "crosswalck", "charing station", "smrt parking",
    "firre detection", "digitl twin", "shutle", "senosr",
)  # fmt: skip
MODIFIERS = ("AI", "스마트", "IoT", "실시간", "무인", "원격", "클라우드", "지능형")
HEADS = ("플랫폼", "센서", "시스템", "서비스", "관제", "모니터링")
FILTER_PROBABILITY = 0.3


def _filters(rng: random.Random, domains: list[str], provinces: list[str]) -> dict[str, tuple[str, ...]]:
    from marketplace.models import PriceBand

    options = [
        lambda: {"domain": (rng.choice(domains),)},
        lambda: {"has_reference": ("true",)},
        lambda: {"startup": ("true",)},
        lambda: {"price_band": tuple(rng.sample([b.value for b in PriceBand], rng.randint(1, 2)))},
        lambda: {"province": (rng.choice(provinces),)},
        lambda: {"domain": (rng.choice(domains),), "has_reference": ("true",)},
        lambda: {"startup": ("false",), "price_band": (rng.choice([b.value for b in PriceBand]),)},
    ]
    return rng.choice(options)()


def query_set(companies: list[tuple[str, str]], brands: list[str], *, seed: int = SEED, size: int = 200):
    """``size`` mixed queries (fixed shares per category), about 30 % with filters, shuffled."""
    rng = random.Random(seed + 1)
    domains = sorted({t["domain"] for t in load_fragments().types.values()})
    provinces = sorted(PROVINCE_WEIGHTS)
    company_queries = []
    for ko, en in rng.sample(companies, min(len(companies), 14)):
        bare = re.sub(r"\(주\)|주식회사", "", ko).strip()
        company_queries.append(rng.choice((bare, ko, en.split(" ")[0] if en else bare)))
    company_queries += rng.sample(brands, min(len(brands), 8))
    combos = [f"{rng.choice(MODIFIERS)} {rng.choice(EVERYDAY).split()[0]}" for _ in range(12)]
    combos += [f"{rng.choice(EVERYDAY).split()[0]} {rng.choice(HEADS)}" for _ in range(12)]
    combos += [f"{rng.choice(MODIFIERS)} {rng.choice(PARTICLE_BASES)} {rng.choice(HEADS)}" for _ in range(8)]
    particles = [with_particle(rng.choice(PARTICLE_BASES), rng.choice(PARTICLES)) for _ in range(40)]
    shares = [
        ("everyday", list(EVERYDAY), 45),
        ("particle", particles, 25),
        ("spacing", list(SPACING), 20),
        ("synonym", list(SYNONYMS), 22),
        ("english", list(ENGLISH), 22),
        ("typo", list(TYPOS), 18),
        ("company", company_queries, 22),
        ("combo", combos, 26),
    ]
    queries = []
    for category, pool, share in shares:
        picked = rng.sample(list(dict.fromkeys(pool)), min(share, len(set(pool))))
        queries += [BenchQuery(text=q, category=category) for q in picked]
    while len(queries) < size:  # fill up with 2-word everyday combinations
        queries.append(BenchQuery(text=f"{rng.choice(EVERYDAY)} {rng.choice(HEADS)}", category="combo"))
    queries = queries[:size]
    rng.shuffle(queries)
    return [
        BenchQuery(q.text, q.category, _filters(rng, domains, provinces)) if rng.random() < FILTER_PROBABILITY else q
        for q in queries
    ]


def suggest_prefixes(titles: list[str], *, seed: int = SEED, size: int = 200) -> list[str]:
    """Prefixes of 1–4 characters (Hangul syllables or letters) of real titles' words."""
    rng = random.Random(seed + 2)
    prefixes = []
    for title in rng.sample(titles, min(size, len(titles))):
        words = [w for w in title.split() if re.match(r"[가-힣A-Za-z]", w)]
        word = words[0] if len(words) == 1 or rng.random() < 0.6 else rng.choice(words[1:])
        prefixes.append(word[: rng.randint(1, min(4, len(word)))])
    return prefixes
