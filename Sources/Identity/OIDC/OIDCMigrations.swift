/// The OIDC provider's tables: signing keys, registered clients, consents, codes and tokens.
///
/// Secrets (client secrets, codes, tokens) are stored only as SM3 hashes; private keys are sealed.
enum OIDCMigrations {
    static let statements = [
        "ALTER TABLE idn_sessions ADD COLUMN auth_method TEXT NOT NULL DEFAULT 'pwd'",
        """
        CREATE TABLE idn_oidc_keys (
            kid TEXT PRIMARY KEY,
            algorithm TEXT NOT NULL,
            private_sealed {blob} NOT NULL,
            created_at {timestamp} NOT NULL,
            retired_at {timestamp}
        )
        """,
        """
        CREATE TABLE idn_oidc_clients (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            kind TEXT NOT NULL,
            secret_hash TEXT,
            redirect_uris TEXT NOT NULL,
            post_logout_redirect_uris TEXT NOT NULL,
            scopes TEXT NOT NULL,
            grant_types TEXT NOT NULL,
            id_token_algorithm TEXT NOT NULL,
            created_at {timestamp} NOT NULL,
            disabled_at {timestamp}
        )
        """,
        """
        CREATE TABLE idn_oidc_consents (
            person_id {uuid} NOT NULL REFERENCES idn_people (id),
            client_id TEXT NOT NULL REFERENCES idn_oidc_clients (id),
            scope TEXT NOT NULL,
            granted_at {timestamp} NOT NULL,
            revoked_at {timestamp},
            PRIMARY KEY (person_id, client_id)
        )
        """,
        """
        CREATE TABLE idn_oidc_codes (
            code_hash TEXT PRIMARY KEY,
            client_id TEXT NOT NULL REFERENCES idn_oidc_clients (id),
            person_id {uuid} NOT NULL REFERENCES idn_people (id),
            session_id {uuid} NOT NULL,
            redirect_uri TEXT NOT NULL,
            scope TEXT NOT NULL,
            nonce TEXT,
            code_challenge TEXT,
            acr TEXT NOT NULL,
            amr TEXT NOT NULL,
            auth_time {timestamp} NOT NULL,
            expires_at {timestamp} NOT NULL,
            used_at {timestamp},
            family_id {uuid}
        )
        """,
        """
        CREATE TABLE idn_oidc_tokens (
            id {uuid} PRIMARY KEY,
            token_hash TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL,
            family_id {uuid} NOT NULL,
            client_id TEXT NOT NULL REFERENCES idn_oidc_clients (id),
            person_id {uuid} REFERENCES idn_people (id),
            session_id {uuid},
            scope TEXT NOT NULL,
            acr TEXT NOT NULL,
            amr TEXT NOT NULL,
            auth_time {timestamp},
            created_at {timestamp} NOT NULL,
            expires_at {timestamp} NOT NULL,
            used_at {timestamp},
            revoked_at {timestamp}
        )
        """,
        "CREATE INDEX idn_oidc_tokens_family ON idn_oidc_tokens (family_id)",
        "CREATE INDEX idn_oidc_tokens_person ON idn_oidc_tokens (person_id, client_id)",
    ]
}
