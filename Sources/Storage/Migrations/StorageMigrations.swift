/// The tables the storage layer itself owns: outbox, event receipts, jobs, the audit log, seeds, blobs
/// and the issuers' signing keys.
enum StorageMigrations {
    static let all: [Migration] = [
        Migration(
            domain: "storage", version: 1, name: "outbox and event receipts",
            statements: [
                """
                CREATE TABLE zt_outbox (
                    id {uuid} PRIMARY KEY,
                    event_type TEXT NOT NULL,
                    aggregate_type TEXT NOT NULL,
                    aggregate_id TEXT NOT NULL,
                    payload TEXT NOT NULL,
                    occurred_at {timestamp} NOT NULL,
                    dispatched_at {timestamp}
                )
                """,
                "CREATE INDEX zt_outbox_pending ON zt_outbox (dispatched_at, occurred_at)",
                """
                CREATE TABLE zt_event_receipts (
                    event_id {uuid} NOT NULL,
                    subscriber TEXT NOT NULL,
                    handled_at {timestamp} NOT NULL,
                    PRIMARY KEY (event_id, subscriber)
                )
                """,
            ]),
        Migration(
            domain: "storage", version: 2, name: "job queue",
            statements: [
                """
                CREATE TABLE zt_jobs (
                    id {uuid} PRIMARY KEY,
                    kind TEXT NOT NULL,
                    payload TEXT NOT NULL,
                    state TEXT NOT NULL,
                    run_at {timestamp} NOT NULL,
                    attempts INTEGER NOT NULL,
                    max_attempts INTEGER NOT NULL,
                    last_error TEXT,
                    locked_by TEXT,
                    locked_until {timestamp},
                    created_at {timestamp} NOT NULL,
                    updated_at {timestamp} NOT NULL
                )
                """,
                "CREATE INDEX zt_jobs_due ON zt_jobs (state, run_at)",
            ]),
        Migration(
            domain: "storage", version: 3, name: "audit log",
            statements: [
                """
                CREATE TABLE zt_audit_log (
                    seq {bigint} PRIMARY KEY,
                    id {uuid} NOT NULL UNIQUE,
                    occurred_at {timestamp} NOT NULL,
                    actor TEXT NOT NULL,
                    action TEXT NOT NULL,
                    object_type TEXT NOT NULL,
                    object_id TEXT NOT NULL,
                    channel TEXT NOT NULL,
                    client_address TEXT NOT NULL,
                    change_digest TEXT NOT NULL,
                    algorithm TEXT NOT NULL,
                    previous_hash TEXT NOT NULL,
                    hash TEXT NOT NULL
                )
                """
            ]),
        Migration(
            domain: "storage", version: 4, name: "seed ledger",
            statements: [
                "CREATE TABLE zt_seeds (name TEXT PRIMARY KEY, applied_at {timestamp} NOT NULL)"
            ]),
        Migration(
            domain: "storage", version: 5, name: "blob store",
            statements: [
                """
                CREATE TABLE zt_blobs (
                    sha256 TEXT PRIMARY KEY,
                    media_type TEXT NOT NULL,
                    size INTEGER NOT NULL,
                    content {blob} NOT NULL,
                    created_at {timestamp} NOT NULL
                )
                """
            ]),
        Migration(
            domain: "storage", version: 6, name: "issuer signing keys",
            statements: [
                """
                CREATE TABLE zt_issuer_keys (
                    kid TEXT PRIMARY KEY,
                    issuer TEXT NOT NULL,
                    algorithm TEXT NOT NULL,
                    public_jwk TEXT NOT NULL,
                    private_sealed {blob} NOT NULL,
                    created_at {timestamp} NOT NULL,
                    retired_at {timestamp},
                    revoked_at {timestamp},
                    revoke_reason TEXT
                )
                """,
                "CREATE UNIQUE INDEX zt_issuer_keys_live ON zt_issuer_keys (issuer, algorithm) WHERE retired_at IS NULL",
            ]),
    ]
}
