import Storage

/// The messaging tables: messages (recipients sealed) and the in-app inbox.
enum MessagingMigrations {
    static let all: [Migration] = [
        Migration(
            domain: "messaging", version: 1, name: "messages and inbox",
            statements: [
                """
                CREATE TABLE msg_messages (
                    id {uuid} PRIMARY KEY,
                    channel TEXT NOT NULL,
                    recipient_sealed {blob} NOT NULL,
                    recipient_masked TEXT NOT NULL,
                    recipient_index TEXT NOT NULL,
                    template TEXT NOT NULL,
                    title TEXT NOT NULL,
                    body TEXT NOT NULL,
                    urgent INTEGER NOT NULL,
                    status TEXT NOT NULL,
                    attempts INTEGER NOT NULL,
                    provider_message_id TEXT,
                    last_error TEXT,
                    created_at {timestamp} NOT NULL,
                    scheduled_at {timestamp} NOT NULL,
                    updated_at {timestamp} NOT NULL
                )
                """,
                "CREATE INDEX msg_messages_created ON msg_messages (created_at)",
                "CREATE INDEX msg_messages_provider ON msg_messages (provider_message_id)",
                """
                CREATE TABLE msg_inbox (
                    id {uuid} PRIMARY KEY,
                    account_id TEXT NOT NULL,
                    message_id {uuid} NOT NULL REFERENCES msg_messages (id),
                    title TEXT NOT NULL,
                    body TEXT NOT NULL,
                    created_at {timestamp} NOT NULL,
                    read_at {timestamp}
                )
                """,
                "CREATE INDEX msg_inbox_account ON msg_inbox (account_id, created_at)",
            ])
    ]
}
