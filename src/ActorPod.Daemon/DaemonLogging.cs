using Serilog;
using Serilog.Events;

namespace ActorPod.Daemon;

/// <summary>Serilog for the daemon: structured console output; Akka's own logging is bridged into it.</summary>
static class DaemonLogging
{
    const string Template =
        "[{Timestamp:HH:mm:ss.fff} {Level:u3}] {Message:lj}{NewLine}{Exception}";

    public static Serilog.ILogger Create(string level)
    {
        if (!Enum.TryParse<LogEventLevel>(level, ignoreCase: true, out var minimum))
        {
            minimum = LogEventLevel.Information;
        }

        var logger = new LoggerConfiguration()
            .MinimumLevel.Is(minimum)
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .WriteTo.Console(outputTemplate: Template, standardErrorFromLevel: LogEventLevel.Verbose)
            .CreateLogger();

        // Akka.Logger.Serilog writes through the static logger.
        Log.Logger = logger;
        return logger;
    }
}
