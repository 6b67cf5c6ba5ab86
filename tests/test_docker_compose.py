"""Static checks of the container setup: docker-compose.yml and the Dockerfiles.

No Docker engine is needed and Django is never imported: every check reads files
relative to the repository root.
"""

import re
import shlex
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
COMPOSE_FILE = ROOT / "docker-compose.yml"
APP_DOCKERFILE = ROOT / "Dockerfile"
ES_DIR = ROOT / "docker" / "elasticsearch"
SETTINGS_DIR = ROOT / "portal" / "settings"

EXPECTED_SERVICES = {
    "postgres",
    "elasticsearch",
    "redis",
    "migrate",
    "web",
    "worker",
    "beat",
}
APP_SERVICES = ("migrate", "web", "worker", "beat")
ONE_SHOT_SERVICES = {"migrate"}
REQUIRED_PRODUCTION_ENV = (
    "SECRET_KEY",
    "DATABASE_URL",
    "CELERY_BROKER_URL",
    "ELASTICSEARCH_URL",
    "REDIS_URL",
    "ALLOWED_HOSTS",
)
# Read by Django itself (manage.py, portal/wsgi.py, portal/celery.py), not by settings.
ENV_READ_OUTSIDE_SETTINGS = {"DJANGO_SETTINGS_MODULE"}


@pytest.fixture(scope="module")
def compose():
    assert COMPOSE_FILE.is_file(), f"{COMPOSE_FILE} is missing"
    data = yaml.safe_load(COMPOSE_FILE.read_text(encoding="utf-8"))
    assert isinstance(data, dict) and isinstance(data.get("services"), dict), (
        "docker-compose.yml must be a mapping with a 'services' mapping"
    )
    return data


@pytest.fixture(scope="module")
def services(compose):
    return compose["services"]


def _environment(service: dict) -> dict:
    """A service's environment as a dict, whichever compose syntax it uses."""
    env = service.get("environment") or {}
    if isinstance(env, list):
        return dict(item.split("=", 1) if "=" in item else (item, None) for item in env)
    return dict(env)


def _command(service: dict) -> list[str]:
    cmd = service.get("command") or []
    return shlex.split(cmd) if isinstance(cmd, str) else [str(part) for part in cmd]


def _build(service: dict) -> dict:
    build = service.get("build")
    if isinstance(build, str):
        build = {"context": build}
    return build or {}


def _norm_path(path: str) -> Path:
    return (ROOT / path).resolve()


def _dockerfile_instructions(path: Path) -> list[str]:
    """Dockerfile instructions with line continuations joined and comments dropped."""
    instructions, current = [], ""
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not current and (not line or line.startswith("#")):
            continue
        if line.startswith("#"):  # comment inside a continued instruction
            continue
        if line.endswith("\\"):
            current += line[:-1] + " "
            continue
        instructions.append(current + line)
        current = ""
    if current:
        instructions.append(current)
    return instructions


def _named_volume_sources(service: dict) -> set[str]:
    names = set()
    for mount in service.get("volumes") or []:
        if isinstance(mount, dict):
            if mount.get("type", "volume") == "volume" and mount.get("source"):
                names.add(mount["source"])
            continue
        source = str(mount).split(":", 1)[0]
        if ":" in str(mount) and not source.startswith(("/", ".", "~", "$")):
            names.add(source)
    return names


def test_all_services_exist(services):
    missing = EXPECTED_SERVICES - set(services)
    assert not missing, f"docker-compose.yml lacks services: {sorted(missing)}"


def test_app_services_share_one_build(services):
    builds, images = {}, {}
    for name in APP_SERVICES:
        service = services.get(name, {})
        build = _build(service)
        assert build, f"service {name!r} has no build section"
        builds[name] = (
            _norm_path(build.get("context", ".")),
            build.get("dockerfile", "Dockerfile"),
        )
        images[name] = service.get("image")
    assert all(ctx == ROOT for ctx, _ in builds.values()), (
        f"app services must build from the repo root ('.'), got {builds}"
    )
    assert len(set(builds.values())) == 1, f"app services use different builds: {builds}"
    assert len(set(images.values())) == 1 and None not in images.values(), (
        f"app services must share one image name, got {images}"
    )


def test_elasticsearch_builds_nori_image_pinned_to_8x(services):
    build = _build(services.get("elasticsearch", {}))
    assert build and _norm_path(build.get("context", "")) == ES_DIR.resolve(), (
        f"elasticsearch must build from docker/elasticsearch, got build={build!r}"
    )
    dockerfile = ES_DIR / build.get("dockerfile", "Dockerfile")
    assert dockerfile.is_file(), f"{dockerfile} is missing"
    instructions = _dockerfile_instructions(dockerfile)
    froms = [i for i in instructions if i.upper().startswith("FROM ")]
    assert any(
        re.match(
            r"FROM\s+docker\.elastic\.co/elasticsearch/elasticsearch:8\.\d+\.\d+(\s|$)",
            i,
        )
        for i in froms
    ), f"elasticsearch Dockerfile must pin an exact 8.x.y tag, FROM lines: {froms}"
    assert any(
        i.startswith("RUN") and "elasticsearch-plugin install" in i and "analysis-nori" in i for i in instructions
    ), "elasticsearch Dockerfile must RUN elasticsearch-plugin install analysis-nori"


def test_every_long_running_service_has_healthcheck(services):
    lacking = [
        name
        for name, service in services.items()
        if name not in ONE_SHOT_SERVICES
        and (not (service.get("healthcheck") or {}).get("test") or (service.get("healthcheck") or {}).get("disable"))
    ]
    assert not lacking, f"services without an enabled healthcheck: {lacking}"


def test_app_services_wait_for_migrate_and_healthy_backends(services):
    problems = []
    for name in ("web", "worker", "beat"):
        depends = services.get(name, {}).get("depends_on") or {}
        if not isinstance(depends, dict):
            problems.append(f"{name}: depends_on must use the long form with conditions")
            continue
        if (depends.get("migrate") or {}).get("condition") != "service_completed_successfully":
            problems.append(f"{name}: must wait for migrate (service_completed_successfully)")
        for dep, spec in depends.items():
            if dep != "migrate" and (spec or {}).get("condition") != "service_healthy":
                problems.append(f"{name}: depends_on {dep} must be service_healthy")
    migrate_cmd = " ".join(_command(services.get("migrate", {})))
    if "manage.py migrate" not in migrate_cmd or "--noinput" not in migrate_cmd:
        problems.append(f"migrate must run 'manage.py migrate --noinput', got {migrate_cmd!r}")
    assert not problems, "; ".join(problems)


def test_named_volumes_declared_and_used(compose, services):
    declared = set(compose.get("volumes") or {})
    used = set().union(*(_named_volume_sources(s) for s in services.values()))
    assert declared == used, (
        f"declared but unused volumes: {sorted(declared - used)}; "
        f"used but undeclared volumes: {sorted(used - declared)}"
    )


def test_app_env_names_are_read_by_settings(services):
    settings_files = sorted(SETTINGS_DIR.glob("*.py"))
    assert settings_files, f"no settings modules found in {SETTINGS_DIR}"
    source = "\n".join(p.read_text(encoding="utf-8") for p in settings_files)
    names = set().union(*(_environment(services.get(n, {})) for n in APP_SERVICES))
    unread = sorted(
        name for name in names - ENV_READ_OUTSIDE_SETTINGS if f'"{name}"' not in source and f"'{name}'" not in source
    )
    assert not unread, f"environment variables set for app services but never read in portal/settings/*.py: {unread}"


def test_settings_module_is_production(services):
    modules = {n: _environment(services.get(n, {})).get("DJANGO_SETTINGS_MODULE") for n in APP_SERVICES}
    assert set(modules.values()) == {"portal.settings.production"}, (
        f"app services must run portal.settings.production, got {modules}"
    )
    dockerfile_env = " ".join(i for i in _dockerfile_instructions(APP_DOCKERFILE) if i.startswith("ENV"))
    assert "DJANGO_SETTINGS_MODULE=portal.settings.production" in dockerfile_env, (
        "Dockerfile must set ENV DJANGO_SETTINGS_MODULE=portal.settings.production"
    )


def test_required_production_env_set_for_web(services):
    env = _environment(services.get("web", {}))
    missing = [name for name in REQUIRED_PRODUCTION_ENV if not env.get(name)]
    assert not missing, f"web lacks required production environment variables: {missing}"


def test_secret_key_comes_from_environment(services):
    for name in APP_SERVICES:
        value = str(_environment(services.get(name, {})).get("SECRET_KEY", ""))
        assert re.fullmatch(r"\$\{SECRET_KEY:\?[^}]*\}", value), (
            f"{name}: SECRET_KEY must be '${{SECRET_KEY:?...}}' (required, no literal), got {value!r}"
        )


def test_worker_runs_celery_with_portal_app(services):
    cmd = _command(services.get("worker", {}))
    assert cmd[:1] == ["celery"] and "worker" in cmd, f"worker must run 'celery ... worker', got {cmd}"
    app_args = [cmd[i + 1] for i, arg in enumerate(cmd[:-1]) if arg in ("-A", "--app")]
    assert app_args == ["portal"], f"worker must run celery with app 'portal' (-A portal), got {cmd}"


def test_beat_runs_celery_beat_with_portal_app(services):
    cmd = _command(services.get("beat", {}))
    app_args = [cmd[i + 1] for i, arg in enumerate(cmd[:-1]) if arg in ("-A", "--app")]
    assert cmd[:1] == ["celery"] and "beat" in cmd and app_args == ["portal"], (
        f"beat must run 'celery -A portal beat', got {cmd}"
    )


def test_web_runs_gunicorn_portal_wsgi(services):
    cmd = _command(services.get("web", {}))
    assert cmd[:1] == ["gunicorn"] and "portal.wsgi:application" in cmd, (
        f"web must run 'gunicorn portal.wsgi:application', got {cmd}"
    )


def test_app_dockerfile_installs_requirements_and_collects_static():
    assert APP_DOCKERFILE.is_file(), f"{APP_DOCKERFILE} is missing"
    instructions = _dockerfile_instructions(APP_DOCKERFILE)
    assert any(i.startswith("COPY") and "requirements.txt" in i.split() for i in instructions), (
        "Dockerfile must COPY requirements.txt"
    )
    assert any(i.startswith("RUN") and "pip install" in i and "-r requirements.txt" in i for i in instructions), (
        "Dockerfile must RUN pip install -r requirements.txt"
    )
    assert any(i.startswith("RUN") and "manage.py collectstatic" in i and "--noinput" in i for i in instructions), (
        "Dockerfile must RUN python manage.py collectstatic --noinput"
    )
