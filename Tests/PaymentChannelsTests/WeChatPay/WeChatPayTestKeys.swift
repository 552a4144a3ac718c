/// Fixed RSA-2048 keys for the WeChat Pay tests, made once with OpenSSL 3.0:
/// `openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048` (PKCS#8), the PKCS#1 form of the
/// merchant key with `openssl rsa -traditional`, and public keys with `openssl pkey -pubout`.
/// They protect nothing; fixed keys keep the tests fast and make the vectors below reproducible.
enum WeChatPayTestKeys {
    /// The merchant's API private key, PKCS#8.
    static let merchantPKCS8 = """
        -----BEGIN PRIVATE KEY-----
        MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQCyPrvS/yE0XWmC
        cJPlKUqiNzz5p+4HBYEs0Ilvw2DCrRHwlyN6+cLRcJHnOZ2TQnv+gNQz08Sik/++
        Lipdb6dZh1CeFXyFAUaZx7daF9HSUnGbujQlrd6rbbWZVGpavYSH1AbuiO8qbXYz
        jwc5z/j+DjDjEppnPtLgyO8fav4SJL75vdMfP7EMrk1Kf70o8jf8H4ecZ8PkCCsC
        FAPKNnMUOAMNvc3KnTbl6lLnS2F/1bRddDUySzCuxWHcn8cDqkt3wdFP31v75OEb
        b9VnMEq/aj51xFuu7zSNsHBwbNiRd4mEJdlkEsyMqyF8WOIcuUAzVK55iVRc44oP
        5Cy1c3mlAgMBAAECggEAANdRcRMxn6riLNKlrALoHoBWuhHcCm3w+Fpqj5uzKPAC
        oelAqluj2vOmSJpJv1Bkv+RxO+Zfqum6XvYeTo8QkdhU3c4ZppIFOIQL/jGXFKA9
        d3/nL5dUsefkX7sZfmCfD7oFJ1p/kGpwUJl37gKoeOBtxCCKGHsgKR3hnPsXBFRk
        iuSb9D+dgHmnkTUG6jMVdVwgZn15Bzgn8PoO1QLTODpewGO8o0Dm1/2fA5JBz5Ja
        WKKqG5rlmTXJnFoAWFt/kEUIKXN/q5rkVD2PKLhIhr6XC44QcCYFztU/zMWr5ilm
        u0q6zU+b1bT9TV5z2etkY/1Kwf2Dh+LJptwtVs4DEQKBgQDdRu0syLUfGqb6l+Ax
        AC6dtrFdGVBwBVG0qBSha+LtJ85Wzgdhkk5xKdlDPPk6oSb40eDe6DNtFZMqZ/SD
        Byk3vFN6Q8HFu9u3HKx882SkBXDCVvnqeDt6L5XXSvoTGyOPvuHNfSzplGDg4KPS
        S+NNUe6RxAgbofr9KGubDdw9kQKBgQDONyOOqAXp00UqqdptjLkfzVPf6aM2Ut4Q
        a8vN7TNBK99yFlTs88Yad5gyex5N6yvMu19ly28i6jV4Hdz6baE4WQy3FlSJIFIQ
        2CfM8UGeAu6wxerwhSth6VXiLsjtv8EguYBmGXffz6p6QhfNfXB+DOomaLUmL/yX
        9RCDmNBA1QKBgDKFRhNqg8flOuiOEna9lucVVituYyogXMZFdehhDH+fDgJNqevC
        DrzRlDRA0JptPsuih5f9Jfiq613MPExKL0P1cI3CuJQfzwtgtZUVsQ2t3E/Ssd6x
        ssqz4J82FCCWmqjwKPfUs5Nk+DV/tIeIIg5+PVz0h/FfK0Hvn5nYMUexAoGBAK5C
        UAzcFesq+lb8I7XRZhrmswsTbzWXv0nXHelNmbNn9LF/B5MYyP5Ss81s1wX3RhMC
        /7GQwMCbdEWlzrfc7pEkRydselFKe676Sl/YO5/gUH4XMdrAXhGmUUoKSQcHtJcH
        yuX8fZ0m6qPXuC+Q4f/SwAdnEjVL9cMfdy4Nc2ZlAoGAGDGNAq33lZe4Z2+u88fo
        eoAsEJKZ9eO71JhZL04Ctur8UkhH+hcWoXn2Tk7HBP4xtyC2iLm3vPx2Kp44V3jI
        baeUALLopfOkJJ0aZfoEHg/LRNr3fR9nxDOU8m2I11rvqySmJcQlyGbyzNpE4FVe
        yUj9v3677KwizmZdVHvAQVc=
        -----END PRIVATE KEY-----
        """

    /// The same merchant key in PKCS#1 (`BEGIN RSA PRIVATE KEY`).
    static let merchantPKCS1 = """
        -----BEGIN RSA PRIVATE KEY-----
        MIIEowIBAAKCAQEAsj670v8hNF1pgnCT5SlKojc8+afuBwWBLNCJb8Ngwq0R8Jcj
        evnC0XCR5zmdk0J7/oDUM9PEopP/vi4qXW+nWYdQnhV8hQFGmce3WhfR0lJxm7o0
        Ja3eq221mVRqWr2Eh9QG7ojvKm12M48HOc/4/g4w4xKaZz7S4MjvH2r+EiS++b3T
        Hz+xDK5NSn+9KPI3/B+HnGfD5AgrAhQDyjZzFDgDDb3Nyp025epS50thf9W0XXQ1
        MkswrsVh3J/HA6pLd8HRT99b++ThG2/VZzBKv2o+dcRbru80jbBwcGzYkXeJhCXZ
        ZBLMjKshfFjiHLlAM1SueYlUXOOKD+QstXN5pQIDAQABAoIBAADXUXETMZ+q4izS
        pawC6B6AVroR3Apt8Phaao+bsyjwAqHpQKpbo9rzpkiaSb9QZL/kcTvmX6rpul72
        Hk6PEJHYVN3OGaaSBTiEC/4xlxSgPXd/5y+XVLHn5F+7GX5gnw+6BSdaf5BqcFCZ
        d+4CqHjgbcQgihh7ICkd4Zz7FwRUZIrkm/Q/nYB5p5E1BuozFXVcIGZ9eQc4J/D6
        DtUC0zg6XsBjvKNA5tf9nwOSQc+SWliiqhua5Zk1yZxaAFhbf5BFCClzf6ua5FQ9
        jyi4SIa+lwuOEHAmBc7VP8zFq+YpZrtKus1Pm9W0/U1ec9nrZGP9SsH9g4fiyabc
        LVbOAxECgYEA3UbtLMi1Hxqm+pfgMQAunbaxXRlQcAVRtKgUoWvi7SfOVs4HYZJO
        cSnZQzz5OqEm+NHg3ugzbRWTKmf0gwcpN7xTekPBxbvbtxysfPNkpAVwwlb56ng7
        ei+V10r6Exsjj77hzX0s6ZRg4OCj0kvjTVHukcQIG6H6/Shrmw3cPZECgYEAzjcj
        jqgF6dNFKqnabYy5H81T3+mjNlLeEGvLze0zQSvfchZU7PPGGneYMnseTesrzLtf
        ZctvIuo1eB3c+m2hOFkMtxZUiSBSENgnzPFBngLusMXq8IUrYelV4i7I7b/BILmA
        Zhl338+qekIXzX1wfgzqJmi1Ji/8l/UQg5jQQNUCgYAyhUYTaoPH5TrojhJ2vZbn
        FVYrbmMqIFzGRXXoYQx/nw4CTanrwg680ZQ0QNCabT7LooeX/SX4qutdzDxMSi9D
        9XCNwriUH88LYLWVFbENrdxP0rHesbLKs+CfNhQglpqo8Cj31LOTZPg1f7SHiCIO
        fj1c9IfxXytB75+Z2DFHsQKBgQCuQlAM3BXrKvpW/CO10WYa5rMLE281l79J1x3p
        TZmzZ/SxfweTGMj+UrPNbNcF90YTAv+xkMDAm3RFpc633O6RJEcnbHpRSnuu+kpf
        2Duf4FB+FzHawF4RplFKCkkHB7SXB8rl/H2dJuqj17gvkOH/0sAHZxI1S/XDH3cu
        DXNmZQKBgBgxjQKt95WXuGdvrvPH6HqALBCSmfXju9SYWS9OArbq/FJIR/oXFqF5
        9k5OxwT+Mbcgtoi5t7z8diqeOFd4yG2nlACy6KXzpCSdGmX6BB4Py0Ta930fZ8Qz
        lPJtiNda76skpiXEJchm8szaROBVXslI/b9+u+ysIs5mXVR7wEFX
        -----END RSA PRIVATE KEY-----
        """

    /// The merchant's public key, which the simulator verifies requests with.
    static let merchantPublic = """
        -----BEGIN PUBLIC KEY-----
        MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAsj670v8hNF1pgnCT5SlK
        ojc8+afuBwWBLNCJb8Ngwq0R8JcjevnC0XCR5zmdk0J7/oDUM9PEopP/vi4qXW+n
        WYdQnhV8hQFGmce3WhfR0lJxm7o0Ja3eq221mVRqWr2Eh9QG7ojvKm12M48HOc/4
        /g4w4xKaZz7S4MjvH2r+EiS++b3THz+xDK5NSn+9KPI3/B+HnGfD5AgrAhQDyjZz
        FDgDDb3Nyp025epS50thf9W0XXQ1MkswrsVh3J/HA6pLd8HRT99b++ThG2/VZzBK
        v2o+dcRbru80jbBwcGzYkXeJhCXZZBLMjKshfFjiHLlAM1SueYlUXOOKD+QstXN5
        pQIDAQAB
        -----END PUBLIC KEY-----
        """

    /// WeChat Pay's private key, held only by the simulator.
    static let platformPKCS8 = """
        -----BEGIN PRIVATE KEY-----
        MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC28Sp4PYISPFq1
        VjJbhrOaE5MOAnzB+tD+745TXD6aEFPARu3fwvTJ5uBajsx0IvsM2kC0JXEnwloP
        pN+QDkozQ17bxlbbMEMGcfu9lw5iXdgL8HEHfUUcE9GJdPTQU6rSYalgALDMU298
        W32QvpEOT0mK2BomukEFnWp3CwRL+IjBFpkzUn4X13kkiughH1+KCe1zyqJ6z7/8
        1A12JR6JIn5ovDDTMqUS78llcLrAvWwYVIc9jpKbVgFpAfKfVIXXMXbclku5XRqs
        kLqVgr30HeT2+Jg0RTEKB41BY2ROH9akW7SMCubzp/N8+RhypDsEOnuGoGLBZT5d
        kplkXyfVAgMBAAECggEAHwvae0Fk+5dGhZO1RBceD73WrP/7EChyo3EgJEF5VkgD
        DpR69ght5n3KAVROmj79f/biGDBqfabcBd+jGR1ztjNuu7lzMAuGtGdPo6MpC8SF
        T7FkXTMDMXqjisJQcbJhQQbV6bb0Shi2yNH2A0Rz9Yu7HVcDSSM+uac3VDCIcCPZ
        pEUPsi0rGzQcskzZJKNOfrqPhNyI8PwtPiLxCxDrXHBtKEWlgpNabiVpLZ7KIwPx
        eb6Rj00fM6HbN3cZW0QV+p30wINGFfCnY7dn3NH4zNe/D7v4kADf/52Tan4LqHR9
        Ol6EbBo61z27pL2I4LrWJFbHOgTUn7zWpIU+RhIhmQKBgQDwjFqyUTyJd9cVCss4
        Z8VD9/zuQ286Z3KkhaDDKEIBeXiCsUHnAmI59b4mtwJbuQOaqyT5A++338Ztha9G
        pw9aRRU19MSRhEF7Bnok6+MXw55/Tm7BwfBteBC5G2VKWlHSXvLXnKamMDzUxqSv
        4w/TA7Dhe6yNI7ZwognIDwgQ3wKBgQDCsYS08+1qU+C4qDy64FVLQwfV0RwRLD4q
        pmHCIgRLeqdqI2k24+YT47MxdTXkWgjNeYWoJU2u76Xik8RzegJkFd0bstUexAd5
        zLF0pn8/1cvc/iO5uK9z31vONVWoASbHfD43bOnqpO4daY/8gsng9Gi+KW0fHt58
        rgyBVywZywKBgQDjCZYQ99vLY/D9S1LDyi3GGSoBOGSjG0B5SCaUDEtAWQYFVIh/
        ISDU07zFjbYMHHPqZ95dqfl38x22AZeNd+Blsw5x/rQJJGspUtO2RW3x4BCY185x
        0jq7F7ew/sp7gwP3KubJ2nDwKlc//L0zxXwKDlHEgJY8IJjxdf8FdCqIwQKBgFll
        QVYFGuJTmT+woBH+p6tjH9nhpk2MTw8uTnzhOa+epfhqQgleI2rGhqUS+KfdX2VZ
        gzFtz3mfuD+NMgsD3s0t7NSnDIyP3g7jGihBuvQIqw7R8n14e7dsu663dpkpzjCS
        r86rR8zh5iPDMMX1F9Ue5GlMhDph5i7BjCRnbmx5AoGAfhwzvCOxxSJ8HAdL6RuU
        qrGBrzwfkyw0LbMXj0vg/gsLNMr+avZg/lNmi9nbxno60mr3Ga1kH1IB452UcMO0
        VaUVkix6M+Z/HzaSRmhaKAtpZq9OxnE+pHep707/WdnEmOcVEa7OFUQdiPWqTUMK
        WVTYx2LZU0Mv44Aera7/tzw=
        -----END PRIVATE KEY-----
        """

    /// WeChat Pay's public key (微信支付公钥) the adapter verifies with.
    static let platformPublic = """
        -----BEGIN PUBLIC KEY-----
        MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAtvEqeD2CEjxatVYyW4az
        mhOTDgJ8wfrQ/u+OU1w+mhBTwEbt38L0yebgWo7MdCL7DNpAtCVxJ8JaD6TfkA5K
        M0Ne28ZW2zBDBnH7vZcOYl3YC/BxB31FHBPRiXT00FOq0mGpYACwzFNvfFt9kL6R
        Dk9JitgaJrpBBZ1qdwsES/iIwRaZM1J+F9d5JIroIR9figntc8qies+//NQNdiUe
        iSJ+aLww0zKlEu/JZXC6wL1sGFSHPY6Sm1YBaQHyn1SF1zF23JZLuV0arJC6lYK9
        9B3k9viYNEUxCgeNQWNkTh/WpFu0jArm86fzfPkYcqQ7BDp7hqBiwWU+XZKZZF8n
        1QIDAQAB
        -----END PUBLIC KEY-----
        """

    /// A key nobody trusts, for forgeries.
    static let impostorPKCS8 = """
        -----BEGIN PRIVATE KEY-----
        MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQCzmPl05PF+M340
        bHfRIZF6SG6MdgteTGjUU9GJoK3iENJeBWNaSlWfAFhVvKc4Lrbel0KGVuXA4y9V
        mbyi0Br2p0Lf+/jFabrM6Tu0qz7Ai6TdWflgopSVOoSFM45/9NMQLZ7Utlm4GIeN
        o6x+ye7HlQkwE6ohGtiuo5FzXu289kXKRZoNxe0s5K7bmkwmNCqLeu0AGmp+gzY2
        a7hhyn+vVNV9TPbsnDf4fJPj4RMrvJp5oU5qN7qYjDephyoyMJx4qbHQJi7KRtmi
        0wzNNOeGBTuuWSu6ReDXlfOEqmnO7jKXPi9fAc09jQ3fQJZCnK5y0eFLWH3xTkOE
        ksc/cdRTAgMBAAECggEAU4dbyg6q9I+dbGNgTI9Ium9SnxhNzENMZChBpblp9eDt
        /lWSMk2tScCe1O1jdoFfguIlyhZDUDU5cB4K+kxApiP/ue3Wc3Zrr17wamRU0LeB
        64MrtVKYOVmYhd0HMyLaQUV+gB75VmJuNSWBFgzz9bYuqkITF8eFLKAdh2OIvZ+i
        bxTHOn/ITByyXnS7A4BmpYUozvh+Faqywwawbpp3DTn0xAsWTPk3ho2ftk2sfTqC
        /CgM59mUi9eyin40xEibZkjSucC+uQCEFGzXVFR3+UIJYrInypLSx1wR3MSOCBmj
        +DWx4YsvTKs3tiKkMOzyZakg5bQp5oeSEeLzsac5eQKBgQDqjIrzWY+q8Vlua/lu
        ed3XXUqLEdMvLLpzNZzYBFqj4miJzxBSk+Iy0Z03Qnd6ivWUZyK6pEhLLkLMbxDA
        Cr3smzQ4n//2jC8F7+DgCkfwZ16egUIvuqPyHHyWhKvOwlNlHuR5VHaRIq1fyWaD
        uWJqvCd+tODStFuGIdbvT01bGQKBgQDEBdzU7b5kgCmMaRFtUxRdFVJdlmYhZ1IT
        E1crIxy9CtwpXPIt7mSxQPuwVWzZKT/uZQMxp6dLY523/e4kSeWTtX7WhgCQVv5Z
        NP+Bfc0I4Iqh0qr2kRpsUz2aL8r61zDlr2YpXP+pEoiZEqDAgRisyTW97jJdfz6V
        nQvptHHESwKBgQCuIzRSok7xGolMWyvwYthaui/K+qvxXWL8gHR3SRxGiqUUk8BJ
        nvQUyN3Rli6As8TKrpvxOGFYN/tuLpOgERmbHkvyMpBmawPKg6NQkzGAAi8UvWD3
        cLmh2paBZfTs6AfkjsAQeK4i6T0RXcUXzT6Ngi5Me1xj83X0KxGZ0SXcmQKBgH07
        NZr/DCzOyDyA/3Y1poPVVFqf9D2Q8ZloOL9BXmHTp1XxoHMBo2iumF1OJg0S0lou
        RH0bm8CJMsDSRKsAXuAgCplo4MFWIobBWh7TTQNH2KmLmleN2jCseWWg9O+OPRnw
        FbeFR3wvb/9DLFnv3+C7Z08g9yJOYaBZxbuX4TrDAoGASijfQyIPexxIDjrSqfoI
        adja2ZgHwrZWQ8P/r6M/WY4vtVjvokog/Tf8lBvvPvFFh0iFvaEIxh5iJFUuQKcD
        0UJmvavIiDK5ws8SYQA56pIRy4IiS09TLN0gaSiQUNZQyD9spmPvfl3uHX0EzuvZ
        NteqGRe3xTby0ONvPNeWhnA=
        -----END PRIVATE KEY-----
        """

    /// The impostor's public key, for a channel that trusts the wrong key.
    static let impostorPublic = """
        -----BEGIN PUBLIC KEY-----
        MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAs5j5dOTxfjN+NGx30SGR
        ekhujHYLXkxo1FPRiaCt4hDSXgVjWkpVnwBYVbynOC623pdChlblwOMvVZm8otAa
        9qdC3/v4xWm6zOk7tKs+wIuk3Vn5YKKUlTqEhTOOf/TTEC2e1LZZuBiHjaOsfsnu
        x5UJMBOqIRrYrqORc17tvPZFykWaDcXtLOSu25pMJjQqi3rtABpqfoM2Nmu4Ycp/
        r1TVfUz27Jw3+HyT4+ETK7yaeaFOaje6mIw3qYcqMjCceKmx0CYuykbZotMMzTTn
        hgU7rlkrukXg15XzhKppzu4ylz4vXwHNPY0N30CWQpyuctHhS1h98U5DhJLHP3HU
        UwIDAQAB
        -----END PUBLIC KEY-----
        """
}
