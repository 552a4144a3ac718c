// Test-only RSA-2048 keys, generated once with OpenSSL 3.0 (`openssl genpkey -algorithm RSA
// -pkeyopt rsa_keygen_bits:2048`; the PKCS#1 copy with `openssl rsa -traditional`). They sign
// nothing outside these tests.

/// Fixed RSA keys for the Alipay tests: generating keys in every test would be slow and would
/// keep the Python-computed signing vector from being reproducible.
enum AlipayTestKeys {
    /// The application's private key (应用私钥), PKCS#8 PEM.
    static let appPrivateKey = """
        -----BEGIN PRIVATE KEY-----
        MIIEvAIBADANBgkqhkiG9w0BAQEFAASCBKYwggSiAgEAAoIBAQClYk2Xe/eRXyJl
        M3fBEFJc3wb6I/LneCZ0Thys7cFV/N0BW5nQXDiVZ/1wc6CtlKCZzWlHSbNSfN2p
        2qSj6iFrTguCPal1iaAW6y57uar30xb+yeONNclznNzAN5Pny8kS6ZY9VRbEzDuk
        BqNAHAsOGRYVLK0u9fxZ6jAyB11xOCmJZXv++eTpcyQGSZni6y1mPGrQ4c503+zL
        U1dEDt4Rb9MOGP8q91hxfhfBVJniDR7q03+MKaLTrCIOJaPMIncdM3Rx74aYHhhB
        gJI819BUws0/if/KO6IJ/9PqVryMESQba5/aYeIPvK1E/yqp6YJwQxB/q9K4l5+I
        Uy6EEg7HAgMBAAECggEAKuVk97olO/T/gF1Jne9kVYdZkW7alZQR8U/DW00tvOZh
        0nTWX/dTi9kVoOG01uD6iPoA6QciNm6BtgkqdAOJ2IG9NXJV7lEcj2U/wMKnKDF9
        wOdPmLRPRKf2j/q6Z8BxLnEc0VqtFa1deM1p8Xp0mZsDIcndP5V49z9pcch8QZ2j
        Qg39QlTtLvi6dKkFgMsn1nhN0amVV68SKiR+xoiU3B9X6VZHZCcFQO39UWaPZNqt
        buz4A9wn0XylmOJBpeSVPBBD/xoVjMMKg1z2fhn+2yiFg6moIV+c5A/HSfBB8Wp9
        dJMpr5LSNLA3njW0Ba7Zh4YO/rqnEJq/rFjn3pd9NQKBgQDV+J4Tk9m+tzjIBME4
        Ao9RQwTTbWX0pyTjDJDEDQ0D3ppQ0niEEobxMaL582+/V7/mDT11udP7xbb/tB3Q
        gZRUdf2ygwOucFmkz240rqgi1Op2T4eLPgZrQXXqwFcn3ygy/pk7s5oaGyRqq5PH
        VLrL1V3WHkcFY/Z5vS2DNCbANQKBgQDF3oQGJ1ZIXoVthcqVlKgVu7TjMcOgncAS
        CFWCuymHqIiYlFfnDDQ7XWpTxDZNVHutqbxG6H424mWG3sXgYFI5Yl66UJmmuvD8
        ulSpk/362JTShLQT69nqVdxSe+UPxkWxFVe62Wa21Pg4BUhx6aW7ASj50h3k+ore
        lnNS12MqiwKBgARngrF6eJ/xW4zadDO38cVFcOL9PH0Ft7+osY4nip4Kxfhl7K8j
        Rn3OfMFSXnl8z+lnWl2C/rcPAc5PodF56Vi3uQokoj3D+ERpNKaG9dUJtu3Kg0q9
        cxpgFZJIdULP2B78mKDe+IwTBPPhJkCTIOkzMiRHKUUWIqus1jP+LdIFAoGAckw8
        FVXpyHoZNw/e2xL5GTzJm6emaoRVa9U2mALHVZ6r8P9X25Y4IcavYd3oxDi2DLYM
        lSU9qzSSExtiUF8zgARr1dIzP5WjGUoFF8PuJVWwef7ACvXldjDMyTTaN4d/wHAk
        skFczOYu0CV1GKAv5NshsVWHgTqct0FPMp5KoUsCgYA9pRppvtmLI70ImUIfeY2C
        KTQtRR92Ap9yPOnWNiGsbjv9I2qixHyxJP4DEoi9EbPHEcNNq7I3MAc6S6d+DHUa
        smThvJJ3+uoOusW5Wf30t8ZNttk4DFOKAFzxQ1LtmXn0/6rYCfKuOIM2J4S83i9h
        aRkEb1KDCWwhdw9y6hztYg==
        -----END PRIVATE KEY-----
        """
    /// The same application key as PKCS#1 PEM (`RSA PRIVATE KEY`).
    static let appPrivateKeyPKCS1 = """
        -----BEGIN RSA PRIVATE KEY-----
        MIIEogIBAAKCAQEApWJNl3v3kV8iZTN3wRBSXN8G+iPy53gmdE4crO3BVfzdAVuZ
        0Fw4lWf9cHOgrZSgmc1pR0mzUnzdqdqko+oha04Lgj2pdYmgFusue7mq99MW/snj
        jTXJc5zcwDeT58vJEumWPVUWxMw7pAajQBwLDhkWFSytLvX8WeowMgddcTgpiWV7
        /vnk6XMkBkmZ4ustZjxq0OHOdN/sy1NXRA7eEW/TDhj/KvdYcX4XwVSZ4g0e6tN/
        jCmi06wiDiWjzCJ3HTN0ce+GmB4YQYCSPNfQVMLNP4n/yjuiCf/T6la8jBEkG2uf
        2mHiD7ytRP8qqemCcEMQf6vSuJefiFMuhBIOxwIDAQABAoIBACrlZPe6JTv0/4Bd
        SZ3vZFWHWZFu2pWUEfFPw1tNLbzmYdJ01l/3U4vZFaDhtNbg+oj6AOkHIjZugbYJ
        KnQDidiBvTVyVe5RHI9lP8DCpygxfcDnT5i0T0Sn9o/6umfAcS5xHNFarRWtXXjN
        afF6dJmbAyHJ3T+VePc/aXHIfEGdo0IN/UJU7S74unSpBYDLJ9Z4TdGplVevEiok
        fsaIlNwfV+lWR2QnBUDt/VFmj2TarW7s+APcJ9F8pZjiQaXklTwQQ/8aFYzDCoNc
        9n4Z/tsohYOpqCFfnOQPx0nwQfFqfXSTKa+S0jSwN541tAWu2YeGDv66pxCav6xY
        596XfTUCgYEA1fieE5PZvrc4yATBOAKPUUME021l9Kck4wyQxA0NA96aUNJ4hBKG
        8TGi+fNvv1e/5g09dbnT+8W2/7Qd0IGUVHX9soMDrnBZpM9uNK6oItTqdk+Hiz4G
        a0F16sBXJ98oMv6ZO7OaGhskaquTx1S6y9Vd1h5HBWP2eb0tgzQmwDUCgYEAxd6E
        BidWSF6FbYXKlZSoFbu04zHDoJ3AEghVgrsph6iImJRX5ww0O11qU8Q2TVR7ram8
        Ruh+NuJlht7F4GBSOWJeulCZprrw/LpUqZP9+tiU0oS0E+vZ6lXcUnvlD8ZFsRVX
        utlmttT4OAVIcemluwEo+dId5PqK3pZzUtdjKosCgYAEZ4Kxenif8VuM2nQzt/HF
        RXDi/Tx9Bbe/qLGOJ4qeCsX4ZeyvI0Z9znzBUl55fM/pZ1pdgv63DwHOT6HReelY
        t7kKJKI9w/hEaTSmhvXVCbbtyoNKvXMaYBWSSHVCz9ge/Jig3viMEwTz4SZAkyDp
        MzIkRylFFiKrrNYz/i3SBQKBgHJMPBVV6ch6GTcP3tsS+Rk8yZunpmqEVWvVNpgC
        x1Weq/D/V9uWOCHGr2Hd6MQ4tgy2DJUlPas0khMbYlBfM4AEa9XSMz+VoxlKBRfD
        7iVVsHn+wAr15XYwzMk02jeHf8BwJLJBXMzmLtAldRigL+TbIbFVh4E6nLdBTzKe
        SqFLAoGAPaUaab7ZiyO9CJlCH3mNgik0LUUfdgKfcjzp1jYhrG47/SNqosR8sST+
        AxKIvRGzxxHDTauyNzAHOkunfgx1GrJk4bySd/rqDrrFuVn99LfGTbbZOAxTigBc
        8UNS7Zl59P+q2AnyrjiDNieEvN4vYWkZBG9SgwlsIXcPcuoc7WI=
        -----END RSA PRIVATE KEY-----
        """
    /// The application's public key (应用公钥), as uploaded to the open platform.
    static let appPublicKey = """
        -----BEGIN PUBLIC KEY-----
        MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEApWJNl3v3kV8iZTN3wRBS
        XN8G+iPy53gmdE4crO3BVfzdAVuZ0Fw4lWf9cHOgrZSgmc1pR0mzUnzdqdqko+oh
        a04Lgj2pdYmgFusue7mq99MW/snjjTXJc5zcwDeT58vJEumWPVUWxMw7pAajQBwL
        DhkWFSytLvX8WeowMgddcTgpiWV7/vnk6XMkBkmZ4ustZjxq0OHOdN/sy1NXRA7e
        EW/TDhj/KvdYcX4XwVSZ4g0e6tN/jCmi06wiDiWjzCJ3HTN0ce+GmB4YQYCSPNfQ
        VMLNP4n/yjuiCf/T6la8jBEkG2uf2mHiD7ytRP8qqemCcEMQf6vSuJefiFMuhBIO
        xwIDAQAB
        -----END PUBLIC KEY-----
        """
    /// The simulator's key, standing in for Alipay's.
    static let alipayPrivateKey = """
        -----BEGIN PRIVATE KEY-----
        MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQDJRGroraWm5Tjr
        bGnNc21z39/GZr+VIQPd8EOxjh0wJ1tQRU0tngseJTWDDwPSGHgnMvtC7HGbnm+c
        ezQIc5gxy7h6EOU5JnAmyURwGMI48kGqScYRSAZwdI54z3jNDr0WB2xWUzgqspDC
        Mo8fyT7vUrf7E0PFzPSECV6B1bgu8smySRmHagTm/RlBfATTDnV0s1qJuwwDKKAI
        rcTwD8MGGr24+7tp0zFDT8QibN+gYiM3RPpq128xShlQfJopuj6lg1FbajJnQmTz
        RWgz98E428RpWW4VsDapz7RsAjADaqp/lMUtZFUIbtIsStCC07TdAc/3sKRUOYUh
        FKAcBxqdAgMBAAECggEACDnOHsVeFFSg/2o2Zsm1avt24152rQsk49C6i4qx4bJy
        FnVGorsnXCuMJNebwd3zJzL7tu//8qrGiAA3D7NdwIdBemevXqcWBVfLfsNcSMSJ
        74JFYJZvgPAalJByMPtNuhVClcKf9IrIxM8ZL2TjuBdK4q2WYwKt6amSXb8U4IJE
        JboENZ2qRa188JTFCefvhx68yFSVYKmOySqKCcWj+kiQohKGDfT1A5oMkkdAqsin
        xNXLOkl4PZr3PwFgGEQg7Ohktrgohcx8m0XWCvN9PjyImeo1oOcR0Kn8aJq4R5gY
        ntrVuoN13+PNklP66OU4NV7y+rrj8aVWFCNYd0mCVwKBgQD0sC0Xmnf9pep49276
        5pmpraopD9vuD08QU0nK7QXCwQlZeuukhyXM2k+u3ZKLb4KnWbNVpPfgKlgFCsRK
        vD4Ns87azBuOAY7pj4Sqsg4b/xw3g4iDJV2/45FnBysq3om9rARAgL90h09MsC/f
        ogBYTGbxLLcGIQ21PpqcT3Yi5wKBgQDSkl2UJN6Ko2U9gUYWC4VWQvj0ZYbVMh+r
        1ZGL+Wqm9h5BJyhORgb/VUIDjl4V3zhphA5dOgbisldbJQV6bF1ZgzyNM1PgLyBa
        Gr0Hyk7v8cDO8hFhJ8j1DjskMSs7yJBuAH1MrnEiIaxzpbk9Wc/1bgoKElW8irEe
        c1RAntXp2wKBgQCbBqvrEnEHgYFG1u23hTbCLEds8KFU+NoM69gK+5T0yTzVNm3p
        tb6bRY3KqpNYSHQs90YJ8xUhL3LI7wNinlVqdQuP0FV86TvUepuBUoJh9oW4Hlv1
        S01UcCgFcKNG6+u1AjFHdMrYV4pEejQ6qfcx+mYWU1A6T+LRfDKU6jtc7QKBgGrL
        XLaDtHIvyGrXI4qOsUM8mDKrQyThVPq7SCPrjVG8RT/Z8jEwht/8h4xyKfmByoSJ
        OxfBFDjpJjDNp+edCgMZ8h3SyFlMzWWlZfWLf1lmDNloH7Rcjyjp3MjQPxME92sy
        yFmZpzseRO4qQLaC1FuvQVw2TFFhLc85wqM7a1Y9AoGAAMxn0nyHPyha5KBt59+3
        rfUbSjgAVvDXIw/+B98b3h9RcGdHM/k+5c92uog/OBCdP/++ADcM7a456SSzVCw0
        9jZY7rjGrbR70P7f56VBpJ7aOMUaVyesWvDJiHp0c778gKvuKiIdhlqnOEVxXdgw
        orez1Ic28MdwLQAbIS/1lTI=
        -----END PRIVATE KEY-----
        """
    /// Alipay's public key (支付宝公钥) as the application is configured with it.
    static let alipayPublicKey = """
        -----BEGIN PUBLIC KEY-----
        MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAyURq6K2lpuU462xpzXNt
        c9/fxma/lSED3fBDsY4dMCdbUEVNLZ4LHiU1gw8D0hh4JzL7Quxxm55vnHs0CHOY
        Mcu4ehDlOSZwJslEcBjCOPJBqknGEUgGcHSOeM94zQ69FgdsVlM4KrKQwjKPH8k+
        71K3+xNDxcz0hAlegdW4LvLJskkZh2oE5v0ZQXwE0w51dLNaibsMAyigCK3E8A/D
        Bhq9uPu7adMxQ0/EImzfoGIjN0T6atdvMUoZUHyaKbo+pYNRW2oyZ0Jk80VoM/fB
        ONvEaVluFbA2qc+0bAIwA2qqf5TFLWRVCG7SLErQgtO03QHP97CkVDmFIRSgHAca
        nQIDAQAB
        -----END PUBLIC KEY-----
        """
    /// A key nobody trusts, for forged signatures.
    static let otherPrivateKey = """
        -----BEGIN PRIVATE KEY-----
        MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQDPO1HnbXScc8Y9
        vIV++hQHmgpcaijtducC+3CzT6wPZ0M3mTGWRPnB4EssJ+vkq4oo27jAibIScGvQ
        IurYlV05ZmN4YbYanpi2B5mbgtO+f2WrRlLA/MfsIUrbHDEK/ZT89uKY3B0EuWD9
        uC6pme8WZ9FcJNQz9JFN9Iy8wnYzDkeiMpsDpFIIRAxzZk7jBnic5o2179ItMi6/
        fCyeE+FdE4o+eoltAshEbXRicwha+oZ+x8JQiZ574PmbBQUJ7t2fEO1ZIbQ6Qozw
        eR1drDqn35ETE5aUkU7kd/hml+4Rf28U9n8Ta6+tmZTKyYkQCs6Wuze7cuonFRcL
        KH52RPGnAgMBAAECggEAQD+NbJlISoswXoqYvt3MoPC2nqFBMCIpjAilj8o3N41V
        zyJ9N7AJ2PxvgfCcl4hBbNp2RKdMIKBfJKf2tJBWV0nxs+xjV4xtHx5rFsYwXMLF
        pBzI4lFcsE5AFX9/iv9Elkr6xNaVXpYUxoS4Xte9Qu6L/6vhaHw+InObwJfvqnMH
        l+kHwrYMqQs4eDa1P9zv7zcNzy0ET5TRofzKG1zelbzXg+yvJrFRXT3LgXSShb33
        txYfJsPg0rGRiuMDynBpSdRApedOjIsMU5PeK6dQnRC51rjFyTHuZULnWIGlsqIE
        1dQHZEgol90fq3qGSWhXm1Yf2evOT7+EzbAOW1HGnQKBgQDpkgIyR923GMmIRkaf
        Wkauazq6nVkMzAd61yGkKKIP0yg7qxRrAnONFf+lz+BR2lilNYdtBH3uyIu5ybCX
        1Eh8jCh2veBhS6FLrAxzLmquBwpEVHrsmGg09w/sVbVBGcIolYGC0AVi1EZCYaU8
        ErKOK45gharOfOsmffFoVH2pwwKBgQDjIdBkwV9PnyPqGxq9q3VCyW453bh8r7QI
        dUJvgpei2blytrMk3mEkW1zOqfTeUzfU8CaVWoWdkBZx4CCD2EreAYuuk78cNwy9
        35ILP/ASfdplvgcpBlNTri3Zb8PWDpeD+Njgai+js8oNMEWsT5d5mtkkClZNLFYR
        eJxXMlN2TQKBgQDicxfEDd8MrHB/ubqwtoK+ieG3meQDPzClTTwlfuuYsh1YtEYo
        dYj4KXLhHIicczfsfNhevrMltbOaHcwjd8ILVovIi9CmJAAucJDlfwQY02SF2O4Q
        wraNW1dJx9LiWgne9QxKekouhiXUJ/1eH7aTlfEE7bMrXPtTJ1nMz9XBpwKBgAK0
        63PX7hfX0KjAi/AItAwItHySDNnHikCzjQghKUdyisg4LyhYUhYJ1LBNzDI+EaNC
        /WK4QnFfPzU6M4j+sd21bQG2lwdyDH/Swz3JFEZUI58kxZcSkTmlELzPnSjW4a1b
        8NGz0j+EK/s+QQZNqIN1efL5AJBI3/mzU0GiwuXdAoGBAOAga/ZmMntIsv1Wdw2G
        L2417coIv4pPsvMmGLe+P6u3bSftzyiFaXX5YNn1YNdj20LTXEPr/G3bHRe6h/Mh
        xz8HQMJZ2zIfO+jTatVLRBIFutAz+30oK+v4gu+a7n+cE1O1W/7dtOGGiiPkP4FI
        BFdRF+9hXvbQU/jiliR2dCGI
        -----END PRIVATE KEY-----
        """
}
