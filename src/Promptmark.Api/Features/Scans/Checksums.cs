namespace Promptmark.Api.Features.Scans;

/// <summary>The check-digit schemes that separate real identifiers from numbers that merely look like them.</summary>
public static class Checksums
{
    /// <summary>Luhn mod 10 over the digits of <paramref name="digits"/> (payment cards).</summary>
    public static bool PassesLuhn(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        var doubleIt = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (doubleIt && (d *= 2) > 9) d -= 9;
            sum += d;
            doubleIt = !doubleIt;
        }
        return digits.Length > 0 && sum % 10 == 0;
    }

    /// <summary>ISO 13616 mod 97 over a compact upper-case IBAN: the first four characters move to the end, letters count as 10..35.</summary>
    public static bool PassesIbanMod97(ReadOnlySpan<char> iban)
    {
        if (iban.Length < 5) return false;
        var remainder = 0;
        for (var i = 0; i < iban.Length; i++)
        {
            var c = iban[(i + 4) % iban.Length];
            if (char.IsAsciiDigit(c)) remainder = (remainder * 10 + (c - '0')) % 97;
            else if (char.IsAsciiLetterUpper(c)) remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
            else return false;
        }
        return remainder == 1;
    }

    /// <summary>The Dutch "elfproef" for a nine-digit BSN: weights 9..2 and -1, sum divisible by 11.</summary>
    public static bool PassesElevenProof(ReadOnlySpan<char> nineDigits)
    {
        if (nineDigits.Length != 9) return false;
        var sum = 0;
        for (var i = 0; i < 8; i++) sum += (9 - i) * (nineDigits[i] - '0');
        sum -= nineDigits[8] - '0';
        return sum > 0 && sum % 11 == 0;
    }
}
