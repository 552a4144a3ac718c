import Storage

/// The case tables (prefix `case_`).
///
/// `case_cases` is the current state of each case, kept in step with `case_events`, the history it
/// can be re-derived from; `case_tasks` are the open and done work items of the steps; materials
/// point into the blob store. Personal data (the applicant's name and 身份证号, the form) is sealed.
enum CasesMigrations {
    static let all: [Migration] = [cases]

    static let cases = Migration(
        domain: "cases", version: 1, name: "cases, events, tasks and materials",
        statements: [
            """
            CREATE TABLE case_cases (
                id {uuid} PRIMARY KEY,
                number TEXT UNIQUE,
                parent_id {uuid},
                bundle_code TEXT,
                item_id {uuid} NOT NULL,
                item_code TEXT NOT NULL,
                item_version INTEGER NOT NULL,
                item_name TEXT NOT NULL,
                department_id {uuid} NOT NULL,
                division_code TEXT NOT NULL,
                process_id TEXT NOT NULL,
                process_revision INTEGER NOT NULL,
                applicant_account {uuid},
                applicant_kind TEXT NOT NULL,
                applicant_name_masked TEXT NOT NULL,
                applicant_id_masked TEXT NOT NULL,
                applicant_sealed {blob} NOT NULL,
                applicant_id_index TEXT NOT NULL,
                form_sealed {blob} NOT NULL,
                situations TEXT NOT NULL,
                state TEXT NOT NULL,
                outcome TEXT,
                origin_channel TEXT NOT NULL,
                last_channel TEXT NOT NULL,
                legal_days INTEGER,
                legal_unit TEXT,
                promised_days INTEGER NOT NULL,
                promised_unit TEXT NOT NULL,
                deadline_day INTEGER,
                created_by TEXT NOT NULL,
                created_at {timestamp} NOT NULL,
                submitted_at {timestamp},
                accepted_at {timestamp},
                concluded_at {timestamp},
                updated_at {timestamp} NOT NULL,
                revision INTEGER NOT NULL
            )
            """,
            "CREATE INDEX case_cases_applicant ON case_cases (applicant_account, created_at)",
            "CREATE INDEX case_cases_id_index ON case_cases (applicant_id_index)",
            "CREATE INDEX case_cases_department ON case_cases (department_id, state, deadline_day)",
            "CREATE INDEX case_cases_parent ON case_cases (parent_id)",
            """
            CREATE TABLE case_events (
                id {uuid} PRIMARY KEY,
                case_id {uuid} NOT NULL REFERENCES case_cases (id),
                seq INTEGER NOT NULL,
                kind TEXT NOT NULL,
                step_id TEXT,
                actor TEXT NOT NULL,
                channel TEXT NOT NULL,
                at {timestamp} NOT NULL,
                data TEXT NOT NULL,
                UNIQUE (case_id, seq)
            )
            """,
            """
            CREATE TABLE case_tasks (
                id {uuid} PRIMARY KEY,
                case_id {uuid} NOT NULL REFERENCES case_cases (id),
                step_id TEXT NOT NULL,
                round INTEGER NOT NULL,
                step_kind TEXT NOT NULL,
                step_name TEXT NOT NULL,
                branch_id TEXT,
                department_id {uuid} NOT NULL,
                permission TEXT NOT NULL,
                state TEXT NOT NULL,
                assignee {uuid},
                decision TEXT,
                comment TEXT,
                created_at {timestamp} NOT NULL,
                decided_at {timestamp},
                decided_by {uuid},
                revision INTEGER NOT NULL
            )
            """,
            "CREATE INDEX case_tasks_queue ON case_tasks (department_id, state, created_at)",
            "CREATE INDEX case_tasks_case ON case_tasks (case_id, state)",
            "CREATE INDEX case_tasks_assignee ON case_tasks (assignee, state)",
            """
            CREATE TABLE case_materials (
                id {uuid} PRIMARY KEY,
                case_id {uuid} NOT NULL REFERENCES case_cases (id),
                material_code TEXT NOT NULL,
                name TEXT NOT NULL,
                file_name TEXT,
                sha256 TEXT,
                media_type TEXT,
                size INTEGER,
                on_paper INTEGER NOT NULL,
                pending_until INTEGER,
                received_at {timestamp} NOT NULL,
                received_by TEXT NOT NULL
            )
            """,
            "CREATE INDEX case_materials_case ON case_materials (case_id)",
            """
            CREATE TABLE case_bundles (
                id {uuid} PRIMARY KEY,
                bundle_code TEXT NOT NULL,
                name TEXT NOT NULL,
                applicant_account {uuid},
                created_by TEXT NOT NULL,
                state TEXT NOT NULL,
                created_at {timestamp} NOT NULL,
                submitted_at {timestamp},
                concluded_at {timestamp}
            )
            """,
            "CREATE INDEX case_bundles_applicant ON case_bundles (applicant_account, created_at)",
            """
            CREATE TABLE case_counters (
                division_code TEXT NOT NULL,
                day INTEGER NOT NULL,
                next_serial INTEGER NOT NULL,
                PRIMARY KEY (division_code, day)
            )
            """,
        ])
}
