import Kernel
import Testing

// Produced by a throw-away script run in a temporary Python venv (`pip install segno qrcode`,
// segno 1.6.6, qrcode 8.2), not kept in the repository:
// - every matrix without an ECI comes from the `qrcode` package, given the same mode, level, version
//   and mask; where segno agrees (it pads one 0x00 codeword too many when the data ends on a byte
//   boundary, so it cannot for byte mode) it was checked against segno too;
// - matrices with the UTF-8 ECI come from segno (`eci=True`; their data never ends on a byte boundary);
// - unless `pinned`, `version` is the smallest that segno chose (and `qrcode` too, without an ECI);
// - capacities are the largest counts of "A" (alphanumeric) and "a" (byte) both packages fit in a
//   version, and agree with ISO/IEC 18004 table 7.
// Base45 texts are RFC 9285 encodings of SHA-256-derived bytes behind "ZT1:". A matrix is the
// modules row by row, dark = 1, packed most significant bit first and written in Base64.

/// Whole symbols drawn by independent encoders, to compare module for module.
enum QRCodeFixtures {
    /// One symbol and how it was asked for.
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let text: String
        /// Encoded as raw bytes (`QRCode(bytes:)`), not by the text rules that pick a mode and an ECI.
        let viaBytes: Bool
        let level: QRErrorCorrection
        let version: Int
        /// Whether `version` was given to the encoder rather than chosen by it.
        let pinned: Bool
        let mask: Int
        let matrix: String

        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "A",
            text: "A",
            viaBytes: true, level: .medium, version: 1, pinned: true, mask: 4,
            matrix: "/tP8ExBunrt1xduursF5B/qv4BcAi5fJRMr9jPnCjW7444BXH/swUE8quvP90sruhPkEjU/q4oA="
        ),
        Case(
            name: "scan-login URL",
            text: "https://zt.example/login/scan/abc",
            viaBytes: true, level: .medium, version: 3, pinned: true, mask: 2,
            matrix: """
                /lH7/BMBUG6qprt18YXbq/euwVvlB/qqr+AWpwC+e3PjDM/cRIYR4cPFG64pBQZot4/HaL+xgTSDIq6LUGZhxbVu7FqpCRQTKK2U+4Br\
                VH/4/uuQWqMQusNPtdTHC+6zdv0E2Viv6idGAA==
                """
        ),
        Case(
            name: "Chinese, bytes without ECI",
            text: "政通扫码登录：请用政通 App 扫描",
            viaBytes: true, level: .medium, version: 5, pinned: true, mask: 5,
            matrix: """
                /m5fW/wXBX1QbqjI3Lt19hfV26e3dq7BKWC9B/qqqq/gFJ5qAIKmlCZ2J/UHGof+7Yg46NA5+9p6+DYWnOvC2He9Gswsv7Dx4cozTC+L\
                dQoUITDorr20rWOTSsgH8SQ/gbxd5fQHLQN3sh2jDFsmM4hOWeRKEVZfKd9smL1LHW2mmLi3TP0AYx+UR/krg6vQTvO3FLpfP4+d0HBS\
                wS6FC+zjBIvKpR/tySeygA==
                """
        ),
        Case(
            name: "licence URL at version 7",
            text: """
                ZT-LICENSE:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abc\
                def
                """,
            viaBytes: true, level: .medium, version: 7, pinned: true, mask: 0,
            matrix: """
                /nJKOgv8F6TxGJBukP/UhLt0Eh7gNduuyPw/rsELbGEhB/qqqqqv4ABzHZsAqk8vqsCQZjiqbAAHrOvXbo8jbBMBrbsh4hSMLHIDVuKC\
                Je8QnyoXLYnIgZoY67muDJzO4yEOoC5irJj3IWMD6cCbkbb76/6f/ORn3GKER+u7a/YqqRBPHbMZL/7f7++Oa/444rghqxKHdt+JLNTl\
                FJn3bmMKLHB3u63JBViqD056uKGK4Rmap6hPysFJxQ16aIpC74FTI7LxOU5bvImhpPjY/IBprFpEV/hm6vIrsEHRGb0TupyP6Y+t0H+Y\
                KnTuvCaHcqcESjPLGK/tSf7/3YA=
                """
        ),
        Case(
            name: "x ×140 at version 10",
            text: """
                xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\
                xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
                """,
            viaBytes: true, level: .medium, version: 10, pinned: true, mask: 7,
            matrix: """
                /kol7uxrP8ECyLlMFJBulZJNSPbLt0cvWKCopduir5/ot5LsFeuhHEuRB/qqqqqqqv4AGofEFEoAlsdaf4naUEA0LCjYnAtk7DWrACmi\
                rZvi3E6R3bl/eU66vrfBhlJ3QS6Q/70QpKN4lxzgnTFp5d/SxvKp/pUpdCytLSzErJjD5antlJExyYVr6HkftJE6SCfSzyG4JwHTmKCA\
                tLxnM62JWipAcklXekWr94D7Wxs4tAb0XBxKgGvz6N/v7cL/yRVvPEnY0SOrova995rQxrDJFhhMUv5c6/uRt+8g1t/npEnAdjt29SHb\
                sNirKIKMnKOy3Rtx3CnI3K0eT87U87b0tiqa+61PCbFlIQwZW1kLtAtwMbGjdFFV1t201i6BdJ2o27psSrnA7DEjpg03ENFa6p7Vf61f\
                3gfp5aFmj3sM4qWiAoCqNpr6Wg8BVIvwqEE7efw7ApC1PxuS/AB5hRFK1Uf/k/fq7Z9r0FCMfFza8Sukagvo94/V1+aMXJjOHug3SOkx\
                lqsE0yGzrPqQ/pfygSPzaQA=
                """
        ),
        Case(
            name: "alphanumeric v1 L",
            text: "ZT1:F5QRORC:8N2B5279:F/G7",
            viaBytes: false, level: .low, version: 1, pinned: true, mask: 3,
            matrix: "/rP8EFBusrt1VduqrsEdB/qv4AwA8ozrqVkwn9ewWmPolQB3o/mGsEjgug311RGuoAEFdo/sOwA="
        ),
        Case(
            name: "HELLO WORLD v1 Q",
            text: "HELLO WORLD",
            viaBytes: false, level: .quartile, version: 1, pinned: true, mask: 6,
            matrix: "/hP8FlBulrt19dutLsElB/qv4BsAXs7V6HuKxMFosY3+74BEo/mZ8FSXutI91cUukIcFzm/lAQA="
        ),
        Case(
            name: "alphanumeric v2 H",
            text: "ZT1:-UT JO5M38WM",
            viaBytes: false, level: .high, version: 2, pinned: true, mask: 1,
            matrix: """
                /gQ/wWpQbr/Lt14126w67BZ1B/qq/gCxACelXwK8sMWG5EmStMC7UTsvkuOrnVorOPzz+/yAfEV/rOqwXvHLpC/V0ESS69HnBLw5/n3l\
                gA==
                """
        ),
        Case(
            name: "byte mode with version information, Q",
            text: """
                https://zt.example/licenses/verify?id=7e4b630b181104fd683cfb834ec3ee89c28c9c69d1a6105b41925e1a018600c4cf\
                97ac9be3e69a58
                """,
            viaBytes: false, level: .quartile, version: 9, pinned: false, mask: 2,
            matrix: """
                /qFUT5gj/BFk6gMzkG6WkJ9gpLt0pNfQMNXbqoV/xB4uwUZqRR9RB/qqqqqqr+AKM9HeHQB/ACz7CjmIbRZZ2AUF8Od0Iz+3oSh7wteE\
                wg/rxkvg0A/mnaW56D7uSLQMsDwrD4WCF/CTCpLmk54fLbMN2tqUIYjIyKJbDPCwmODVJ11mP3xpFPMwriD6732DGOdNUiMcxVrQuLhx\
                WlZj/4E++ytf40UPZHqnxXKxXKuLwrSxobcSgVGo/DoPp/f7hBQRL67VXwmeTHDphg2s5GC6s8hWInzcKARzpAhsCqVn2LmQfEqBYYEh\
                DheDd6AiqpyB5JJkBuY3ijDmnNmPUahCxpiTO3p7+PNSaRJpZXANmO50JWT3p7x22rdwwL5Vw2L1MSx5b6eq/wBAR0Uc1Ef77+K7eyuQ\
                XpXR3BEQuq2q+01v7dbA3FBvKm6lrfMegKkFiyxBMckv5z44dtKuAA==
                """
        ),
        Case(
            name: "Chinese with ECI, H",
            text: "电子证照：营业执照 统一社会信用代码 91130100MA0CXXXX0X 石家庄市行政审批局 2025年",
            viaBytes: false, level: .high, version: 10, pinned: false, mask: 4,
            matrix: """
                /g2GGkT3P8FO9qGLwJBuhMaf8HnLt0A8Zo91pdujRePo/RLsF6ifFvAxB/qqqqqqqv4BD5pFceMADwLTP7I6MSRBCm0H1+Vao6GXhWGg\
                loxRLn5iNJZxCqYS7zs0qxiPQlgkbilxK2u1LZkB1uzWNEBRyuXG7DcLTbQvM2ppfi4NvMsYxQOl6K0QzFTEsBFp9cOpUQmHiAMxFtdD\
                338MhOOAWkyCoRztc0vBO/Gt6IGbxwY4XXRPaN2T/LCf0xJ/GRTsnGm80byv3vKroOq8RPNfGeKMTf5yOPqEu+/LvRFSttOk/v758lQy\
                A0D3Dhx/BuLZjvFByUKRkB1LSH40Kxo4LiciCaxablMc3PtkoHnECgQLNTkzEoriTY0jV6U1p8SF3YCEMGjA2NUhvMwapnaQ46rnKzsy\
                krCh/9hNHzz17FmYoDz9Qpq/09UlKiXwbhU8oNslAjs9/nNX/QBJSDEDQUQ/t3xayVPqUFCXzHqfERuvE6v/Za+10b20VKHk5un1p6uU\
                QNkEAYcM2bOj/khMKT5rdoA=
                """
        ),
        Case(
            name: "Base45 1200 characters, M",
            text: """
                ZT1:O:V%ZLG-I0%9ORHP6CMC4 VKK.6:6JD6UFK5 0N1%BJJLQ28*HLG-NMCC6+20I9T MX:EV%LJDO48J6LH4+MNNIZKQRHN:4K-U6N\
                 V7$2M.E4L04WT%GARP3181-0QT0D.7I:FFR:G F2C:OS41K2UVQO3FK$7PG9R.7W29E$J7M.BE5DT:ND K8AS BO*AS5CF-J669S8HS\
                DCD1454RLEWBY%BNAQ O0C-BI+F8MO97I- 9COD//IUY7XDKA.R0PT+56ZX2Q6LNIK6EONB5TO1YCL:/R:QCF0D/-LW%PWGAZ04*%LZ*\
                T1:TK5A5CVR1PEOR4TL/02C5CVP9B%0NSCRQM1GUM1QPD7O1FC9PKRQT236VT9TFAWOLKJ08KJNN/Q6A/AZSO9B69YJM/3AY7B+D: K.\
                %65TMS$F5C03ZK3W6KRH4KD1DSJJM+LV1$VBPSFQ2:57AF3Q1HEUIK%NP1UF9HT9UL*U7EVIR9YP4+DQ1.LX/0+Q61BK+0N22FI815ZJ\
                PN2G%V%V1JCOEX7M8W+64O9TAB0WJR3CRWUGH4HB5F:%C81E%WN:VBMMPYF8BI54863UOV4L IGIQ3VFBVRQWXMABCM$SU63DMV0R7NV\
                A2$O7 D2AIW*OH5MSV1WZ79341W7%UJ8:U*PUPH6NRAQ9I8IN-0KK$MV*UO0R$QSYXL8RPZ+J9V8083XO38%3TL4U0E-I2K819:GY7T8\
                *GCCSE*E*/LV9D38E38EEGUJ3BL.5*WH25IZVVAIE:$KESON-4NAS.O3DJUKV3CVKE%VBGSG/2-MHMU49:OE%VWNIYKE4EQGKH$252V9\
                OTLDC8H/VVB2 +PZUG%50DVQ/NSY+5D8E1RBZE0LD95LTU-GPUONF1TFS0262U10$B48IT1F05P8IS7OEZL5CX6%W9*WEFR8PF168CX2\
                W%MQP:2+CN7PPWN2NTSL3ALXNJ*215N6ZAAOK1CT0-P4A4S-PSV0PX81KOOR6UE85QIWX4F+D.PCA/29Z9IY841D4T34YLHHSR*OO%MZ\
                AK9W4G7AX1M%K3F*SP7B. TYQ2Z4DZ5EAKRQL160OGZFJDHA5OU5U:7NDG5B71$RG1CF291NZJR8IOP1%GFCLBQ4EON1CYLS4534SEV4\
                HLCU393XJV UVGTZZTOULANVU+QO:MS LD.R/DEGVAB2NC0USWA:-O65
                """,
            viaBytes: false, level: .medium, version: 23, pinned: false, mask: 5,
            matrix: """
                /isFmE792NMeLt0dC/wU/pZdjKXw06U1TENQbqimXj0vQnr49N2A3rt1RJ0n3fNocxsY2gjl26GeYfnzDPrWyvjD867BDnT0fxY0UsIk\
                cvppB/qqqqqqqqqqqqqqqq/gFIPLEZ8BFqy7Fci4AILc6W/NHI++dn+lTGZ27WSSITjXikRlwRhS5gD1QGmEjiNBrld+zyYsidUvZBSP\
                5LRdVwCcwaRlam1yFdZtC3reCIfQLL47DUvT6BhbloHw2SDvs9nFJqFfJxtFUWIMo5AmmJAACMP7sC1SaLXLFIbx2EvYy3vLTu0HLyFH\
                RqWdotGWONHmriKAghHjoQqBW1EwGtGZ8NtrRjAh4kD6GN6epShe8xPjY/4l3VkDhfmNLUKW2/8S8cHDy44le3HrffpmMizreWZmK0aV\
                h0g4xCLhHLNizkRvX28tmgVsv85zLEB+IlQjXOGhHCgf5ea4AyObsmP6vOBR1aE2FbCt9BEtHyzh2Xo2xzv10M58H33rq/pkjfoMT/1Z\
                8/1Navg0W0i8awaca5LUXQZccCtzyypIemrzaqtU3WotG6XxGnahFg9ZFQJxF2+nLO/t/B+EL8/jos+FBPuN2Z7KUJSmvn9oW+2jfzTB\
                joI9LXWK65ZSaEj0eZcHvXSEnULDnYdpoQarLltVQ/yrTlS4oJiVZ615YeJy36FlO/FP55C1Ihh9ls2H8UNdxxMcqKObV+71w428B1oD\
                2P5KMeB01rKO9obFgIa7AhKtJApT2som3Sqkvcth28tlHHg6sbfah8jTMu7Jylazw7y09OGBOWfYsL8myjac6afDSeSUPjSiZI4Te1Fx\
                miURCAIb4TSmZ3TEu1afJSip4BTOMPjPcbEubx0V+poCvcRTF5v4LV5d6fwNAta5xkEyBYrSy+E7QMvCpo/hXAQygtloTk95mjXNYfEZ\
                hBeXIT9aFvtIy/+J/PruAvoWIvkMb910blZcQ7CMVK7EWOoctyrAuirR+Wo4iGrzH2plG7FZF0phEBYhEI+T4X+6Hm/qa8+AJx+XoFV9\
                EULPymWgcLdmHxTxze5Me85fMSEWvW7YE+MLkYwHA1An7mdmFWWsFq1upD63yJB4Xr0dthzuzgXTQUDABlRSMU7JPq3keXOCHXkprslP\
                tDBSQxaQlVUG8H3tEFj6NAb8YDVjklcFS0OFDAmlCjOhlZ3UuH04OnbGsaVKMKnd72lI+v+XmCvmqmh35QjKyfTLA7m5MfA5scML8Md9\
                8wszh0qyaPGoba1ecMYKHq6ELbztNlxIi3GZO+fsmUuLaOlo1V0FON2Sx3h1I1t7T4QMNE6iRoofBGSuPbqtSOHCbOYRDOQbN5QvGWek\
                jOZxIrPc80uyuR/DWUM7pX10knhKffwr1vwmAvm5g/wTHvqUXaY8cbisV380bw5sQyrSoiqtI6oa/WqVdCu9FtaxHOVjEQiDHqFhG1/M\
                zi+tT7/B/r+DB3+4ouTzuwJWiXrCmcpiai7I5wB1hUEoyB2ZLC7x+YIrAcCBO6Vq2LTQUVJht2wzv53PxM9hNZ5zHu3lwWR5mqJNhbD8\
                yy88qpP/xr8PfyoRdcaY5R1aXpE8X/8sz7ZKHhvuMdHoEbUUHGtCNi0Pa0FTuhohYE1H9RbeW6pKxEJGFwYFotEqjtaH7ip476BD/PQN\
                iV2sAyO9oOGMpIHcWkbb5EW9xGaU8J7vtqcOkrLYhFErO9lLNsK7DXwDjV923BwJ+9PgdxUnRLtlWelVzwZoBHlZqdVhU5fHyvUG3Jru\
                omYjXXdQbIhN3sXTVMQVKXN8j+T8gph5ZqcDX0Ood1XIvHBozqdomP9YIPv1/fpT8/6AV3eUUn0kSArsY5h8T/icraq8J+u+JiqPUuqQ\
                RZuNEo8bEbwpG1CDGbojgu+KRX+ZtC/hep+F0dMqLPs6a1tIh5sPde6e98jnajMthTb//BGxBM0GWd+ShJeaY2r9W4/p6lWo+5UvyfGc\
                NrKZgA==
                """
        ),
        Case(
            name: "Base45 at version 40, H",
            text: """
                ZT1:ULA*7846JC+NUF9W89$BP/:BO0M/WHK+MR-N6RB 3ED69TU7SLNV+A/VOP:D5O2%*RC0UEMK/CJJQ5OW4P$2W-L0SHWM2CFDGFO0\
                ZVT.QF-BULHTYNZ3UYB2D1L-5GU/LJTOW%MMP0F438VS%OGKJ76.HNQE50LVQN5H1:21TA8YUQ 63LWE$NSOTE-FK66PVM9K.CROEKU8\
                VY1KV150J.KOD4NSPFICSISB5U8S1IQB916RP3EX7NU2RHVT  3PRA:20TQNP%OQ3M$G9UKQXG0/I2.YULRSCGTNPE6$5Y3C%8TZAF$X\
                DY1DU:SS/JUYG+3S5:1U7KLNQJP1D+O3SGK6EINK/HFLMM6G64$PENJXW6*HAC+8TGB3:D+9VIJI$4MBUH5BJ6GN24N2$E7%P+-3 -9E\
                KK0$N*M8WID$WK9UU%X2/1NM56LAH:Z5OVMC.IQ9HI:7L*T79F-03FO2USUFJCLVR1H7NRFA5F:XM.320ULPEP:-5ZJM-%8*8CMFQ2HT\
                K93Z:2I:NB.5.WB$MMRAPSELJE44BP*XMT290%UH1G9ZMHTJWJVJ/4L9TFU54LMX*RA3GL5H:MFV:N$CAI$ULSF7X8EBK463G:QCW8%F\
                P850EHBIQGYAM3X8*4BRT81-VLXMM.P9GPBKC$0D69SLAERPU1+EQBK$0GC4MYHPYIU08NA-U$9R$EH$/C98S:-FPSP%XKZBLH%9G6I%\
                P7W%L299NAKRICWST%HE7+PM$AB%UQ.1$%P.U4ZJUR:6*24N-UXX3F789EVIUU3 K/ADNQU6+7FLT5.286H%BKA%05%UG9EQ.GTEJUM2\
                1%J-XNT85UKOB*UX89F66WQUNSP%$CT41E$26*VW2GM6GVXV/V4:+7Y-6SJP/XS-TL26D% 31+V4OI.UC+%P$22J$4B2N%F8AE10 JT%\
                FKTKDEB8HOM59E*TAOT/XI4LBWM2/-83%L91N0J7J8JXU3QHHD TVN83-3*FKPH3$*D/P27FG0FKY785-2SDUG*6:YO%9U9EO3RB8/AN\
                E8YCWL39RY90LKKLJGX76+9JI5KD4.WBAR2KR7LVF42G6*7L-PR/A5DOK7FLPKJNOA3S80M*ENM S-V4B:68CM53QSO5%UO.E22IL*FV\
                387U+SAVF%:JR4SBMH-QUD6T:BA1UV:CO7CLT+PEZDS8AD-F1WKAPVER7BPP39A8LORIN:2JL1VSD66925/J+8S/ND25H-U8Q*6UYR.4\
                57OR1S8/AFKHA0BOF+4NC2A04*0T8ZT7RLC*S7TEG-VHUKX6HO53S%PDX3QYQB.0CPRZ$6OFKV MF2HQOK:HK25N8*L1A0WYV8TSRGC5\
                8R/AFVR0R$F-S0NXL%4EBJLF%7XQ2Q.1XIE1RCWOU9QUMT9O$B.DT+Q93QI2/J7BO0Q7PNBGN76UAHI5IEA4KU4N3IUUQBEWHB/A1ZGK\
                BWFFB65LAAND$ZJMPB8WC/9K0UKTL6BE8J0W/TER5HR21TFUWGQ+1DU8G-MM$G458H.JTD7EU-4TQO130VDDKSGZWFB0NQ%3F82135+1\
                BMW7ZZ8:LID NZ.LA$VDNM7H5A4WAVADKNT$0W1FCMT575BELWBIL$RDWBH54QY5N:I1TVFXQE$SP 1 5VW:ED7P71VTHIZA3ONV06SZ\
                P8-9W *L:O1W96JOS7F9GBDO.6UD9RQV5HN9*HMLNF3HRTG QRERM*VOKEDAK1HHEC$RTGK8QO8XV.C1OJ8.*A0AGPGIPW4H5SEWFQN0\
                4D3EDTJ.KN616QRP6671R82FI/1BT609G*D7KAH1BINEE3M3FKJ1%71GPLJUI35*:M1+O.FQ+%MF6Q2BFO+5
                """,
            viaBytes: false, level: .high, version: 40, pinned: false, mask: 6,
            matrix: """
                /l2+nrlnc9pWYRcZqyIf/ddgZJyiP8Ef808jNtHrEYDNLQqP9B4MA5suCVBuon55hj5yHhOevBWwoyV1d3yd1v2Lt1dXm0hGPYhM5HE6\
                cbdG7tTH4feltdumn1H70W2fxnWx/WStv8gWVP9a58LsE4svRRGAtGRGu0S2EcRnS9LEcOiVB/qqqqqqqqqqqqqqqqqqqqqqqqqqqv4A\
                MHBxSkubFGDr8U2OjxGlPPHxasEAGxa/P7Lu5f1Wia/mJuP4rmafhL1Mhi6lcbh5VNYIf067F+xuQvYRhz5z39s2mi/7j7OH0fNa1RSo\
                ClkHx+EytZRKxTt81TYcdRPe0IK5i85kj4yhDcB0h3ptbe/5U+2t4NJtTQp7DcZElzQyiA2arMQ20lroFHvxRsGSOez1DL6AG1stbx+g\
                WZr1ziHYJrHBoKhibzH37u//BmxS0oonG/pfoZ+nL0RE9sx9zvrDGBwFS+OJqRWfFIxHX1/W5Gu+ikbXqg7DWXhvACxfPqzrepDXBWPS\
                ZXGnAMws7Xz42qmcCsds+ziKTLb10bT4m9ZcX2BUSbGzx2HpA6EcXFlkfc23AaSHZKLj23//McGEYbdOzxwuXnI7wCcYbbGLstjeJXFI\
                6BpAEXplaPz+onspw1VFXC9MOupaRmQnTJ5AyH45RD21SuaeOIY8wXBgt923aB0gYL81vc+SaLAEDvLfOVYgN8fwRD10fZl+pcc9difp\
                N0Rkwj+qCJ5KOPSnZzrxcBYxzXxlUkfns8KeJLpz4Em/IcwwlN5Kr0O271y/0wOej1ASGbXC5+4zg6uEuInZxVP1x7k6IyZOK7z7qHn+\
                odV/xV7s+l9dn8vGRvy1oD/3xtRxxVFifFp6t8Sn4QRIu/BGZJ90byrEr2rSTPKzZtPr44GmqSSdaztdMr0RbVsxM9MtHTxt8SvnnR7F\
                I5HFPr0YX/f8L/xlePqv2C+tvI75Vs5/7BTt/5rN2z/rf/aFn/9sIOKxTbQCTuCGpRbbmyTKjom/dlT9Axw8uVyR0lh0Jnc4siFDMem3\
                z0b2knzsCa3hD60WYu/GxFo8rHX9ovGFc8Q8UqVnBPtYukLjmDfxrX7SUR1r/TMWiNHho4BBcdk9ZAmU+tuP+RfMqjX5MsQTX0KnUWvR\
                +ZBZf3qoNNFm4NrFH5vY55pVtFZ9a0yjRN0D93T2CUibXOEaSJV6Lo8gQU6i+zWlDLbnznDFKMr/uMlH0fxXy4TiN5c28g6Np6yPRxSQ\
                W0EHc/GI5H8g04Hnvtgkc5ZmXTEE7MaBZ8tLzC475uFSq3XrpDQjP5T8cIC6qz4V77jiL/wYaKv/P03DBvokbH9veg29Igs0kln1egmb\
                vw+iDkwCRwLuyC0ioo85H5PzpRbsel3KT8uq8JtZGIOYIQT2K9Hmq0zptyDrR8TwBg2AvGOmOjVZgtBhhxcpB4RNTGjEQWy8T6BLcvu+\
                3BTu47fTgTifODDdJ2OnugLVnhB5NUqp+3jX9P0fggFYaSOE6AgtysP8WvFiLiczaqjmqMjybcayyNeoka7zzTchmUyRtPohrZQIrO5C\
                ogdXpTajfy/bAS9w5THysj3wE9NkNMaw0viGDEwhMvVoDbUOKtEMb3qEirqV1ZYDEwhNr3KUER7QudnQmFGbDHzoULQyX9ZeP9GwAPtU\
                Xk/hRQD8UkWv/M92++RNr0xTCTPE9aBsYVNTxjFxnHpv0kfuov+yvnZa6zsv6rLBWOpwiXq/EtJq+RyU/RVFAbFYZdUfOAXxV4MfEtu1\
                cSX8ef76mL0vmIyx/SQlf5o/6f834O+dqXrfCXj2cGBkPujuvCbMZrOG4dx+mnquf/VYB5N8XLY1IzTHbrOKCs7XTYkZMU9Rna1RBDeZ\
                462jkNXPDdvX8ww7s+Jp718RltyYgol5xQfj8G4b0biNrWa2APyt5hAJZXSigvUnlx+4RX62OIs1ortvY0NniOQJSdBR2Hy44ILhYyT2\
                to8wP8+5/2bPFzSc75Y9ODzGjsCg/UE9nCvmzy+tIC89XTWfoqDtbacNN4QoTWrw9LoKAqu4jxEnq+4Rkg6L2VXt7yrhS6r5YKcou9Li\
                8Fi44D3BTNId31Ri5Evw6p2oNZGSyNuNgpUY8UMIBCoYLrzAfgMy8dODewa4i7y6BGiLAn7fStpEAYgVoodE2POUqin05ZQE2XOIMDIn\
                9Sluq7/z/b264HkKH/s9FGU0gO1qEJnyRyB7zxHEE8CAPrS7Uv/kPCAGlWQiyNuqobTDpKVH6AlV0BIaAgLM7aNJhHhzgncEs8RcoGFv\
                KiJnckx6KIf4PZmhLm7gFbOEnyO1/Q2SFt9854WAgjx4aFgC7B86qbqclUGmXnpIBVLGqXtCBprsB/Tu06cG1tJM1Z9wruwqzXyXGZre\
                qGkjKTChhQDzmEeWHkdoG350zaXx+kBsIz7h/tj9Qify+uV4CBGV4JW2CqTg4zVXqVXLra+u0MMEvEvXDvR0Hpf6g4T6jfk/2LBg+XBR\
                T5bpvfwnNd+ZxjOMRnPDVEtTosUWZ7x/K5PHwiLMbis2U2q0k5ayNY3rKQjOteI9qzYu5rORlYixH7WJEYD4UUVoCRy2SHH/1yUVr5xv\
                X74/Jf0uFt/VqLP4Ie6/m8e5+dDxoIRk6e4ALbNd0olyQUEXwq9TTgnB70ULAeMXS1WucsqM0KVaDZ4lsF8gkagPTzZTtihpEONRbTdN\
                y+YcXhAIgzejNaRkYg1KDoNFh4/0dVCAKTkHf5DyQkGwhTyQ634lhJChdwWTvYjguQRVG2kFxBa+2kNQ520S1WOO+0EkNe1kMkFCPsBb\
                NWMjTcFRczv8hZj0I18DBb84lpMrgrE+6kxo2yHDcWCviT1Cvb1ERlaRv/8wcR3vanJdxNFJc38bw/tCqD5iz2nRdCTOvYNV/rETR6VK\
                ClomsZ0Lf4DgG0HgWiuELWMMpFyxYRp07gMc3vKsQQqTBCr+mLLcqvgNSy2H+eStOdEtYDrouKCk0hfLEuNY/TUKkD2mBMW3/WjHvcRt\
                gXtcJC+fTDsADvK3ihL0ySlhe9JgpJ6wBT1T0Dqeq0e8VNREP/45gzciElKvRBSJ3Yd6s3od5nn2cUM+UEStlnZ1vndxDQpBU2md2Dk5\
                L5TpHH4AsfZyru2gwe8sjEQfalnF5c5m0+Wump7E5wCuaVcra8kkDZohMGeH9Z8k/KQ0t9XXwvTl0+rV1s1U5my9c52eZsWNi+yK6ZZX\
                zPdt808AUPiofToZPnuItLvuB1R+9jh61s3lpXfiKzi5z/yMHK3rh+tm/x2BLW1N8EhEO2a82ACeCfU6X7lF3/PUGPsi91+qCNX5FwGP\
                98s7+9xZk/RiHLvF0zE8UX8mRtWE1GiaX8VCsijKt9/x6xqIIqRZyusBeKqo5Tqqkxtv5Rp5IDETR7cW7JbRvaLTHSt+MQn7vg7/o2Qv\
                pFHb/J3bz9Mp0/9ejS+8R1YYJkXN45EV51l20DCx7c09j6LJTUsbr9Qmk6wU4d6r9tAngYzMpj4su8DjW7LuDU85/WwCQ6z8OEWB56x3\
                pTcomwOBXk5jMV5y74uUIWEpWWbTv4Bg0MQI906pbX7TiAYnmybMATfK0msYnnRSyVGC1hCwqJqZuXIf7JuqQh6XOAzgsaI8l03tl2S5\
                5JzsISo4xEydILH4x3Z9NUI65RQG3aWsajMlAwLBNgRYtDB07xWH1k5iU4i/Bru/AskBazwwPlu/e1jU87Hea12jBkR4DX8yWqE3yZ2+\
                VWbaKtADfuFRSqfSitzk854SXSda4nMXbl/4bchEG1Oy4RLTa8K1yNiFKZqI/GIOiKiqkTHv5gPkOjLoVfQJDfGvDsg67gDBMgsGDt23\
                RexOobVgzjYvK4INw4PP+OL16kr4KZ6HCBDGFcG6FxdknLjqLid/DnbWelYC+UhGrPNrH7W3Hf5Da8abO2y5UVuLDcUXDwnP1zGb4Pxc\
                MatopnISt573u4s6Dp8g7Q1ruyFxGbeRtICvpP9LN/PPE7Iy2Mf1fdMDGXP5/zTlLB49JqNiSwghkXEu9jtOtHh+EoAHON7DA4Qtuox1\
                J5TAuWX30+EmcGZJsnl9JZJ/p2WJdpb1KiLo8jBP8xP9e5qhldr3NTmB2O9+f5Pra09RMcjCdyz4mJb4xTcf1D7c+EdqP//if/uL2G+c\
                Ryn6x/kDzHgZmMWBcVxcxNbGQtV0Z2vtFypb7IK72dqqmlXCu2JVqkS6Lq4Ray1RBtlNHZbscUIwXxafIlF4zUsXv9TVT7SIYPw158/i\
                k5r8eKVv4s+L+ty2ami7r8+NFWPfKVkF7eioJ/kOmMw0owZHaZx889WSJPbUV1cm7vYKBl0mDoT9XW6CmJWzmrzsWAdxwwvcv6+HhzZw\
                ch+rrPhlUS35jJwf4ITP6O5YkXNGzdOI0+R3ELdKZ+Y6guNlw5GFIl48rxycU3jX/ra2EcLhpLZCWlXNcQGjxXm7ZLyp6DyRf2b4nRCv\
                oEMaIXh/vthbcgYHsd2iBrCJ2jTpLwl85ch3oUDWBUCY16Hr0sDCNKgkNF8spiNaHZuzOQZkoB4naxJNr9E0i6mxIMTqPaGFJY4XnpWP\
                m9mlAV0QiAHMoyJqQzVs+bWpPdGwfA9BdUIHc7U4mNSD7Xy6besPz9UyjLenwBN0RvpN41vrZacAcWhaJIvecIyhvEifntYKE8fX0Ose\
                Wz9fFqcoIbWKqtIiuTwQ2AdPrBvsSYcLxW9s8oca74aUdJ0xxTJ9E0KfaIl5j1sALrvtmKxPb1GQD9cjPvY/jV0D9UoWM3gJlnUN6XIZ\
                z0Tg9CmjzsATD7d1Hj6KaKNxuKktewaucmEJ5qoR1aWG/utNmIScpiTipgHjPUfxBEeK/kZlj01uW6rlvw2sQLLCsYOI7DhzlNB+xzE5\
                7ez4nkTbz5/lpb0tDH3sx+w1GiiQ7bN9X+U9PSggihwhg7WdlwwZtmOJLw4Vs+djwwdxV5W2L5tiYvlwtt+EVAv5NcLPpZcZ/YBnuGRR\
                8bTHiIscSfgARa35lESDy8e/u0UutrVT6sA+HrWnbeqcMqakyvxr8EvdkRJ6xFEwFYkYstgRAnghFP9lsYusfAP7nWaP36JH+oSu3+lX\
                Bvws2V/91BkquiVm6Anutgjr3XKcoeznaVPNnuldqtyEdDa+dGdqFWbMTaNWoAwEMR8EX4ZiFP3EFa6agMDi1BHl5mNYFEUG/h9uAE52\
                L0xE6jh90xRdoyjT7ceUsQA=
                """
        ),
        Case(
            name: "Base45 1500 characters, Q",
            text: """
                ZT1:9.P$ZMNG8V9IG6EPDN:UAY6AZ$96DA27F8CMGMJX/SMM6+XBCIS+H5FULPNUXYFMNHT2H9:M+360KQ*RIBFVY5CP-OSXK+$M7G0R\
                +GTCQ 1I$Y2/WS34L+8OUQNEVNCXS3*LD*T8$L ZN$:P*5WCO1016C+GX3FF.L2P52XGEJ1KGVFSQS9TZHI4%OO$5WO14N4FGSWV4OSF\
                PV2JZ4 Q3D$O9NSDSE4XU:NHY9BQF08SE-VSXQCABCCP00ZRDIG%CPY50IR91JGX1U4VI5JBEO0ANP%KRN C*6KWB5FUJ1Q8:-Q48MFC\
                8OADSDQMMGPGT%9N0MSBSPKH81HORFMV.BU*U-UH5AIQMGJWFWEW1G3JK2S6O9$C:LIZ89JB2 /SZK3YALYT03LQIEP83A/WCBCJ$1B-\
                GVOB3S+8VMM$V1LIMR.27YGFJU/2VB*QK$0YO3QO9RZ1SI5M8HW5LLGAK%KVL46BUA3HEOJ7FVX0FJQG/JC07JT+ESCL+FK+GVQQMIVV\
                B$EB07XKE1NH-YFXOEML1B7LT+FH6C-77/%U3/MCNI8GIY22.V1D%F+GMMKLVUM.H1 V8Q4G81KF/Q0HJLI0%.BFKJLJGO219AKF3VQ6\
                F71CH$LKFAE-0RTKSNH%TIL60RT2SMK+EHB%A  IP3SOKGMCMQD7R+MI7LZCR-+11QOY*EY-U0VHP$0/:1T 2/1GDDNZW08-NMHTILGG\
                BJC*J ID0BSR7IK0AOUK*J7E*VOIKTNADVP0G0SEVV.2+5UPVBFT5042J6ETZRA-F77PJ%5XUC 721+ANZAPWCTHC$%HTKC-7RP0QO%D\
                -E9M8V/.FNTAQE5NB2PA784S .SE5FI1QM74AA7RWTPCJZZPAOG:QGM1TLM7RWF%7IUXQ$*MITICUNEOKB*E$0A9%F6YVX-G.LDRZ96Y\
                INEIR%S+SIF63/JISPII50YZ0HSAD6HX1EZIC5HI5J8MFFBROJSTLBMOMVD5C5Y7G8TEOP/XS35QJKDRGDIC23EW-:VYRD:FOOFB$V8J\
                %9WTH8ASZTL%YJGZC1RDY0169F1/AS:5./IGH0OTTQIBOV90IRUD22F8PX3GEM2B0PFRO1T+TVQ2NCV8.3E7TT4KTKNU0LAB:1MIEBJ5\
                L3WUQCCUSFUACL91*H.ECR10V+0PP02DRURV//R$9V--C.8K1:S5-EFRC-9B%EJEZMP01U-6::DMWO--V-8D76G-3QI0W6P3CW8-G7*4\
                T11J*NLONB:27VQSAVE +2EZ4YPA%/H8%8RTHEK74%M6H6YBK- L5ZAQNBS4WXGTJ98QO4ZOCQ71QF03$V7VU230JTCWW9 LVLDOUPLK\
                HA1RAR1SMDP4*3JR93QM7AMD2KI3QWBNTKT*-P3ZS+SPY5IB*KI+BB04WP93NJ-:0KEUE1A9GP2 7AMEAGS*E95A9.:5FE8TV2TJE789\
                MGG:8MWXF6H26M2Z49+8U+8NCMCT%V/9PQ*E5U8/2Q*1
                """,
            viaBytes: false, level: .quartile, version: 32, pinned: false, mask: 0,
            matrix: """
                /rheCBlp+HkIM4EqlWjHtTa/wX51oEFbMzK37B3TGKPaU/SQbrZ/bjXoGLG2mnU3DTSvHr7rt1fndrFPB0w+w+E9W+ESZeGV2651TX/+\
                e8fuFbv7CJy+SRSC7BCZ0zxMV4caorDGJLAxYsnlB/qqqqqqqqqqqqqqqqqqqqqq/gFW/7kXpDrH5Bmx4//cVgYNAGt9ULL4nKq/vHE/\
                wUOT7mJ1L5w4VXy5EirhkrO9YxmUsB3069a+x8Esly2xh/8rdChU4W6S+TIjCqxKPDI/+a3a2Q4f1gpL2larTDSJjQXKUS/+qC7trUj+\
                oltJfBjLLKGIVXBj2ZvUVofLgsSZkVdAjD9SUwJDtB30HYn2i88auLujclRg9Aobjrc/ev08BmVKr0Ic/sxOoTj9g686BWWkEIoGd1TR\
                eVE6DMGX7aaLK6ugEE/bnl1QDstNRRdtp3W1gknc946eO0PLYX5K10GgjaTpxGnztaJzLPHC/7ytLrkzWyqBMCm6/Qq+AVbBr5tPEOYS\
                arfOKG/lETvdDsUeiJzwRIY2/6Bp+opmrmyHyrSGeiSr8968TgWaSz15mSNsaq7LJBe04uDvAkv+9pxlPkwBamPtRrv5lIy4EyySsZqB\
                BJLLlokxOaizJnYEDAf8xlLD8pZjIapj/yxLHwrhIn0pmUXcx/LFJGSowGW4itwgY4/PcrjkJYj0xW6OC6ibRMTsWpuVwuMvYOPnGtkl\
                ehjvu0FvV2iw1pnkB1IZAdAEOnXPER3FAchdpBjL6SS8xN+AYKv820M/+bo/if4L8Soq/TxG3ATFCk7RnEi8YhNHEeMwRWaxA+hrm2Ga\
                tlL2theRrvTBKy0VUbORXp5cTH4/EOvix3GuMU7+wPRv8M2/9pgi+M86fmSGj6JC6MkarKCfQRhWGILwL5DUsRQeWXI6iNfNWaGgdzPj\
                ZDaADz6Y+W6wHtCINvDV8zHLvCIdVkWOOzubcHi9OR+rgSLEfVYaYElYBbuhq3mB1av30ww8Q5mucXlQlQJEJTq1BLv5dayKirvCT2w3\
                hcHzttQU/PpQG7w7DFH3/AdcJiGQHioea7rNq7h/guGK1RsgrB9Ue+VBE0YnrhRGMKxVrpQtuwrCJi+n4eBi52n1jUAchIm+ui09jVJ7\
                5X4ykUJMiXd2g5MKKsXHIqi/RJl2twLBgXAYMS5uKPs3E/bhLeaBEpyCHHExxxZhRfsJFPe7pySOcxf5R5L4+9I6TjkZDwV69xT30Ot2\
                k3CN8+MbXTaQ4BzCB0wJBy5NKXD5MqC0voxF3WvBXLCGE10mss1j2/xvFLiVcbdIs71hZdYH+TDaaW9V4YJLh4Iec4lTRil7iJnWX9eO\
                VO4e7l/ysJ4BwplI6MgIZRwkGfrs7AhFfk37sTiOl2PtxF3IDnP2cIz/sdzvvD0T4oZk+hHLPx8bsKxxD4D8cMDnF5aFxQT/8b6vEtgK\
                jOrGrW+lqhCua6+q+qfE+kv0UBbVGbMwRu6iMYLnXGN+CvdX9beT/3Evv5hZH4+hB+uJaUJh26OSa2SSeZPo46w7DXLinsWOiRGn+WvH\
                H+FJoa2dPeW6oqIQ1qKUT1Cahl0SIRstw0GSxmtW9ey5z15XZqCER9iBtoXnp1zfmRs+KohUlCXNdfSzycdv5KGD0sf3/4/kb8Mkeqdd\
                IVXFJZA37Yji7hxs5L5G0GF6e4D+Ch3A7oh490TRVqXArKb5w7aEUlPdmf1/0IgH2I3/bO/+ZBGj160K8LMmkygDkxh6yNVMwqOr3N/D\
                nWStj17HdQ+mbMybeTdao5DX/zSOJwA5/Bl6DBYg9cQERrrx3dXEi4KtvrcR0fFtIFohP+ewF3zUOJSWY3J6tO+wmp5mvUci+7+5g+La\
                YmjFNok/o85olvwt4DnvNxjA+ApKl1XZHp63i5CsFS5z2NfJdGZST/brzv+JzHY/qDHcLuakCnCkebfg9K7vmyoQoWf3WGL6dCvQ6PHm\
                5v0JWm628vY2ftTn6mpYcFtbi1Hfge+ZDaOghnzP/A/Y7eijG24piXz4FT6f/eD34ucO/ZqWfuLmf8LEzM/0RsqBHPbmR+OzUavKXF6q\
                K4fOvfAtryFV65ZIqoI7trlxvNwRFlQ2RA5Scf91BEbTZx9vqIjZ+3zsvw9j36wSe/MlRfwk8CALPLfOzooSxLiYK/c64t8wo6u5v/ha\
                aFrqN5U/nLT5/b62iFV0pzVGB/8DolNt0AZ8zyGCr0VTk0xL68Atmb0lsRhu3g467f0WEgKeDY8rsoteWCHGLqA8/T6KX+7mO4MzBrq1\
                xtS7RCO2GHW6Hvq5Dellwd5viLGLfPmyQ36OiGRqCxjoRaM2/2prNswOFgCaGQAL4gv2Ldc0XAfAVPVyEravcS39eg0C0hfppG6CUt38\
                s4Dm5StylyhfBoIhZxgIH5TkHLsVmuo3ynTcvJnzkhiC2609RMYRUw+rM0FSoIaS+ikD8Booow83zwwRb+sqnIa4C8c2ckjCJKs0RcuN\
                J+afqDbnWo/+Gvk5Lw9qiaLxU3sTS+C5JGjEwVQEOlYMa/HTBfKtaoOdvtSx+RGEVyOZiKCxtxX1NHrBOTkT4G3aTxWz97VRoTR3XYGa\
                d0vSk9+qPJKr8iWnTX5ClXu5/MbpBf9y/zlmIu8Gp8bZKzExbWgAqaZTcVZ/h6YH5FET/3oFf7fv/8xRx/nRCMpRHocdx1TjUbngDFxi\
                aR6Kra6yqe1oKiqpuuyo2q5tYKkEVG2BxMVHcY4hBGPtrxOnfkRL+BPhvtTFT9R+d+oyAvmKLP8dng6blKY0UY8RaSwSRP9HeWfSqXZf\
                WeINXTHAyOa4f4CSSXKxzwzxV6aYglnffXet6VYe+EYincw6hSFAF351V8fToehawEMMKBJIgJ9x78MzLUu71Wa6eCN5N4tgWPixx5J0\
                H7qzqThPlQopoAqa59QzvUGC+RDxBZ8dkniM98VPPZvYV/N8RjB7gUXYRzUWA5ga9Z+8N4t7uY6sAMLc7jctPiVwzAYjjq/GMzuA1r4S\
                uM5Q5IMlDwjamFTqdwyoibkSiEgdOfrKoWMC+PP3qSVdzKDIAn8AW4vTDHaXza7LsB3zuxBUgUMsQXJilpkiadTEGmaiNIK30dv92bJ5\
                vAjtaUZxoCRKUyqadtGqF7KKV1cWqOiXhvUr0K5EoZ8brCECLIYgm8wxDJEyQ2in4AxBJK1lSUyZfoABsKj3Fi2iqDv5IHKECzfFSzQR\
                l4hN2gbSyZ4kRlaOvsWKfqONYcilRiD/q44/ocLD1+Je2NYEjzquoAWopzSNSU22eROB+vnV/iyuv91k+/7WKfmAZ2jGRmRbsR6i5GNM\
                XxLS8sQ/umX1qhFwmvxgPqNswqu/hOvwQHiKEe7OhH7q5xz1VkUepLH7q9Rnj/6zr/h7Xfmv8r9+bN/F0F9EUkFahbhCQwdb6uEeTxdu\
                6oQeAEywq4kyTZjz4YRw9kuTBWjfW5TigiKBY7FsF18sOQcj/maPuvJwHB5FwScImAIb068+gA==
                """
        ),
        Case(
            name: "long bytes, L",
            text: """
                licence-ec8a7ae43ec9a9342a90d15be624ad84c7ba74e94f149319f468d056140d0238a73aba1f520c204c30a09b434c7901d4\
                a6e624d089d26fef8ba86abf10d03b59abdaddfdfcbfa0c3171af62d7f764da9f69379e721ef9c6ccdec48a32d7b5008e31757c1\
                baf98fae4ad6d03cb737baffd1124121b15a2e159c6c3a36febc585a73369909df86656a318460933dba821ed9a6b67aa63b982d\
                859ace36d5d4a4a0aaaac8343deb201e9bb7b37fcbd5da8758f45dc4a511777d8ad319960c2ed5641726991598c17874472e0f03\
                2988f3e08588924fb61c1a790a0423db44743874965f1ca8d5e0f25a20c7029a73eca8009873358b8fcb4d6b0cb7f554000597b2\
                efcbfd2671fe4c0d934ad24d44811bb2e281baba010f6698634218f7c4977e60ac7f90c7e1eddd7b5f2e2b84
                """,
            viaBytes: false, level: .low, version: 17, pinned: false, mask: 7,
            matrix: """
                /loEbPo25jiYq/wW6jXGNaH0uU+QbqwSUYhfhah8uLt0vezLJm5sLzul26ocwPxzhvpLvi7BWLP8eLWMRegJB/qqqqqqqqqqqq/gE6Vj\
                HLO5GF6XANNh2Q/bZu/ao9OxTHSQ0i4ozv5j4O+7YFBac/RwPQrOs3Mrez9PY+TevY169Ji2mq6woov9JMk0/TCHKCD3yB//eglBPxTz\
                eJ07sb+ftuebGaGNzsoKkCu8ugiAClC4/axg4s0+a388O6xaqwlf6acyvZsfzkPYnzhYu02FdGxuK38LP+4t12a/4KpaqJ+uAKT6u/4F\
                PWpq26JuASnaCKEGiT4ZtJX/lb/whwjRs1/vqUDu2pqPLB+TpPgDCjTH1oOnRpLxOjWpcrt7LXssO507gdncB/5wvv2Xjf7jgfrsXFlc\
                SYY8YhdsfGpariohN2tRuyu/EZq5HlG5HB+RFL+0yb/kto+SIz+KrUwMruLq4iO6JvyeiLU8F+HQHYvvkigVaj2j9e1agINkZTraqc2C\
                hEhMpG5wsv7Dq6RuBBTpYxgBLzar0r0c5BAraRlbEczczJG7FU1NzA6XZlylrUO88yKEjcdga/LD0wKmOPIlm5kxu/shPZnQFy+V7RH4\
                p0coIe8vrUY51ZJO3IKori8y43isOo6pGZE4f6lQLvUw+poh+PfLkeQqk5SZlT3u2iiMrdxIhw7vRp66R3jl1MrWnheiLL2rvErATaqi\
                EdH8yc2ht/oONfjjq/6pw//MSm0UaUp8Ztq0ZispiCsjdys5GSt5FQXrFHN3HVqDF7+zIx/dQJ+Qid+L44jA2i7gL3e7OPHTZtGac/Y6\
                lWDn+oivF58L7rkfyx5wz5rz3M4+gI7g1IfVvbbLhznzw7UJtEMPL1fX2l8r4zV7tuWdkmwR3VCDqcuqqjqq5rhLJGNkop2wIwvxdjTE\
                xigrz7N0cTm4KlG5nEzQvTHA4VpIM6cA8849lyy6aWDePYOA4qriK3EF63LHKLU6Y6HwurMqBxT9WDbr3Oq4h0WThTjImqwqZ1mjT06x\
                anTXzyhz+q3g+kalPVeD2cKpJbOa+RPnmIyuqCKuvv3Du/oLL/4AXf1URca8c5ZsT/trHyojcSsRmWuwTWTzGjHzHJ4BFLp6i6+k8s+Y\
                g6+d1XsMYuoAbmqyJK6EeLF8UrJ49aFjBYUdsL0LoKgb84/r0zrKiMrKDGfdgA==
                """
        ),
    ]

    /// The most alphanumeric characters and the most bytes a version holds at a level.
    struct Capacity: Sendable {
        let level: QRErrorCorrection
        let version: Int
        let alphanumeric: Int
        let bytes: Int
    }

    static let capacities: [Capacity] = [
        Capacity(level: .low, version: 1, alphanumeric: 25, bytes: 17),
        Capacity(level: .medium, version: 1, alphanumeric: 20, bytes: 14),
        Capacity(level: .quartile, version: 1, alphanumeric: 16, bytes: 11),
        Capacity(level: .high, version: 1, alphanumeric: 10, bytes: 7),
        Capacity(level: .low, version: 9, alphanumeric: 335, bytes: 230),
        Capacity(level: .medium, version: 9, alphanumeric: 262, bytes: 180),
        Capacity(level: .quartile, version: 9, alphanumeric: 189, bytes: 130),
        Capacity(level: .high, version: 9, alphanumeric: 143, bytes: 98),
        Capacity(level: .low, version: 10, alphanumeric: 395, bytes: 271),
        Capacity(level: .medium, version: 10, alphanumeric: 311, bytes: 213),
        Capacity(level: .quartile, version: 10, alphanumeric: 221, bytes: 151),
        Capacity(level: .high, version: 10, alphanumeric: 174, bytes: 119),
        Capacity(level: .low, version: 26, alphanumeric: 1990, bytes: 1367),
        Capacity(level: .medium, version: 26, alphanumeric: 1542, bytes: 1059),
        Capacity(level: .quartile, version: 26, alphanumeric: 1094, bytes: 751),
        Capacity(level: .high, version: 26, alphanumeric: 864, bytes: 593),
        Capacity(level: .low, version: 27, alphanumeric: 2132, bytes: 1465),
        Capacity(level: .medium, version: 27, alphanumeric: 1637, bytes: 1125),
        Capacity(level: .quartile, version: 27, alphanumeric: 1172, bytes: 805),
        Capacity(level: .high, version: 27, alphanumeric: 910, bytes: 625),
        Capacity(level: .low, version: 40, alphanumeric: 4296, bytes: 2953),
        Capacity(level: .medium, version: 40, alphanumeric: 3391, bytes: 2331),
        Capacity(level: .quartile, version: 40, alphanumeric: 2420, bytes: 1663),
        Capacity(level: .high, version: 40, alphanumeric: 1852, bytes: 1273),
    ]
}
