import Kernel
import Messaging
import Testing

@Suite("Message templates")
struct TemplateTests {
    let template = MessageTemplate(code: "t.code", title: "{item}提醒", body: "您的{item}将于{date}到期。")

    @Test("placeholders of title and body are filled")
    func render() throws {
        let (title, body) = try template.render(["item": "营业执照", "date": "2026年12月1日"])
        #expect(title == "营业执照提醒")
        #expect(body == "您的营业执照将于2026年12月1日到期。")
        #expect(template.parameterNames == ["item", "date"])
    }

    @Test("a missing parameter is refused in Chinese")
    func missing() {
        #expect(throws: DomainError.self) { try template.render(["item": "营业执照"]) }
        do {
            _ = try template.render(["item": "营业执照"])
        } catch let error as DomainError {
            #expect(error.code == "messaging.missing-parameter")
            #expect(error.detail.contains("date"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test("an unknown parameter is refused, so typos do not go out silently")
    func unknown() {
        #expect(
            throws: DomainError(
                .invalid, code: "messaging.unknown-parameter", title: "消息参数有误", detail: "模板 t.code 没有参数“dat”，请检查参数名。")
        ) {
            try template.render(["item": "a", "date": "b", "dat": "c"])
        }
    }

    @Test("the registry finds built-in templates and names a missing one")
    func registry() throws {
        let templates = MessageTemplates(MessageTemplates.builtIn)
        #expect(try templates.template("platform.verification-code").parameterNames == ["code", "minutes"])
        #expect(throws: DomainError.self) { try templates.template("nope") }
    }
}
