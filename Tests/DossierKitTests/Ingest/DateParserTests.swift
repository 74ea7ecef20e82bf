import Testing

@testable import DossierIngest

struct DateParserTests {
    @Test(arguments: [
        // RFC 2822 and RFC 822, with the zone converted to UTC.
        ("Thu, 29 Apr 1993 15:32:10 GMT", "1993-04-29T15:32:10Z"),
        ("29 Apr 93 15:32:10 GMT", "1993-04-29T15:32:10Z"),
        ("Tue, 5 Mar 2024 09:30:00 +0100", "2024-03-05T08:30:00Z"),
        ("Sun, 10 Mar 2024 07:00:00 EST", "2024-03-10T12:00:00Z"),
        ("Fri, 30 Apr 93 21:15:00 PDT", "1993-05-01T04:15:00Z"),
        ("1 May 1993 12:00 UT", "1993-05-01T12:00:00Z"),
        ("Mon, 3 May 1993 10:00:00 -0700 (PDT)", "1993-05-03T17:00:00Z"),
        ("3 May 1993 10:00:00 Z", "1993-05-03T10:00:00Z"),
        ("3 May 1993 10:00:00 A", "1993-05-03T10:00:00Z"),  // military zones count as UTC
        ("1 Jan 05 00:00:00 +0000", "2005-01-01T00:00:00Z"),  // 00-49 are 20xx
        ("1 Jan 105 00:00:00 +0000", "2005-01-01T00:00:00Z"),  // three digits add 1900
        // No zone: the time stays as written, without one.
        ("29 Apr 93 17:30:25", "1993-04-29T17:30:25"),
        ("Thu Apr 29 17:30:25 1993", "1993-04-29T17:30:25"),
        // ISO 8601.
        ("2024-03-05", "2024-03-05"),
        ("2024-03-05T08:15:00+01:00", "2024-03-05T07:15:00Z"),
        ("2024-03-05T08:15:00.123456Z", "2024-03-05T08:15:00Z"),
        ("2024-03-05 08:15:00", "2024-03-05T08:15:00"),
        ("2024-03-05T08:15", "2024-03-05T08:15:00"),
        ("20240305T081500Z", "2024-03-05T08:15:00Z"),
        ("2024-03-05T23:30:00-05:00", "2024-03-06T04:30:00Z"),
        ("2024/03/05", "2024-03-05"),
        // Prose and numeric.
        ("March 7, 2024", "2024-03-07"),
        ("7 March 2024", "2024-03-07"),
        ("Sept. 5, 2023 5:30 PM", "2023-09-05T17:30:00"),
        ("Thursday, February 29, 2024 12:05 a.m. EST", "2024-02-29T05:05:00Z"),
        ("29.04.1993", "1993-04-29"),
        ("04/29/1993", "1993-04-29"),
        ("29/04/1993", "1993-04-29"),
    ])
    func normalizesKnownForms(input: String, expected: String) {
        #expect(DateParser.normalize(input) == expected)
    }

    @Test(arguments: [
        "", "yesterday", "04/05/2023", "2023-02-30", "31 Apr 2023", "2023-13-01", "25:00 1 May 2023",
        "Mon, 32 Apr 1993 10:00:00 GMT", "1993", "about 1993", "2024-03-05T08:15:00+25:00",
    ])
    func rejectsWhatIsNotADate(input: String) {
        #expect(DateParser.normalize(input) == nil)
    }

    @Test func formatsEpochSecondsAsUTC() {
        #expect(DateParser.iso(epochSeconds: 0) == "1970-01-01T00:00:00Z")
        #expect(DateParser.iso(epochSeconds: 736_097_530) == "1993-04-29T15:32:10Z")
        #expect(DateParser.iso(epochSeconds: .nan) == nil)
    }
}
