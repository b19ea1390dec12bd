using System.Text.Json;
using Promptmark.Api.Infrastructure.Secrets;
using static Promptmark.Api.Tests.Infrastructure.Secrets.SealingFixture;

namespace Promptmark.Api.Tests.Infrastructure.Secrets;

public sealed class SealedSecretTests : IDisposable
{
    private readonly SealingFixture _fixture = new();
    private readonly SecretSealer _sealer;

    public SealedSecretTests() => _sealer = _fixture.Sealer();

    public void Dispose() => _fixture.Dispose();

    public static TheoryData<string> SerializerStyles => ["default", "web"];

    [Theory]
    [MemberData(nameof(SerializerStyles))]
    public void A_sealed_secret_survives_a_System_Text_Json_round_trip_and_still_opens(string style)
    {
        var options = style == "web" ? new JsonSerializerOptions(JsonSerializerDefaults.Web) : new JsonSerializerOptions();
        var sealedSecret = _sealer.Seal("sk-live-0123456789", Context());

        var json = JsonSerializer.Serialize(new StoredConnection("docs", sealedSecret), options);
        var restored = JsonSerializer.Deserialize<StoredConnection>(json, options)!;

        restored.Token.ShouldBe(sealedSecret);
        _sealer.Unseal(restored.Token, Context()).ShouldBe("sk-live-0123456789");
    }

    [Fact]
    public void ToString_shows_the_key_id_and_size_but_not_the_ciphertext()
    {
        var sealedSecret = _sealer.Seal(new string('x', 32), Context());

        sealedSecret.ToString().ShouldBe("SealedSecret(key=local-1, 48 bytes)");
        $"{sealedSecret}".ShouldNotContain(sealedSecret.Ciphertext);
        $"{sealedSecret}".ShouldNotContain(sealedSecret.Nonce);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(17)]
    public void ToString_counts_ciphertext_bytes_whatever_the_padding(int length)
    {
        new SealedSecret("k", "", Convert.ToBase64String(new byte[length])).ToString().ShouldBe($"SealedSecret(key=k, {length} bytes)");
    }

    private sealed record StoredConnection(string Name, SealedSecret Token);
}
