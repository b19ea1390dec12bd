using Promptmark.Api.Infrastructure.Secrets;
using static Promptmark.Api.Tests.Infrastructure.Secrets.SealingFixture;

namespace Promptmark.Api.Tests.Infrastructure.Secrets;

/// <summary>Plants a recognisable secret and looks for it (and the key) in every text the sealer can produce.</summary>
public sealed class CanaryTests : IDisposable
{
    private const string Canary = "CANARY-sk-live-7f3a9c";
    private readonly SealingFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public void No_failure_message_or_ToString_contains_the_plaintext_or_key_material()
    {
        var sealer = _fixture.Sealer(("Promptmark:Secrets:ActiveKeyId", "a"), ("Promptmark:Secrets:Keys:a", KeyA));
        var sealedSecret = sealer.Seal(Canary, Context());
        var tampered = Convert.FromBase64String(sealedSecret.Ciphertext);
        tampered[0] ^= 1;

        var texts = new List<string> { sealedSecret.ToString(), Context().ToString() };
        foreach (var attempt in new Action[]
                 {
                     () => sealer.Unseal(sealedSecret, Context(user: Guid.NewGuid())),
                     () => sealer.Unseal(sealedSecret, Context(field: "apiKey")),
                     () => sealer.Unseal(sealedSecret with { Ciphertext = Convert.ToBase64String(tampered) }, Context()),
                     () => sealer.Unseal(sealedSecret with { KeyId = "gone" }, Context()),
                     () => sealer.Unseal(sealedSecret with { Nonce = "!!" }, Context()),
                 })
        {
            var error = Should.Throw<SecretUnsealException>(attempt);
            texts.Add(error.ToString());
            for (Exception? inner = error.InnerException; inner is not null; inner = inner.InnerException) texts.Add(inner.ToString());
        }

        texts.ShouldAllBe(text => !text.Contains(Canary) && !text.Contains(KeyA) && !text.Contains(sealedSecret.Ciphertext));
    }
}
