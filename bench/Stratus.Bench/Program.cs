// The microbenchmarks: `dotnet run -c Release -- --filter '*'` (BenchmarkDotNet's command line: --job short|dry,
// --exporters github, ...). `profile [iterations] [parse|calls]` prints where a Stratus S3 HeadObject's bytes and time go,
// then bytes and time per whole small call (`calls`: only those) and per parse of the parsing-heavy responses (`parse`: only those).
using BenchmarkDotNet.Running;

if (args is ["profile", ..])
{
    var iterations = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20_000;
    if (args is not [_, _, "parse" or "calls"])
    {
        Stratus.Bench.Profiling.HeadObjectProfile.Run(iterations);
    }
    if (args is not [_, _, "parse"])
    {
        Stratus.Bench.Profiling.CallsProfile.Run(iterations / 2);
    }
    if (args is not [_, _, "calls"])
    {
        Stratus.Bench.Profiling.ParseProfile.Run(Math.Max(10, iterations / 200));
    }
    return;
}
if (args is ["loop", ..])
{
    // A steady stream of whole calls (or parses: `loop 8 ec2`) for an external profiler (dotnet-trace).
    var duration = TimeSpan.FromSeconds(args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10);
    if (args.Length > 2)
    {
        Stratus.Bench.Profiling.ParseLoop.Run(duration, args[2]);
    }
    else
    {
        Stratus.Bench.Profiling.HeadObjectLoop.Run(duration);
    }
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Stratus.Bench.Signing.SigningBenchmarks).Assembly).Run(args);
