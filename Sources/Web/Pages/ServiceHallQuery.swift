import Catalog
import CatalogModel
import Foundation
import Hummingbird
import Kernel

/// The service hall's query parameters, read and checked once for the pages and the JSON API.
///
/// Every refusal is a `catalog.bad-query` naming the parameter and what it accepts, so a person
/// sees it above the form and a program gets it as a 400 problem.
enum ServiceHallQuery {
    /// The longest search text accepted; longer text is a paste accident, not a query.
    static let maximumQueryLength = 100
    /// The furthest offset a search page may start at.
    static let maximumOffset = 10_000

    static func invalid(_ detail: String) -> DomainError {
        DomainError(.invalid, code: "catalog.bad-query", title: "查询参数有误", detail: detail)
    }

    /// The value of `name`, nil when absent or empty (an empty select means "any").
    static func value(_ request: Request, _ name: String) -> String? {
        guard let value = request.uri.queryParameters[Substring(name)], !value.isEmpty else { return nil }
        return String(value)
    }

    /// The browse filter of `audience`, `event`, `department`, `theme` and `type`.
    static func filter(_ request: Request) throws(DomainError) -> CatalogFilter {
        var filter = CatalogFilter()
        if let text = value(request, "audience") {
            guard let audience = Audience(rawValue: text) else {
                throw invalid("服务对象 audience 应为 person（个人）或 enterprise（法人）。")
            }
            filter.audience = audience
        }
        if let text = value(request, "event") {
            guard let event = LifeEvent(rawValue: text) else {
                throw invalid("“\(shown(text))”不是已知的人生事件或企业生命周期阶段。")
            }
            filter.lifeEvent = event
        }
        if let text = value(request, "department") {
            guard let id = UUID(uuidString: text) else { throw invalid("部门 department 应为部门编号（UUID）。") }
            filter.departmentID = id
        }
        if let text = value(request, "theme") {
            guard text.count <= 40, !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
            else { throw invalid("主题 theme 不能超过40个字。") }
            filter.theme = text
        }
        if let text = value(request, "type") {
            guard let type = ItemType(rawValue: text) else { throw invalid("“\(shown(text))”不是已知的事项类型。") }
            filter.itemType = type
        }
        return filter
    }

    /// The paging of a list: `limit` with `cursor` or `offset`.
    static func page(_ request: Request, defaultLimit: Int = PageRequest.defaultLimit) throws(DomainError)
        -> PageRequest
    {
        let offset = value(request, "offset")
        if let offset, let number = Int(offset), number > maximumOffset {
            throw invalid("分页偏移 offset 不能超过\(maximumOffset)，请改用 cursor 继续翻页。")
        }
        return try PageRequest(
            limit: value(request, "limit") ?? String(defaultLimit), cursor: value(request, "cursor"), offset: offset)
    }

    /// The search text `q`: trimmed, required, at most `maximumQueryLength` characters.
    static func searchText(_ request: Request) throws(DomainError) -> String {
        // A form sends spaces as `+`; the router only percent-decodes.
        let text = (value(request, "q") ?? "").replacingOccurrences(of: "+", with: " ")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw invalid("请输入要查找的事项名称或关键词，如“营业执照”“开饭店”。") }
        guard text.count <= maximumQueryLength else { throw invalid("搜索内容不能超过\(maximumQueryLength)个字，请缩短后重试。") }
        guard !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw invalid("搜索内容含有不可见的控制字符，请删除后重试。")
        }
        return text
    }

    /// A search page: `offset` in 0…`maximumOffset` and `limit` in 1…100.
    static func searchPage(_ request: Request, pageSize: Int = 10) throws(DomainError) -> PageRequest {
        let offset = value(request, "offset")
        if let offset, let number = Int(offset), number > maximumOffset {
            throw invalid("分页偏移 offset 不能超过\(maximumOffset)。")
        }
        return try PageRequest(limit: value(request, "limit") ?? String(pageSize), cursor: nil, offset: offset)
    }

    /// The day `on`, or nil for today.
    static func day(_ request: Request) throws(DomainError) -> CalendarDay? {
        guard let text = value(request, "on") else { return nil }
        return try CalendarDay(parsing: text)
    }

    /// A division code `division`, or nil.
    static func division(_ request: Request) throws(DomainError) -> DivisionCode? {
        guard let text = value(request, "division") else { return nil }
        return try DivisionCode(text)
    }

    /// The point `lat`/`lng`, nil when neither is given; one without the other is refused.
    static func point(_ request: Request) throws(DomainError) -> (latitude: Double, longitude: Double)? {
        switch (value(request, "lat"), value(request, "lng")) {
        case (nil, nil): return nil
        case (let lat?, let lng?):
            guard let latitude = Double(lat), let longitude = Double(lng), latitude.isFinite, longitude.isFinite,
                (-90...90).contains(latitude), (-180...180).contains(longitude)
            else { throw invalid("位置有误：纬度 lat 应在-90到90之间，经度 lng 在-180到180之间。") }
            return (latitude, longitude)
        default: throw invalid("请同时提供纬度 lat 和经度 lng。")
        }
    }

    /// A business item code `name`, checked in form, or nil.
    static func itemCode(_ request: Request, _ name: String = "item") throws(DomainError) -> String? {
        guard let text = value(request, name) else { return nil }
        return try BusinessItemCode(text).rawValue
    }

    /// A bundle code, checked in form: letters, digits and hyphens, at most 40.
    static func bundleCode(_ text: String) throws(DomainError) -> String {
        guard !text.isEmpty, text.count <= 40,
            text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") })
        else { throw invalid("一件事编码应为40位以内的字母、数字或连字符。") }
        return text
    }

    /// The `limit` of the nearby list, 1…100, default 10.
    static func nearbyLimit(_ request: Request) throws(DomainError) -> Int {
        guard let text = value(request, "limit") else { return 10 }
        guard let limit = Int(text), (1...100).contains(limit) else { throw invalid("limit 应为1到100之间的整数。") }
        return limit
    }

    /// User text as an error message quotes it: short and on one line.
    static func shown(_ text: String) -> String {
        String(text.prefix(40).filter { !$0.isNewline })
    }
}
