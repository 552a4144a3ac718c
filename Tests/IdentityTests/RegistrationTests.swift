import Foundation
import Identity
import Kernel
import SQLKit
import Storage
import StorageTesting
import Testing

@Suite("Registration")
struct RegistrationTests {
    @Test("a person registers at L1 with numbers sealed and masked", arguments: TestDatabase.available)
    func register(kind: TestDatabase) async throws {
        try await kind.withDatabase(migrations: IdentityModule.migrations) { database in
            let fixture = try IdentityFixture(database: database)
            let person = try await fixture.service.register(IdentityFixture.zhang, context: IdentityFixture.web)
            #expect(person.realNameLevel == .selfDeclared)
            #expect(person.nameMasked == "张*")
            #expect(person.idNumberMasked == "130***********1233")
            #expect(person.phoneMasked == "138****0000")
            let raw = try await database.read { sql in
                try await sql.raw("SELECT id_number_sealed, phone_sealed, password_hash FROM idn_people").first()!
            }
            let sealed =
                try raw.decode(column: "id_number_sealed", as: Data.self)
                + raw.decode(column: "phone_sealed", as: Data.self)
            #expect(!String(decoding: sealed, as: UTF8.self).contains("130102199003071233"))
            #expect(try raw.decode(column: "password_hash", as: String.self).hasPrefix("$2"))
            #expect(try await fixture.service.profile(person.id) == person)
        }
    }

    /// A form that must be refused, and the error code it must be refused with.
    struct Refusal: Sendable, CustomTestStringConvertible {
        var label: String
        var form: RegisterPerson
        var code: String
        var testDescription: String { label }

        init(_ label: String, code: String, _ change: (inout RegisterPerson) -> Void) {
            var form = IdentityFixture.zhang
            change(&form)
            self.label = label
            self.form = form
            self.code = code
        }

        static let all: [Refusal] = [
            Refusal("one-character name", code: "identity.bad-name") { $0.name = "张" },
            Refusal("blank name", code: "identity.bad-name") { $0.name = "   " },
            Refusal("name with ASCII digits", code: "identity.bad-name") { $0.name = "张3" },
            Refusal("name with full-width digits", code: "identity.bad-name") { $0.name = "张三１２" },
            Refusal("name with an emoji", code: "identity.bad-name") { $0.name = "张三😀" },
            // A right-to-left override would make the name display differently from what is stored.
            Refusal("name with a bidi control", code: "identity.bad-name") { $0.name = "张\u{202E}三" },
            Refusal("name of 31 characters", code: "identity.bad-name") {
                $0.name = String(repeating: "张", count: 31)
            },
            Refusal("wrong check digit", code: "resident-id.invalid-check-digit") {
                $0.idNumber = "130102199003071234"
            },
            Refusal("birth date in the future", code: "resident-id.invalid-birth-date") {
                $0.idNumber = "130102204001010019"
            },
            Refusal("17-character ID", code: "resident-id.invalid-length") { $0.idNumber = "13010219900307123" },
            Refusal("phone not starting 13–19", code: "identity.bad-phone") { $0.phone = "12800000000" },
            Refusal("phone of 10 digits", code: "identity.bad-phone") { $0.phone = "1380000000" },
            Refusal("phone with a letter", code: "identity.bad-phone") { $0.phone = "1380000000a" },
            Refusal("short password", code: "identity.weak-password") { $0.password = "政通2026" },
            Refusal("breached password", code: "identity.weak-password") { $0.password = "1qaz2wsx" },
            Refusal("73-byte password", code: "identity.weak-password") {
                $0.password = String(repeating: "ab", count: 36) + "c"
            },
            Refusal("password holding the phone", code: "identity.weak-password") { $0.password = "my13800000000!" },
            Refusal("password holding the ID's last six", code: "identity.weak-password") {
                $0.password = "zs071233pass"
            },
        ]
    }

    @Test(
        "a bad name, 身份证号, phone or password is refused in Chinese and nothing is stored",
        arguments: TestDatabase.available, Refusal.all)
    func refused(kind: TestDatabase, refusal: Refusal) async throws {
        try await IdentityFixture.with(kind) { fixture in
            let error = await domainError { try await fixture.register(refusal.form) }

            #expect(error?.kind == .invalid)
            #expect(error?.code == refusal.code)
            #expect(error?.detail.containsChinese == true)
            let rows = try await fixture.database.read { sql in
                try await sql.raw("SELECT COUNT(*) AS n FROM idn_people").first()!.decode(column: "n", as: Int.self)
            }
            #expect(rows == 0)
            #expect(try await fixture.auditActions().isEmpty)
        }
    }

    @Test("a minority name with the middle dot and a CJK extension character is accepted")
    func unusualNames() async throws {
        try await IdentityFixture.with(.sqlite) { fixture in
            var form = IdentityFixture.zhang
            form.name = "买买提·艾力"
            let minority = try await fixture.register(form)
            #expect(minority.nameMasked.hasPrefix("买"))
            var rare = IdentityFixture.li
            rare.name = "王𠀀"  // U+20000, CJK Extension B: rare characters occur in real names
            let wang = try await fixture.register(rare)
            #expect(wang.nameMasked.hasPrefix("王"))
        }
    }

    @Test("a future birth date is explained as later than today", arguments: TestDatabase.available)
    func futureBirthDetail(kind: TestDatabase) async throws {
        try await IdentityFixture.with(kind) { fixture in
            var form = IdentityFixture.zhang
            form.idNumber = "130102204001010019"
            let error = await domainError { try await fixture.register(form) }
            #expect(error?.detail.contains("晚于今天") == true)
        }
    }

    @Test("a phone or 身份证号 already registered is a conflict", arguments: TestDatabase.available)
    func duplicates(kind: TestDatabase) async throws {
        try await IdentityFixture.with(kind) { fixture in
            try await fixture.register(IdentityFixture.li)
            var samePhone = IdentityFixture.zhang
            samePhone.phone = IdentityFixture.li.phone
            var sameID = IdentityFixture.zhang
            // Typed with a lower-case x, the number is still the one registered with X.
            sameID.idNumber = IdentityFixture.li.idNumber.lowercased()

            for form in [samePhone, sameID] {
                let error = await domainError { try await fixture.register(form) }
                #expect(error?.kind == .conflict)
                #expect(error?.code == "identity.already-registered")
                #expect(error?.detail.containsChinese == true)
            }
            #expect(try await fixture.auditActions() == ["identity.register"])
        }
    }

    @Test("the 身份证号 is stored with an upper-case X and masked from it", arguments: TestDatabase.available)
    func upperCaseX(kind: TestDatabase) async throws {
        try await IdentityFixture.with(kind) { fixture in
            var form = IdentityFixture.li
            form.idNumber = form.idNumber.lowercased()
            let person = try await fixture.register(form)
            #expect(person.idNumberMasked == "130***********125X")
        }
    }
}
