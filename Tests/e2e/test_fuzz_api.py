"""API fuzzing as a pytest test: runs scripts/fuzz-api (schemathesis against /openapi.json of a live
server, authenticated and unauthenticated) and fails with its summary when it finds anything.

On PostgreSQL when $ZT_TEST_POSTGRES_URL is set, else on SQLite. ZT_FUZZ_MAX_EXAMPLES changes the
budget (default: the script's, about a minute in all).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(shutil.which("schemathesis") is None and shutil.which("st") is None,
                    reason="schemathesis is not installed (pip install -r Tests/e2e/requirements.txt)")
def test_api_survives_fuzzing(tmp_path):
    command = [sys.executable, str(ROOT / "scripts" / "fuzz-api"), "--report-dir", str(tmp_path / "fuzz")]
    if os.environ.get("ZT_FUZZ_MAX_EXAMPLES"):
        command += ["--max-examples", os.environ["ZT_FUZZ_MAX_EXAMPLES"]]
    result = subprocess.run(command, capture_output=True, text=True, timeout=400)
    assert result.returncode == 0, f"fuzz-api found problems:\n{result.stdout[-15000:]}\n{result.stderr[-3000:]}"
