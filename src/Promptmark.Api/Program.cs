using JasperFx;
using Promptmark.Api.Infrastructure.Hosting;

StartupPhases.Mark("runtime");
var builder = WebApplication.CreateBuilder(args);
builder.AddPromptmark();
StartupPhases.Mark("services registered");
var app = builder.Build();
StartupPhases.Mark("host built");
app.UsePromptmark();
StartupPhases.Mark("pipeline mapped");
StartupPhases.LogWhenListening(app);
// Without arguments Promptmark just serves: JasperFx's command line (codegen, db-apply, ...) would first search every
// assembly for commands, a few hundred milliseconds of start-up.
if (args.Length == 0)
{
    await app.RunAsync();
    return 0;
}
return await app.RunJasperFxCommands(args);

/// <summary>Entry point, visible to the integration tests.</summary>
public partial class Program;
