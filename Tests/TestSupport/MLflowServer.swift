import Foundation

extension RegistryPeers {
    /// Whether `mlflow` (PyPI) is installed (or the tools are required).
    public static let mlflow: Bool = toolsRequired || onPath("mlflow")
}

/// `mlflow server` on 127.0.0.1 on a free port with a sqlite store in a temporary folder, in a
/// process group of its own (`setsid`: it starts workers of its own), whose whole group is
/// stopped at exit. It takes about 11 s to answer, so one server serves a whole test run
/// (``shared``); tests keep apart by naming their registered models uniquely.
public final class MLflowServer: @unchecked Sendable {
    /// The port.
    public let port: Int
    /// `http://127.0.0.1:<port>`.
    public var uri: String { "http://127.0.0.1:\(port)" }
    /// The folder of its store and log.
    public let folder: String
    private let group: Int32

    /// The process group of the shared server, stopped by the exit handler.
    nonisolated(unsafe) private static var sharedGroup: Int32 = 0

    /// The one server of this test run, started on first use.
    public static let shared: Result<MLflowServer, any Error> = {
        do {
            let server = try MLflowServer()
            sharedGroup = server.group
            atexit { if MLflowServer.sharedGroup > 0 { MLflowServer.stop(group: MLflowServer.sharedGroup) } }
            return .success(server)
        } catch {
            return .failure(error)
        }
    }()

    /// Starts a server and waits (up to 180 s) until `GET /health` answers.
    public init() throws {
        port = try RegistryPeers.freePort()
        folder = NSTemporaryDirectory() + "cardigan-mlflow-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let command =
            "setsid mlflow server --backend-store-uri sqlite:///\(folder)/mlflow.db "
            + "--default-artifact-root \(folder)/artifacts --host 127.0.0.1 --port \(port) --workers 1 "
            + ">\(folder)/server.log 2>&1 & echo $!"
        let started = try ProcessResult.run(["sh", "-c", command], in: folder).checked()
        guard let pid = Int32(started.output.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw PeerError("mlflow server did not start: \(started.output)")
        }
        group = pid
        let deadline = Date().addingTimeInterval(180)
        while !Self.healthy(port) {
            guard kill(pid, 0) == 0, Date() < deadline else {
                Self.stop(group: pid)
                let log = (try? String(contentsOfFile: folder + "/server.log", encoding: .utf8)) ?? ""
                throw PeerError("mlflow server did not answer on port \(port): \(log.suffix(2000))")
            }
            usleep(250_000)
        }
    }

    /// Whether `GET /health` answers `OK`.
    static func healthy(_ port: Int) -> Bool {
        guard RegistryPeers.isListening(port) else { return false }
        let result = try? ProcessResult.run(
            [
                "python3", "-c",
                "import urllib.request,sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:\(port)/health', timeout=2).read().strip() == b'OK' else 1)",
            ], in: NSTemporaryDirectory())
        return result?.status == 0
    }

    /// Stops a process group: TERM, then KILL after 5 s.
    static func stop(group: Int32) {
        guard kill(-group, SIGTERM) == 0 else { return }
        for _ in 0..<50 where kill(-group, 0) == 0 { usleep(100_000) }
        kill(-group, SIGKILL)
    }

    /// Makes a fixture over the REST API (`registry-peer.py mlflow`): `group churn`,
    /// `version churn`, `approve churn 1`.
    @discardableResult
    public func setup(_ arguments: [String]) throws -> String {
        try RegistryPeers.peer(["mlflow", uri] + arguments).checked().output
    }
}
