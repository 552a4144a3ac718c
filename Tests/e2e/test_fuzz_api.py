"""API fuzzing as pytest tests.

* test_api_survives_fuzzing runs scripts/fuzz-api (schemathesis against /openapi.json of a live
  server, authenticated with the operator token and unauthenticated) and fails with its summary when
  it finds anything. That covers every operation of the contract, the cases API included: the public
  progress query and figures are fuzzed for real, the applicant and staff routes for their 401/403.
* test_cases_api_survives_fuzzing_as_a_citizen signs the demo citizen (张三, 13800000000) in through
  the real login form and fuzzes the applicant's cases API (/api/v1/cases…) with that session, so
  drafts, forms, uploads, submission and withdrawal are reached with generated input.

The staff workbench API (/api/v1/staff/…) needs a staff session, which takes a password and a TOTP
code; the harness has no staff login yet, so it is fuzzed only for its 401/403 answers.

On PostgreSQL when $ZT_TEST_POSTGRES_URL is set, else on SQLite. ZT_FUZZ_MAX_EXAMPLES changes the
budget (default: the script's, about a minute in all; 40 per operation for the citizen run).
"""

from __future__ import annotations

import http.cookiejar
import os
import re
import shutil
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "Tests" / "e2e"))
SCHEMATHESIS = shutil.which("schemathesis") or shutil.which("st")
# What scripts/fuzz-api checks, less ignored_auth: the session travels as a plain Cookie header,
# which schemathesis cannot take away; the unauthenticated run of fuzz-api covers missing auth.
CITIZEN_CHECKS = ",".join([
    "not_a_server_error", "status_code_conformance", "content_type_conformance", "response_schema_conformance",
    "use_after_free", "ensure_resource_availability", "response_headers_conformance", "missing_required_header",
])
DEMO_PHONE = "13800000000"
DEMO_PASSWORD = "政通演示2026"


@pytest.mark.skipif(SCHEMATHESIS is None, reason="schemathesis is not installed (pip install -r Tests/e2e/requirements.txt)")
def test_api_survives_fuzzing(tmp_path):
    command = [sys.executable, str(ROOT / "scripts" / "fuzz-api"), "--report-dir", str(tmp_path / "fuzz")]
    if os.environ.get("ZT_FUZZ_MAX_EXAMPLES"):
        command += ["--max-examples", os.environ["ZT_FUZZ_MAX_EXAMPLES"]]
    result = subprocess.run(command, capture_output=True, text=True, timeout=400)
    assert result.returncode == 0, f"fuzz-api found problems:\n{result.stdout[-15000:]}\n{result.stderr[-3000:]}"


def citizen_session(url: str) -> str:
    """Logs the demo citizen in through /login (CSRF cookie and field, as a browser does); returns zt_session."""
    jar = http.cookiejar.CookieJar()

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
    page = opener.open(url + "/login", timeout=10).read().decode("utf-8")
    csrf = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
    form = urllib.parse.urlencode({"identifier": DEMO_PHONE, "password": DEMO_PASSWORD, "_csrf": csrf}).encode()
    try:
        opener.open(urllib.request.Request(url + "/login", data=form, method="POST"), timeout=10)
    except urllib.error.HTTPError as error:  # the 303 to /me, not followed
        assert error.code == 303, f"login answered {error.code}"
    session = next((cookie.value for cookie in jar if cookie.name == "zt_session"), None)
    assert session, "the demo citizen could not log in"
    return session


@pytest.mark.skipif(SCHEMATHESIS is None, reason="schemathesis is not installed (pip install -r Tests/e2e/requirements.txt)")
def test_cases_api_survives_fuzzing_as_a_citizen(tmp_path):
    from harness.server import fresh_postgres_database, make_server

    database = ""
    if os.environ.get("ZT_TEST_POSTGRES_URL"):
        database = fresh_postgres_database(os.environ["ZT_TEST_POSTGRES_URL"])
    server = make_server(database_url=database)
    server.start()
    try:
        session = citizen_session(server.url)
        command = [
            SCHEMATHESIS, "run", server.url + "/openapi.json", "--url", server.url,
            "--include-path-regex", "^/api/v1/cases",
            "--header", f"Cookie: zt_session={session}",
            "--checks", CITIZEN_CHECKS,
            "--max-examples", os.environ.get("ZT_FUZZ_MAX_EXAMPLES", "40"),
            "--seed", "20260428", "--workers", "1", "--request-timeout", "10",
            "--generation-database", "none", "--no-color", "--warnings", "off",
        ]
        result = subprocess.run(command, capture_output=True, text=True, timeout=400, cwd=tmp_path)
        alive = server.process is not None and server.process.poll() is None
    finally:
        server.stop()
    failed = [line for line in server.log_path.read_text(errors="replace").splitlines() if '"request failed"' in line]
    assert alive, f"the server died; log: {server.log_path}"
    assert not failed, f"server logged {len(failed)} failed requests (5xx); first: {failed[0][:400]}"
    assert result.returncode == 0, f"schemathesis found problems:\n{result.stdout[-15000:]}\n{result.stderr[-3000:]}"
    shutil.rmtree(server.data_dir, ignore_errors=True)
