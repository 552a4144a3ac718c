"""Start and stop a real zhengtong server on a free port with its own data folder.

One helper for every harness (browser tests, fuzzing, crash safety, load benchmark), so they all
meet the product the way an operator starts it: the real binary, real configuration, real database.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
ADDRESS_LINE = re.compile(r"listening on (http://127\.0\.0\.1:\d+)")


def binary(configuration: str = "debug") -> Path:
    """The zhengtong executable: $ZT_BINARY, else the SwiftPM build folder's."""
    if os.environ.get("ZT_BINARY"):
        return Path(os.environ["ZT_BINARY"])
    return ROOT / ".build" / configuration / "zhengtong"


@dataclass
class Server:
    """A running zhengtong process."""

    data_dir: Path
    env: dict[str, str]
    exe: Path
    process: subprocess.Popen | None = None
    url: str = ""
    log_path: Path = field(init=False)

    def __post_init__(self) -> None:
        self.log_path = self.data_dir / "server.log"

    @property
    def operator_token(self) -> str:
        token = self.env.get("ZT_OPERATOR_TOKEN")
        return token or (self.data_dir / "operator-token").read_text().strip()

    def start(self, timeout: float = 60.0) -> "Server":
        """Starts the server and waits for the line that names its address."""
        log = open(self.log_path, "ab")
        self.process = subprocess.Popen(
            [str(self.exe), "serve"],
            cwd=self.data_dir,
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=log,
        )
        deadline = time.monotonic() + timeout
        assert self.process.stdout is not None
        os.set_blocking(self.process.stdout.fileno(), False)
        buffer = b""
        while time.monotonic() < deadline:
            chunk = self.process.stdout.read() or b""
            buffer += chunk
            match = ADDRESS_LINE.search(buffer.decode("utf-8", "replace"))
            if match:
                self.url = match.group(1)
                self._wait_ready(deadline)
                return self
            if self.process.poll() is not None:
                raise RuntimeError(f"zhengtong exited with {self.process.returncode}; log: {self.log_path}")
            time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"zhengtong did not start within {timeout}s; log: {self.log_path}")

    def _wait_ready(self, deadline: float) -> None:
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.url + "/readyz", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                pass
            time.sleep(0.05)
        raise RuntimeError("zhengtong never became ready")

    def stop(self) -> None:
        """Stops gracefully (SIGTERM), then forcefully if it hangs."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def kill(self) -> None:
        """SIGKILL: no chance to flush or clean up, like a power cut of the process."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait()
        self.process = None

    def run_command(self, *args: str) -> subprocess.CompletedProcess:
        """Runs another zhengtong subcommand against the same data folder and database."""
        return subprocess.run(
            [str(self.exe), *args], cwd=self.data_dir, env=self.env, capture_output=True, text=True, timeout=120
        )

    def __enter__(self) -> "Server":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def running_server(**options):
    """For a fixture: a started `make_server(**options)`, stopped with its data folder removed after."""
    instance = make_server(**options)
    instance.start()
    try:
        yield instance
    finally:
        instance.stop()
        shutil.rmtree(instance.data_dir, ignore_errors=True)


def make_server(database_url: str = "", extra_env: dict[str, str] | None = None, configuration: str = "debug",
                data_dir: Path | None = None) -> Server:
    """A server (not yet started) on port 0 with a fresh data folder and, by default, a fresh SQLite file."""
    folder = data_dir or Path(tempfile.mkdtemp(prefix="zt-harness-"))
    env = {key: value for key, value in os.environ.items() if not key.startswith("ZT_")}
    env.pop("DATABASE_URL", None)
    env.update({"ZT_PORT": "0", "ZT_HOST": "127.0.0.1", "ZT_LOG_FORMAT": "json", "ZT_POLL_MS": "100",
                "ZT_DATA_DIR": str(folder)})
    if database_url:
        env["DATABASE_URL"] = database_url
    env.update(extra_env or {})
    return Server(data_dir=folder, env=env, exe=binary(configuration))


def fresh_postgres_database(admin_url: str) -> str:
    """Creates a new, empty database next to the one in `admin_url` and returns its URL."""
    import uuid

    name = "zt_" + uuid.uuid4().hex[:16]
    base, _, _ = admin_url.rpartition("/")
    host_port = re.search(r"@([^/:]+):(\d+)", admin_url)
    host, port = (host_port.group(1), host_port.group(2)) if host_port else ("127.0.0.1", "5432")
    user = re.search(r"//([^:@]+)", admin_url).group(1)
    command = ["psql", "-h", host, "-p", port, "-U", user, "-d", admin_url.rpartition("/")[2], "-qc",
               f"CREATE DATABASE {name}"]
    if os.geteuid() == 0:
        command = ["runuser", "-u", "postgres", "--"] + command
    subprocess.run(command, check=True, capture_output=True)
    return f"{base}/{name}"
