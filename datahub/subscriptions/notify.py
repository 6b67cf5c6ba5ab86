"""Building and sending notifications: HTTP POST to the subscriber, or MQTT publish to local Mosquitto.

HTTP: ``POST endpoint.uri`` with the Notification as ``application/json`` and the subscription's @context in a
``Link`` header (or ``application/ld+json`` with ``@context`` in the body when ``endpoint.accept`` asks for it);
``endpoint.receiverInfo`` key/values become request headers. MQTT (``mqtt://host[:port]/topic``): the message is
``{"metadata": {headers}, "body": Notification}`` published with QoS ``endpoint.notifierInfo`` ``MQTT-QoS``
(default 0). Any non-2xx answer, timeout or connection error is a failed attempt.
"""

from __future__ import annotations

import json
from urllib.parse import urlsplit

from django.conf import settings

from .. import ngsi
from ..ldcontext import Context


class DeliveryError(Exception):
    def __init__(self, message: str, status: int | None = None):
        super().__init__(message)
        self.status = status


def build_notification(sub, ctx: Context, entities, now) -> dict:
    notification = sub.document.get("notification") or {}
    attrs = notification.get("attributes")
    wanted = {ctx.expand(a) for a in attrs} if attrs else None
    key_values = notification.get("format") in ("keyValues", "simplified")
    sys_attrs = bool(notification.get("sysAttrs"))
    data = [
        ngsi.compact_entity(
            e.entity_id,
            e.type,
            e.data,
            ctx,
            key_values=key_values,
            sys_attrs=sys_attrs,
            attrs=wanted,
            created_at=ngsi.format_time(e.created_at),
            modified_at=ngsi.format_time(e.modified_at),
        )
        for e in entities
    ]
    return {
        "id": f"urn:ngsi-ld:Notification:{sub.pk}:{int(now.timestamp() * 1e6)}",
        "type": "Notification",
        "subscriptionId": sub.subscription_id,
        "notifiedAt": ngsi.format_time(now),
        "data": data,
    }


def _headers(sub, ctx: Context) -> tuple[dict, bool]:
    endpoint = (sub.document.get("notification") or {}).get("endpoint") or {}
    ld = endpoint.get("accept") == "application/ld+json"
    headers = {"Content-Type": "application/ld+json" if ld else "application/json"}
    if not ld:
        headers["Link"] = ctx.link_header()
    for item in endpoint.get("receiverInfo") or []:
        if isinstance(item, dict) and item.get("key"):
            headers[str(item["key"])] = str(item.get("value", ""))
    if sub.tenant and not sub.tenant.startswith("urn:ngsi-ld:tenant:default"):
        headers["NGSILD-Tenant"] = sub.tenant
    return headers, ld


def _body(payload: dict, ctx: Context, ld: bool) -> dict:
    if ld:
        return {**payload, "@context": list(ctx.urls) or [ctx.link_header()]}
    return payload


def send(sub, ctx: Context, payload: dict) -> int | None:
    """Deliver one notification; returns the HTTP status (None for MQTT); raises DeliveryError."""
    endpoint = (sub.document.get("notification") or {}).get("endpoint") or {}
    uri = endpoint.get("uri", "")
    headers, ld = _headers(sub, ctx)
    body = _body(payload, ctx, ld)
    scheme = urlsplit(uri).scheme
    if scheme in ("mqtt", "mqtts"):
        _publish_mqtt(uri, endpoint, headers, body)
        return None
    import requests

    timeout = getattr(settings, "DATAHUB_NOTIFICATION_TIMEOUT", 5.0)
    try:
        response = requests.post(
            uri, data=json.dumps(body, ensure_ascii=False).encode(), headers=headers, timeout=timeout
        )
    except requests.Timeout:
        raise DeliveryError(f"No answer from {uri} within {timeout} s") from None
    except requests.RequestException as exc:
        raise DeliveryError(f"Could not reach {uri}: {exc.__class__.__name__}") from None
    if not 200 <= response.status_code < 300:
        raise DeliveryError(f"{uri} answered HTTP {response.status_code}", response.status_code)
    return response.status_code


def _publish_mqtt(uri: str, endpoint: dict, headers: dict, body: dict) -> None:
    import paho.mqtt.client as mqtt

    parts = urlsplit(uri)
    topic = parts.path.lstrip("/")
    if not topic:
        raise DeliveryError(f"{uri} names no MQTT topic")
    qos = 0
    for item in endpoint.get("notifierInfo") or []:
        if isinstance(item, dict) and item.get("key") == "MQTT-QoS":
            qos = int(item.get("value", 0)) if str(item.get("value", "0")) in ("0", "1", "2") else 0
    message = json.dumps({"metadata": headers, "body": body}, ensure_ascii=False)
    client = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, protocol=mqtt.MQTTv311)
    if parts.username:
        client.username_pw_set(parts.username, parts.password)
    if parts.scheme == "mqtts":
        client.tls_set()
    timeout = getattr(settings, "DATAHUB_NOTIFICATION_TIMEOUT", 5.0)
    try:
        client.connect(parts.hostname or "127.0.0.1", parts.port or (8883 if parts.scheme == "mqtts" else 1883))
        client.loop_start()
        info = client.publish(topic, message, qos=qos)
        info.wait_for_publish(timeout=timeout)
        if not info.is_published():
            raise DeliveryError(f"MQTT broker did not confirm the message on {topic} within {timeout} s")
    except OSError as exc:
        raise DeliveryError(f"Could not reach MQTT broker {parts.hostname}: {exc.__class__.__name__}") from None
    finally:
        client.loop_stop()
        client.disconnect()
