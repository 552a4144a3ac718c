import Storage

/// The payment tables (prefix `pay_`).
///
/// An order (缴款单) is what is owed; a trade is one attempt to pay it through one channel (a payer
/// may open WeChat Pay and Alipay for the same order, and even pay both: the second is refunded).
/// Every notification is logged, accepted or not. Refunds, receipts and reconciliation keep their
/// own rows so that finance staff can follow every fen.
enum PaymentsMigrations {
    static let all: [Migration] = [orders]

    static let orders = Migration(
        domain: "payments", version: 1, name: "orders, trades, notifications, refunds, receipts, reconciliation",
        statements: [
            """
            CREATE TABLE pay_orders (
                id {uuid} PRIMARY KEY,
                code TEXT NOT NULL UNIQUE,
                case_id {uuid},
                case_number TEXT,
                item_code TEXT NOT NULL,
                item_name TEXT NOT NULL,
                department_id {uuid} NOT NULL,
                department_name TEXT NOT NULL,
                payer_account {uuid},
                payer_name_masked TEXT NOT NULL,
                lines TEXT NOT NULL,
                amount_fen {bigint} NOT NULL,
                state TEXT NOT NULL,
                channel TEXT,
                trade_id {uuid},
                paid_fen {bigint} NOT NULL DEFAULT 0,
                refunded_fen {bigint} NOT NULL DEFAULT 0,
                expires_at {timestamp} NOT NULL,
                paid_at {timestamp},
                cancel_reason TEXT,
                created_by TEXT NOT NULL,
                idempotency_key TEXT,
                request_digest TEXT,
                created_at {timestamp} NOT NULL,
                updated_at {timestamp} NOT NULL,
                revision INTEGER NOT NULL
            )
            """,
            "CREATE UNIQUE INDEX pay_orders_idempotency ON pay_orders (created_by, idempotency_key)",
            // One order at a time may be owed or paid for a case; a cancelled or expired one makes way.
            """
            CREATE UNIQUE INDEX pay_orders_case_live ON pay_orders (case_id)
            WHERE state IN ('created', 'pending', 'paid', 'partially-refunded')
            """,
            "CREATE INDEX pay_orders_payer ON pay_orders (payer_account, created_at)",
            "CREATE INDEX pay_orders_department ON pay_orders (department_id, state, created_at)",
            """
            CREATE TABLE pay_trades (
                id {uuid} PRIMARY KEY,
                order_id {uuid} NOT NULL REFERENCES pay_orders (id),
                channel TEXT NOT NULL,
                out_trade_no TEXT NOT NULL,
                amount_fen {bigint} NOT NULL,
                qr_content TEXT NOT NULL,
                state TEXT NOT NULL,
                channel_trade_no TEXT,
                paid_at {timestamp},
                created_at {timestamp} NOT NULL,
                updated_at {timestamp} NOT NULL,
                UNIQUE (channel, out_trade_no)
            )
            """,
            "CREATE INDEX pay_trades_order ON pay_trades (order_id)",
            """
            CREATE TABLE pay_notifications (
                id {uuid} PRIMARY KEY,
                channel TEXT NOT NULL,
                source TEXT NOT NULL,
                outcome TEXT NOT NULL,
                reason TEXT,
                out_trade_no TEXT,
                channel_trade_no TEXT,
                amount_fen {bigint},
                received_at {timestamp} NOT NULL
            )
            """,
            "CREATE INDEX pay_notifications_trade ON pay_notifications (channel, out_trade_no)",
            """
            CREATE TABLE pay_refunds (
                id {uuid} PRIMARY KEY,
                refund_no TEXT NOT NULL UNIQUE,
                order_id {uuid} NOT NULL REFERENCES pay_orders (id),
                trade_id {uuid},
                channel TEXT NOT NULL,
                amount_fen {bigint} NOT NULL,
                reason TEXT NOT NULL,
                automatic INTEGER NOT NULL,
                state TEXT NOT NULL,
                channel_refund_no TEXT,
                requested_by TEXT NOT NULL,
                created_at {timestamp} NOT NULL,
                completed_at {timestamp}
            )
            """,
            "CREATE INDEX pay_refunds_order ON pay_refunds (order_id)",
            """
            CREATE TABLE pay_receipts (
                id {uuid} PRIMARY KEY,
                order_id {uuid} NOT NULL UNIQUE REFERENCES pay_orders (id),
                receipt_code TEXT NOT NULL,
                receipt_number TEXT NOT NULL,
                signed_code TEXT NOT NULL,
                issued_at {timestamp} NOT NULL,
                UNIQUE (receipt_code, receipt_number)
            )
            """,
            """
            CREATE TABLE pay_receipt_sequences (
                receipt_code TEXT PRIMARY KEY,
                last_number {bigint} NOT NULL
            )
            """,
            """
            CREATE TABLE pay_statements (
                id {uuid} PRIMARY KEY,
                channel TEXT NOT NULL,
                day TEXT NOT NULL,
                line_count INTEGER NOT NULL,
                payments_fen {bigint} NOT NULL,
                refunds_fen {bigint} NOT NULL,
                file_digest TEXT NOT NULL,
                imported_by TEXT NOT NULL,
                imported_at {timestamp} NOT NULL,
                UNIQUE (channel, day)
            )
            """,
            """
            CREATE TABLE pay_mismatches (
                id {uuid} PRIMARY KEY,
                statement_id {uuid} NOT NULL REFERENCES pay_statements (id),
                channel TEXT NOT NULL,
                day TEXT NOT NULL,
                kind TEXT NOT NULL,
                out_trade_no TEXT NOT NULL,
                ref TEXT,
                ours_fen {bigint},
                theirs_fen {bigint},
                state TEXT NOT NULL,
                resolution TEXT,
                resolved_by TEXT,
                resolved_at {timestamp}
            )
            """,
            "CREATE INDEX pay_mismatches_day ON pay_mismatches (channel, day)",
            """
            CREATE TABLE pay_sandbox_trades (
                out_trade_no TEXT PRIMARY KEY,
                amount_fen {bigint} NOT NULL,
                description TEXT NOT NULL,
                notify_url TEXT NOT NULL,
                state TEXT NOT NULL,
                trade_no TEXT NOT NULL,
                expires_at {timestamp} NOT NULL,
                paid_at {timestamp},
                refunded_fen {bigint} NOT NULL DEFAULT 0,
                created_at {timestamp} NOT NULL
            )
            """,
            """
            CREATE TABLE pay_sandbox_refunds (
                refund_no TEXT PRIMARY KEY,
                out_trade_no TEXT NOT NULL,
                amount_fen {bigint} NOT NULL,
                created_at {timestamp} NOT NULL
            )
            """,
        ])
}
