"""Subscriptions (ETSI GS CIM 009 §5.8) and their notifications to a real local HTTP receiver and a real
Mosquitto topic. Notifications are queued on commit, so these tests commit (transaction=True)."""

import socket
import uuid

import pytest

from datahub.models import NotificationDelivery, Subscription

from .conftest import problem, spot
from .receivers import MQTT_HOST, MQTT_PORT, HttpReceiver, MqttReceiver

ID = "urn:ngsi-ld:ParkingSpot:gwacheon:001"


def subscription(uri, **extra):
    return {
        "type": "Subscription",
        "entities": [{"type": "ParkingSpot"}],
        "watchedAttributes": ["status"],
        "notification": {"attributes": ["status"], "format": "keyValues", "endpoint": {"uri": uri}},
        **extra,
    }


def subscribe(ngsi, body) -> str:
    response = ngsi.post("subscriptions", body)
    assert response.status_code == 201, response.content
    return response["Location"].rsplit("/", 1)[-1]


@pytest.mark.django_db
def test_subscription_crud(ngsi):
    sub_id = subscribe(ngsi, subscription("http://127.0.0.1:9/notify", id="urn:ngsi-ld:Subscription:parking"))
    assert sub_id == "urn:ngsi-ld:Subscription:parking"
    got = ngsi.get(f"subscriptions/{sub_id}").json()
    assert got["watchedAttributes"] == ["status"] and got["isActive"] is True and got["status"] == "active"
    assert got["notification"]["status"] == "ok" and got["notification"]["timesSent"] == 0
    assert ngsi.patch(f"subscriptions/{sub_id}", {"isActive": False, "throttling": 10}).status_code == 204
    got = ngsi.get(f"subscriptions/{sub_id}").json()
    assert got["isActive"] is False and got["status"] == "paused" and got["throttling"] == 10
    listed = ngsi.get("subscriptions", {"count": "true"})
    assert [s["id"] for s in listed.json()] == [sub_id] and listed["NGSILD-Results-Count"] == "1"
    problem(ngsi.post("subscriptions", subscription("http://x.example/n", id=sub_id)), "AlreadyExists", 409)
    assert ngsi.delete(f"subscriptions/{sub_id}").status_code == 204
    problem(ngsi.get(f"subscriptions/{sub_id}"), "ResourceNotFound", 404)
    problem(ngsi.delete(f"subscriptions/{sub_id}"), "ResourceNotFound", 404)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "body",
    [
        {**subscription("http://x.example/n"), "type": "Entity"},
        {"type": "Subscription", "notification": {"endpoint": {"uri": "http://x.example/n"}}},
        subscription("ftp://x.example/n"),
        subscription("mqtt://127.0.0.1:1883"),
        subscription("not a url"),
        {**subscription("http://x.example/n"), "q": 'status=="free'},
        {**subscription("http://x.example/n"), "throttling": -5},
        {**subscription("http://x.example/n"), "entities": [{"id": "urn:x:1"}]},
        {**subscription("http://x.example/n"), "geoQ": {"georel": "near", "geometry": "Point", "coordinates": [1, 2]}},
        {**subscription("http://x.example/n"), "notification": {}},
        {**subscription("http://x.example/n"), "colour": "red"},
        {**subscription("http://x.example/n"), "id": "no uri"},
    ],
)
def test_bad_subscriptions(ngsi, body):
    problem(ngsi.post("subscriptions", body), "BadRequestData", 400)
    assert not Subscription.objects.exists()


@pytest.mark.django_db
def test_subscriptions_are_private_to_the_organization(ngsi, client):
    from datahub.models import ApiKeyScope
    from datahub.services import api_key_create
    from tests.conftest import member_of
    from tests.factories import OrganizationFactory

    from .conftest import Ngsi

    sub_id = subscribe(ngsi.__class__(ngsi.client, ngsi.secret), subscription("http://127.0.0.1:9/n"))
    other = OrganizationFactory()
    _, secret = api_key_create(
        actor=member_of(other), organization=other, name="다른 기업", scopes=[ApiKeyScope.READ_SANDBOX]
    )
    outsider = Ngsi(client, secret)
    assert outsider.get("subscriptions").json() == []
    problem(outsider.get(f"subscriptions/{sub_id}"), "ResourceNotFound", 404)


@pytest.mark.django_db(transaction=True)
def test_http_notification_on_watched_change(ngsi):
    ngsi.post("entities", spot(1))
    with HttpReceiver() as receiver:
        sub_id = subscribe(ngsi, subscription(receiver.url, q='status=="occupied"'))
        ngsi.patch(f"entities/{ID}/attrs", {"name": {"type": "Property", "value": "새 이름"}})  # not watched
        ngsi.patch(f"entities/{ID}/attrs", {"status": {"type": "Property", "value": "closed"}})  # q fails
        assert ngsi.patch(f"entities/{ID}/attrs/status", {"value": "occupied"}).status_code == 204
        requests = receiver.wait(1)
    assert len(requests) == 1
    notification = requests[0]["body"]
    assert notification["type"] == "Notification" and notification["subscriptionId"] == sub_id
    assert notification["data"] == [{"id": ID, "type": "ParkingSpot", "status": "occupied"}]
    headers = requests[0]["headers"]
    assert headers["Content-Type"] == "application/json"
    assert "smartdatamodels.org/context.jsonld" in headers["Link"]
    assert headers["NGSILD-Tenant"] == ngsi.tenant
    got = ngsi.get(f"subscriptions/{sub_id}").json()["notification"]
    assert got["timesSent"] == 1 and got["status"] == "ok" and "lastSuccess" in got
    log = ngsi.get(f"subscriptions/{sub_id}/deliveries").json()
    assert log[0]["status"] == "sent" and log[0]["responseStatus"] == 204


@pytest.mark.django_db(transaction=True)
def test_created_entity_notifies_and_inactive_subscription_does_not(ngsi):
    with HttpReceiver() as receiver:
        subscribe(ngsi, subscription(receiver.url))
        subscribe(ngsi, subscription(receiver.url, isActive=False))
        ngsi.post("entities", spot(1))
        assert len(receiver.wait(1)) == 1
    assert NotificationDelivery.objects.count() == 1


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(("status", "delay", "reason"), [(500, 0, "HTTP 500"), (204, 2.0, "No answer")])
def test_failing_endpoint_is_retried_then_subscription_shows_failure(ngsi, settings, status, delay, reason):
    settings.DATAHUB_NOTIFICATION_TIMEOUT = 0.5
    ngsi.post("entities", spot(1))
    with HttpReceiver(status=status, delay=delay) as receiver:
        sub_id = subscribe(ngsi, subscription(receiver.url))
        ngsi.patch(f"entities/{ID}/attrs/status", {"value": "occupied"})
        assert len(receiver.wait(5)) == 5
    got = ngsi.get(f"subscriptions/{sub_id}").json()
    assert got["notification"]["status"] == "failed"
    assert got["notification"]["timesFailed"] == 1
    assert reason in got["notification"]["lastFailureReason"]
    log = ngsi.get(f"subscriptions/{sub_id}/deliveries").json()
    assert log[0]["status"] == "failed" and log[0]["attempts"] == 5


@pytest.mark.django_db(transaction=True)
def test_throttling_skips_notifications_inside_the_window(ngsi):
    ngsi.post("entities", spot(1))
    with HttpReceiver() as receiver:
        subscribe(ngsi, subscription(receiver.url, throttling=3600))
        ngsi.patch(f"entities/{ID}/attrs/status", {"value": "occupied"})
        ngsi.patch(f"entities/{ID}/attrs/status", {"value": "free"})
        assert len(receiver.wait(1)) == 1
    assert NotificationDelivery.objects.count() == 1


def _mosquitto_up() -> bool:
    try:
        socket.create_connection((MQTT_HOST, MQTT_PORT), timeout=2).close()
    except OSError:
        return False
    return True


@pytest.mark.django_db(transaction=True)
def test_mqtt_notification_to_local_mosquitto(ngsi):
    if not _mosquitto_up():
        from tests.conftest import unavailable

        unavailable(f"Mosquitto is not reachable at {MQTT_HOST}:{MQTT_PORT}")
    topic = f"openlab/test/{uuid.uuid4().hex}"
    ngsi.post("entities", spot(1))
    with MqttReceiver(topic) as receiver:
        uri = f"mqtt://{MQTT_HOST}:{MQTT_PORT}/{topic}"
        body = subscription(uri)
        body["notification"]["endpoint"]["notifierInfo"] = [{"key": "MQTT-QoS", "value": "1"}]
        sub_id = subscribe(ngsi, body)
        ngsi.patch(f"entities/{ID}/attrs/status", {"value": "occupied"})
        messages = receiver.wait(1)
    assert len(messages) == 1
    assert messages[0]["metadata"]["Content-Type"] == "application/json"
    assert messages[0]["body"]["subscriptionId"] == sub_id
    assert messages[0]["body"]["data"] == [{"id": ID, "type": "ParkingSpot", "status": "occupied"}]
    assert ngsi.get(f"subscriptions/{sub_id}").json()["notification"]["timesSent"] == 1


@pytest.mark.django_db(transaction=True)
def test_temporal_writes_notify_too(ngsi):
    with HttpReceiver() as receiver:
        subscribe(ngsi, subscription(receiver.url))
        instances = [{"type": "Property", "value": "occupied", "observedAt": "2026-11-01T09:15:00Z"}]
        assert ngsi.post("temporal/entities", {"id": ID, "type": "ParkingSpot", "status": instances}).status_code == 201
        requests = receiver.wait(1)
    assert requests[0]["body"]["data"] == [{"id": ID, "type": "ParkingSpot", "status": "occupied"}]
