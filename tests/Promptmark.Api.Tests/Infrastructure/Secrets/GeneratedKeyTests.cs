using Microsoft.Extensions.Logging;
using Promptmark.Api.Infrastructure.Secrets;
using static Promptmark.Api.Tests.Infrastructure.Secrets.SealingFixture;

namespace Promptmark.Api.Tests.Infrastructure.Secrets;

public sealed class GeneratedKeyTests : IDisposable
{
    private readonly SealingFixture _fixture = new();
    private string KeyFile => Path.Combine(_fixture.DataPath, "secrets.key");

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public void Without_configured_keys_one_is_generated_owner_only_and_logged_once()
    {
        var logger = new RecordingLogger();

        var keys = SealingKeys.From(Settings(), _fixture.Data(logger));

        keys.ActiveKeyId.ShouldBe("local-1");
        File.Exists(KeyFile).ShouldBeTrue();
        Convert.FromBase64String(File.ReadAllText(KeyFile)).Length.ShouldBe(32);
        if (!OperatingSystem.IsWindows())
            File.GetUnixFileMode(KeyFile).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        logger.Warnings.ShouldHaveSingleItem().ShouldContain("credential encryption key");

        SealingKeys.From(Settings(), _fixture.Data(logger));
        logger.Warnings.Count.ShouldBe(1);
    }

    [Fact]
    public void The_next_instance_reuses_the_generated_key()
    {
        var sealedSecret = new SecretSealer(SealingKeys.From(Settings(), _fixture.Data())).Seal("token", Context());

        var nextStart = new SecretSealer(SealingKeys.From(Settings(), _fixture.Data()));

        nextStart.Unseal(sealedSecret, Context()).ShouldBe("token");
    }

    [Fact]
    public void A_damaged_key_file_is_a_clear_error_naming_the_file()
    {
        Directory.CreateDirectory(_fixture.DataPath);
        File.WriteAllText(KeyFile, Convert.ToBase64String(new byte[16]));

        Should.Throw<InvalidOperationException>(() => SealingKeys.From(Settings(), _fixture.Data()))
            .Message.ShouldBe($"The generated key file {KeyFile} must hold exactly 32 bytes (base64).");
    }

    private sealed class RecordingLogger : ILogger
    {
        public List<string> Warnings { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning) Warnings.Add(formatter(state, exception));
        }
    }
}
