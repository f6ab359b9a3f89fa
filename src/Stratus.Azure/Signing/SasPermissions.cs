namespace Stratus.Azure.Signing;

// SAS fields whose letters the service expects in a fixed order.
internal static class SasPermissions
{
    public const string BlobOrder = "racwdxyltmeopi";
    public const string AccountOrder = "rwdxylacuptfi";
    public const string ServiceOrder = "bfqt";
    public const string ResourceTypeOrder = "sco";

    /// <summary>The letters of <paramref name="value"/> in <paramref name="order"/>; a letter outside it is an error.</summary>
    public static string Normalize(string value, string order, string what)
    {
        ArgumentException.ThrowIfNullOrEmpty(value, what);
        var chars = new List<char>(value.Length);
        foreach (var c in order)
        {
            if (value.Contains(c, StringComparison.Ordinal))
            {
                chars.Add(c);
            }
        }
        foreach (var c in value)
        {
            if (!order.Contains(c, StringComparison.Ordinal))
            {
                throw new ArgumentException($"'{c}' is not a valid letter for SAS {what} (valid: {order}).", what);
            }
        }
        return new string([.. chars]);
    }

    /// <summary>The SAS time format: UTC, to the second, with Z.</summary>
    public static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
