"""Catalogue search on Elasticsearch 8 with the Korean ``analysis-nori`` plugin (production backend).

Reads and writes go through an alias (``openlab-search``) that points at one concrete index
(``openlab-search-<timestamp>``). ``rebuild`` fills a fresh index and swaps the alias in one atomic
step, so searches never see a half-built index; while it loads, ordinary writes reach both indices
through a second alias (``openlab-search-next``), so nothing saved during a rebuild is lost.
Request bodies come from ``search.queries`` and the index definition from ``search.documents``.
"""

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from elasticsearch import (
    ApiError,
    AuthenticationException,
    AuthorizationException,
    BadRequestError,
    ConnectionTimeout,
    Elasticsearch,
    NotFoundError,
    TransportError,
)
from elasticsearch import ConnectionError as ElasticsearchConnectionError
from elasticsearch.helpers import streaming_bulk

from ..documents import document_source, index_mappings, index_settings
from ..queries import build_search, build_suggest, normalize_text, parse_response, parse_suggestions
from .base import IndexDocument, SearchQuery, SearchResults, Suggestion

DEFAULT_ALIAS = "openlab-search"
BULK_CHUNK = 500


class SearchUnavailable(Exception):
    """Elasticsearch could not do what was asked; the message says how to fix it."""


class ElasticsearchBackend:
    name = "elasticsearch"

    def __init__(
        self,
        url: str,
        *,
        alias: str = DEFAULT_ALIAS,
        client: Elasticsearch | None = None,
        timeout: float = 10.0,
    ):
        self.url = url
        self.alias = alias
        self.next_alias = f"{alias}-next"
        self.client = (
            client
            if client is not None
            else Elasticsearch(url, request_timeout=timeout, max_retries=2, retry_on_timeout=True)
        )
        self._index_exists = False

    # Reading

    def search(self, query: SearchQuery) -> SearchResults:
        """Every word must match; when nothing does, search for the "did you mean" correction, and
        failing that, for documents matching some of the words (``relaxed``), as the database backend."""
        results = self._search(query)
        if results.total or not normalize_text(query.text):
            return results
        correction = results.suggestion
        if correction:
            corrected = self._search(replace(query, text=correction))
            if corrected.total:
                return replace(corrected, suggestion=correction)
        fallback = self._search(replace(query, text=correction or query.text), relaxed=True)
        return replace(fallback, suggestion=correction)

    def suggest(self, prefix: str, *, limit: int = 10) -> list[Suggestion]:
        if not normalize_text(prefix):
            return []
        body = build_suggest(prefix, index=self.alias, limit=limit).to_dict()
        with self._unavailable("suggesting"):
            response = self.client.search(index=self.alias, body=body)
        return parse_suggestions(_body(response))

    def _search(self, query: SearchQuery, *, relaxed: bool = False) -> SearchResults:
        body = build_search(query, index=self.alias, relaxed=relaxed).to_dict()
        with self._unavailable("searching"):
            response = self.client.search(index=self.alias, body=body)
        return parse_response(_body(response), query, relaxed=relaxed)

    # Writing

    def index(self, documents: Iterable[IndexDocument]) -> int:
        targets = self._write_targets()
        actions = (
            {"_op_type": "index", "_index": target, "_id": document.key, "_source": document_source(document)}
            for document in documents
            for target in targets
        )
        done, _ = self._bulk(actions, doing="indexing")
        return len(done)

    def delete(self, kind: str, object_ids: Iterable[int]) -> int:
        """Remove documents; ids that are not in the index are fine. Returns how many were removed."""
        targets = self._write_targets()
        actions = (
            {"_op_type": "delete", "_index": target, "_id": f"{kind}:{object_id}"}
            for object_id in object_ids
            for target in targets
        )
        done, _ = self._bulk(actions, doing="deleting", tolerated={404})
        return len(done)

    def ensure_index(self) -> bool:
        """Create the first index and its alias when there is none yet; True when it was created."""
        if self._index_exists:
            return False
        with self._unavailable("creating the index"):
            created = not self.client.indices.exists_alias(name=self.alias)
            if created:
                self.client.indices.create(
                    index=self._new_index_name(),
                    settings=index_settings(),
                    mappings=index_mappings(),
                    aliases={self.alias: {}},
                )
        self._index_exists = True
        return created

    def rebuild(self, documents: Iterable[IndexDocument]) -> int:
        """Index every document into a new index, then point the alias at it and drop the old one.

        Documents are loaded with ``create``: a document written meanwhile through ``index`` is newer
        than the snapshot being loaded and is kept. One rebuild at a time (the management command);
        an index left behind by an interrupted rebuild is removed first.
        """
        new = self._new_index_name()
        with self._unavailable("starting a rebuild"):
            for unfinished in self._indices_behind(self.next_alias):
                self.client.indices.delete(index=unfinished)
            # No refreshes while loading: much faster bulk indexing; one refresh before the swap.
            self.client.indices.create(
                index=new,
                settings={**index_settings(), "refresh_interval": "-1"},
                mappings=index_mappings(),
                aliases={self.next_alias: {}},
            )
        try:
            actions = (
                {"_op_type": "create", "_index": new, "_id": document.key, "_source": document_source(document)}
                for document in documents
            )
            done, kept = self._bulk(actions, doing="loading the new index", tolerated={409})
            with self._unavailable("switching the alias to the new index"):
                self.client.indices.put_settings(index=new, settings={"index": {"refresh_interval": None}})
                self.client.indices.refresh(index=new)
                old = self._indices_behind(self.alias)
                self.client.indices.update_aliases(
                    actions=[
                        *({"remove": {"index": name, "alias": self.alias}} for name in old),
                        {"add": {"index": new, "alias": self.alias}},
                        {"remove": {"index": new, "alias": self.next_alias}},
                    ]
                )
        except BaseException:
            self._delete_quietly(new)
            raise
        self._index_exists = True
        with self._unavailable("removing the previous index"):
            for name in old:
                self.client.indices.delete(index=name)
        return len(done | kept)

    # Internals

    def _write_targets(self) -> list[str]:
        self.ensure_index()
        with self._unavailable("finding the index to write to"):
            rebuilding = bool(self.client.indices.exists_alias(name=self.next_alias))
        return [self.alias, self.next_alias] if rebuilding else [self.alias]

    def _indices_behind(self, alias: str) -> list[str]:
        try:
            return sorted(_body(self.client.indices.get_alias(name=alias)))
        except NotFoundError:
            return []

    def _bulk(
        self, actions: Iterable[dict[str, Any]], *, doing: str, tolerated: frozenset[int] | set[int] = frozenset()
    ) -> tuple[set[str], set[str]]:
        """Send actions in chunks; returns (ids done, ids whose tolerated failure means nothing to do)."""
        done: set[str] = set()
        skipped: set[str] = set()
        failures: list[dict[str, Any]] = []
        with self._unavailable(doing):
            for ok, item in streaming_bulk(
                self.client, actions, chunk_size=BULK_CHUNK, raise_on_error=False, max_retries=3
            ):
                ((_, info),) = item.items()
                if ok:
                    done.add(info["_id"])
                elif info.get("status") in tolerated:
                    skipped.add(info["_id"])
                else:
                    failures.append(info)
        if failures:
            first = failures[0]
            reason = first.get("error", {})
            reason = reason.get("reason", reason) if isinstance(reason, dict) else reason
            raise SearchUnavailable(
                f"Elasticsearch at {self._where} rejected {len(failures)} of the documents while {doing} "
                f"(first: {first.get('_id')}: {reason}); if the mapping changed, "
                f"run `python manage.py search_index --rebuild`"
            )
        return done, skipped

    def _delete_quietly(self, index: str) -> None:
        try:
            self.client.indices.delete(index=index)
        except (ApiError, TransportError):
            pass  # the original error is the one worth reporting; the next rebuild removes the leftover

    def _new_index_name(self) -> str:
        return f"{self.alias}-{datetime.now(UTC):%Y%m%d%H%M%S%f}"

    @property
    def _where(self) -> str:
        """The URL without credentials, fit for error messages and logs."""
        parts = urlsplit(self.url)
        host = parts.hostname or ""
        netloc = f"{host}:{parts.port}" if parts.port else host
        return urlunsplit((parts.scheme, netloc, parts.path, "", "")) if parts.scheme else self.url

    @contextmanager
    def _unavailable(self, doing: str) -> Iterator[None]:
        try:
            yield
        except (ElasticsearchConnectionError, ConnectionTimeout) as error:
            raise SearchUnavailable(
                f"Elasticsearch at {self._where} is not reachable while {doing} ({error}): start it "
                f"(`docker compose up -d elasticsearch`) or unset ELASTICSEARCH_URL to use the database backend"
            ) from error
        except (AuthenticationException, AuthorizationException) as error:
            raise SearchUnavailable(
                f"Elasticsearch at {self._where} refused the request while {doing} ({_reason(error)}): put a user "
                f"allowed to manage '{self.alias}*' in ELASTICSEARCH_URL (https://user:password@host:9200)"
            ) from error
        except NotFoundError as error:
            raise SearchUnavailable(
                f"Elasticsearch at {self._where} has no index behind the alias '{self.alias}' while {doing}: "
                f"run `python manage.py search_index --rebuild` to build it"
            ) from error
        except BadRequestError as error:
            if "nori" in _reason(error):
                raise SearchUnavailable(
                    f"Elasticsearch at {self._where} lacks the Korean analyzer: install the analysis-nori plugin "
                    f"(`bin/elasticsearch-plugin install analysis-nori`, see docker/elasticsearch/Dockerfile) "
                    f"and restart it"
                ) from error
            raise SearchUnavailable(
                f"Elasticsearch at {self._where} rejected a request while {doing}: {error}"
            ) from error
        except (ApiError, TransportError) as error:
            raise SearchUnavailable(f"Elasticsearch at {self._where} failed while {doing}: {error}") from error


def _body(response: Any) -> Any:
    return getattr(response, "body", response)


def _reason(error: ApiError) -> str:
    """The cluster's own explanation ("Unknown tokenizer type [nori_tokenizer] …"), not just its type."""
    detail = error.body.get("error") if isinstance(error.body, dict) else None
    if isinstance(detail, dict):
        causes = detail.get("root_cause") or [detail]
        return "; ".join(dict.fromkeys(str(cause.get("reason", cause.get("type", ""))) for cause in causes))
    return str(detail or error.message)
