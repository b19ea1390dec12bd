using Promptmark.Api.Infrastructure.Secrets;
using static Promptmark.Api.Tests.Infrastructure.Secrets.SealingFixture;

namespace Promptmark.Api.Tests.Infrastructure.Secrets;

public sealed class KeyRotationTests : IDisposable
{
    private readonly SealingFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public void After_rotating_to_key_B_secrets_sealed_with_A_still_open_and_reseal_moves_them_to_B()
    {
        var before = _fixture.Sealer(("Promptmark:Secrets:ActiveKeyId", "A"), ("Promptmark:Secrets:Keys:A", KeyA));
        var sealedWithA = before.Seal("sk-live-0123456789", Context());

        var after = _fixture.Sealer(
            ("Promptmark:Secrets:ActiveKeyId", "B"), ("Promptmark:Secrets:Keys:A", KeyA), ("Promptmark:Secrets:Keys:B", KeyB));

        after.Unseal(sealedWithA, Context()).ShouldBe("sk-live-0123456789");
        after.Seal("new token", Context()).KeyId.ShouldBe("B");
        var resealed = after.Reseal(sealedWithA, Context());
        resealed.KeyId.ShouldBe("B");
        after.Unseal(resealed, Context()).ShouldBe("sk-live-0123456789");
        after.Reseal(resealed, Context()).ShouldBeSameAs(resealed);
    }

    [Fact]
    public void Once_key_A_is_removed_its_secrets_fail_with_the_missing_setting()
    {
        var sealedWithA = _fixture.Sealer(("Promptmark:Secrets:ActiveKeyId", "A"), ("Promptmark:Secrets:Keys:A", KeyA)).Seal("token", Context());
        var onlyB = _fixture.Sealer(("Promptmark:Secrets:ActiveKeyId", "B"), ("Promptmark:Secrets:Keys:B", KeyB));

        Should.Throw<SecretUnsealException>(() => onlyB.Unseal(sealedWithA, Context())).Message.ShouldContain("Promptmark:Secrets:Keys:A");
    }

    [Fact]
    public void A_key_id_is_stored_as_spelled_under_Keys_and_found_whatever_its_case()
    {
        var sealer = _fixture.Sealer(("Promptmark:Secrets:ActiveKeyId", "prod-2026"), ("Promptmark:Secrets:Keys:Prod-2026", KeyA));
        var sealedSecret = sealer.Seal("token", Context());

        sealedSecret.KeyId.ShouldBe("Prod-2026");
        sealer.Unseal(sealedSecret with { KeyId = "PROD-2026" }, Context()).ShouldBe("token");
    }

    [Fact]
    public void Configuring_keys_later_keeps_the_generated_key_readable_so_its_secrets_can_be_resealed()
    {
        var generated = _fixture.Sealer();
        var sealedLocally = generated.Seal("token", Context());
        sealedLocally.KeyId.ShouldBe("local-1");

        var configured = _fixture.Sealer(("Promptmark:Secrets:ActiveKeyId", "A"), ("Promptmark:Secrets:Keys:A", KeyA));

        configured.Unseal(sealedLocally, Context()).ShouldBe("token");
        configured.Reseal(sealedLocally, Context()).KeyId.ShouldBe("A");
    }

    [Fact]
    public void Configured_keys_do_not_create_a_key_file()
    {
        _fixture.Sealer(("Promptmark:Secrets:ActiveKeyId", "A"), ("Promptmark:Secrets:Keys:A", KeyA));

        File.Exists(Path.Combine(_fixture.DataPath, "secrets.key")).ShouldBeFalse();
    }
}
