import Storage

/// Tables of the real-name adapters beyond L2: face-verification attempts and in-person records.
enum RealNameMigrations {
    static let all: [Migration] = [
        Migration(
            domain: "identity", version: 40, name: "face verification attempts",
            statements: [
                """
                CREATE TABLE idn_face_attempts (
                    id {uuid} PRIMARY KEY,
                    person_id {uuid} NOT NULL REFERENCES idn_people (id),
                    method TEXT NOT NULL,
                    provider_session_id TEXT NOT NULL,
                    verify_url TEXT NOT NULL,
                    status TEXT NOT NULL,
                    score DOUBLE PRECISION,
                    provider_passed_at {timestamp},
                    created_at {timestamp} NOT NULL,
                    expires_at {timestamp} NOT NULL,
                    completed_at {timestamp}
                )
                """,
                "CREATE INDEX idn_face_attempts_person ON idn_face_attempts (person_id, created_at)",
            ]),
        Migration(
            domain: "identity", version: 41, name: "in-person real-name checks",
            statements: [
                """
                CREATE TABLE idn_in_person_checks (
                    id {uuid} PRIMARY KEY,
                    person_id {uuid} NOT NULL REFERENCES idn_people (id),
                    staff_id {uuid} NOT NULL REFERENCES idn_staff (id),
                    evidence_sealed {blob} NOT NULL,
                    checked_at {timestamp} NOT NULL
                )
                """,
                "CREATE INDEX idn_in_person_checks_person ON idn_in_person_checks (person_id)",
            ]),
    ]
}
