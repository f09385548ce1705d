"""The production deployment: Caddy's configuration for a domain, and the Compose services and volumes around it.

`caddy adapt` and `docker compose config` are not available where the tests run: the Caddyfile is rendered here
the way Caddy reads it ({$VAR} and {$VAR:default} from the environment, then blocks of directives), and the
Compose file is checked as YAML.
"""

import re
import shlex
from pathlib import Path

import pytest
import yaml

BASE_DIR = Path(__file__).resolve().parents[2]
CADDYFILE = BASE_DIR / "deploy" / "Caddyfile"
COMPOSE = BASE_DIR / "docker-compose.yml"
ENV_EXAMPLE = BASE_DIR / ".env.example"


def caddyfile_render(text: str, environ: dict[str, str]) -> str:
    """Return the Caddyfile with its environment placeholders replaced, as Caddy does before parsing."""

    def value(match):
        name, _, default = match.group(1).partition(":")
        return environ.get(name, default)

    return re.sub(r"\{\$([A-Za-z_][A-Za-z0-9_]*(?::[^}]*)?)\}", value, text)


def caddyfile_blocks(text: str) -> list:
    """Return the directives as nested [tokens, children] lists (comments dropped, one directive per line)."""
    root: list = []
    stack = [root]
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line == "}":
            stack.pop()
            continue
        opens = line.endswith("{")
        tokens = shlex.split(line[:-1] if opens else line, comments=True)
        node = [tokens, []]
        stack[-1].append(node)
        if opens:
            stack.append(node[1])
    assert len(stack) == 1, "unbalanced braces"
    return root


def find(nodes: list, *first: str) -> list:
    return [node for node in nodes if node[0][: len(first)] == list(first)]


@pytest.fixture
def site():
    rendered = caddyfile_render(CADDYFILE.read_text(), {"SITE_DOMAIN": "letsfood.example.org"})
    [block] = caddyfile_blocks(rendered)
    return block


@pytest.fixture
def compose():
    return yaml.safe_load(COMPOSE.read_text())


def test_the_caddyfile_has_one_site_block_for_the_domain_from_the_environment(site):
    assert site[0] == ["letsfood.example.org"]  # a bare domain: Caddy obtains and renews its certificate


def test_caddy_serves_media_files_from_the_media_folder_with_its_file_server(site):
    [media] = find(site[1], "handle_path", "/media/*")
    directives = media[1]

    assert find(directives, "root", "*", "/srv/media")
    assert find(directives, "file_server")
    [headers] = find(directives, "header")
    assert ["Content-Security-Policy", "script-src 'none'"] in [tokens for tokens, _ in headers[1]]


def test_caddy_proxies_everything_else_to_gunicorn_with_a_request_id(site):
    [fallback] = find(site[1], "handle")
    [proxy] = find(fallback[1], "reverse_proxy")

    assert proxy[0] == ["reverse_proxy", "web:8000"]
    assert ["header_up", "X-Request-ID", "{http.request.uuid}"] in [tokens for tokens, _ in proxy[1]]
    # X-Forwarded-For and -Proto are Caddy's defaults: nothing may remove or replace them.
    assert not [tokens for tokens, _ in proxy[1] if tokens[0] == "header_up" and "X-Forwarded" in " ".join(tokens)]
    assert find(site[1], "request_header", "X-Request-ID")


def test_caddy_serves_no_private_location(site, compose):
    served_roots = [tokens[-1] for tokens in _all_tokens(site) if tokens[0] == "root"]

    assert served_roots == ["/srv/media"]
    caddy_mounts = compose["services"]["caddy"]["volumes"]
    assert not [mount for mount in caddy_mounts if "private" in mount]


def _all_tokens(node):
    yield node[0]
    for child in node[1]:
        yield from _all_tokens(child)


def test_caddy_runs_a_pinned_image_with_the_caddyfile_and_the_media_volume_read_only(compose):
    caddy = compose["services"]["caddy"]

    assert re.fullmatch(r"caddy:2\.\d+\.\d+", caddy["image"])
    assert "./deploy/Caddyfile:/etc/caddy/Caddyfile:ro" in caddy["volumes"]
    assert "media:/srv/media:ro" in caddy["volumes"]
    assert {"caddy-data:/data", "caddy-config:/config"} <= set(caddy["volumes"])
    assert {"80:80", "443:443"} <= set(caddy["ports"])
    assert caddy["environment"]["SITE_DOMAIN"].startswith("${SITE_DOMAIN:?")


def test_gunicorn_is_reached_only_through_caddy(compose):
    web = compose["services"]["web"]

    assert "ports" not in web
    assert web["expose"] == ["8000"]
    assert compose["x-app"]["environment"]["FORWARDED_ALLOW_IPS"] == "*"


def test_the_web_service_writes_media_where_caddy_reads_them_and_keeps_private_files_apart(compose):
    volumes = compose["volumes"]
    services = compose["services"]

    for name in ("web", "worker"):
        assert "media:/app/media" in services[name]["volumes"]  # MEDIA_ROOT in the image: /app/media
        assert "private-media:/app/private" in services[name]["volumes"]  # PRIVATE_MEDIA_ROOT: /app/private
    assert {"media", "private-media", "caddy-data", "caddy-config", "postgres-data"} <= set(volumes)


def test_every_variable_compose_requires_is_in_the_env_example(compose):
    required = set(re.findall(r"\$\{([A-Z_]+):\?", COMPOSE.read_text()))
    documented = set(re.findall(r"^#? ?([A-Z_]+)=", ENV_EXAMPLE.read_text(), flags=re.MULTILINE))

    assert required == {"POSTGRES_PASSWORD", "SITE_DOMAIN"}
    assert required <= documented
