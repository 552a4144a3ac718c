import Storage

/// The license tables (prefix `lic_`).
///
/// `lic_licenses` holds every version of every license; the fields are sealed because most
/// licenses name a person. `lic_history` records each status change; `lic_pending` keeps the
/// approved cases a license could not be issued for, until staff issue it by hand.
enum LicensesMigrations {
    static let all: [Migration] = [licenses]

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
}
