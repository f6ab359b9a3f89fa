// The microbenchmarks. `dotnet run -c Release -- --filter '*'` (BenchmarkDotNet's command line: --job short|dry, --exporters github, ...).
using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Stratus.Bench.Signing.SigningBenchmarks).Assembly).Run(args);
