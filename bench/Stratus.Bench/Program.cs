// The microbenchmarks: `dotnet run -c Release -- --filter '*'` (BenchmarkDotNet's command line: --job short|dry,
// --exporters github, ...). `profile [iterations] [parse]` prints where a Stratus S3 HeadObject's bytes and time go,
// then bytes and time per parse of the parsing-heavy responses (`parse`: only those).
using BenchmarkDotNet.Running;

if (args is ["profile", ..])
{
    var iterations = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20_000;
    if (args is not [_, _, "parse"])
    {
        Stratus.Bench.Profiling.HeadObjectProfile.Run(iterations);
    }
    Stratus.Bench.Profiling.ParseProfile.Run(Math.Max(10, iterations / 200));
    return;
}
if (args is ["loop", ..])
{
    // A steady stream of whole calls for an external profiler (dotnet-trace).
    Stratus.Bench.Profiling.HeadObjectLoop.Run(TimeSpan.FromSeconds(args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10));
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Stratus.Bench.Signing.SigningBenchmarks).Assembly).Run(args);
