// actorpodd drives conmon, runc and cgroups: it runs on Linux only, and says so to the platform analyzer.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
