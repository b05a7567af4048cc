using System.Net;
using System.Net.Sockets;
using NeverLetMeGo.Data.Jobs;

namespace NeverLetMeGo.Worker.Fetching;

/// <summary>
/// Refuses connections to private, loopback, link-local and other non-public addresses unless the host is allow-listed.
/// Checked on the resolved addresses at connect time, so a public name pointing inside and every redirect are covered.
/// The rules themselves are <see cref="UrlPolicy"/>'s, shared with enqueueing.
/// </summary>
internal static class AddressPolicy
{
    public static bool IsAllowListed(string host, IPAddress address, IReadOnlyCollection<string> allowed) => UrlPolicy.IsAllowListed(host, address, allowed);

    public static bool IsNonPublic(IPAddress address) => UrlPolicy.IsNonPublic(address);

    /// <summary>Resolves <paramref name="host"/> and throws <see cref="RefusedAddressException"/> if any address is refused.</summary>
    public static async Task<IPAddress[]> ResolveAllowedAsync(string host, IReadOnlyCollection<string> allowed, CancellationToken ct)
    {
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
        foreach (var address in addresses)
        {
            if (IsNonPublic(address) && !IsAllowListed(host, address, allowed))
                throw new RefusedAddressException(host, address);
        }
        return addresses;
    }

    /// <summary>The ConnectCallback of the fetcher's handler: resolve, check every address, connect to the allowed ones.</summary>
    public static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, IReadOnlyCollection<string> allowed, CancellationToken ct)
    {
        var addresses = await ResolveAllowedAsync(context.DnsEndPoint.Host, allowed, ct);
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
