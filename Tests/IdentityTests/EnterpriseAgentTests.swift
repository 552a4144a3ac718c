import Foundation
import Identity
import Kernel
import SQLKit
import Storage
import StorageTesting
import Testing

@Suite("Enterprise agents (经办人)")
struct EnterpriseAgentTests {
    @Test(
        "an agent granted for some items may act on those until the end of the last day",
        arguments: TestDatabase.available)
    func scopeAndExpiry(kind: TestDatabase) async throws {
        try await EnterpriseFixture.with(kind) { fixture in
            // setup
            let (zhang, company) = try await fixture.company()
            let li = try await fixture.person(EnterpriseFixture.li)
            let today = fixture.day(0)
            // act
            let grant = try await fixture.service.grantAgent(
                GrantAgent(
                    agent: "139 1234 5678".replacingOccurrences(of: " ", with: ""),
                    scope: try AgentScope(parsing: "TAX-001, LIC-002"), validUntil: today),
                for: company.id, by: EnterpriseFixture.actor(zhang))
            // verify
            #expect(grant.personID == li.id)
            #expect(grant.grantedBy == zhang.id)
            #expect(grant.scope == .items(["TAX-001", "LIC-002"]))
            #expect(grant.validUntil == today)
            let now = fixture.clock.now()
            let service = fixture.service
            func authority(_ person: UUID, _ item: String, _ at: Date) async throws -> AgentAuthority {
                try await service.agentAuthority(person: person, enterprise: company.id, item: item, on: at)
            }
            #expect(try await authority(li.id, "TAX-001", now) == .agent(grantID: grant.id, validUntil: today))
            #expect(try await authority(li.id, "CASE-999", now) == .none)
            #expect(try await authority(zhang.id, "CASE-999", now) == .representative)
            // 22:13:20 plus 6399 s is 23:59:59 in Beijing, the last second of the last day.
            #expect(try await authority(li.id, "LIC-002", now.addingTimeInterval(6399)).allowed)
            #expect(try await authority(li.id, "LIC-002", now.addingTimeInterval(-3600)) == .none)
            fixture.clock.advance(by: 6400)
            #expect(try await authority(li.id, "LIC-002", fixture.clock.now()) == .none)
            #expect(grant.status(at: fixture.clock.now()) == .expired)
            #expect(try await fixture.service.myEnterprises(by: EnterpriseFixture.actor(li)).isEmpty)
            #expect(try await fixture.auditActions().contains("identity.enterprise-register"))
            #expect(try await fixture.lastAudit().action == "identity.enterprise-agent-grant")
            #expect(try await fixture.lastAudit().objectID == grant.id.uuidString)
        }
    }

    @Test(
        "a grant found by 身份证号 is revoked with a reason; the past stays answerable", arguments: TestDatabase.available)
    func revocation(kind: TestDatabase) async throws {
        try await EnterpriseFixture.with(kind) { fixture in
            // setup
            let (zhang, company) = try await fixture.company()
            let li = try await fixture.person(EnterpriseFixture.li)
            let grant = try await fixture.service.grantAgent(
                GrantAgent(agent: "13010219900307125x", scope: .allItems, validUntil: fixture.day(365)),
                for: company.id, by: EnterpriseFixture.actor(zhang))
            let granted = fixture.clock.now()
            let asAgent = try await fixture.service.myEnterprises(by: EnterpriseFixture.actor(li))
            fixture.clock.advance(by: 3600)
            // act
            let revoked = try await fixture.service.revokeAgent(
                grant.id, reason: "员工离职", by: EnterpriseFixture.actor(zhang))
            // verify
            #expect(asAgent.map(\.role) == [.agent])
            #expect(asAgent.first?.enterprise == company)
            #expect(asAgent.first?.grant == grant)
            #expect(revoked.revokedAt == fixture.clock.now())
            #expect(revoked.revokedBy == zhang.id.uuidString)
            #expect(revoked.revokeReason == "员工离职")
            #expect(revoked.status(at: fixture.clock.now()) == .revoked)
            let now = fixture.clock.now()
            #expect(
                try await fixture.service.agentAuthority(person: li.id, enterprise: company.id, item: "ANY", on: now)
                    == .none)
            #expect(
                try await fixture.service.agentAuthority(
                    person: li.id, enterprise: company.id, item: "ANY", on: granted.addingTimeInterval(60)
                ).allowed)
            let listed = try await fixture.service.agents(of: company.id, by: EnterpriseFixture.actor(zhang))
            #expect(listed == [revoked])
            #expect(try await fixture.service.myEnterprises(by: EnterpriseFixture.actor(li)).isEmpty)
            let again = await domainError {
                try await fixture.service.revokeAgent(grant.id, reason: "重复撤销", by: EnterpriseFixture.actor(zhang))
            }
            #expect(again?.code == "identity.agent-revoked")
            let last = try await fixture.lastAudit()
            #expect(last.action == "identity.enterprise-agent-revoke")
            #expect(last.objectID == grant.id.uuidString)
            // A new grant may follow the revoked one.
            let renewed = try await fixture.service.grantAgent(
                GrantAgent(agent: EnterpriseFixture.li.phone, scope: .allItems, validUntil: fixture.day(30)),
                for: company.id, by: EnterpriseFixture.actor(zhang))
            #expect(
                try await fixture.service.agents(of: company.id, by: EnterpriseFixture.actor(zhang)).map(\.id)
                    == [renewed.id, grant.id])
        }
    }

    @Test("only the representative grants and lists agents; strangers see nothing", arguments: TestDatabase.available)
    func onlyTheRepresentative(kind: TestDatabase) async throws {
        try await EnterpriseFixture.with(kind) { fixture in
            // setup
            let (zhang, company) = try await fixture.company()
            let li = try await fixture.person(EnterpriseFixture.li)
            let wang = try await fixture.person(EnterpriseFixture.wang)
            let grant = try await fixture.service.grantAgent(
                GrantAgent(agent: EnterpriseFixture.li.phone, scope: .allItems, validUntil: fixture.day(10)),
                for: company.id, by: EnterpriseFixture.actor(zhang))
            let before = try await fixture.auditActions()
            // act
            let agentGrants = await domainError {
                try await fixture.service.grantAgent(
                    GrantAgent(agent: EnterpriseFixture.wang.phone, scope: .allItems, validUntil: fixture.day(10)),
                    for: company.id, by: EnterpriseFixture.actor(li))
            }
            let strangerGrants = await domainError {
                try await fixture.service.grantAgent(
                    GrantAgent(agent: EnterpriseFixture.wang.phone, scope: .allItems, validUntil: fixture.day(10)),
                    for: company.id, by: EnterpriseFixture.actor(wang))
            }
            let strangerRevokes = await domainError {
                try await fixture.service.revokeAgent(grant.id, reason: "冒名撤销", by: EnterpriseFixture.actor(wang))
            }
            let agentLists = await domainError {
                try await fixture.service.agents(of: company.id, by: EnterpriseFixture.actor(li))
            }
            let strangerViews = await domainError {
                try await fixture.service.enterprise(company.id, by: EnterpriseFixture.actor(wang))
            }
            // verify
            for error in [agentGrants, strangerGrants, strangerRevokes, agentLists, strangerViews] {
                #expect(error?.kind == .forbidden)
            }
            #expect(try await fixture.service.enterprise(company.id, by: EnterpriseFixture.actor(li)) == company)
            #expect(try await fixture.service.myEnterprises(by: EnterpriseFixture.actor(wang)).isEmpty)
            #expect(
                try await fixture.service.agentAuthority(
                    person: wang.id, enterprise: company.id, item: "ANY", on: fixture.clock.now()) == .none)
            #expect(try await fixture.auditActions() == before)
            // The agent may give up their own grant.
            let resigned = try await fixture.service.revokeAgent(
                grant.id, reason: "本人不再代办", by: EnterpriseFixture.actor(li))
            #expect(resigned.revokedBy == li.id.uuidString)
        }
    }

    @Test(
        "grants are refused for an L1 or unknown agent, a bad end date, the representative, or twice",
        arguments: TestDatabase.available)
    func grantRules(kind: TestDatabase) async throws {
        try await EnterpriseFixture.with(kind) { fixture in
            // setup
            let (zhang, company) = try await fixture.company()
            _ = try await fixture.person(EnterpriseFixture.li, level2: false)
            _ = try await fixture.person(EnterpriseFixture.wang)
            let actor = EnterpriseFixture.actor(zhang)
            let latest = try CalendarDay(year: 2029, month: 9, day: 21)
            func grant(_ agent: String, until day: CalendarDay) async -> DomainError? {
                await domainError {
                    try await fixture.service.grantAgent(
                        GrantAgent(agent: agent, scope: .allItems, validUntil: day), for: company.id, by: actor)
                }
            }
            // act
            let levelOne = await grant(EnterpriseFixture.li.phone, until: fixture.day(30))
            let unknown = await grant("13600000000", until: fixture.day(30))
            let garbage = await grant("not-a-number", until: fixture.day(30))
            let yesterday = await grant(EnterpriseFixture.wang.phone, until: fixture.day(-1))
            let tooLong = await grant(EnterpriseFixture.wang.phone, until: latest.adding(days: 1))
            let oneself = await grant(EnterpriseFixture.zhang.idNumber, until: fixture.day(30))
            let longest = try await fixture.service.grantAgent(
                GrantAgent(agent: EnterpriseFixture.wang.phone, scope: .allItems, validUntil: latest),
                for: company.id, by: actor)
            let twice = await grant(EnterpriseFixture.wang.idNumber, until: fixture.day(30))
            // verify
            #expect(levelOne?.code == "identity.agent-level")
            #expect(unknown?.code == "identity.agent-no-account")
            #expect(garbage?.code == "identity.agent-identifier")
            #expect(yesterday?.code == "identity.agent-valid-until")
            #expect(tooLong?.code == "identity.agent-valid-until")
            #expect(oneself?.code == "identity.agent-is-representative")
            #expect(longest.validUntil == latest)
            #expect(twice?.code == "identity.agent-exists")
            #expect(throws: DomainError.self) { try AgentScope(parsing: " ") }
            #expect(throws: DomainError.self) { try AgentScope(parsing: "TAX-001,带中文") }
            #expect(try AgentScope(parsing: "*") == .allItems)
            #expect(try AgentScope(parsing: "B，A\nC").description == "A,B,C")
        }
    }

    @Test("returned values carry personal data only masked", arguments: TestDatabase.available)
    func masking(kind: TestDatabase) async throws {
        try await EnterpriseFixture.with(kind) { fixture in
            // setup
            let (zhang, company) = try await fixture.company()
            let li = try await fixture.person(EnterpriseFixture.li)
            let grant = try await fixture.service.grantAgent(
                GrantAgent(agent: EnterpriseFixture.li.idNumber, scope: .allItems, validUntil: fixture.day(30)),
                for: company.id, by: EnterpriseFixture.actor(zhang))
            // act
            let values: [any Encodable] = [
                company, grant,
                try await fixture.service.agents(of: company.id, by: EnterpriseFixture.actor(zhang)),
                try await fixture.service.myEnterprises(by: EnterpriseFixture.actor(zhang)),
                try await fixture.service.myEnterprises(by: EnterpriseFixture.actor(li)),
                try await fixture.service.enterprises(by: fixture.staff("window01")).items,
            ]
            let text = try values.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }.joined()
            // verify
            #expect(grant.nameMasked == "李*")
            #expect(grant.phoneMasked == "139****5678")
            for person in [EnterpriseFixture.zhang, EnterpriseFixture.li] {
                for secret in [person.name, person.phone, person.idNumber] {
                    #expect(!text.contains(secret), "\(secret) appears in clear")
                }
            }
            #expect(text.contains("张*"))
        }
    }

    @Test(
        "staff with enterprise.manage list, suspend and reinstate; others are refused",
        arguments: TestDatabase.available)
    func staff(kind: TestDatabase) async throws {
        try await EnterpriseFixture.with(kind) { fixture in
            // setup
            let (zhang, company) = try await fixture.company()
            let wang = try await fixture.person(EnterpriseFixture.wang)
            let other = try await fixture.service.registerEnterprise(
                RegisterEnterprise(creditCode: EnterpriseFixture.otherCode, name: EnterpriseFixture.otherName),
                by: EnterpriseFixture.actor(wang))
            let li = try await fixture.person(EnterpriseFixture.li)
            let grant = try await fixture.service.grantAgent(
                GrantAgent(agent: EnterpriseFixture.li.phone, scope: .allItems, validUntil: fixture.day(30)),
                for: company.id, by: EnterpriseFixture.actor(zhang))
            let clerk = fixture.staff("window01")
            let approver = fixture.staff("rsj-jy01")
            // act
            let all = try await fixture.service.enterprises(by: clerk)
            let byName = try await fixture.service.enterprises(matching: "政通", by: clerk)
            let byCode = try await fixture.service.enterprises(matching: "91130100ma1", by: clerk)
            let literal = try await fixture.service.enterprises(matching: "%", by: clerk)
            let first = try await fixture.service.enterprises(page: try PageRequest(limit: 1), by: clerk)
            let second = try await fixture.service.enterprises(page: first.next!, by: clerk)
            let suspended = try await fixture.service.suspendEnterprise(company.id, reason: "涉嫌冒用", by: clerk)
            let whileSuspended = [zhang.id, li.id].map { person in
                {
                    try await fixture.service.agentAuthority(
                        person: person, enterprise: company.id, item: "X", on: fixture.clock.now())
                }
            }
            var answers: [AgentAuthority] = []
            for ask in whileSuspended { answers.append(try await ask()) }
            let grantWhileSuspended = await domainError {
                try await fixture.service.grantAgent(
                    GrantAgent(agent: EnterpriseFixture.wang.phone, scope: .allItems, validUntil: fixture.day(3)),
                    for: company.id, by: EnterpriseFixture.actor(zhang))
            }
            let reinstated = try await fixture.service.reinstateEnterprise(company.id, reason: "核查无误", by: clerk)
            let afterReinstatement = try await fixture.service.agentAuthority(
                person: li.id, enterprise: company.id, item: "X", on: fixture.clock.now())
            let refused = await domainError { try await fixture.service.enterprises(by: approver) }
            let refusedSuspend = await domainError {
                try await fixture.service.suspendEnterprise(company.id, reason: "越权操作", by: approver)
            }
            let counterRevoke = try await fixture.service.revokeAgent(grant.id, reason: "法定代表人到窗口申请", by: clerk)
            // verify
            #expect(Set(all.items.map(\.id)) == [company.id, other.id])
            #expect(all.items.map(\.creditCode) == all.items.map(\.creditCode).sorted())
            #expect(byName.items.map(\.id) == [company.id])
            #expect(byCode.items.map(\.id) == [other.id])
            #expect(literal.items.isEmpty)
            #expect(first.items.count == 1)
            #expect(second.items.count == 1)
            #expect(second.next == nil)
            #expect(first.items[0].creditCode < second.items[0].creditCode)
            #expect(suspended.status == .suspended)
            #expect(suspended.statusReason == "涉嫌冒用")
            #expect(answers == [.none, .none])
            #expect(grantWhileSuspended?.code == "identity.enterprise-suspended")
            #expect(reinstated.status == .active)
            #expect(afterReinstatement == .agent(grantID: grant.id, validUntil: grant.validUntil))
            #expect(refused?.kind == .forbidden)
            #expect(refusedSuspend?.kind == .forbidden)
            #expect(counterRevoke.revokedBy == "staff:" + clerk.staffID.uuidString)
            #expect(try await fixture.service.agents(of: company.id, by: clerk) == [counterRevoke])
            #expect(try await fixture.service.enterprise(company.id, by: clerk).status == .active)
            let actions = try await fixture.auditActions()
            #expect(
                Array(actions.suffix(3))
                    == [
                        "identity.enterprise-suspend", "identity.enterprise-reinstate",
                        "identity.enterprise-agent-revoke",
                    ])
            #expect(try await fixture.lastAudit().actor == "staff:" + clerk.staffID.uuidString)
        }
    }

    @Test(
        "the demo seed creates the enterprise, raises 王伟 to L2 and authorises them for a year",
        arguments: TestDatabase.available)
    func demoSeed(kind: TestDatabase) async throws {
        try await EnterpriseFixture.with(kind) { fixture in
            // setup
            let zhang = try await fixture.identity.register(
                EnterpriseService.demoRepresentative, context: IdentityFixture.web)
            let before = try await fixture.auditActions().count
            // act
            let demo = try await fixture.service.seedDemoEnterprise(identity: fixture.identity)
            let again = await domainError { try await fixture.service.seedDemoEnterprise(identity: fixture.identity) }
            // verify
            #expect(demo.representative.id == zhang.id)
            #expect(demo.representative.realNameLevel == .selfDeclared)
            #expect(demo.enterprise.creditCode == DemoEnterpriseRegistry.creditCode)
            #expect(demo.enterprise.confirmedBy == "demo:seed")
            #expect(try UnifiedSocialCreditCode(demo.enterprise.creditCode).organizationTypeName == "企业")
            #expect(demo.agent.realNameLevel == .registryMatched)
            #expect(demo.agent.phoneMasked == "139****0001")
            #expect(demo.grant.scope == .allItems)
            #expect(demo.grant.validUntil == (try CalendarDay(year: 2027, month: 9, day: 21)))
            #expect(
                try await fixture.identity.realNameHistory(demo.agent.id).map(\.method) == [
                    "self-declared", "demo:seed",
                ])
            #expect(
                try await fixture.service.agentAuthority(
                    person: demo.agent.id, enterprise: demo.enterprise.id, item: "ANY", on: fixture.clock.now())
                    == .agent(grantID: demo.grant.id, validUntil: demo.grant.validUntil))
            _ = try await fixture.identity.login(
                identifier: "13900000001", password: demo.agentPassword, context: IdentityFixture.web)
            #expect(again?.code == "identity.enterprise-exists")
            let actions = try await fixture.auditActions().dropFirst(before)
            #expect(
                Array(actions.prefix(4)) == [
                    "identity.register", "identity.enterprise-register", "identity.real-name-raised",
                    "identity.enterprise-agent-grant",
                ])
        }
    }
}
