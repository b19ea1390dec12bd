using Promptmark.Bench;

// Starts Promptmark as its own process on 127.0.0.1 with a fresh data directory, and server-everything next to it,
// measures them, stops both, and writes the report to artifacts/bench/report.md (and stdout).
var options = BenchOptions.Parse(args);
var report = new Report();
await using (var server = await ServerProcess.StartAsync(options, report))
await using (var everything = await EverythingServerProcess.StartAsync(options))
{
    var session = await BenchSession.CreateAsync(server.BaseAddress);
    await new GetPromptComparison(options, session, report).RunAsync();
    await new EchoExecuteComparison(options, session, everything, report).RunAsync();
}
TemplateThroughput.Run(report);
ScannerThroughput.Run(report);
report.Write(options.ReportPath);
