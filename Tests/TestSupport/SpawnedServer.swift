import Foundation

/// A server process started with `posix_spawnp` in a session and process group of its own
/// (`POSIX_SPAWN_SETSID`: its pid is its group's id), its output going to a log file, and
/// stopped as a whole group. Foundation's `Process` is not used: waiting for a shell that
/// started a background server can hang it.
public final class SpawnedServer: @unchecked Sendable {
    /// The process id, which is also the process group's.
    public let group: pid_t
    /// The log file of the server's output.
    public let log: String

    /// Starts `arguments` (looked up on PATH) in `directory`'s log file `log`.
    public init(_ arguments: [String], log: String) throws {
        self.log = log
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // The server must not keep what this process has open: another test's pipe to a child it
        // waits for would never reach end of file while the server holds a copy of its write end.
        Self.closeInheritedDescriptors(&actions)
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(0x80))  // POSIX_SPAWN_SETSID
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let status = posix_spawnp(&pid, arguments[0], &actions, &attributes, &argv, environ)
        guard status == 0 else { throw PeerError("cannot start \(arguments[0]): \(String(cString: strerror(status)))") }
        group = pid
    }

    /// Adds glibc's `posix_spawn_file_actions_addclosefrom_np(actions, 3)` (glibc 2.34+; Swift's
    /// Glibc module does not declare it, so it is looked up by name).
    private static func closeInheritedDescriptors(_ actions: inout posix_spawn_file_actions_t) {
        typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np")
        else { return }
        _ = unsafeBitCast(symbol, to: CloseFrom.self)(&actions, 3)
    }

    /// Whether the server process still runs.
    public var isRunning: Bool {
        var status: Int32 = 0
        return waitpid(group, &status, WNOHANG) == 0
    }

    /// The tail of its log.
    public var logTail: String {
        String(((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").suffix(2000))
    }

    /// Stops the whole process group: TERM, then KILL after 5 s; reaps the leader.
    public func stop() {
        Self.stop(group: group)
        var status: Int32 = 0
        _ = waitpid(group, &status, WNOHANG)
    }

    /// Stops process group `group`: TERM, then KILL after 5 s.
    public static func stop(group: pid_t) {
        guard kill(-group, SIGTERM) == 0 else { return }
        for _ in 0..<50 where kill(-group, 0) == 0 { usleep(100_000) }
        kill(-group, SIGKILL)
    }

    /// The body of `GET <path>` on 127.0.0.1:`port` over a plain socket (HTTP/1.0); nil when
    /// nothing answers.
    public static func get(port: Int, path: String) -> String? {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { return nil }
        defer { close(socket) }
        var timeout = timeval(tv_sec: 2, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
        guard connected else { return nil }
        let request = Array("GET \(path) HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n".utf8)
        guard send(socket, request, request.count, 0) == request.count else { return nil }
        var response: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = recv(socket, &buffer, buffer.count, 0)
            if count <= 0 { break }
            response += buffer[0..<count]
        }
        let text = String(decoding: response, as: UTF8.self)
        guard text.hasPrefix("HTTP/1."), text.contains(" 200 "), let body = text.range(of: "\r\n\r\n") else {
            return nil
        }
        return String(text[body.upperBound...])
    }
}
