using System.Net;
using System.Net.Sockets;

namespace NeverLetMeGo.Worker.Fetching;

/// <summary>
/// Refuses connections to private, loopback, link-local and other non-public addresses unless the host is allow-listed.
/// Checked on the resolved addresses at connect time, so a public name pointing inside and every redirect are covered.
/// </summary>
internal static class AddressPolicy
{
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

    /// <summary>The ConnectCallback of the fetcher's handler: resolve, check every address, connect to the allowed ones.</summary>
    public static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, IReadOnlyCollection<string> allowed, CancellationToken ct)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
        foreach (var address in addresses)
        {
            if (IsNonPublic(address) && !IsAllowListed(host, address, allowed))
                throw new RefusedAddressException(host, address);
        }
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

internal sealed class RefusedAddressException(string host, IPAddress address)
    : IOException($"{host} resolves to the non-public address {address}, which is not allow-listed (Scraper:AllowedHosts)");
