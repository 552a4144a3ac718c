/// Vectors computed outside Swift with Python's `cryptography` 48 (and the request signature
/// checked again with `openssl dgst -sha256 -sign`), from the keys in `WeChatPayTestKeys`:
///
/// ```python
/// sign = lambda k, m: b64encode(k.sign(m, padding.PKCS1v15(), hashes.SHA256())).decode()
/// sign(merchant, b"POST\n/v3/pay/transactions/native\n1554208460\n593BEC…B242\n" + body + b"\n")
/// ct = b64encode(AESGCM(b"zt-wechat-apiv3-key-for-test-32b").encrypt(b"0123456789ab", plain, b"transaction"))
/// sign(platform, b"%d\n%s\n%s\n" % (notificationTimestamp, notificationNonce, notificationBody))
/// ```
enum WeChatPayVectors {
    /// The request of the signature vector.
    static let requestTimestamp: Int64 = 1_554_208_460
    static let requestNonce = "593BEC0C930BF1AFEB40B4A08C8FB242"
    static let requestBody =
        #"{"appid":"wxd678efh567hg6787","mchid":"1230000109","description":"不动产登记费","out_trade_no":"13010520260214000017","amount":{"total":8000,"currency":"CNY"}}"#
    /// SHA256withRSA of the request's message under the merchant key.
    static let requestSignature =
        "fV4GMDZlt+mDNnnJ8V+EOs9XW0A5tdTHrQoIsZy4fc0PWcUJrpzwCGk+lJTcM8ZvywAtAMns1YVthFpNF9b2RhSDdJ48j9+Obhrq3JQANjerhF3kkux+Rh/QkF3oiBorYEyDDHPyvPHRIq9LUmwkatAmXh+lqysic+J6xV1370yyjkaOlyTMT4NmQgJbdTvn8bp3NCc29xh3UMzTYNmIUC0moqY0r7mDqPSnp6HVPn0YHFeejB5QbDuR28Iz7Rq/rVNhfL5t7JztMsouGxKYr+3z+JG7TskBNFuVl+KFOMcyhteDRoQDF1aRxF3Kba5sXZ40OJX21eE6RNrOh+RCnQ=="

    /// The APIv3 key of the notification vector (32 bytes).
    static let apiV3Key = "zt-wechat-apiv3-key-for-test-32b"
    /// 2026-02-14T10:08:25+08:00.
    static let notificationTimestamp = "1771034905"
    static let notificationNonce = "e0b4a8f0f1c94e0cbd4cdb3bd4b13c6e"
    /// A `TRANSACTION.SUCCESS` notification whose resource seals a paid transaction of 80.00 元
    /// (`13010520260214000017`, `4200000000202602140000000017`, paid 2026-02-14T10:08:24+08:00).
    static let notificationBody =
        #"{"id":"EV-2026021410082400001","create_time":"2026-02-14T10:08:24+08:00","resource_type":"encrypt-resource","event_type":"TRANSACTION.SUCCESS","summary":"支付成功","resource":{"original_type":"transaction","algorithm":"AEAD_AES_256_GCM","ciphertext":"sAaPxSOtreIB/TyrPGi9zYzMO1pbBr/rC9FyXVWIBo+bZWfhmb0ajCvC4VoWVFvMOvyZFPVll3eDwuizs2msZ01pH5+fgE4kowKQ6Ky4EqrAasstqRhhR82N4nnZi6FDpdos/sSBMy9W85bmh/+Ce76hD2PnxHAGV4gEF+COQ5h8qouUT/CtzlXXklxxE39cgJfOPjn/akmgOV4yhwkrHTTu2FiFwv/56Z0J+lXKYXscuoOJPQbYvxmM/XFcLDvte5pqbHSnVaXf62e/cj+TJLVcCuz5XU+Wu0cWRpjubpReyyl3sTj6O1wiKNfxwlYfqP2OWzGTGpFcFlF8C5VyOL/xPrZNbo1gKe7AMZbNxHzquPGgWIEljK4aB5tmCadZoeqrVK+5lyllWDsPMQM+2Jo9CnOkbbQcRdkUF2TeQ1AXllzarqpW/Pg9FDJN0nfO3PA2LRKqTftHeZS7v4I8YblXSjgd2abkmOuX1UbKOzTfPXsrJU9i/1af4nXeZayKqE1D/+uPViiBeN+D/pa0vF5Us/MDCUZPKO9Yqg3xKmcMkKS9lJqvnQ0kQldS0twetploM3+mnz4+jg==","associated_data":"transaction","nonce":"0123456789ab"}}"#
    /// SHA256withRSA of `timestamp\nnonce\nbody\n` under WeChat Pay's (the platform) key.
    static let notificationSignature =
        "rztChLKmysVKhBMyhTPgK2OCxBXj1v9gCbiYdyQW7KGyCwAnR3eMU4bauOP+o7l85s+G5Dk7NqoFH7HiVFm8VH2jU1PI1z1YQ6PnPnRfcWOWp5qBbNn42laI6NGSqADkyy6JF3ccyrQ0newTOqRtIxDGhWwpcO/52RmFzTd27ARWRtZfNcaYpv/MzhBMfwD1gJu+b/Dz4FUMwIznzX0lT47mjXUfRQq21FhpLi1woQ3boDL+joVHpfKrOEOK3K3uRah0pvNGsnNntY5Ap+26TZr+ULlk6i68MxkXkZLI8swxpTSx/1eMy+JOd2tV2g0UihXXJuRpUNTk1ISDgKIMLQ=="
}
