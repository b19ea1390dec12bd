using Promptmark.Api.Infrastructure.Hosting;

namespace Promptmark.Api.Infrastructure.Secrets;

/// <summary>
/// The credential encryption keys: <c>Promptmark:Secrets:Keys:&lt;id&gt;</c> (base64, 32 bytes each) with
/// <c>Promptmark:Secrets:ActiveKeyId</c> naming the one new seals use. With none configured, one key is generated
/// under the data directory as <see cref="GeneratedKeyId"/>; once keys are configured that file, if present, still
/// opens what it sealed, so moving to configured keys needs no migration.
/// </summary>
public sealed class SealingKeys
{
    public const string ActiveKeyIdSetting = "Promptmark:Secrets:ActiveKeyId";
    public const string KeysSetting = "Promptmark:Secrets:Keys";
    public const string GeneratedKeyId = "local-1";
    public const string GeneratedKeyFile = "secrets.key";
    public const int KeyBytes = 32;

    private readonly Dictionary<string, byte[]> _keys;

    private SealingKeys(string activeKeyId, Dictionary<string, byte[]> keys)
    {
        ActiveKeyId = activeKeyId;
        _keys = keys;
    }

    public string ActiveKeyId { get; }

    public byte[] ActiveKey => _keys[ActiveKeyId];

    public bool TryGet(string keyId, out byte[] key) => _keys.TryGetValue(keyId, out key!);

    /// <exception cref="InvalidOperationException">A key is not 32 bytes of base64, or the active id is missing or unknown.</exception>
    public static SealingKeys From(IConfiguration configuration, DataDirectory data)
    {
        var configured = ReadConfiguredKeys(configuration);
        var activeKeyId = configuration[ActiveKeyIdSetting];
        if (string.IsNullOrWhiteSpace(activeKeyId))
        {
            if (configured.Count > 0)
                throw new InvalidOperationException($"{ActiveKeyIdSetting} must name one of the keys configured under {KeysSetting}.");
            return new SealingKeys(GeneratedKeyId, new(StringComparer.OrdinalIgnoreCase) { [GeneratedKeyId] = ReadGeneratedKey(data) });
        }

        if (!configured.TryGetValue(activeKeyId, out _))
            throw new InvalidOperationException($"{ActiveKeyIdSetting} names '{activeKeyId}', but {KeysSetting}:{activeKeyId} is not configured.");
        if (!configured.ContainsKey(GeneratedKeyId) && File.Exists(data.Combine(GeneratedKeyFile)))
            configured[GeneratedKeyId] = ReadGeneratedKey(data);
        // The id as spelled under Keys is what gets stored beside each ciphertext.
        var canonicalId = configured.Keys.First(id => string.Equals(id, activeKeyId, StringComparison.OrdinalIgnoreCase));
        return new SealingKeys(canonicalId, configured);
    }

    private static Dictionary<string, byte[]> ReadConfiguredKeys(IConfiguration configuration)
    {
        // Configuration keys are case-insensitive, so key ids are too.
        var keys = new Dictionary<string, byte[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in configuration.GetSection(KeysSetting).GetChildren())
        {
            var setting = $"{KeysSetting}:{entry.Key}";
            if (entry.Value is null)
                throw new InvalidOperationException($"{setting} must be a base64 string of {KeyBytes} bytes, not a section.");
            keys[entry.Key] = DecodeKey(entry.Value, setting);
        }
        return keys;
    }

    private static byte[] ReadGeneratedKey(DataDirectory data)
    {
        var origin = $"The generated key file {data.Combine(GeneratedKeyFile)}";
        byte[] key;
        try
        {
            key = data.GetOrCreateSecret(GeneratedKeyFile, KeyBytes, "credential encryption key");
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{origin} is not valid base64.");
        }
        return key.Length == KeyBytes ? key : throw new InvalidOperationException($"{origin} must hold exactly {KeyBytes} bytes (base64).");
    }

    private static byte[] DecodeKey(string base64, string origin)
    {
        var buffer = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64.Trim(), buffer, out var length))
            throw new InvalidOperationException($"{origin} is not valid base64.");
        if (length != KeyBytes)
            throw new InvalidOperationException($"{origin} must be exactly {KeyBytes} bytes (base64), e.g. from `openssl rand -base64 32`.");
        return buffer[..length];
    }
}
