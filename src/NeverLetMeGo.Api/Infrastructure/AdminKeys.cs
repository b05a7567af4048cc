using System.Security.Cryptography;
using System.Text;

namespace NeverLetMeGo.Api.Infrastructure;

/// <summary>Marks an endpoint as operator-only; the OpenAPI document gives it the ApiKey security requirement.</summary>
internal sealed class AdminOnlyMetadata;

/// <summary>
/// Operator endpoints need a key from configuration (<c>Admin:ApiKeys</c>), sent as <c>X-Api-Key</c>. Keys are compared as
/// SHA-256 digests with a fixed-time comparison, so neither timing nor length says how close a guess was.
/// </summary>
internal static class AdminKeys
{
    public const string Header = "X-Api-Key";
    public const string SchemeName = "ApiKey";

    /// <summary>Marks the endpoints as operator-only: <see cref="AdminGate"/> checks the key before anything else runs.</summary>
    public static TBuilder RequireAdminKey<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(new AdminOnlyMetadata());
        return builder.ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests);
    }

    public static bool IsValid(string presented, IEnumerable<string> configured)
    {
        if (string.IsNullOrEmpty(presented))
        {
            return false;
        }

        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        var match = false;
        foreach (var key in configured.Where(k => !string.IsNullOrEmpty(k)))
        {
            // No early exit: every configured key is compared.
            match |= CryptographicOperations.FixedTimeEquals(digest, SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        }

        return match;
    }

    public const string UnauthorizedTitle = "API key required";

    // A server with no key at all says so: otherwise a newcomer trying the README's admin examples cannot tell a
    // wrong key from a feature that is switched off.
    public static string UnauthorizedDetail(bool anyConfigured) => anyConfigured
        ? $"This operator endpoint needs a valid key in the {Header} header."
        : $"This operator endpoint needs a valid key in the {Header} header, and this server has none configured: set Admin__ApiKeys__0 (Admin:ApiKeys) and restart.";
}
