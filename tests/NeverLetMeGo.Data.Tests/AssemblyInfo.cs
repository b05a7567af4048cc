using System.Runtime.Versioning;

// The tests run a private PostgreSQL from the installed server programs: Unix only.
[assembly: SupportedOSPlatform("linux")]
[assembly: SupportedOSPlatform("macos")]
