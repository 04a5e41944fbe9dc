import Foundation
import Testing

@testable import CardiganKit

/// Dates in the audit trail and on the site are computed, not formatted by Foundation: they
/// must say exactly what `ISO8601DateFormatter` says.
@Suite struct HistoryDateTests {
    @Test func datesAgreeWithFoundationsFormatter() {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        var times: [Int64] = [
            0, -1, -86_400, -86_401, 951_782_400, 951_868_799, 1_709_164_800, 4_107_542_400, 4_102_444_799,
            253_402_300_799,
            1_764_504_000,
        ]
        var time: Int64 = -2_208_988_800  // 1900
        while time < 4_200_000_000 {
            times.append(time)
            time += 7_777_777
        }
        for time in times {
            #expect(
                HistoryText.date(time) == formatter.string(from: Date(timeIntervalSince1970: TimeInterval(time))),
                "\(time)")
        }
    }
}
