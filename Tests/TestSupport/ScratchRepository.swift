import Foundation

/// A throwaway git repository in a unique temporary folder, removed when released. Tests drive
/// it with the real `git` CLI, the oracle cardigan must agree with.
public final class ScratchRepository {
    /// The repository's folder.
    public let path: String

    /// Creates a repository (`git init -b main`) with an identity configured, or a bare one.
    public init(bare: Bool = false) throws {
        TestEnvironment.isolateThisProcess()
        path =
            FileManager.default.temporaryDirectory
            .appendingPathComponent("cardigan-test-\(UUID().uuidString.prefix(12))").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        if bare {
            try git("init", "-q", "--bare", "-b", "main")
        } else {
            try git("init", "-q", "-b", "main")
            try git("config", "user.name", "Test Author")
            try git("config", "user.email", "author@example.com")
        }
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Runs `git` in the repository and returns its standard output; throws on failure.
    @discardableResult
    public func git(_ arguments: String..., environment: [String: String] = [:]) throws -> String {
        try run(["git"] + arguments, environment: environment).checked().output
    }

    /// Runs any program in the repository.
    public func run(_ arguments: [String], environment: [String: String] = [:], input: String? = nil) throws
        -> ProcessResult
    {
        try ProcessResult.run(arguments, in: path, environment: environment, input: input)
    }

    /// Writes a file (folders created as needed).
    public func write(_ relativePath: String, _ contents: String) throws {
        let url = URL(fileURLWithPath: path).appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: url)
    }

    /// Reads a file.
    public func read(_ relativePath: String) throws -> String {
        try String(contentsOf: URL(fileURLWithPath: path).appendingPathComponent(relativePath), encoding: .utf8)
    }
}

/// What a finished process printed and returned.
public struct ProcessResult: Sendable {
    /// The exit status.
    public var status: Int32
    /// Standard output.
    public var output: String
    /// Standard error.
    public var error: String
    /// The command, for messages.
    public var command: String

    /// Creates a result.
    public init(status: Int32, output: String, error: String, command: String) {
        self.status = status
        self.output = output
        self.error = error
        self.command = command
    }

    /// Runs `arguments` (the first found on PATH) in `directory`, with the test environment
    /// (``TestEnvironment``) and `environment` on top.
    public static func run(
        _ arguments: [String], in directory: String, environment: [String: String] = [:], input: String? = nil
    ) throws -> ProcessResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = TestEnvironment.processEnvironment(environment)
        let out = Pipe()
        let err = Pipe()
        let inp = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inp
        try process.run()
        if let input { inp.fileHandleForWriting.write(Data(input.utf8)) }
        try? inp.fileHandleForWriting.close()
        // Read both pipes before waiting, so a full pipe never blocks the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var errorData = Data()
        group.enter()
        DispatchQueue.global().async {
            errorData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outputData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return ProcessResult(
            status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
            error: String(decoding: errorData, as: UTF8.self), command: arguments.joined(separator: " "))
    }

    /// Self when the status is 0; otherwise throws with what the process said.
    @discardableResult
    public func checked() throws -> ProcessResult {
        guard status == 0 else { throw ProcessFailure(result: self) }
        return self
    }
}

/// A process that exited with a non-zero status.
public struct ProcessFailure: Error, CustomStringConvertible {
    /// What it did.
    public var result: ProcessResult

    /// Creates a failure.
    public init(result: ProcessResult) {
        self.result = result
    }
    public var description: String {
        "'\(result.command)' exited with \(result.status)\n\(result.error)\(result.output)"
    }
}

/// Paths of the package under test.
public enum PackagePaths {
    /// The package root.
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// The built `cardigan` executable beside the test bundle.
    public static var cardigan: String {
        let candidates = [
            Bundle.main.bundleURL.appendingPathComponent("cardigan").path,
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("cardigan").path,
            root + "/.build/debug/cardigan",
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[2]
    }

    /// The example cards.
    public static var exampleCards: String { root + "/cards" }
}
