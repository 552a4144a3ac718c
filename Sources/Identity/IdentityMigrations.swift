import Storage

/// The identity tables: people, real-name history, sessions and login throttling.
enum IdentityMigrations {
    static let all: [Migration] =
        people + OrganisationMigrations.all + EnterpriseMigrations.all + RealNameMigrations.all

    static let people: [Migration] = [
        Migration(
            domain: "identity", version: 1, name: "people, sessions, throttling",
            statements: [
                """
                CREATE TABLE idn_people (
                    id {uuid} PRIMARY KEY,
                    name_sealed {blob} NOT NULL,
                    name_masked TEXT NOT NULL,
                    id_number_sealed {blob} NOT NULL,
                    id_number_index TEXT NOT NULL UNIQUE,
                    id_number_masked TEXT NOT NULL,
                    phone_sealed {blob} NOT NULL,
                    phone_index TEXT NOT NULL UNIQUE,
                    phone_masked TEXT NOT NULL,
                    password_hash TEXT NOT NULL,
                    real_name_level INTEGER NOT NULL,
                    created_at {timestamp} NOT NULL,
                    updated_at {timestamp} NOT NULL
                )
                """,
                """
                CREATE TABLE idn_real_name_events (
                    id {uuid} PRIMARY KEY,
                    person_id {uuid} NOT NULL REFERENCES idn_people (id),
                    level INTEGER NOT NULL,
                    method TEXT NOT NULL,
                    occurred_at {timestamp} NOT NULL
                )
                """,
                """
                CREATE TABLE idn_sessions (
                    id {uuid} PRIMARY KEY,
                    token_hash TEXT NOT NULL UNIQUE,
                    person_id {uuid} NOT NULL REFERENCES idn_people (id),
                    channel TEXT NOT NULL,
                    client_address TEXT NOT NULL,
                    user_agent TEXT NOT NULL,
                    created_at {timestamp} NOT NULL,
                    last_seen_at {timestamp} NOT NULL,
                    expires_at {timestamp} NOT NULL,
                    revoked_at {timestamp}
                )
                """,
                "CREATE INDEX idn_sessions_person ON idn_sessions (person_id)",
                """
                CREATE TABLE idn_login_failures (
                    throttle_key TEXT PRIMARY KEY,
                    failures INTEGER NOT NULL,
                    locked_until {timestamp},
                    updated_at {timestamp} NOT NULL
                )
                """,
            ]),
        Migration(
            domain: "identity", version: 2, name: "population registry",
            statements: [
                "CREATE TABLE idn_registry_entries (id_number_index TEXT PRIMARY KEY, name_index TEXT NOT NULL)"
            ]),
        Migration(
            domain: "identity", version: 3, name: "SMS login codes",
            statements: [
                """
                CREATE TABLE idn_login_codes (
                    id {uuid} PRIMARY KEY,
                    phone_index TEXT NOT NULL,
                    code_hash TEXT NOT NULL,
                    attempts INTEGER NOT NULL,
                    created_at {timestamp} NOT NULL,
                    expires_at {timestamp} NOT NULL,
                    used_at {timestamp}
                )
                """,
                "CREATE INDEX idn_login_codes_phone ON idn_login_codes (phone_index, created_at)",
            ]),
        Migration(domain: "identity", version: 4, name: "OIDC provider", statements: OIDCMigrations.statements),
        Migration(
            domain: "identity", version: 5, name: "scan-to-login tickets",
            statements: [
                """
                CREATE TABLE idn_scan_logins (
                    id {uuid} PRIMARY KEY,
                    code_hash TEXT NOT NULL UNIQUE,
                    browser_hash TEXT NOT NULL,
                    status TEXT NOT NULL,
                    person_id {uuid} REFERENCES idn_people (id),
                    requester_address TEXT NOT NULL,
                    requester_agent TEXT NOT NULL,
                    created_at {timestamp} NOT NULL,
                    expires_at {timestamp} NOT NULL,
                    decided_at {timestamp},
                    used_at {timestamp}
                )
                """
            ]),
    ]
}
