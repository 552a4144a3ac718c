#!/usr/bin/env python3
"""SpiffWorkflow side of scripts/bench: the same four-step case process (submission → 受理 → 审查 → 决定 → 办结)
run in SpiffWorkflow, single process and single thread, in memory and persisted to SQLite after every step.

    python3 scripts/spiff/bench_spiff.py --duration 5          # human table
    python3 scripts/spiff/bench_spiff.py --duration 1 --json   # ... and one JSON object on the last line

Needs the pinned SpiffWorkflow: python3 -m pip install -r scripts/spiff/requirements.txt
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sqlite3
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

try:
    from SpiffWorkflow.bpmn import BpmnWorkflow
    from SpiffWorkflow.bpmn.parser import BpmnParser
    from SpiffWorkflow.bpmn.parser.BpmnParser import BpmnValidator
    from SpiffWorkflow.bpmn.serializer import BpmnWorkflowSerializer
    from SpiffWorkflow.util.task import TaskState
except ImportError as error:
    sys.exit(f"bench_spiff: SpiffWorkflow is not installed ({error}).\n"
             f"Install it with: python3 -m pip install -r {Path(__file__).with_name('requirements.txt')}")

BPMN_FILE = Path(__file__).with_name("four-step.bpmn")
PROCESS_ID = "four_step"

# What each manual task is completed with: the applicant's form on receive (the submission), then what the
# intake clerk, the reviewer and the deciding official enter. The same values our engine's side uses.
STEP_DATA = {
    "receive": {"applicantName": "张三", "businessArea": 120},
    "accept": {"acceptedBy": "intake-clerk", "acceptComment": "材料齐全，予以受理"},
    "review": {"reviewedBy": "reviewer", "reviewComment": "符合许可条件"},
    "decide": {"decidedBy": "official", "decision": "approve", "decisionComment": "准予许可"},
}


def load_spec():
    """Parses and XSD-validates the BPMN file once; every workflow of the run shares the spec."""
    parser = BpmnParser(validator=BpmnValidator())
    parser.add_bpmn_file(str(BPMN_FILE))
    return parser.get_spec(PROCESS_ID)


def complete_ready(workflow, only_first: bool = False) -> int:
    """Completes the ready manual task(s) with their step's data, then lets the engine run to the next wait."""
    done = 0
    for task in workflow.get_tasks(state=TaskState.READY, manual=True):
        task.data.update(STEP_DATA[task.task_spec.name])
        task.run()
        done += 1
        if only_first:
            break
    workflow.do_engine_steps()
    return done


def submit(spec):
    """A submission: a new workflow, the form stored through the receive task, run until 受理 waits."""
    workflow = BpmnWorkflow(spec)
    workflow.do_engine_steps()
    complete_ready(workflow)
    return workflow


class Store:
    """One SQLite file as a Spiff-based server would keep it: WAL, synchronous=FULL, one transaction per step.

    The spec is stored once (a server keeps process definitions apart from instances, as SpiffArena does), so
    each instance row holds only the instance's state: this spares SpiffWorkflow rewriting 3.6 kB of spec per step.
    """

    def __init__(self, directory: str, serializer, spec) -> None:
        self.serializer = serializer
        self.db = sqlite3.connect(os.path.join(directory, "spiff.sqlite"), isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=FULL")
        self.db.execute("CREATE TABLE process_spec (id TEXT PRIMARY KEY, spec TEXT NOT NULL)")
        self.db.execute("CREATE TABLE workflow_instance (id INTEGER PRIMARY KEY, process_id TEXT NOT NULL,"
                        " state TEXT NOT NULL, completed INTEGER NOT NULL, updated_at REAL NOT NULL)")
        self.spec_json = json.dumps(serializer.to_dict(spec))
        self.db.execute("INSERT INTO process_spec (id, spec) VALUES (?, ?)", (PROCESS_ID, self.spec_json))

    def state_json(self, workflow) -> str:
        """The workflow's serialisation (BpmnWorkflowSerializer.to_dict, as JSON) without the shared spec."""
        state = self.serializer.to_dict(workflow)
        del state["spec"], state["subprocess_specs"]
        return json.dumps(state)

    def insert(self, workflow) -> int:
        self.db.execute("BEGIN IMMEDIATE")
        cursor = self.db.execute(
            "INSERT INTO workflow_instance (process_id, state, completed, updated_at) VALUES (?, ?, ?, ?)",
            (PROCESS_ID, self.state_json(workflow), int(workflow.is_completed()), time.time()))
        self.db.execute("COMMIT")
        return cursor.lastrowid

    def update(self, row_id: int, workflow) -> None:
        self.db.execute("BEGIN IMMEDIATE")
        self.db.execute("UPDATE workflow_instance SET state = ?, completed = ?, updated_at = ? WHERE id = ?",
                        (self.state_json(workflow), int(workflow.is_completed()), time.time(), row_id))
        self.db.execute("COMMIT")

    def step_from_row(self, row_id: int) -> None:
        """One step as a stateless server handles a request: read, restore, complete, write, in one transaction."""
        self.db.execute("BEGIN IMMEDIATE")
        (state,) = self.db.execute("SELECT state FROM workflow_instance WHERE id = ?", (row_id,)).fetchone()
        restored = json.loads(state)
        restored["spec"] = json.loads(self.spec_json)
        restored["subprocess_specs"] = {}
        workflow = self.serializer.from_dict(restored)
        complete_ready(workflow, only_first=True)
        self.db.execute("UPDATE workflow_instance SET state = ?, completed = ?, updated_at = ? WHERE id = ?",
                        (self.state_json(workflow), int(workflow.is_completed()), time.time(), row_id))
        self.db.execute("COMMIT")

    def is_completed(self, row_id: int) -> bool:
        return self.db.execute("SELECT completed FROM workflow_instance WHERE id = ?", (row_id,)).fetchone()[0] == 1


def lifecycle_memory(spec) -> None:
    workflow = submit(spec)
    while not workflow.is_completed():
        if complete_ready(workflow) == 0:
            raise RuntimeError("workflow stalled with no ready manual task")


def lifecycle_persisted(spec, store: Store) -> None:
    workflow = submit(spec)
    row_id = store.insert(workflow)
    while not workflow.is_completed():
        if complete_ready(workflow, only_first=True) == 0:
            raise RuntimeError("workflow stalled with no ready manual task")
        store.update(row_id, workflow)


def lifecycle_reloaded(spec, store: Store) -> int:
    row_id = store.insert(submit(spec))
    for _ in range(len(STEP_DATA)):
        if store.is_completed(row_id):
            return row_id
        store.step_from_row(row_id)
    raise RuntimeError("workflow did not complete after every step ran")


def self_check(spec, store: Store) -> None:
    """Proves the measured paths really run the process to its end with every step's data, before timing them."""
    workflow = submit(spec)
    names = [task.task_spec.name for task in workflow.get_tasks(state=TaskState.READY, manual=True)]
    if names != ["accept"]:
        raise SystemExit(f"bench_spiff: after submission expected 受理 (accept) to wait, found {names}")
    row_id = lifecycle_reloaded(spec, store)
    (state,) = store.db.execute("SELECT state FROM workflow_instance WHERE id = ?", (row_id,)).fetchone()
    restored = json.loads(state)
    restored["spec"], restored["subprocess_specs"] = json.loads(store.spec_json), {}
    final = store.serializer.from_dict(restored)
    data = final.last_task.data if final.last_task is not None else {}
    expected = {key: value for step in STEP_DATA.values() for key, value in step.items()}
    if not final.is_completed() or any(data.get(key) != value for key, value in expected.items()):
        raise SystemExit(f"bench_spiff: the persisted workflow did not conclude with every step's data: {data}")


def measure(operation, duration: float) -> tuple[int, float]:
    """Runs `operation` for a short warm-up, then for `duration` seconds; returns (count, elapsed seconds)."""
    warm_until = time.perf_counter() + min(1.0, max(0.2, duration / 10))
    while time.perf_counter() < warm_until:
        operation()
    count, start = 0, time.perf_counter()
    stop = start + duration
    while True:
        operation()
        count += 1
        now = time.perf_counter()
        if now >= stop:
            return count, now - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--duration", type=float, default=10.0, help="seconds per measurement (after a warm-up)")
    parser.add_argument("--json", action="store_true", help="print one JSON object with the rates on the last line")
    args = parser.parse_args()
    if args.duration <= 0:
        parser.error("--duration must be positive")

    spec = load_spec()
    serializer = BpmnWorkflowSerializer()
    with tempfile.TemporaryDirectory(prefix="bench-spiff-") as directory:
        self_check(spec, _store(directory, "check", serializer, spec))
        submissions_store = _store(directory, "submissions", serializer, spec)
        persisted_store = _store(directory, "persisted", serializer, spec)
        reloaded_store = _store(directory, "reloaded", serializer, spec)
        rows = [
            ("submissions, in memory", "submissions_per_s_memory", lambda: submit(spec)),
            ("submissions, persisted", "submissions_per_s_persisted",
             lambda: submissions_store.insert(submit(spec))),
            ("lifecycles, in memory", "lifecycles_per_s_memory", lambda: lifecycle_memory(spec)),
            ("lifecycles, persisted after every step", "lifecycles_per_s_persisted",
             lambda: lifecycle_persisted(spec, persisted_store)),
            ("lifecycles, persisted, reloaded every step", "lifecycles_per_s_persisted_reload",
             lambda: lifecycle_reloaded(spec, reloaded_store)),
        ]
        results = []
        for label, key, operation in rows:
            count, elapsed = measure(operation, args.duration)
            results.append((label, key, count, elapsed))

    version = metadata.version("SpiffWorkflow")
    python = platform.python_version()
    print(f"SpiffWorkflow {version} — Python {python}, SQLite {sqlite3.sqlite_version} (WAL, synchronous=FULL), "
          f"one process, one thread, {os.cpu_count()} cores, {args.duration:g} s per measurement")
    print(f"{'measurement':44} {'count':>8} {'per s':>10} {'ms each':>9}")
    for label, _, count, elapsed in results:
        print(f"{label:44} {count:8d} {count / elapsed:10.1f} {1000 * elapsed / count:9.3f}")
    if args.json:
        summary = {"spiffworkflow_version": version, "python": python, "sqlite": sqlite3.sqlite_version,
                   "threads": 1, "duration_s": args.duration}
        summary.update({key: round(count / elapsed, 1) for _, key, count, elapsed in results})
        print(json.dumps(summary, ensure_ascii=False))
    return 0


def _store(directory: str, name: str, serializer, spec) -> Store:
    """A fresh database per measurement, so no measurement pays for another's rows."""
    path = os.path.join(directory, name)
    os.mkdir(path)
    return Store(path, serializer, spec)


if __name__ == "__main__":
    sys.exit(main())
