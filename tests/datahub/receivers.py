"""Real local notification receivers: an HTTP server in a thread and an MQTT subscriber on local Mosquitto."""

import json
import os
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

MQTT_HOST = os.environ.get("MQTT_TEST_HOST", "127.0.0.1")
MQTT_PORT = int(os.environ.get("MQTT_TEST_PORT", "1883"))


class HttpReceiver:
    """Records every POST; answers ``status`` (or the next of ``statuses``) after ``delay`` seconds."""

    def __init__(self, status: int = 204, delay: float = 0.0, statuses: list[int] | None = None):
        self.status = status
        self.statuses = list(statuses or [])
        self.delay = delay
        self.requests: list[dict] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                receiver.requests.append({"path": self.path, "headers": dict(self.headers), "body": json.loads(body)})
                if receiver.delay:
                    time.sleep(receiver.delay)
                try:
                    self.send_response(receiver.statuses.pop(0) if receiver.statuses else receiver.status)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                except OSError:
                    pass

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/notify"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()

    def wait(self, count: int = 1, timeout: float = 20.0) -> list[dict]:
        deadline = time.monotonic() + timeout
        while len(self.requests) < count and time.monotonic() < deadline:
            time.sleep(0.05)
        return self.requests


class MqttReceiver:
    def __init__(self, topic: str):
        import paho.mqtt.client as mqtt

        self.topic = topic
        self.messages: list[dict] = []
        self.subscribed = threading.Event()
        self.client = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2)
        self.client.on_message = lambda c, u, msg: self.messages.append(json.loads(msg.payload))
        self.client.on_subscribe = lambda *args: self.subscribed.set()

    def __enter__(self):
        self.client.connect(MQTT_HOST, MQTT_PORT)
        self.client.subscribe(self.topic, qos=1)
        self.client.loop_start()
        if not self.subscribed.wait(10):
            raise OSError("MQTT subscription was not acknowledged")
        return self

    def __exit__(self, *exc):
        self.client.loop_stop()
        self.client.disconnect()

    def wait(self, count: int = 1, timeout: float = 20.0) -> list[dict]:
        deadline = time.monotonic() + timeout
        while len(self.messages) < count and time.monotonic() < deadline:
            time.sleep(0.05)
        return self.messages
