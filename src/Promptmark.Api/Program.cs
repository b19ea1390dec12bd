using JasperFx;
using Promptmark.Api.Infrastructure.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddPromptmark();
var app = builder.Build();
app.UsePromptmark();
return await app.RunJasperFxCommands(args);

/// <summary>Entry point, visible to the integration tests.</summary>
public partial class Program;
