"""compose.yaml and tools/deploy/nginx.conf: what a maintainer relies on when scaling out.

There is no container engine here, so the files are read as data: the
services and their order, the environment the web replicas get against the
variables the code reads, and the proxy's configuration against the settings.
"""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from django.conf import settings

import pytest
import yaml

# Left out of `make test-fast`: these start servers or check the deployment files.
pytestmark = pytest.mark.container

PROJECT_ROOT = Path(__file__).resolve().parent.parent
COMPOSE = yaml.safe_load((PROJECT_ROOT / "compose.yaml").read_text())
SERVICES = COMPOSE["services"]
NGINX_CONF = (PROJECT_ROOT / "tools" / "deploy" / "nginx.conf").read_text()
ENV_EXAMPLE = (PROJECT_ROOT / ".env.example").read_text()
APP_SERVICES = ("web", "migrate", "scheduler")
# Production refuses to start without the first three (settings/production.py);
# without REDIS_URL each replica would cache on its own and serve stale pages.
REQUIRED_FOR_SCALE_OUT = ("DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS", "DATABASE_URL", "REDIS_URL")
# Read by libraries rather than by the project's code.
READ_BY_LIBRARIES = {
    "DJANGO_SETTINGS_MODULE",  # Django
    "AWS_ACCESS_KEY_ID",  # boto3
    "AWS_SECRET_ACCESS_KEY",  # boto3
    "FORWARDED_ALLOW_IPS",  # gunicorn
}
ENVIRONMENT_READ = re.compile(
    r"""(?:os\.environ\.get|os\.environ\[|os\.getenv|environ\.get|env_list|env_bool|env_int"""
    r"""|env_float|_positive_int)\(?\s*["']([A-Z][A-Z0-9_]+)["']"""
)


def variables_the_code_reads():
    sources = [
        *(PROJECT_ROOT / "alliance_site").rglob("*.py"),
        *(PROJECT_ROOT / "caching").rglob("*.py"),
        PROJECT_ROOT / "gunicorn.conf.py",
    ]
    return {name for source in sources for name in ENVIRONMENT_READ.findall(source.read_text())}


def environment_of(service):
    return SERVICES[service].get("environment") or {}


def interpolate(value, variables):
    """Compose's ${NAME}, ${NAME:-default} and ${NAME:?error}, with $$ for a literal $."""

    def replace(match):
        name, operator, argument = match.group(1), match.group(2), match.group(3)
        if variables.get(name):
            return variables[name]
        if operator == ":?":
            raise KeyError(f"{name}: {argument}")
        return argument or ""

    value = re.sub(r"\$\{([A-Z0-9_]+)(?:(:-|:\?)([^}]*))?\}", replace, str(value))
    return value.replace("$$", "$")


def env_example_values():
    return dict(
        line.split("=", 1)
        for line in ENV_EXAMPLE.splitlines()
        if line.strip() and not line.startswith("#")
    )


# --- Services and their order -------------------------------------------------------------


def test_every_part_of_the_installation_is_a_service():
    assert set(SERVICES) == {
        "web",
        "migrate",
        "scheduler",
        "proxy",
        "postgres",
        "redis",
        "minio",
        "minio-setup",
    }


def test_web_runs_several_replicas_of_the_image_with_its_own_health_check():
    web = SERVICES["web"]
    assert web["deploy"]["replicas"] > 1
    assert web["build"] == "."
    assert "command" not in web  # the image's gunicorn
    # No healthcheck here: the image's HEALTHCHECK (GET /healthz/) applies.
    assert "healthcheck" not in web
    assert "HEALTHCHECK" in (PROJECT_ROOT / "Dockerfile").read_text()
    # Only the proxy reaches the replicas.
    assert "ports" not in web


def test_migrations_run_once_before_any_replica_starts():
    migrate = SERVICES["migrate"]
    assert migrate["command"][-3:] == ["manage.py", "migrate", "--no-input"]
    assert migrate["restart"] == "no"
    assert SERVICES["web"]["depends_on"]["migrate"] == {
        "condition": "service_completed_successfully"
    }
    assert SERVICES["scheduler"]["depends_on"]["migrate"] == {
        "condition": "service_completed_successfully"
    }
    assert migrate["depends_on"]["postgres"] == {"condition": "service_healthy"}


def test_exactly_one_scheduler_runs():
    scheduler = SERVICES["scheduler"]
    assert scheduler["command"][-2:] == ["manage.py", "run_scheduler"]
    assert scheduler["deploy"]["replicas"] == 1


def test_the_release_step_and_the_scheduler_run_the_web_image():
    for service in ("migrate", "scheduler"):
        assert SERVICES[service]["image"] == SERVICES["web"]["image"]
        assert SERVICES[service]["build"] == SERVICES["web"]["build"]


def test_postgres_16_keeps_its_data_and_reports_when_it_is_ready():
    postgres = SERVICES["postgres"]
    assert postgres["image"].startswith("postgres:16")
    assert any(volume.endswith(":/var/lib/postgresql/data") for volume in postgres["volumes"])
    assert "pg_isready" in " ".join(postgres["healthcheck"]["test"])
    assert SERVICES["web"]["depends_on"]["postgres"] == {"condition": "service_healthy"}


def test_redis_is_a_cache_that_keeps_nothing_on_disk():
    command = SERVICES["redis"]["command"]
    assert command[command.index("--save") + 1] == ""
    assert command[command.index("--appendonly") + 1] == "no"
    assert "volumes" not in SERVICES["redis"]


def test_minio_keeps_its_files_in_a_volume():
    assert any(volume.endswith(":/data") for volume in SERVICES["minio"]["volumes"])
    assert set(COMPOSE["volumes"]) == {"postgres-data", "minio-data"}


# --- The environment the replicas get --------------------------------------------------------


def test_every_variable_given_to_web_is_one_the_code_reads():
    """A misspelt name would be silently ignored; here it fails."""
    known = variables_the_code_reads() | READ_BY_LIBRARIES
    assert set(environment_of("web")) - known == set()


def test_the_variables_production_needs_are_given_to_every_app_service():
    for service in APP_SERVICES:
        environment = environment_of(service)
        for name in REQUIRED_FOR_SCALE_OUT:
            assert environment.get(name), f"{service} lacks {name}"


def test_every_instance_shares_the_same_configuration():
    """One secret key, database, cache and bucket for replicas, release step and scheduler."""
    web = environment_of("web")
    for service in ("migrate", "scheduler"):
        assert environment_of(service) == {
            name: value
            for name, value in web.items()
            if name
            not in (
                "WEB_CONCURRENCY",
                "GUNICORN_THREADS",
                "DJANGO_TRUSTED_PROXY_COUNT",
                "FORWARDED_ALLOW_IPS",
            )
        }


def test_secrets_come_from_the_env_file_not_from_compose_yaml():
    secrets = ("DJANGO_SECRET_KEY", "AWS_SECRET_ACCESS_KEY", "DJANGO_EMAIL_HOST_PASSWORD")
    for name in secrets:
        assert environment_of("web")[name].startswith(f"${{{name}")
    assert "${POSTGRES_PASSWORD" in environment_of("web")["DATABASE_URL"]
    for service in ("postgres", "minio", "minio-setup"):
        for name, value in environment_of(service).items():
            if name.endswith(("PASSWORD", "SECRET_ACCESS_KEY")):
                assert value.startswith(f"${{{name}:?"), f"{service}: {name}"


def test_env_example_names_every_variable_compose_requires():
    required = set(re.findall(r"\$\{([A-Z0-9_]+):\?", (PROJECT_ROOT / "compose.yaml").read_text()))
    assert required <= set(env_example_values())
    # Placeholders, never something that could pass for a real secret.
    for name in ("DJANGO_SECRET_KEY", "POSTGRES_PASSWORD", "MINIO_ROOT_PASSWORD"):
        assert env_example_values()[name].startswith("change-me")


def test_the_env_file_stays_out_of_git_and_the_image():
    assert ".env" in (PROJECT_ROOT / ".gitignore").read_text().splitlines()
    dockerignore = (PROJECT_ROOT / ".dockerignore").read_text().splitlines()
    assert ".env*" in dockerignore


def test_production_settings_start_with_the_environment_compose_gives_web():
    """The real settings, check --deploy included, accept exactly what web receives."""
    values = {
        **env_example_values(),
        "DJANGO_SECRET_KEY": "k3Jx9-Vq2LmT8rWz_Yb4Nc7Hd1Fg6Ps0Ae5Ru2Io9Ul3Kw8Ty4Gh7Mn1Bv6Cx0Zq",
    }
    web = {name: interpolate(value, values) for name, value in environment_of("web").items()}
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("DJANGO_", "AWS_", "SENTRY_", "REDIS_")) and name != "DATABASE_URL"
    }
    code = (
        "import json; from django.core.management import call_command; import django; "
        "django.setup(); from django.conf import settings as s; "
        "call_command('check', '--deploy', '--fail-level', 'WARNING'); "
        "print(json.dumps({'storage': s.STORAGES['default']['BACKEND'], "
        "'img_src': [str(v) for v in s.SECURE_CSP['img-src']], "
        "'cache': s.CACHES['default']['BACKEND'], "
        "'proxies': s.TRUSTED_PROXY_COUNT, 'serve_media': s.SERVE_MEDIA}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=PROJECT_ROOT,
        env={**env, **web},
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout.strip().splitlines()[-1])
    assert shown["storage"] == "storages.backends.s3.S3Storage"
    assert f"https://{values['AWS_S3_CUSTOM_DOMAIN']}" in shown["img_src"]
    assert shown["cache"] == "django_redis.cache.RedisCache"
    assert shown["proxies"] == 1
    assert shown["serve_media"] is False


# --- The proxy ---------------------------------------------------------------------------


def nginx_block(kind, name):
    match = re.search(rf"{kind}\s+{re.escape(name)}\s*\{{(.*?)\n\}}", NGINX_CONF, re.S)
    assert match, f"no {kind} {name} in tools/deploy/nginx.conf"
    return match.group(1)


def test_the_proxy_uses_deploy_nginx_conf_and_waits_for_healthy_replicas():
    proxy = SERVICES["proxy"]
    assert "./tools/deploy/nginx.conf:/etc/nginx/conf.d/default.conf:ro" in proxy["volumes"]
    assert proxy["depends_on"]["web"] == {"condition": "service_healthy"}
    assert proxy["ports"]


def test_the_proxy_spreads_requests_over_the_web_service():
    upstream = nginx_block("upstream", "web")
    port = re.search(
        r"bind = f\"0\.0\.0\.0:\{_positive_int\('PORT', (\d+)\)\}\"",
        (PROJECT_ROOT / "gunicorn.conf.py").read_text(),
    ).group(1)
    assert re.search(rf"server\s+web:{port}\b", upstream)
    assert "proxy_pass http://web;" in NGINX_CONF


def test_the_proxy_tells_the_app_the_scheme_and_the_client():
    site = nginx_block("location", "/")
    assert "proxy_set_header X-Forwarded-Proto" in site
    assert "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;" in site
    assert "proxy_set_header Host $host;" in site
    # One proxy appends one address: the app counts exactly that one.
    assert environment_of("web")["DJANGO_TRUSTED_PROXY_COUNT"] == "1"


def test_the_proxy_refuses_bodies_the_app_would_refuse():
    megabytes = int(re.search(r"client_max_body_size\s+(\d+)m;", NGINX_CONF).group(1))
    assert megabytes * 1024 * 1024 == settings.REQUEST_MAX_BODY_SIZE


def test_only_image_folders_of_the_bucket_are_public():
    """Documents are private in the bucket; only Wagtail's view serves them, after its check."""
    bucket = environment_of("web")["AWS_STORAGE_BUCKET_NAME"]
    setup = SERVICES["minio-setup"]["command"][0]
    public = re.findall(r"mc anonymous set download local/(\S+)", setup)
    assert sorted(public) == [f"{bucket}/media/images", f"{bucket}/media/original_images"]
    assert f"mc mb --ignore-existing local/{bucket}" in setup
    served = re.findall(r"proxy_pass http://minio/(\S+);", NGINX_CONF)
    assert sorted(served) == [f"{bucket}/media/images/", f"{bucket}/media/original_images/"]
    assert "documents" not in " ".join(public + served)
    assert SERVICES["web"]["depends_on"]["minio-setup"] == {
        "condition": "service_completed_successfully"
    }


@pytest.mark.parametrize("folder", ["images", "original_images"])
def test_the_media_host_serves_what_the_storage_addresses(folder):
    """Addresses built by the storage (custom domain + location) match the proxy's media paths."""
    web = environment_of("web")
    assert web["AWS_S3_CUSTOM_DOMAIN"].startswith("${AWS_S3_CUSTOM_DOMAIN")
    assert env_example_values()["AWS_S3_CUSTOM_DOMAIN"].startswith("media.")
    assert re.search(r"server_name\s+~\^media\\\.;", NGINX_CONF)
    assert f"location /media/{folder}/ {{" in NGINX_CONF
