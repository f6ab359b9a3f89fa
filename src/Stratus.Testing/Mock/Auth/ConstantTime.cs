using System.Security.Cryptography;
using System.Text;

namespace Stratus.Testing.Mock.Auth;

/// <summary>Signature comparison whose time does not depend on where the strings first differ.</summary>
internal static class ConstantTime
{
    /// <summary>Whether two signatures (ASCII: hex or base64) are equal, compared in constant time for equal lengths.</summary>
    internal static bool Equal(string expected, string provided)
    {
        var a = Encoding.UTF8.GetBytes(expected);
        var b = Encoding.UTF8.GetBytes(provided);
        return CryptographicOperations.FixedTimeEquals(a, b);
    }
}
