using System.ComponentModel.DataAnnotations;
using NeverLetMeGo.Core.Decisions;

namespace NeverLetMeGo.Api.Infrastructure;

/// <summary>Operator keys (<c>Admin:ApiKeys</c>); none configured means every operator endpoint answers 401.</summary>
internal sealed class AdminOptions
{
    public const string Section = "Admin";

    public string[] ApiKeys { get; set; } = [];
}

/// <summary>Per-client limits (<c>RateLimits</c>): reads per minute, reports per hour, wrong operator keys per minute.</summary>
internal sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    [Range(1, int.MaxValue)]
    public int ReadsPerMinute { get; set; } = 600;

    [Range(1, int.MaxValue)]
    public int ReportsPerHour { get; set; } = 30;

    [Range(1, int.MaxValue)]
    public int FailedKeysPerMinute { get; set; } = 10;
}

/// <summary>Reader corrections (<c>Corrections</c>): how many clients must agree before a level counts (Core's CorrectionVote).</summary>
internal sealed class CorrectionOptions
{
    public const string Section = "Corrections";

    [Range(1, 1000)]
    public int ReportThreshold { get; set; } = CorrectionVote.DefaultThreshold;
}

/// <summary>Front-end origins allowed to call the API from a browser (<c>Cors:Origins</c>).</summary>
internal sealed class FrontEndOptions
{
    public const string Section = "Cors";

    public string[] Origins { get; set; } = [];
}

/// <summary>The sample corpus (<c>Samples</c>): imported once on first start (default: on the embedded database only).</summary>
internal sealed class SampleOptions
{
    public const string Section = "Samples";

    public bool? ImportOnFirstStart { get; set; }

    public string Directory { get; set; } = Path.Combine(AppContext.BaseDirectory, "samples");
}

internal static class ApiOptions
{
    /// <summary>Every section bound once and validated on start: a bad value stops the API with its name, not a request.</summary>
    public static IServiceCollection AddApiOptions(this IServiceCollection services)
    {
        services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.Section);
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<CorrectionOptions>().BindConfiguration(CorrectionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<FrontEndOptions>().BindConfiguration(FrontEndOptions.Section);
        services.AddOptions<SampleOptions>().BindConfiguration(SampleOptions.Section);
        return services;
    }
}
