using Promptmark.Api.Features.PlaybookExecutions.Progress;
using Promptmark.Api.Features.PlaybookExecutions.Running;
using Wolverine;

namespace Promptmark.Api.Features.PlaybookExecutions;

public static class PlaybookExecutionServices
{
    public const string RunQueue = "playbook-runs";

    public static IServiceCollection AddPlaybookExecutions(this IServiceCollection services)
    {
        services.AddOptions<PlaybookRunOptions>().BindConfiguration(PlaybookRunOptions.SectionName);
        services.AddSingleton<RunSignals>();
        services.AddSingleton(PlaybookExecutionEvents.Documentation);
        services.AddSingleton<RunWaits>();
        services.AddSingleton<StepServices>();
        services.AddSingleton<RunSweep>();
        services.AddHostedService<RunSweeper>();
        return services;
    }

    /// <summary>Each move of a run is a message in a durable local queue: kept in PostgreSQL until handled, replayed after a crash.</summary>
    public static void RunPlaybooksDurably(this WolverineOptions wolverine) =>
        wolverine.PublishMessage<AdvancePlaybookRun>().ToLocalQueue(RunQueue).UseDurableInbox();
}
