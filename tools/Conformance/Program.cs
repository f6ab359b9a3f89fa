using Stratus.Conformance;

// The conformance runner: one subcommand per suite format; each prints failing cases and ends with
// "N passed, N failed" (", N skipped" when some are skipped), exit code 0 only when nothing failed.
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: Conformance <protocols|sigv4|signing|endpoints> <dir>");
    return 2;
}
return args[0] switch
{
    "protocols" => ProtocolSuite.Run(args[1], Console.Out),
    "sigv4" => SigV4Suite.Run(args[1], Console.Out),
    "signing" => SigningSuite.Run(args[1], Console.Out),
    "endpoints" => EndpointSuite.Run(args[1], Console.Out),
    _ => Usage(args[0]),
};

static int Usage(string command)
{
    Console.Error.WriteLine($"unknown suite '{command}'; expected protocols, sigv4, signing or endpoints");
    return 2;
}
