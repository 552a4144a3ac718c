import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// 网上申请, 我的办件, the receipt and 办件进度查询 through the real pages.
@Suite("Case pages for citizens")
struct CasePageCitizenTests {
    @Test("the apply page draws the process form and the guide's situations; a visitor is sent to log in")
    func applyForm() async throws {
        try await CasePageSupport.run { client, _ in
            // setup
            let session = try await IdentityPagesTests.signIn(client)
            // act
            let anonymous = try await IdentityPagesTests.get(client, "/cases/apply/\(CasePageSupport.foodPermit)")
            let page = try await IdentityPagesTests.get(
                client, "/cases/apply/\(CasePageSupport.foodPermit)", session: session)
            // verify
            #expect(anonymous.status == .seeOther)
            #expect(anonymous.headers[.location] == "/login?next=/cases/apply/\(CasePageSupport.foodPermit)")
            #expect(page.status == .ok)
            #expect(page.text.contains(#"<label for="field-businessArea">经营场所面积（平方米）"#))
            #expect(page.text.contains(#"<option value="热食类食品制售">"#))
            #expect(page.text.contains(#"<option value="S01">餐饮服务</option>"#))
            #expect(page.text.contains("经营场所平面布局图和设备布局图"))
        }
    }

    @Test("a wrong form comes back with each problem next to its field and the values kept")
    func fieldErrors() async throws {
        try await CasePageSupport.run { client, _ in
            let session = try await IdentityPagesTests.signIn(client)
            var form = CasePageSupport.foodForm
            form["businessArea"] = "一百"
            form["businessName"] = ""

            let response = try await IdentityPagesTests.post(
                client, "/cases/apply/\(CasePageSupport.foodPermit)", form, session: session)

            #expect(response.status == .unprocessableContent)
            #expect(response.text.contains(#"id="field-businessArea-error" role="alert">经营场所面积（平方米）应为数字"#))
            #expect(response.text.contains(#"id="field-businessName-error" role="alert">请填写经营者名称"#))
            #expect(response.text.contains(#"value="一百""#) && response.text.contains("有2项需要修改"))
            let list = try await IdentityPagesTests.get(client, "/me/cases", session: session)
            #expect(list.text.contains("您还没有办件"), "nothing is saved while the form is wrong")
        }
    }

    @Test("draft, upload, submit: the receipt shows the grouped number, materials and how to follow progress")
    func applyAndReceipt() async throws {
        try await CasePageSupport.run { client, _ in
            // setup
            let session = try await IdentityPagesTests.signIn(client)
            let draft = try await IdentityPagesTests.post(
                client, "/cases/apply/\(CasePageSupport.foodPermit)", CasePageSupport.foodForm, session: session)
            let id = try CasePageSupport.caseID(draft)
            // act: submitting too early is refused on the page, then the materials go up
            let early = try await IdentityPagesTests.post(client, "/me/cases/\(id)/submit", [:], session: session)
            let wrongType = try await CasePageSupport.upload(
                client, case: id, code: "M03", session: session, content: Data("MZ".utf8))
            for code in ["M03", "M04"] {
                _ = try await CasePageSupport.upload(client, case: id, code: code, session: session)
            }
            let page = try await IdentityPagesTests.get(client, "/me/cases/\(id)", session: session)
            let submitted = try await IdentityPagesTests.post(client, "/me/cases/\(id)/submit", [:], session: session)
            let receipt = try await IdentityPagesTests.get(client, "/me/cases/\(id)/receipt", session: session)
            let list = try await IdentityPagesTests.get(client, "/me/cases", session: session)
            // verify
            #expect(draft.headers[.location] == "/me/cases/\(id)?done=drafted")
            #expect(early.status == .unprocessableContent && early.text.contains("申请材料不齐全"))
            #expect(wrongType.status == .unprocessableContent && wrongType.text.contains("文件内容与类型不符"))
            #expect(page.text.contains("M03.pdf") && page.text.contains("草稿"))
            #expect(submitted.headers[.location] == "/me/cases/\(id)/receipt")
            let number = try #require(CasePageSupport.number(receipt.text))
            #expect(number.hasPrefix("130100 20260428 "))
            #expect(receipt.text.contains("食品安全管理制度文本（电子）") && receipt.text.contains("市市场监督管理局"))
            #expect(
                receipt.text.contains("张*") && receipt.text.contains("5个工作日")
                    && receipt.text.contains("/cases/progress"))
            #expect(list.text.contains(number) && list.text.contains("待受理"))
        }
    }

    @Test("a file uploaded without the page's CSRF token is refused")
    func uploadNeedsToken() async throws {
        try await CasePageSupport.run { client, _ in
            let session = try await IdentityPagesTests.signIn(client)
            let draft = try await IdentityPagesTests.post(
                client, "/cases/apply/\(CasePageSupport.foodPermit)", CasePageSupport.foodForm, session: session)
            let id = try CasePageSupport.caseID(draft)

            let forged = try await CasePageSupport.upload(
                client, case: id, code: "M03", session: session, csrf: "forged-token-0123456789abcdefABCDEFGHIJKLM")

            #expect(forged.status == .forbidden)
        }
    }

    @Test("the progress query finds the case by number and ID tail; anything else reads 未查到办件")
    func progress() async throws {
        try await CasePageSupport.run { client, _ in
            // setup
            let (session, id) = try await CasePageSupport.submittedCase(client)
            let receipt = try await IdentityPagesTests.get(client, "/me/cases/\(id)/receipt", session: session)
            let number = try #require(CasePageSupport.number(receipt.text))
            let query = number.replacingOccurrences(of: " ", with: "+")
            // act
            let found = try await IdentityPagesTests.get(client, "/cases/progress?number=\(query)&idTail=071233")
            let wrongTail = try await IdentityPagesTests.get(client, "/cases/progress?number=\(query)&idTail=999999")
            let garbage = try await IdentityPagesTests.get(client, "/cases/progress?number=12345&idTail=1233")
            let form = try await IdentityPagesTests.get(client, "/cases/progress")
            // verify
            #expect(found.status == .ok && found.text.contains("提交申请") && found.text.contains("待受理"))
            #expect(found.text.contains("食品经营许可（新办）") && !found.text.contains("张三"))
            for miss in [wrongTail, garbage] {
                #expect(miss.status == .notFound && miss.text.contains("未查到办件"))
            }
            #expect(form.status == .ok && !form.text.contains("未查到办件"))
        }
    }

    @Test("withdrawing ends the case with the reason in its timeline; another person cannot see it")
    func withdrawAndPrivacy() async throws {
        try await CasePageSupport.run { client, _ in
            let (session, id) = try await CasePageSupport.submittedCase(client)
            _ = try await IdentityPagesTests.post(client, "/register", IdentityPagesTests.li)
            let other = try await IdentityPagesTests.signIn(
                client, as: IdentityPagesTests.li["phone"]!, password: IdentityPagesTests.li["password"]!)

            let peek = try await IdentityPagesTests.get(client, "/me/cases/\(id)", session: other)
            let withdrawn = try await IdentityPagesTests.post(
                client, "/me/cases/\(id)/withdraw", ["reason": "材料需要重新准备"], session: session)
            let page = try await IdentityPagesTests.get(client, "/me/cases/\(id)", session: session)

            #expect(peek.status == .notFound)
            #expect(withdrawn.headers[.location] == "/me/cases/\(id)?done=withdrawn")
            #expect(page.text.contains("已撤回") && page.text.contains("理由：材料需要重新准备"))
        }
    }
}
