// The microbenchmarks: `dotnet run -c Release -- --filter '*'` (BenchmarkDotNet's command line: --job short|dry,
// --exporters github, ...). `profile [iterations]` prints where a Stratus S3 HeadObject's bytes and time go.
using BenchmarkDotNet.Running;

if (args is ["profile", ..])
{
    Stratus.Bench.Profiling.HeadObjectProfile.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20_000);
    return;
}
if (args is ["loop", ..])
{
    // A steady stream of whole calls for an external profiler (dotnet-trace).
    Stratus.Bench.Profiling.HeadObjectLoop.Run(TimeSpan.FromSeconds(args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10));
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Stratus.Bench.Signing.SigningBenchmarks).Assembly).Run(args);
