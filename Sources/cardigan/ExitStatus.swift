import ArgumentParser
import CardiganKit
import Foundation

/// The one place that decides exit codes: 0 fine, 1 a card or rule failed, 2 usage or
/// environment (argument-parser's own 64 is replaced by 2).
enum ExitStatus {
    static let findings: Int32 = 1
    static let usage: Int32 = 2

    /// Prints `error` where it belongs and returns the exit code for it.
    static func report(_ error: any Error, for command: any ParsableCommand.Type) -> Int32 {
        switch error {
        case let error as CardiganError:
            printError(error.description)
            return usage
        case let error as GitError:
            // libgit2's failures leave the library as they are; this is the one place that says
            // them as cardigan's environment errors.
            printError(CardiganError(error).description)
            return usage
        case let error as RegistryServiceError:
            // A registry's refusal no command interprets, said as the other registry errors are.
            printError(CardiganError(error).description)
            return usage
        case let code as ExitCode:
            return code.rawValue
        default:
            let code = command.exitCode(for: error)
            let message = command.fullMessage(for: error)
            if code == .success {
                print(message)
                return 0
            }
            // Every parse or validation failure is a usage error; argument-parser's 64 becomes 2.
            printError(message)
            return usage
        }
    }

    static func printError(_ text: String) {
        try? FileHandle.standardError.write(contentsOf: Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }
}
