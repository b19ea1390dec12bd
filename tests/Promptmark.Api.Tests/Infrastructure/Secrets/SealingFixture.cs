using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Promptmark.Api.Infrastructure.Hosting;
using Promptmark.Api.Infrastructure.Secrets;

namespace Promptmark.Api.Tests.Infrastructure.Secrets;

/// <summary>A throw-away data directory plus helpers to build keys and sealers from in-memory settings.</summary>
public sealed class SealingFixture : IDisposable
{
    public static readonly string KeyA = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
    public static readonly string KeyB = Convert.ToBase64String(Enumerable.Range(101, 32).Select(i => (byte)i).ToArray());

    public string DataPath { get; } = Path.Combine(Path.GetTempPath(), $"promptmark-secrets-{Guid.NewGuid():N}");

    public DataDirectory Data(ILogger? logger = null) => new(DataPath, logger ?? NullLogger.Instance);

    public static IConfiguration Settings(params (string Key, string? Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, s.Value))).Build();

    public SealingKeys Keys(params (string Key, string? Value)[] settings) => SealingKeys.From(Settings(settings), Data());

    public SecretSealer Sealer(params (string Key, string? Value)[] settings) => new(Keys(settings));

    public static SealingContext Context(Guid? user = null, Guid? record = null, string field = "bearerToken", string purpose = "connection") =>
        new(purpose, user ?? TheUser, record ?? TheRecord, field);

    public static readonly Guid TheUser = Guid.Parse("11111111-1111-1111-1111-111111111111");
    public static readonly Guid TheRecord = Guid.Parse("22222222-2222-2222-2222-222222222222");

    public void Dispose()
    {
        if (Directory.Exists(DataPath)) Directory.Delete(DataPath, recursive: true);
    }
}
