using Microsoft.Extensions.Logging;

namespace NeverLetMeGo.Worker.Logging;

/// <summary>
/// A logger factory built on the first logger asked for. Building one sets up a service container, its configuration
/// binding and the console provider: about 90 methods the JIT compiles in every new process (ReadyToRun cannot hold
/// framework generics over the container's own types), paid by `nlmg extract DIR --out`, which never logs
/// (bench/README.md, Extraction).
/// </summary>
internal sealed class DeferredLoggerFactory(Func<ILoggerFactory> create) : ILoggerFactory
{
    private readonly Lazy<ILoggerFactory> _factory = new(create, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Whether a logger was ever asked for (and so the real factory built).</summary>
    public bool IsCreated => _factory.IsValueCreated;

    public ILogger CreateLogger(string categoryName) => _factory.Value.CreateLogger(categoryName);

    public void AddProvider(ILoggerProvider provider) => _factory.Value.AddProvider(provider);

    public void Dispose()
    {
        if (_factory.IsValueCreated)
            _factory.Value.Dispose();
    }
}
