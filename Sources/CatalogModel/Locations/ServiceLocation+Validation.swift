public import Kernel

extension ServiceLocation {
    /// Throws `invalid` naming the first field a location must not hold.
    public func validate() throws(DomainError) {
        func refuse(_ detail: String) -> DomainError {
            DomainError(.invalid, code: "catalog.invalid-location", title: "服务场所信息有误", detail: detail)
        }
        guard !code.isEmpty, code.count <= 40,
            code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") })
        else { throw refuse("场所编码应为40位以内的字母、数字或连字符。") }
        guard !name.isEmpty, name.count <= 100 else { throw refuse("场所名称不能为空，且不超过100个字。") }
        guard !address.isEmpty else { throw refuse("请填写场所地址。") }
        guard (0...500).contains(windows) else { throw refuse("窗口数应在0到500之间。") }
        guard (-90...90).contains(latitude), (-180...180).contains(longitude), latitude.isFinite, longitude.isFinite
        else { throw refuse("经纬度超出范围：纬度在-90到90之间，经度在-180到180之间。") }
        for text in [code, name, address, hours, phone]
        where text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            throw refuse("内容含有不可见的控制字符，请删除后重试。")
        }
    }
}
