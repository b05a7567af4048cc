using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NeverLetMeGo.Worker.Logging;

namespace NeverLetMeGo.Worker.Tests;

/// <summary>A command that never logs (a batch extraction) never builds the logging container.</summary>
public sealed class DeferredLoggerFactoryTests
{
    [Fact]
    public void The_factory_is_built_once_on_the_first_logger_and_disposed_with_it()
    {
        var built = 0;
        var inner = new CountingFactory();
        var loggers = new DeferredLoggerFactory(() => { built++; return inner; });

        Assert.Equal(0, built);
        Assert.False(loggers.IsCreated);
        loggers.CreateLogger("a");
        loggers.CreateLogger("b");
        loggers.Dispose();

        Assert.Equal(1, built);
        Assert.Equal(2, inner.Loggers);
        Assert.True(inner.Disposed);
    }

    [Fact]
    public void Disposing_an_unused_factory_builds_nothing()
    {
        var built = 0;
        var loggers = new DeferredLoggerFactory(() => { built++; return new CountingFactory(); });

        loggers.Dispose();

        Assert.Equal(0, built);
    }

    private sealed class CountingFactory : ILoggerFactory
    {
        public int Loggers { get; private set; }

        public bool Disposed { get; private set; }

        public ILogger CreateLogger(string categoryName)
        {
            Loggers++;
            return NullLogger.Instance;
        }

        public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

        public void Dispose() => Disposed = true;
    }
}
