using System.Net;
using System.Net.Sockets;

namespace NeverLetMeGo.Api.Infrastructure;

/// <summary>
/// Who counts as one client for reports and rate limits: an IPv4 address, or an IPv6 /64. One subscriber or host is
/// handed a whole /64, so counting its addresses one by one would give anyone as many votes and limits as they like.
/// </summary>
internal static class ClientAddress
{
    public static string Key(HttpContext http) => Key(http.Connection.RemoteIpAddress);

    public static string Key(IPAddress? address)
    {
        if (address is null)
            return "unknown";
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
            return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
