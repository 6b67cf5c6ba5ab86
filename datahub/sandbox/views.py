"""Sandbox pages: the landing page, the quick start, the dataset catalogue and its downloads."""

import json
import os

from django.conf import settings
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from datahub import ldcontext

from . import catalogue
from .datasets import DATASETS, LICENCE, LICENCE_URL, MODEL_LICENCE, dataset_for_slug
from .smartdatamodels import UNIT_SYMBOLS

DEFAULT_TILE_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
DEFAULT_TILE_ATTRIBUTION = "&copy; OpenStreetMap contributors"
DOWNLOADS = {
    "csv": ("text/csv; charset=utf-8", "csv", catalogue.csv_lines),
    "geojson": ("application/geo+json", "geojson", catalogue.geojson_lines),
    "ngsi-ld": ("application/ld+json", "jsonld", catalogue.ngsi_ld_lines),
}


def map_tiles() -> dict:
    """Map tile source; set ``SANDBOX_MAP_TILE_URL`` (and ``..._ATTRIBUTION``) to use your own tile server.
    An empty URL draws the map without a background."""
    url = getattr(settings, "SANDBOX_MAP_TILE_URL", None)
    if url is None:
        url = os.environ.get("SANDBOX_MAP_TILE_URL", DEFAULT_TILE_URL)
    attribution = getattr(settings, "SANDBOX_MAP_TILE_ATTRIBUTION", None) or os.environ.get(
        "SANDBOX_MAP_TILE_ATTRIBUTION", DEFAULT_TILE_ATTRIBUTION
    )
    return {"url": url, "attribution": attribution}


def _api(request) -> dict:
    """Where this site's NGSI-LD API is, for the copy-paste examples."""
    secure = request.is_secure()
    host, _sep, port = request.get_host().rpartition(":")
    if not host or not port.isdigit():
        host, port = request.get_host(), "443" if secure else "80"
    return {
        "api_root": request.build_absolute_uri("/ngsi-ld/v1/"),
        "host_name": host,
        "host_port": int(port),
        "secure": secure,
        "context_url": ldcontext.SDM_CONTEXT_URL,
        "quickstart_url": reverse("sandbox:quickstart"),
    }


def _cards():
    counts = catalogue.dataset_counts()
    return [{"dataset": dataset, "count": counts[dataset.slug]} for dataset in DATASETS]


def index(request):
    cards = _cards()
    context = {
        "cards": cards,
        "entity_total": sum(card["count"] for card in cards),
        "breadcrumbs": [(_("샌드박스"), None)],
        **_api(request),
    }
    return render(request, "datahub/sandbox/index.html", context)


def quickstart(request):
    context = {
        "sample": DATASETS[0],
        "breadcrumbs": [(_("샌드박스"), reverse("sandbox:index")), (_("빠른 시작"), None)],
        **_api(request),
    }
    return render(request, "datahub/sandbox/quickstart.html", context)


def dataset_list(request):
    context = {
        "cards": _cards(),
        "licence": LICENCE,
        "breadcrumbs": [(_("샌드박스"), reverse("sandbox:index")), (_("데이터셋"), None)],
    }
    return render(request, "datahub/sandbox/dataset_list.html", context)


def _dataset_or_404(slug: str):
    dataset = dataset_for_slug(slug)
    if dataset is None:
        raise Http404(_("그런 데이터셋이 없습니다."))
    return dataset


def _model_rows(dataset, sample: dict | None) -> list[dict]:
    """The data model table: attributes present in the data first, then the model's other attributes."""
    attributes = dataset.model["attributes"]
    present = [name for name in (sample or {}) if name in attributes]
    rows = []
    for name in present:
        spec = attributes[name]
        instance = sample[name][0] if isinstance(sample[name], list) else sample[name]
        unit = instance.get("unitCode", "") if isinstance(instance, dict) else ""
        rows.append(
            {
                "name": name,
                "ngsi": spec["ngsi"],
                "type": spec["format"] or spec["type"],
                "unit": unit,
                "unit_symbol": UNIT_SYMBOLS.get(unit, unit),
                "model_unit": spec["units"] or "",
                "enum": spec["enum"] or [],
                "required": name in dataset.model["required"],
                "description": spec["description"],
                "temporal": name in dataset.chart_attributes,
            }
        )
    return rows


def dataset_detail(request, slug):
    dataset = _dataset_or_404(slug)
    entities = catalogue.dataset_entities(dataset=dataset)
    ids = [entity["id"] for entity in entities]
    names = {entity["id"]: catalogue.key_values(entity).get("name") or entity["id"] for entity in entities}

    entity_id = request.GET.get("entity") if request.GET.get("entity") in names else None
    entity_id = entity_id or (dataset.sample_id() if dataset.sample_id() in names else (ids[0] if ids else None))
    attribute = request.GET.get("attribute")
    if attribute not in dataset.chart_attributes:
        attribute = dataset.chart_attributes[0]
    sample = next((entity for entity in entities if entity["id"] == entity_id), None)
    period = catalogue.dataset_period(dataset=dataset)
    series = None
    if entity_id:
        series = catalogue.chart_series(entity_id=entity_id, attribute=attribute, until=period["last"])

    downloads = [
        {"format": fmt, "label": label, "url": reverse("sandbox:download", args=[dataset.slug, fmt])}
        for fmt, label in (("csv", _("CSV (측정 이력)")), ("geojson", "GeoJSON"), ("ngsi-ld", "NGSI-LD (JSON-LD)"))
    ]
    context = {
        "dataset": dataset,
        "count": len(entities),
        "period": period,
        "entity_choices": sorted(names.items(), key=lambda item: item[0]),
        "entity_id": entity_id,
        "entity_name": names.get(entity_id, ""),
        "attribute": attribute,
        "series": series,
        "sample": sample,
        "sample_json": json.dumps(sample, ensure_ascii=False, indent=2) if sample else "",
        "model_rows": _model_rows(dataset, sample),
        "features": catalogue.map_features(entities),
        "tiles": map_tiles(),
        "downloads": downloads,
        "licence": LICENCE,
        "licence_url": LICENCE_URL,
        "model_licence": MODEL_LICENCE,
        "breadcrumbs": [
            (_("샌드박스"), reverse("sandbox:index")),
            (_("데이터셋"), reverse("sandbox:datasets")),
            (dataset.title, None),
        ],
        **_api(request),
    }
    return render(request, "datahub/sandbox/dataset_detail.html", context)


def dataset_download(request, slug, fmt):
    dataset = _dataset_or_404(slug)
    if fmt not in DOWNLOADS:
        raise Http404(_("지원하지 않는 형식입니다. csv, geojson, ngsi-ld 중에서 고르세요."))
    content_type, extension, lines = DOWNLOADS[fmt]
    options = {"dataset": dataset}
    if fmt == "csv" and request.GET.get("attribute"):
        attribute = request.GET["attribute"]
        if attribute not in dataset.model["attributes"]:
            raise Http404(_("이 데이터셋에 없는 속성입니다."))
        options["attribute"] = attribute
    response = StreamingHttpResponse(lines(**options), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="gwacheon-{dataset.slug}.{extension}"'
    return response
