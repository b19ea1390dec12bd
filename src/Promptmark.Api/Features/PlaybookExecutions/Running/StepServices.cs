using Promptmark.Api.Features.Connections;
using Promptmark.Api.Features.Connections.Executions;
using Promptmark.Api.Features.Connections.Remote;
using Promptmark.Api.Features.Prompts;
using Promptmark.Api.Features.Providers;

namespace Promptmark.Api.Features.PlaybookExecutions.Running;

/// <summary>
/// The other areas' surfaces a run's steps use (models, remote tools and prompts, and the prompt renderer), and the signals
/// that carry a model step's text deltas to the run's progress streams.
/// </summary>
public sealed record StepServices(
    ModelAccess Models, ToolExecutor Tools, RemoteMcpSessions Remote, ConnectionEndpoints Endpoints, TemplateLimit Templates, TimeProvider Clock,
    RunSignals Signals);
