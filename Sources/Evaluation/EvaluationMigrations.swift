import Storage

/// The evaluation tables (prefix `eva_`).
///
/// A rating row exists from the moment a case may be rated; `(case_id, channel)` is unique, which
/// is the one-rating rule in the schema itself. Contact data is sealed (SM4) and only its masked
/// form is stored in clear. Days (`*_due`) are day numbers in Asia/Shanghai, deadlines inclusive.
enum EvaluationMigrations {
    static let all: [Migration] = [tables, reminders]

    static let tables = Migration(
        domain: "evaluation", version: 1, name: "ratings, rectifications, interactions, FAQ, demands",
        statements: [
            """
            CREATE TABLE eva_ratings (
                id {uuid} PRIMARY KEY,
                case_id {uuid} NOT NULL,
                case_number TEXT,
                channel TEXT NOT NULL,
                item_code TEXT NOT NULL,
                item_name TEXT NOT NULL,
                department_id {uuid} NOT NULL,
                department_name TEXT NOT NULL,
                service_window TEXT,
                opened_by TEXT NOT NULL,
                rater_account {uuid},
                counter_token_hash TEXT UNIQUE,
                opened_at {timestamp} NOT NULL,
                closes_at {timestamp} NOT NULL,
                level INTEGER,
                indicator_set TEXT NOT NULL,
                scores TEXT,
                comment TEXT,
                rated_at {timestamp},
                rated_day INTEGER,
                UNIQUE (case_id, channel)
            )
            """,
            "CREATE INDEX eva_ratings_rater ON eva_ratings (rater_account, opened_at)",
            "CREATE INDEX eva_ratings_department ON eva_ratings (department_id, rated_day)",
            "CREATE INDEX eva_ratings_day ON eva_ratings (rated_day)",
            """
            CREATE TABLE eva_rectifications (
                id {uuid} PRIMARY KEY,
                rating_id {uuid} NOT NULL UNIQUE REFERENCES eva_ratings (id),
                department_id {uuid} NOT NULL,
                state TEXT NOT NULL,
                contact_sealed {blob},
                contact_phone_masked TEXT NOT NULL,
                callback_due INTEGER NOT NULL,
                called_back_at {timestamp},
                called_back_day INTEGER,
                verified INTEGER,
                callback_note TEXT,
                plan TEXT,
                rectify_due INTEGER,
                rectified_at {timestamp},
                rectified_day INTEGER,
                feedback TEXT,
                answered_at {timestamp},
                appeal_due INTEGER,
                appeal_reason TEXT,
                appealed_at {timestamp},
                appeal_upheld INTEGER,
                review_note TEXT,
                closed_at {timestamp},
                opened_at {timestamp} NOT NULL,
                revision INTEGER NOT NULL
            )
            """,
            "CREATE INDEX eva_rectifications_department ON eva_rectifications (department_id, state)",
            """
            CREATE TABLE eva_interactions (
                id {uuid} PRIMARY KEY,
                number TEXT NOT NULL UNIQUE,
                kind TEXT NOT NULL,
                source TEXT NOT NULL,
                item_code TEXT,
                item_name TEXT,
                department_id {uuid} NOT NULL,
                department_name TEXT NOT NULL,
                title TEXT NOT NULL,
                content TEXT NOT NULL,
                account_id {uuid},
                recorded_by TEXT NOT NULL,
                contact_sealed {blob} NOT NULL,
                contact_name_masked TEXT NOT NULL,
                contact_phone_masked TEXT NOT NULL,
                state TEXT NOT NULL,
                answer_due INTEGER NOT NULL,
                answer TEXT,
                answered_by TEXT,
                answered_at {timestamp},
                answered_day INTEGER,
                feedback_level INTEGER,
                feedback_comment TEXT,
                feedback_at {timestamp},
                faq_id {uuid},
                created_at {timestamp} NOT NULL,
                revision INTEGER NOT NULL
            )
            """,
            "CREATE INDEX eva_interactions_department ON eva_interactions (department_id, state, created_at)",
            "CREATE INDEX eva_interactions_account ON eva_interactions (account_id, created_at)",
            """
            CREATE TABLE eva_faqs (
                id {uuid} PRIMARY KEY,
                item_code TEXT NOT NULL,
                item_name TEXT NOT NULL,
                department_id {uuid} NOT NULL,
                question TEXT NOT NULL,
                answer TEXT NOT NULL,
                source_interaction_id {uuid} UNIQUE,
                published_by TEXT NOT NULL,
                published_at {timestamp} NOT NULL,
                withdrawn_at {timestamp}
            )
            """,
            "CREATE INDEX eva_faqs_item ON eva_faqs (item_code, published_at)",
            """
            CREATE TABLE eva_demands (
                id {uuid} PRIMARY KEY,
                theme TEXT NOT NULL,
                item_code TEXT,
                item_name TEXT,
                department_id {uuid},
                department_name TEXT,
                content TEXT NOT NULL,
                account_id {uuid} NOT NULL,
                state TEXT NOT NULL,
                response TEXT,
                responded_by TEXT,
                responded_at {timestamp},
                created_at {timestamp} NOT NULL,
                created_day INTEGER NOT NULL
            )
            """,
            "CREATE INDEX eva_demands_department ON eva_demands (department_id, created_day)",
            "CREATE INDEX eva_demands_account ON eva_demands (account_id, created_at)",
        ])

    /// One row per reminder sent: `(subject_id, step, due_day, stage)` is unique, so a reminder
    /// job delivered twice, or queued twice by a repeated event, texts nobody twice.
    static let reminders = Migration(
        domain: "evaluation", version: 2, name: "deadline reminders",
        statements: [
            """
            CREATE TABLE eva_reminders (
                id {uuid} PRIMARY KEY,
                subject_id {uuid} NOT NULL,
                step TEXT NOT NULL,
                due_day INTEGER NOT NULL,
                stage TEXT NOT NULL,
                department_id {uuid} NOT NULL,
                recipients INTEGER NOT NULL,
                sent_at {timestamp} NOT NULL,
                UNIQUE (subject_id, step, due_day, stage)
            )
            """
        ])
}
