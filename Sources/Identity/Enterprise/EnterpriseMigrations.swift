import Storage

/// The legal-person tables: enterprises, legal representatives and authorised agents (经办人).
///
/// Versions start at 30; the identity domain's lower versions belong to person accounts and the
/// organisation.
enum EnterpriseMigrations {
    static let all: [Migration] = [enterprises, registry]

    /// Credit codes and enterprise names are public (企业信用信息公示), so they are stored in clear;
    /// the representative's name is personal data and is sealed. An agent grant is never deleted:
    /// revocation stamps it, so "who could act for this enterprise on that day" stays answerable.
    static let enterprises = Migration(
        domain: "identity", version: 30, name: "enterprises and agents",
        statements: [
            """
            CREATE TABLE idn_enterprises (
                id {uuid} PRIMARY KEY,
                credit_code TEXT NOT NULL UNIQUE,
                name TEXT NOT NULL,
                representative_id {uuid} NOT NULL REFERENCES idn_people (id),
                representative_name_sealed {blob} NOT NULL,
                representative_name_masked TEXT NOT NULL,
                status TEXT NOT NULL,
                status_reason TEXT,
                confirmed_by TEXT NOT NULL,
                created_at {timestamp} NOT NULL,
                updated_at {timestamp} NOT NULL
            )
            """,
            "CREATE INDEX idn_enterprises_representative ON idn_enterprises (representative_id)",
            """
            CREATE TABLE idn_enterprise_agents (
                id {uuid} PRIMARY KEY,
                enterprise_id {uuid} NOT NULL REFERENCES idn_enterprises (id),
                person_id {uuid} NOT NULL REFERENCES idn_people (id),
                scope TEXT NOT NULL,
                valid_until TEXT NOT NULL,
                granted_by {uuid} NOT NULL REFERENCES idn_people (id),
                granted_at {timestamp} NOT NULL,
                revoked_at {timestamp},
                revoked_by TEXT,
                revoke_reason TEXT
            )
            """,
            "CREATE INDEX idn_enterprise_agents_enterprise ON idn_enterprise_agents (enterprise_id, granted_at)",
            "CREATE INDEX idn_enterprise_agents_person ON idn_enterprise_agents (person_id)",
        ])

    /// Like the population registry, only keyed hashes: the table confirms a (credit code,
    /// representative) pair but names nobody if it leaks.
    static let registry = Migration(
        domain: "identity", version: 31, name: "enterprise registry",
        statements: [
            """
            CREATE TABLE idn_enterprise_registry (
                credit_code_index TEXT PRIMARY KEY,
                name_index TEXT NOT NULL,
                representative_index TEXT NOT NULL
            )
            """
        ])
}
