import Storage

/// The license tables (prefix `lic_`).
///
/// `lic_licenses` holds every version of every license; the fields are sealed because most
/// licenses name a person. `lic_history` records each status change; `lic_pending` keeps the
/// approved cases a license could not be issued for, until staff issue it by hand.
enum LicensesMigrations {
    static let all: [Migration] = [licenses, sharing]

    static let licenses = Migration(
        domain: "licenses", version: 1, name: "issuers, licenses, history and pending issues",
        statements: [
            """
            CREATE TABLE lic_issuers (
                department_id {uuid} PRIMARY KEY,
                credit_code TEXT NOT NULL UNIQUE,
                name TEXT NOT NULL,
                created_at {timestamp} NOT NULL
            )
            """,
            """
            CREATE TABLE lic_licenses (
                id {uuid} PRIMARY KEY,
                identifier TEXT NOT NULL UNIQUE,
                type_key TEXT NOT NULL,
                issuer_code TEXT NOT NULL,
                serial TEXT NOT NULL,
                version INTEGER NOT NULL,
                department_id {uuid} NOT NULL,
                holder_kind TEXT NOT NULL,
                holder_index TEXT NOT NULL,
                holder_name_masked TEXT NOT NULL,
                fields_sealed {blob} NOT NULL,
                status TEXT NOT NULL,
                status_reason TEXT,
                issued_on TEXT NOT NULL,
                valid_until TEXT,
                case_id {uuid},
                applicant_account {uuid},
                code TEXT NOT NULL,
                kid TEXT NOT NULL,
                supersedes {uuid},
                created_at {timestamp} NOT NULL,
                updated_at {timestamp} NOT NULL
            )
            """,
            "CREATE INDEX lic_licenses_holder ON lic_licenses (holder_index)",
            "CREATE INDEX lic_licenses_applicant ON lic_licenses (applicant_account)",
            "CREATE INDEX lic_licenses_department ON lic_licenses (department_id, type_key)",
            "CREATE UNIQUE INDEX lic_licenses_case ON lic_licenses (case_id, type_key)",
            """
            CREATE TABLE lic_history (
                id {uuid} PRIMARY KEY,
                license_id {uuid} NOT NULL,
                seq INTEGER NOT NULL,
                action TEXT NOT NULL,
                actor TEXT NOT NULL,
                reason TEXT,
                at {timestamp} NOT NULL
            )
            """,
            "CREATE UNIQUE INDEX lic_history_license ON lic_history (license_id, seq)",
            """
            CREATE TABLE lic_pending (
                case_id {uuid} PRIMARY KEY,
                case_number TEXT,
                type_key TEXT NOT NULL,
                department_id {uuid} NOT NULL,
                reason TEXT NOT NULL,
                created_at {timestamp} NOT NULL,
                resolved_at {timestamp}
            )
            """,
        ])

    /// The representative's index (an enterprise's licenses show in its legal representative's wallet),
    /// time-limited share links, and the use of licenses instead of paper (用证授权) with its log.
    static let sharing = Migration(
        domain: "licenses", version: 2, name: "shares, use authorisations and uses",
        statements: [
            "ALTER TABLE lic_licenses ADD COLUMN representative_index TEXT",
            "CREATE INDEX lic_licenses_representative ON lic_licenses (representative_index)",
            """
            CREATE TABLE lic_shares (
                token_hash TEXT PRIMARY KEY,
                license_id {uuid} NOT NULL,
                person_id {uuid} NOT NULL,
                expires_at {timestamp} NOT NULL,
                created_at {timestamp} NOT NULL
            )
            """,
            """
            CREATE TABLE lic_authorisations (
                id {uuid} PRIMARY KEY,
                license_id {uuid} NOT NULL,
                case_id {uuid} NOT NULL,
                material_code TEXT NOT NULL,
                person_id {uuid} NOT NULL,
                granted_at {timestamp} NOT NULL,
                withdrawn_at {timestamp}
            )
            """,
            "CREATE UNIQUE INDEX lic_authorisations_case ON lic_authorisations (case_id, material_code, license_id)",
            """
            CREATE TABLE lic_uses (
                id {uuid} PRIMARY KEY,
                license_id {uuid} NOT NULL,
                case_id {uuid} NOT NULL,
                case_number TEXT,
                department_name TEXT NOT NULL,
                actor TEXT NOT NULL,
                used_at {timestamp} NOT NULL
            )
            """,
            "CREATE INDEX lic_uses_license ON lic_uses (license_id, used_at)",
        ])
}
