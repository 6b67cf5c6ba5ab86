# syntax=docker/dockerfile:1

# --- Stage 1: front-end assets ----------------------------------------------------
# `npm run build --prefix frontend` writes its output into portal/static/vendor/.
FROM node:20-slim AS assets
WORKDIR /app
COPY frontend/package.json frontend/package-lock.json frontend/
RUN npm ci --prefix frontend
COPY frontend/ frontend/
COPY portal/static/ portal/static/
RUN npm run build --prefix frontend

# --- Stage 2: the Django application ----------------------------------------------
# One image for web (gunicorn), worker and beat (celery) and the one-shot migrate job.
FROM python:3.12-slim AS app

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

RUN groupadd --system app \
 && useradd --system --gid app --home-dir /app --no-create-home --shell /usr/sbin/nologin app

WORKDIR /app

COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt

# Code stays root-owned (read-only for the app user); only var/ is writable.
COPY . .
COPY --from=assets /app/portal/static/vendor/ portal/static/vendor/

ENV DJANGO_SETTINGS_MODULE=portal.settings.production \
    MEDIA_ROOT=/app/var/media

# Build-time only: dummy values so production settings import. They are set on this
# RUN line alone and are not baked into the image environment.
RUN SECRET_KEY=collectstatic-build-only-not-a-secret \
    DATABASE_URL=sqlite:////tmp/build.sqlite3 \
    ALLOWED_HOSTS=localhost \
    CELERY_BROKER_URL=memory:// \
    REDIS_URL=redis://localhost:6379/1 \
    ELASTICSEARCH_URL=http://localhost:9200 \
    python manage.py collectstatic --noinput

# var/media is created here, owned by the app user, so the named volume mounted on it
# is initialised with the right ownership; var/ also holds celerybeat-schedule.
RUN mkdir -p /app/var/media && chown -R app:app /app/var

USER app

EXPOSE 8000

CMD ["gunicorn", "portal.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
