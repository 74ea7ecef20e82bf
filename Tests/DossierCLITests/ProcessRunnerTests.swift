import DossierTestSupport
import Foundation
import Testing

/// The support target's process runner and golden report, on /bin/sh.
@Suite struct ProcessRunnerTests {
    static let sh = URL(fileURLWithPath: "/bin/sh")

    @Test func bigOutputOnBothPipesDoesNotDeadlock() throws {
        // 4 MB to stderr before anything to stdout: a runner reading stdout first would block forever.
        let result = try runProcess(Self.sh, ["-c", "head -c 4000000 /dev/zero >&2; head -c 3000000 /dev/zero"], timeout: 60)
        #expect(result.status == 0)
        #expect(result.stderrData.count == 4_000_000 && result.stdoutData.count == 3_000_000)
    }

    @Test func stdinEnvironmentAndFolderReachTheChild() throws {
        let folder = try TempFolder(prefix: "dossier-runner")
        let result = try RunningProcess(
            executable: Self.sh, arguments: ["-c", "pwd; echo \"$GREETING\"; cat; exit 3"], directory: folder.url,
            environment: ["GREETING": "hello", "PATH": "/usr/bin:/bin"], stdin: Data("from stdin\n".utf8)
        ).wait()
        let pwd = URL(fileURLWithPath: folder.path).resolvingSymlinksInPath().path
        #expect(result.status == 3 && !result.signalled)
        #expect(
            result.stdout == "\(pwd)\nhello\nfrom stdin\n" || result.stdout == "\(folder.path)\nhello\nfrom stdin\n", "\(result.stdout)")
    }

    @Test func aTimeoutKillsTheChildAndSaysWhatItWrote() throws {
        let started = Date()
        #expect(throws: ProcessTimeout.self) { try runProcess(Self.sh, ["-c", "echo begun; exec sleep 30"], timeout: 0.5) }
        #expect(Date().timeIntervalSince(started) < 10)
    }

    @Test func stderrCanBeAwaited() throws {
        let run = try RunningProcess(
            executable: Self.sh, arguments: ["-c", "echo ready >&2; read line; echo \"got $line\""], directory: nil,
            environment: ["PATH": "/usr/bin:/bin"], stdin: Data("go\n".utf8))
        #expect(run.waitForStderr(containing: "ready", timeout: 30))
        #expect(try run.wait().stdout == "got go\n")
    }

    @Test func goldenReportShowsTheFirstDifferingLine() {
        let report = Golden.mismatch(expected: Data("a\nb\nc\n".utf8), got: Data("a\nB\nc\n".utf8), name: "x.txt") ?? ""
        #expect(report.contains("first difference at line 2:\n  expected: \"b\"\n  got:      \"B\""))
        #expect(report.contains(String(repeating: "-", count: 72) + " expected\na\nb\nc\n"))
        #expect(Golden.mismatch(expected: Data("é".utf8), got: Data("e\u{301}".utf8), name: "y") != nil, "bytes, not canonical equivalence")
        #expect(Golden.mismatch(expected: Data("same".utf8), got: Data("same".utf8), name: "z") == nil)
    }
}
