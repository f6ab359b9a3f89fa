using Stratus.Conformance;

// Conformance runners: each reads a third-party suite in place and ends with "N passed, N failed".
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: Conformance <sigv4|signing> <dir>");
    return 2;
}

switch (args[0])
{
    case "sigv4":
        return SigV4Suite.Run(args[1], Console.Out);
    case "signing":
        return SigningSuite.Run(args[1], Console.Out);
    default:
        Console.Error.WriteLine($"unknown suite '{args[0]}'");
        return 2;
}
