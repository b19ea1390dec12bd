using Promptmark.Api.Infrastructure.Secrets;
using static Promptmark.Api.Tests.Infrastructure.Secrets.SealingFixture;

namespace Promptmark.Api.Tests.Infrastructure.Secrets;

public sealed class SecretSealerTests : IDisposable
{
    private readonly SealingFixture _fixture = new();
    private readonly SecretSealer _sealer;

    public SecretSealerTests() =>
        _sealer = _fixture.Sealer(("Promptmark:Secrets:ActiveKeyId", "a"), ("Promptmark:Secrets:Keys:a", KeyA));

    public void Dispose() => _fixture.Dispose();

    [Theory]
    [InlineData("sk-live-0123456789")]
    [InlineData("")]
    [InlineData("{\"access_token\":\"ey…\",\"refresh_token\":\"r\",\"expires_in\":3600}")]
    [InlineData("ünïcødé 🔑 key")]
    public void A_sealed_secret_opens_to_the_same_text(string plaintext)
    {
        var sealedSecret = _sealer.Seal(plaintext, Context());

        sealedSecret.KeyId.ShouldBe("a");
        Convert.FromBase64String(sealedSecret.Nonce).Length.ShouldBe(12);
        Convert.FromBase64String(sealedSecret.Ciphertext).Length.ShouldBe(System.Text.Encoding.UTF8.GetByteCount(plaintext) + 16);
        _sealer.Unseal(sealedSecret, Context()).ShouldBe(plaintext);
    }

    [Fact]
    public void Sealing_the_same_text_twice_uses_a_fresh_nonce_each_time()
    {
        var first = _sealer.Seal("same token", Context());
        var second = _sealer.Seal("same token", Context());

        second.Nonce.ShouldNotBe(first.Nonce);
        second.Ciphertext.ShouldNotBe(first.Ciphertext);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(-1)]
    [InlineData(-16)]
    public void Flipping_a_bit_of_the_ciphertext_or_tag_fails(int index)
    {
        var sealedSecret = _sealer.Seal("sk-live-0123456789", Context());
        var bytes = Convert.FromBase64String(sealedSecret.Ciphertext);
        bytes[index < 0 ? bytes.Length + index : index] ^= 0x01;

        Should.Throw<SecretUnsealException>(() => _sealer.Unseal(sealedSecret with { Ciphertext = Convert.ToBase64String(bytes) }, Context()));
    }

    [Fact]
    public void Flipping_a_bit_of_the_nonce_fails()
    {
        var sealedSecret = _sealer.Seal("sk-live-0123456789", Context());
        var nonce = Convert.FromBase64String(sealedSecret.Nonce);
        nonce[3] ^= 0x80;

        Should.Throw<SecretUnsealException>(() => _sealer.Unseal(sealedSecret with { Nonce = Convert.ToBase64String(nonce) }, Context()));
    }

    [Fact]
    public void A_truncated_or_malformed_value_fails_clearly()
    {
        var sealedSecret = _sealer.Seal("sk-live-0123456789", Context());

        Should.Throw<SecretUnsealException>(() => _sealer.Unseal(sealedSecret with { Ciphertext = Convert.ToBase64String(new byte[10]) }, Context()))
            .Message.ShouldContain("shorter than its tag");
        Should.Throw<SecretUnsealException>(() => _sealer.Unseal(sealedSecret with { Nonce = Convert.ToBase64String(new byte[8]) }, Context()))
            .Message.ShouldContain("nonce");
        Should.Throw<SecretUnsealException>(() => _sealer.Unseal(sealedSecret with { Ciphertext = "not base64!" }, Context()))
            .Message.ShouldContain("not valid base64");
    }

    public static TheoryData<string, SealingContext> OtherContexts => new()
    {
        { "another user", Context(user: Guid.NewGuid()) },
        { "another record", Context(record: Guid.NewGuid()) },
        { "another field", Context(field: "apiKey") },
        { "another purpose", Context(purpose: "llm-provider") },
        { "user and record swapped", Context(user: TheRecord, record: TheUser) },
    };

    [Theory]
    [MemberData(nameof(OtherContexts))]
    public void A_secret_copied_to_another_context_does_not_open(string _, SealingContext other)
    {
        var sealedSecret = _sealer.Seal("sk-live-0123456789", Context());

        Should.Throw<SecretUnsealException>(() => _sealer.Unseal(sealedSecret, other))
            .Message.ShouldContain("sealed for another user, record, field or purpose");
    }

    [Fact]
    public void Context_fields_cannot_run_into_each_other()
    {
        var sealedSecret = _sealer.Seal("token", Context(field: "ab", purpose: "x"));

        Should.Throw<SecretUnsealException>(() => _sealer.Unseal(sealedSecret, Context(field: "b", purpose: "xa")));
    }

    [Fact]
    public void An_unknown_key_id_fails_naming_the_missing_setting()
    {
        var sealedSecret = _sealer.Seal("sk-live-0123456789", Context()) with { KeyId = "retired-2024" };

        Should.Throw<SecretUnsealException>(() => _sealer.Unseal(sealedSecret, Context()))
            .Message.ShouldBe("The secret was sealed with key 'retired-2024', which is not configured (Promptmark:Secrets:Keys:retired-2024).");
    }

    [Fact]
    public void A_context_without_purpose_or_field_is_refused()
    {
        Should.Throw<ArgumentException>(() => _sealer.Seal("token", Context(field: "")));
        Should.Throw<ArgumentException>(() => _sealer.Seal("token", Context(purpose: " ")));
    }

    [Fact]
    public void Sealing_and_unsealing_from_many_threads_at_once_works()
    {
        Parallel.For(0, 200, i =>
        {
            var context = Context(record: Guid.NewGuid());
            _sealer.Unseal(_sealer.Seal($"token-{i}", context), context).ShouldBe($"token-{i}");
        });
    }
}
