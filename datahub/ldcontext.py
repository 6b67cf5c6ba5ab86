"""JSON-LD @context handling for NGSI-LD: term expansion and compaction.

Entities are stored with *expanded* attribute names and types (full IRIs); each request compacts them back
with the @context it sent (``Link`` header or body ``@context``), the NGSI-LD core context always applied
last. Only the term-definition part of JSON-LD that NGSI-LD payloads use is implemented: terms mapped to
IRIs or compact IRIs (``prefix:suffix``), ``{"@id": ...}`` definitions and ``@vocab``.

Where contexts come from (these machines are offline):

* any ``…/ngsi-ld-core-context[-vX.Y].jsonld`` URL: the built-in core context (:data:`CORE_TERMS`);
* ``https://smartdatamodels.org/context.jsonld`` and each Smart Data Models subject context
  (``https://raw.githubusercontent.com/smart-data-models/dataModel.X/master/context.jsonld``): built from the
  attribute metadata that ``pysmartdatamodels`` ships;
* ``*.jsonld`` files in ``datahub/contexts/`` and in the folder named by ``settings.DATAHUB_CONTEXT_DIR``
  (preloaded: a file's ``"@id"`` key, or the file name in ``DATAHUB_CONTEXT_URLS``, names its URL);
* any other URL: fetched once over HTTP, then kept in :class:`datahub.models.StoredContext`. If it cannot be
  fetched the request fails with ``LdContextNotAvailable`` (503).
"""

from __future__ import annotations

import functools
import gzip
import json
import re
from pathlib import Path

from django.conf import settings

from .errors import BadRequestData, LdContextNotAvailable

NGSI_LD = "https://uri.etsi.org/ngsi-ld/"
DEFAULT_VOCAB = "https://uri.etsi.org/ngsi-ld/default-context/"
CORE_CONTEXT_URL = "https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context-v1.8.jsonld"
SDM_CONTEXT_URL = "https://smartdatamodels.org/context.jsonld"
CORE_URL_RE = re.compile(r"^https?://[^ ]*ngsi-ld-core-context(-v\d+(\.\d+)*)?\.jsonld$")
SDM_SUBJECT_URL_RE = re.compile(
    r"^https://raw\.githubusercontent\.com/smart-data-models/(dataModel\.[A-Za-z0-9_-]+)/master/context\.jsonld$"
)
# Subjects of the sandbox city data win when two subjects map one short name to different IRIs.
SANDBOX_SUBJECTS = (
    "dataModel.Parking",
    "dataModel.Environment",
    "dataModel.Weather",
    "dataModel.Transportation",
    "dataModel.UrbanMobility",
    "dataModel.Streetlighting",
    "dataModel.WasteManagement",
)

# Members of entities and attributes that are NGSI-LD keywords, never attribute names.
ENTITY_KEYWORDS = frozenset({"id", "type", "@context", "scope", "createdAt", "modifiedAt", "deletedAt"})
ATTRIBUTE_KEYWORDS = frozenset(
    {
        "type",
        "value",
        "object",
        "objectList",
        "languageMap",
        "vocab",
        "json",
        "valueList",
        "observedAt",
        "unitCode",
        "datasetId",
        "createdAt",
        "modifiedAt",
        "deletedAt",
        "instanceId",
        "previousValue",
        "previousObject",
        "lang",
    }
)

CORE_TERMS: dict[str, str] = {
    "id": "@id",
    "type": "@type",
    "value": NGSI_LD + "hasValue",
    "object": NGSI_LD + "hasObject",
    "Property": NGSI_LD + "Property",
    "Relationship": NGSI_LD + "Relationship",
    "GeoProperty": NGSI_LD + "GeoProperty",
    "LanguageProperty": NGSI_LD + "LanguageProperty",
    "VocabProperty": NGSI_LD + "VocabProperty",
    "JsonProperty": NGSI_LD + "JsonProperty",
    "ListProperty": NGSI_LD + "ListProperty",
    "ListRelationship": NGSI_LD + "ListRelationship",
    "observedAt": NGSI_LD + "observedAt",
    "createdAt": NGSI_LD + "createdAt",
    "modifiedAt": NGSI_LD + "modifiedAt",
    "deletedAt": NGSI_LD + "deletedAt",
    "datasetId": NGSI_LD + "datasetId",
    "instanceId": NGSI_LD + "instanceId",
    "unitCode": NGSI_LD + "unitCode",
    "location": NGSI_LD + "location",
    "observationSpace": NGSI_LD + "observationSpace",
    "operationSpace": NGSI_LD + "operationSpace",
    "name": NGSI_LD + "name",
    "description": NGSI_LD + "description",
    "Subscription": NGSI_LD + "Subscription",
    "Notification": NGSI_LD + "Notification",
    "ContextSourceRegistration": NGSI_LD + "ContextSourceRegistration",
    "EntityType": NGSI_LD + "EntityType",
    "EntityTypeList": NGSI_LD + "EntityTypeList",
    "Attribute": NGSI_LD + "Attribute",
    "AttributeList": NGSI_LD + "AttributeList",
    "Feature": "https://purl.org/geojson/vocab#Feature",
    "FeatureCollection": "https://purl.org/geojson/vocab#FeatureCollection",
    "Point": "https://purl.org/geojson/vocab#Point",
    "MultiPoint": "https://purl.org/geojson/vocab#MultiPoint",
    "LineString": "https://purl.org/geojson/vocab#LineString",
    "MultiLineString": "https://purl.org/geojson/vocab#MultiLineString",
    "Polygon": "https://purl.org/geojson/vocab#Polygon",
    "MultiPolygon": "https://purl.org/geojson/vocab#MultiPolygon",
    "@vocab": DEFAULT_VOCAB,
}
CORE_CONTEXT_DOCUMENT = {"@context": {"ngsi-ld": NGSI_LD, "geojson": "https://purl.org/geojson/vocab#", **CORE_TERMS}}
BUNDLED_DIR = Path(__file__).resolve().parent / "contexts"


class Context:
    """A resolved @context: short term → IRI, and the reverse for compaction."""

    def __init__(self, terms: dict[str, str], urls: tuple[str, ...] = ()):
        self.terms = terms
        self.vocab = terms.get("@vocab", DEFAULT_VOCAB)
        self.urls = urls
        self._reverse: dict[str, str] = {}
        for term, iri in terms.items():
            if not term.startswith("@") and iri not in ("@id", "@type"):
                self._reverse.setdefault(iri, term)
        # The core terms compact their own IRIs even if a user context maps another term onto them.
        for term, iri in CORE_TERMS.items():
            if not term.startswith("@") and iri not in ("@id", "@type"):
                self._reverse[iri] = term

    def expand(self, term: str) -> str:
        iri = self.terms.get(term)
        if iri is not None:
            return iri
        if "://" in term or term.startswith("urn:"):
            return term
        prefix, sep, suffix = term.partition(":")
        if sep and prefix in self.terms:
            return self.terms[prefix] + suffix
        return self.vocab + term

    def compact(self, iri: str) -> str:
        term = self._reverse.get(iri)
        if term is not None:
            return term
        if iri.startswith(self.vocab):
            return iri[len(self.vocab) :]
        return iri

    def link_header(self) -> str:
        url = self.urls[0] if self.urls else CORE_CONTEXT_URL
        return f'<{url}>; rel="http://www.w3.org/ns/json-ld#context"; type="application/ld+json"'


def _resolve_terms(raw: dict) -> dict[str, str]:
    """Turn one context object's definitions into term → absolute IRI."""
    terms: dict[str, str] = {}
    for term, definition in raw.items():
        if isinstance(definition, dict):
            definition = definition.get("@id")
        if isinstance(definition, str):
            terms[term] = definition
    # Compact IRIs (``ngsi-ld:hasValue``) refer to prefixes of the same context; two passes cover chains.
    for _ in range(2):
        for term, iri in terms.items():
            prefix, sep, suffix = iri.partition(":")
            if sep and not suffix.startswith("//") and prefix in terms and prefix != term:
                terms[term] = terms[prefix] + suffix
    return terms


@functools.lru_cache(maxsize=1)
def _sdm_index() -> tuple[dict[str, dict[str, str]], dict[str, str]]:
    """Per-subject term maps and the union map, from the metadata pysmartdatamodels ships."""
    import pysmartdatamodels

    assets = Path(pysmartdatamodels.__file__).resolve().parent / "model-assets"
    with gzip.open(assets / "smartdatamodels.json.gz", "rt", encoding="utf-8") as f:
        attributes = json.load(f)
    with open(assets / "datamodels_metadata.json", encoding="utf-8") as f:
        models = json.load(f)
    subjects: dict[str, dict[str, str]] = {}
    for model in models:
        subject = model["subject"]
        subjects.setdefault(subject, {})[model["dataModel"]] = (
            f"https://smartdatamodels.org/{subject}/{model['dataModel']}"
        )
    for attribute in attributes:
        iri = attribute.get("context")
        term = attribute.get("property")
        if not iri or not term or iri.startswith("@") or term in CORE_TERMS:
            continue
        subjects.setdefault(attribute["repoName"], {}).setdefault(term, iri)
    union: dict[str, str] = {}
    ordered = [s for s in SANDBOX_SUBJECTS if s in subjects] + sorted(set(subjects) - set(SANDBOX_SUBJECTS))
    for subject in ordered:
        for term, iri in subjects[subject].items():
            union.setdefault(term, iri)
    return subjects, union


def smart_data_models_type_subject(entity_type: str) -> str | None:
    subjects, _ = _sdm_index()
    for subject in (*SANDBOX_SUBJECTS, *sorted(subjects)):
        if entity_type in subjects.get(subject, {}) and entity_type[:1].isupper():
            return subject
    return None


@functools.lru_cache(maxsize=1)
def _preloaded() -> dict[str, dict]:
    documents: dict[str, dict] = {}
    folders = [BUNDLED_DIR]
    extra = getattr(settings, "DATAHUB_CONTEXT_DIR", "")
    if extra:
        folders.append(Path(extra))
    names = getattr(settings, "DATAHUB_CONTEXT_URLS", {})
    for folder in folders:
        for path in sorted(folder.glob("*.jsonld")):
            document = json.loads(path.read_text(encoding="utf-8"))
            url = document.get("@id") or names.get(path.name)
            if url:
                documents[url] = document
    return documents


def _fetch_document(url: str) -> dict:
    from .models import StoredContext

    stored = StoredContext.objects.filter(url=url).first()
    if stored is not None:
        return stored.document
    import requests

    try:
        response = requests.get(url, timeout=5, headers={"Accept": "application/ld+json, application/json"})
        response.raise_for_status()
        document = response.json()
    except (requests.RequestException, ValueError) as exc:
        raise LdContextNotAvailable(f"@context {url} could not be retrieved: {exc.__class__.__name__}") from exc
    if not isinstance(document, dict) or "@context" not in document:
        raise LdContextNotAvailable(f"{url} is not a JSON-LD context document")
    StoredContext.objects.update_or_create(url=url, defaults={"document": document})
    return document


@functools.lru_cache(maxsize=256)
def _terms_for_url(url: str) -> tuple[tuple[str, str], ...]:
    if CORE_URL_RE.match(url):
        return ()
    if url == SDM_CONTEXT_URL:
        return tuple(_sdm_index()[1].items())
    match = SDM_SUBJECT_URL_RE.match(url)
    if match and match.group(1) in _sdm_index()[0]:
        return tuple(_sdm_index()[0][match.group(1)].items())
    document = _preloaded().get(url) or _fetch_document(url)
    return tuple(_terms_from(document.get("@context", {}), depth=1).items())


def _terms_from(value, depth: int = 0) -> dict[str, str]:
    if depth > 5:
        raise BadRequestData("@context nests too deeply")
    if value is None:
        return {}
    if isinstance(value, str):
        if not value.startswith(("http://", "https://", "urn:")):
            raise BadRequestData(f"@context entry {value!r} is not a URL")
        return dict(_terms_for_url(value))
    if isinstance(value, list):
        terms: dict[str, str] = {}
        for item in value:
            terms.update(_terms_from(item, depth + 1))
        return terms
    if isinstance(value, dict):
        return _resolve_terms(value)
    raise BadRequestData("@context must be a URL, an object or a list of them")


@functools.lru_cache(maxsize=512)
def _resolve_cached(key: str) -> Context:
    value = json.loads(key)
    terms = _terms_from(value)
    terms.update(CORE_TERMS)
    urls = tuple(v for v in (value if isinstance(value, list) else [value]) if isinstance(v, str))
    return Context(terms, urls)


def resolve(value) -> Context:
    """The Context for a Link header URL, a body ``@context`` value, or None (core context only)."""
    return _resolve_cached(json.dumps(value, sort_keys=True))


def core() -> Context:
    return resolve(None)


def sandbox() -> Context:
    """The context the sandbox city data is written with: Smart Data Models terms over the core context."""
    return resolve(SDM_CONTEXT_URL)
