using Promptmark.Bench;

// Starts Promptmark as its own process on 127.0.0.1 with a fresh data directory, and server-everything next to it,
// measures them, stops both, and writes the report to artifacts/bench/report.md (and stdout).
var options = BenchOptions.Parse(args);
var report = new Report();
report.Line($"- load average (1, 5, 15 min) at start: {Report.LoadAverage()}").Line(HostSpeed.Line("the start")).Line("");
await using (var server = await ServerProcess.StartAsync(options, report))
await using (var everything = await EverythingServerProcess.StartAsync(options))
{
    var session = await BenchSession.CreateAsync(server.BaseAddress);
    await using var floor = await NpgsqlFloor.StartAsync(server, session);
    if (options.Runs("get-prompt") || options.Runs("echo"))
    {
        var directEcho = await EchoExecuteComparison.MeasureDirectAsync(options, everything);
        if (options.Runs("get-prompt")) await new GetPromptComparison(options, server, session, floor, directEcho, report).RunAsync();
        if (options.Runs("echo")) await new EchoExecuteComparison(options, server, session, everything, report).RunAsync(directEcho);
    }
    if (options.Runs("mcp-split")) await new McpDoorSplit(options, server, session, report).RunAsync();
    if (options.Runs("first-token")) await new FirstTokenComparison(options, server, session, report).RunAsync();
    if (options.Runs("tool-loop")) await new ToolLoopIterations(options, server, session, everything, report).RunAsync();
    if (options.Runs("playbooks")) await new PlaybookRuns(options, server, session, report).RunAsync();
    if (options.Runs("oauth-flow")) await new OAuthFlow(server, session, report).RunAsync();
    if (options.Runs("overload")) await new OverloadStep(server, session, report).RunAsync();
}
if (options.Runs("template")) TemplateThroughput.Run(report);
if (options.Runs("scanner")) ScannerThroughput.Run(report);
report.Line($"- load average (1, 5, 15 min) at the end: {Report.LoadAverage()}").Line(HostSpeed.Line("the end"));
report.Write(options.ReportPath);
