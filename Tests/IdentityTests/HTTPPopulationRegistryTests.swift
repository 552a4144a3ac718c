import AsyncHTTPClient
import Foundation
import Identity
import Kernel
import Testing

/// The HTTP registry adapter against a live local server implementing the registry side of the
/// contract in docs/real-name.md.
@Suite("HTTP population registry")
struct HTTPPopulationRegistryTests {
    static func registry(
        port: Int, disclosure: HTTPPopulationRegistry.Disclosure = .keyedHashes(indexKey: RealNameProvider.indexKey),
        clock: any Clock = SystemClock(), timeout: Int64 = 5
    ) -> HTTPPopulationRegistry {
        HTTPPopulationRegistry(
            baseURL: "http://127.0.0.1:\(port)/rn/", signature: RealNameProvider.signature, client: .shared,
            disclosure: disclosure, timeoutSeconds: timeout, clock: clock)
    }

    @Test("with keyed hashes, a signed request carries no name or number, and every answer is mapped")
    func hashedChecks() async throws {
        let provider = RealNameProvider()
        try await ContractServer.with(provider.respond) { server in
            // setup
            let registry = Self.registry(port: server.port)
            // act
            let match = try await registry.check(name: " 张三 ", idNumber: "130102199003071233")
            let mismatch = try await registry.check(name: "张三丰", idNumber: "130102199003071233")
            let missing = try await registry.check(name: "李四", idNumber: "130102199001011234")
            let lowerX = try await registry.check(name: "王五", idNumber: "13010219900307125x")
            // verify
            #expect([match, mismatch, missing, lowerX] == [.match, .nameMismatch, .notFound, .match])
            #expect(registry.method == "registry:http")
            let requests = provider.received
            #expect(requests.map(\.method) == Array(repeating: "POST", count: 4))
            #expect(requests.map(\.path) == Array(repeating: "/rn/v1/person-checks", count: 4))
            #expect(requests.allSatisfy { $0.header("Content-Type") == "application/json" })
            let first = try JSONSerialization.jsonObject(with: Data(requests[0].body)) as? [String: String]
            #expect(first.map { Set($0.keys) } == ["idNumberHash", "nameHash"])
            let text = requests.map { String(decoding: $0.body, as: UTF8.self) }.joined()
            #expect(!text.contains("张三") && !text.contains("130102199003071233"))
            #expect(provider.refused == 0)
        }
    }

    @Test("in clear, the name and number are sent as the contract names them")
    func clearChecks() async throws {
        let provider = RealNameProvider()
        try await ContractServer.with(provider.respond) { server in
            let registry = Self.registry(port: server.port, disclosure: .clear)
            #expect(try await registry.check(name: "张三", idNumber: "130102199003071233") == .match)
            #expect(try await registry.check(name: "李四", idNumber: "13010219900307125X") == .nameMismatch)
            let body = try JSONSerialization.jsonObject(with: Data(provider.received[0].body)) as? [String: String]
            #expect(body == ["name": "张三", "idNumber": "130102199003071233"])
        }
    }

    /// The vectors in docs/real-name.md, checked independently with Python's hmac module.
    @Test("the hashes are fixed by the contract, so a registry can build the same index")
    func hashVectors() {
        let key = "example-index-key-0123456789"
        #expect(
            HTTPPopulationRegistry.idNumberHash("13010219900307125x", key: key)
                == HTTPPopulationRegistry.idNumberHash("13010219900307125X", key: key))
        #expect(
            HTTPPopulationRegistry.nameHash("张三", idNumber: "130102199003071233", key: key)
                != HTTPPopulationRegistry.nameHash("张三", idNumber: "13010219900307125X", key: key))
        #expect(
            HTTPPopulationRegistry.idNumberHash("130102199003071233", key: key)
                == "d8111b7c524130b5f1ae63a6d796078a416f17bf5c23cdfeaa788ccc037e1cf5")
        #expect(
            HTTPPopulationRegistry.nameHash("张三", idNumber: "130102199003071233", key: key)
                == "b20835f06c250e57be03e98bd2d7bce0402a032aa0d64f18c04cb61173012692")
    }

    @Test(
        "a refused, failed, garbled, unsigned, forged or missing answer is 'unavailable' in Chinese",
        arguments: ContractFault.allCases)
    func faults(fault: ContractFault) async throws {
        try await ContractServer.with({ request in
            fault.reply(to: request, good: #"{"result":"match"}"#, bad: #"{"result":"probably"}"#)
        }) { server in
            let registry = Self.registry(port: server.port, timeout: 1)
            let error = await domainError { try await registry.check(name: "张三", idNumber: "130102199003071233") }
            #expect(error?.kind == .unavailable)
            #expect(error?.code == "identity.registry-unavailable")
            #expect(error?.detail.containsChinese == true)
        }
    }

    @Test("a client clock ten minutes off is refused by the registry, and reported as unavailable")
    func clockSkew() async throws {
        let provider = RealNameProvider()
        try await ContractServer.with(provider.respond) { server in
            let registry = Self.registry(port: server.port, clock: FixedClock(Date().addingTimeInterval(-600)))
            let error = await domainError { try await registry.check(name: "张三", idNumber: "130102199003071233") }
            #expect(error?.kind == .unavailable)
            #expect(provider.refused == 1)
            #expect(provider.received.isEmpty)
        }
    }

    @Test("an unreachable registry is unavailable, not a crash")
    func unreachable() async throws {
        let registry = Self.registry(port: 9, timeout: 2)
        let error = await domainError { try await registry.check(name: "张三", idNumber: "130102199003071233") }
        #expect(error?.kind == .unavailable)
    }
}
