import Storage

/// The organisation tables: departments, staff, roles and data scopes, staff login and sessions.
///
/// Versions start at 20; the identity domain's lower versions belong to the person accounts.
enum OrganisationMigrations {
    static let all: [Migration] = [
        departments, staff, roles, catalogReviewer, licensePermissions, paymentPermissions,
        evaluationPermissions,
    ]

    /// `path` is the ids of the department and all above it, 32 hex digits each from the top:
    /// "this department and everything under it" is one range scan on its index, and hex digits
    /// sort the same under every collation, so the range holds on PostgreSQL too.
    static let departments = Migration(
        domain: "identity", version: 20, name: "departments",
        statements: [
            """
            CREATE TABLE idn_departments (
                id {uuid} PRIMARY KEY,
                code TEXT NOT NULL UNIQUE,
                name TEXT NOT NULL,
                parent_id {uuid} REFERENCES idn_departments (id),
                division_code TEXT NOT NULL,
                path TEXT NOT NULL UNIQUE,
                depth INTEGER NOT NULL,
                created_at {timestamp} NOT NULL,
                updated_at {timestamp} NOT NULL
            )
            """,
            "CREATE INDEX idn_departments_parent ON idn_departments (parent_id)",
        ])

    static let staff = Migration(
        domain: "identity", version: 21, name: "staff, staff login and sessions",
        statements: [
            """
            CREATE TABLE idn_staff (
                id {uuid} PRIMARY KEY,
                username TEXT NOT NULL UNIQUE,
                name_sealed {blob} NOT NULL,
                name_masked TEXT NOT NULL,
                phone_sealed {blob} NOT NULL,
                phone_index TEXT NOT NULL,
                phone_masked TEXT NOT NULL,
                department_id {uuid} NOT NULL REFERENCES idn_departments (id),
                password_hash TEXT NOT NULL,
                totp_secret_sealed {blob},
                totp_enrolled INTEGER NOT NULL,
                totp_last_step {bigint},
                status TEXT NOT NULL,
                created_at {timestamp} NOT NULL,
                updated_at {timestamp} NOT NULL
            )
            """,
            "CREATE INDEX idn_staff_department ON idn_staff (department_id)",
            "CREATE INDEX idn_staff_phone ON idn_staff (phone_index)",
            """
            CREATE TABLE idn_staff_challenges (
                id {uuid} PRIMARY KEY,
                token_hash TEXT NOT NULL UNIQUE,
                staff_id {uuid} NOT NULL REFERENCES idn_staff (id),
                attempts INTEGER NOT NULL,
                created_at {timestamp} NOT NULL,
                expires_at {timestamp} NOT NULL,
                used_at {timestamp}
            )
            """,
            "CREATE INDEX idn_staff_challenges_staff ON idn_staff_challenges (staff_id)",
            """
            CREATE TABLE idn_staff_sessions (
                id {uuid} PRIMARY KEY,
                token_hash TEXT NOT NULL UNIQUE,
                staff_id {uuid} NOT NULL REFERENCES idn_staff (id),
                channel TEXT NOT NULL,
                client_address TEXT NOT NULL,
                user_agent TEXT NOT NULL,
                created_at {timestamp} NOT NULL,
                last_seen_at {timestamp} NOT NULL,
                expires_at {timestamp} NOT NULL,
                revoked_at {timestamp}
            )
            """,
            "CREATE INDEX idn_staff_sessions_staff ON idn_staff_sessions (staff_id)",
        ])

    /// The built-in roles are seeded here, so every database has them; `BuiltInRole` says the same
    /// in Swift, and a test keeps the two equal.
    static let roles = Migration(
        domain: "identity", version: 22, name: "roles and data scopes",
        statements: [
            "CREATE TABLE idn_roles (code TEXT PRIMARY KEY, name TEXT NOT NULL, built_in INTEGER NOT NULL)",
            """
            CREATE TABLE idn_role_permissions (
                role_code TEXT NOT NULL REFERENCES idn_roles (code),
                permission TEXT NOT NULL,
                PRIMARY KEY (role_code, permission)
            )
            """,
            """
            CREATE TABLE idn_role_assignments (
                staff_id {uuid} NOT NULL REFERENCES idn_staff (id),
                role_code TEXT NOT NULL REFERENCES idn_roles (code),
                scope TEXT NOT NULL,
                granted_at {timestamp} NOT NULL,
                PRIMARY KEY (staff_id, role_code)
            )
            """,
            "CREATE INDEX idn_role_assignments_role ON idn_role_assignments (role_code)",
            """
            INSERT INTO idn_roles (code, name, built_in) VALUES
                ('system-admin', '系统管理员', 1), ('department-admin', '部门管理员', 1), ('counter-clerk', '窗口人员', 1),
                ('approver', '审批人员', 1), ('auditor', '审计员', 1)
            """,
            """
            INSERT INTO idn_role_permissions (role_code, permission) VALUES
                ('system-admin', 'organisation.read'), ('system-admin', 'departments.manage'),
                ('system-admin', 'staff.manage'), ('system-admin', 'roles.manage'),
                ('system-admin', 'oidc-clients.manage'), ('system-admin', 'jobs.manage'),
                ('system-admin', 'enterprise.manage'), ('system-admin', 'catalog.manage'),
                ('department-admin', 'organisation.read'), ('department-admin', 'departments.manage'),
                ('department-admin', 'staff.manage'), ('department-admin', 'catalog.manage'),
                ('counter-clerk', 'organisation.read'), ('counter-clerk', 'cases.intake'),
                ('counter-clerk', 'enterprise.manage'), ('counter-clerk', 'person.read-clear'),
                ('approver', 'organisation.read'), ('approver', 'cases.handle'), ('approver', 'cases.approve'),
                ('auditor', 'organisation.read'), ('auditor', 'audit.read')
            """,
        ])

    /// The catalog reviewer (事项审核员) publishes what departments draft, so no one publishes their
    /// own edits alone.
    static let catalogReviewer = Migration(
        domain: "identity", version: 23, name: "catalog reviewer role",
        statements: [
            "INSERT INTO idn_roles (code, name, built_in) VALUES ('catalog-reviewer', '事项审核员', 1)",
            """
            INSERT INTO idn_role_permissions (role_code, permission) VALUES
                ('catalog-reviewer', 'organisation.read'), ('catalog-reviewer', 'catalog.publish')
            """,
        ])

    /// The e-license library's permissions: approvers issue and manage licenses, department
    /// administrators keep the department's signing keys.
    static let licensePermissions = Migration(
        domain: "identity", version: 24, name: "license permissions",
        statements: [
            """
            INSERT INTO idn_role_permissions (role_code, permission) VALUES
                ('approver', 'licenses.issue'), ('department-admin', 'licenses.keys')
            """
        ])

    /// Non-tax payments: counter clerks take payments at the window, finance officers (财务人员)
    /// refund and reconcile.
    static let paymentPermissions = Migration(
        domain: "identity", version: 25, name: "payment permissions and the finance officer",
        statements: [
            "INSERT INTO idn_roles (code, name, built_in) VALUES ('finance-officer', '财务人员', 1)",
            """
            INSERT INTO idn_role_permissions (role_code, permission) VALUES
                ('counter-clerk', 'payments.collect'), ('finance-officer', 'organisation.read'),
                ('finance-officer', 'payments.finance')
            """,
        ])

    /// 好差评: department administrators answer for their department's ratings and messages, and
    /// the service supervisor (好差评监督员) decides appeals.
    static let evaluationPermissions = Migration(
        domain: "identity", version: 26, name: "evaluation permissions and the service supervisor",
        statements: [
            "INSERT INTO idn_roles (code, name, built_in) VALUES ('service-supervisor', '好差评监督员', 1)",
            """
            INSERT INTO idn_role_permissions (role_code, permission) VALUES
                ('department-admin', 'evaluation.respond'), ('service-supervisor', 'organisation.read'),
                ('service-supervisor', 'evaluation.supervise')
            """,
        ])
}
