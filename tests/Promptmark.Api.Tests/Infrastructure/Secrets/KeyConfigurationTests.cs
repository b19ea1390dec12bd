using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Promptmark.Api.Infrastructure.Hosting;
using Promptmark.Api.Infrastructure.Secrets;
using static Promptmark.Api.Tests.Infrastructure.Secrets.SealingFixture;

namespace Promptmark.Api.Tests.Infrastructure.Secrets;

public sealed class KeyConfigurationTests : IDisposable
{
    private const string NotBase64Value = "this-is-not-base64-CANARY!";
    private static readonly string ShortKeyValue = Convert.ToBase64String(new byte[16]);
    private readonly SealingFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    public static TheoryData<string, (string, string?)[], string> BadSettings => new()
    {
        { "not base64", [("Promptmark:Secrets:ActiveKeyId", "a"), ("Promptmark:Secrets:Keys:a", NotBase64Value)],
            "Promptmark:Secrets:Keys:a is not valid base64." },
        { "16 bytes", [("Promptmark:Secrets:ActiveKeyId", "a"), ("Promptmark:Secrets:Keys:a", ShortKeyValue)],
            "Promptmark:Secrets:Keys:a must be exactly 32 bytes (base64), e.g. from `openssl rand -base64 32`." },
        { "a bad second key", [("Promptmark:Secrets:ActiveKeyId", "a"), ("Promptmark:Secrets:Keys:a", KeyA), ("Promptmark:Secrets:Keys:old", ShortKeyValue)],
            "Promptmark:Secrets:Keys:old must be exactly 32 bytes (base64), e.g. from `openssl rand -base64 32`." },
        { "unknown active id", [("Promptmark:Secrets:ActiveKeyId", "b"), ("Promptmark:Secrets:Keys:a", KeyA)],
            "Promptmark:Secrets:ActiveKeyId names 'b', but Promptmark:Secrets:Keys:b is not configured." },
        { "active id without keys", [("Promptmark:Secrets:ActiveKeyId", "a")],
            "Promptmark:Secrets:ActiveKeyId names 'a', but Promptmark:Secrets:Keys:a is not configured." },
        { "keys without active id", [("Promptmark:Secrets:Keys:a", KeyA)],
            "Promptmark:Secrets:ActiveKeyId must name one of the keys configured under Promptmark:Secrets:Keys." },
        { "a section instead of a key", [("Promptmark:Secrets:ActiveKeyId", "a"), ("Promptmark:Secrets:Keys:a:value", KeyA)],
            "Promptmark:Secrets:Keys:a must be a base64 string of 32 bytes, not a section." },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void Bad_key_settings_are_refused_naming_the_setting_and_not_its_value(string _, (string, string?)[] settings, string expected)
    {
        var error = Should.Throw<InvalidOperationException>(() => _fixture.Keys(settings));

        error.Message.ShouldBe(expected);
        error.Message.ShouldNotContain(NotBase64Value);
        error.Message.ShouldNotContain(ShortKeyValue);
        error.Message.ShouldNotContain(KeyA);
    }

    [Fact]
    public void A_blank_active_id_with_no_keys_means_the_generated_key()
    {
        _fixture.Keys(("Promptmark:Secrets:ActiveKeyId", "")).ActiveKeyId.ShouldBe("local-1");
    }

    [Fact]
    public void Whitespace_around_a_configured_key_is_ignored()
    {
        _fixture.Keys(("Promptmark:Secrets:ActiveKeyId", "a"), ("Promptmark:Secrets:Keys:a", $" {KeyA}\n")).ActiveKeyId.ShouldBe("a");
    }

    [Fact]
    public async Task A_bad_key_setting_stops_the_host_from_starting()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection([
            KeyValuePair.Create<string, string?>("Promptmark:Secrets:ActiveKeyId", "a"),
            KeyValuePair.Create<string, string?>("Promptmark:Secrets:Keys:a", ShortKeyValue),
        ]);
        builder.Services.AddSingleton(new DataDirectory(_fixture.DataPath, NullLogger.Instance));
        builder.Services.AddSecretSealing();
        using var host = builder.Build();

        var error = await Should.ThrowAsync<InvalidOperationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        error.Message.ShouldContain("Promptmark:Secrets:Keys:a");
    }

    [Fact]
    public async Task The_registered_sealer_is_one_shared_instance()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton(new DataDirectory(_fixture.DataPath, NullLogger.Instance));
        builder.Services.AddSecretSealing();
        using var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);

        host.Services.GetRequiredService<ISecretSealer>().ShouldBeSameAs(host.Services.GetRequiredService<ISecretSealer>());
        host.Services.GetRequiredService<ISecretSealer>().ActiveKeyId.ShouldBe("local-1");
        await host.StopAsync(TestContext.Current.CancellationToken);
    }
}
