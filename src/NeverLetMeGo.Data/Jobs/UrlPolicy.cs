using System.Net;
using System.Net.Sockets;
using NeverLetMeGo.Core.Model;

namespace NeverLetMeGo.Data.Jobs;

/// <summary>
/// Which URLs may be fetched, as far as the URL alone tells: the fetcher checks the resolved addresses again at connect
/// time (a public name may point inside); this refuses at enqueue time what would certainly be refused then, and what
/// must never be stored (credentials) or is not a page address (over <see cref="MaxLength"/> characters).
/// </summary>
/// <param name="allowedHosts">Scraper:AllowedHosts: names or addresses that may be private, loopback or link-local.</param>
public sealed class UrlPolicy(IReadOnlyCollection<string> allowedHosts)
{
    public const int MaxLength = 2048;

    /// <summary>Why <paramref name="url"/> (canonical, see <see cref="PageUrls"/>) is refused; null when it may be queued.</summary>
    public string? Refusal(string url)
    {
        if (url.Length > MaxLength)
            return $"the URL is longer than {MaxLength} characters";
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
            return "not an absolute http(s) URL";
        if (uri.UserInfo.Length > 0)
            return "the URL carries credentials (user:password@), which are never stored or sent";
        var host = uri.IdnHost.Trim('[', ']');
        if (IPAddress.TryParse(host, out var address))
            return IsNonPublic(address) && !IsAllowListed(host, address, allowedHosts)
                ? $"{host} is the non-public address {address}, which is not allow-listed (Scraper:AllowedHosts)"
                : null;
        var name = host.TrimEnd('.');
        var loopbackName = name.Equals("localhost", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);
        // The name is allowed if listed, or if a loopback address is (the fetcher then decides on the resolved address).
        var allowed = allowedHosts.Any(a => string.Equals(a.TrimEnd('.'), name, StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(a.Trim('[', ']'), out var listed) && IPAddress.IsLoopback(listed)));
        return loopbackName && !allowed ? $"{host} names a loopback address, which is not allow-listed (Scraper:AllowedHosts)" : null;
    }

    /// <summary>The URL as it may be shown or logged: credentials, if any, replaced.</summary>
    public static string Redact(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0
            ? new UriBuilder(uri) { UserName = "***", Password = "" }.Uri.AbsoluteUri
            : url;

    public static bool IsAllowListed(string host, IPAddress address, IReadOnlyCollection<string> allowed) =>
        allowed.Any(a => string.Equals(a, host, StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(a, out var listed) && listed.Equals(address)));

    public static bool IsNonPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var first = address.GetAddressBytes()[0];
            return IPAddress.IPv6Loopback.Equals(address) || IPAddress.IPv6None.Equals(address)
                || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast
                || (first & 0xFE) == 0xFC; // fc00::/7 unique local
        }
        var b = address.GetAddressBytes();
        return b[0] switch
        {
            0 or 10 or 127 => true,
            100 => b[1] >= 64 && b[1] < 128, // carrier-grade NAT
            169 => b[1] == 254,              // link-local, cloud metadata services
            172 => b[1] >= 16 && b[1] < 32,
            192 => b[1] == 168 || (b[1] == 0 && b[2] is 0 or 2),
            198 => b[1] is 18 or 19,
            >= 224 => true,                  // multicast, reserved, broadcast
            _ => false,
        };
    }
}
