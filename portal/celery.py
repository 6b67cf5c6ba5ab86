"""The Celery application.

The broker comes from ``CELERY_BROKER_URL``. Without it the embedded default is kombu's
filesystem transport under ``var/broker/``: a real broker that needs no server, so
``make run`` starts a real worker on a laptop.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")

app = Celery("portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
