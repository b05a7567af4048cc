using System.Globalization;

namespace NeverLetMeGo.Core.Text;

public static class ByteSize
{
    /// <summary>"5 MiB", "64 KiB", "1500 bytes": exact, so a reason never rounds a limit.</summary>
    public static string Format(long bytes) => bytes switch
    {
        >= 1 << 20 when bytes % (1 << 20) == 0 => string.Create(CultureInfo.InvariantCulture, $"{bytes >> 20} MiB"),
        >= 1 << 10 when bytes % (1 << 10) == 0 => string.Create(CultureInfo.InvariantCulture, $"{bytes >> 10} KiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
    };
}
