namespace Promptmark.Api.Infrastructure.Secrets;

/// <summary>Resolving the sealer reads and validates the keys, so a bad setting stops start-up rather than the first save.</summary>
internal sealed class SealingKeysStartupCheck(ISecretSealer sealer) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = sealer.ActiveKeyId;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
