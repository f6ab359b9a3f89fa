using System.CommandLine;
using System.Runtime.InteropServices;
using Stratus.Testing.Mock;

namespace Stratus.Cli.Commands;

/// <summary><c>stratus mock serve</c>: the mock cloud on a loopback port.</summary>
internal static class MockCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "The port to listen on, on 127.0.0.1 (0 picks a free one).", DefaultValueFactory = _ => 4566 };
        var stateDir = new Option<string?>("--state-dir") { Description = "Keep state in this directory across restarts." };
        var noVerify = new Option<bool>("--no-verify") { Description = "Accept requests without checking their signatures." };
        var serve = new Command("serve", "Serve the mock cloud until interrupted (SIGINT or SIGTERM).") { port, stateDir, noVerify };
        serve.SetAction(async (parse, ct) =>
        {
            var options = new MockCloudOptions
            {
                StateDirectory = parse.GetValue(stateDir),
                VerifySignatures = !parse.GetValue(noVerify),
            };
            await using var cloud = new MockCloud(options);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
            using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
            MockServer server;
            try
            {
                server = await cloud.StartServerAsync(parse.GetValue(port), stop.Token);
            }
            catch (IOException e)
            {
                await Console.Error.WriteLineAsync($"stratus mock serve: cannot listen on port {parse.GetValue(port)}: {e.Message}");
                return 1;
            }
            await using (server)
            {
                Console.WriteLine($"Stratus mock cloud listening on {server.Url.ToString().TrimEnd('/')}");
                Console.Out.Flush();
                try
                {
                    await Task.Delay(Timeout.Infinite, stop.Token);
                }
                catch (OperationCanceledException)
                {
                }
            }
            await Console.Error.WriteLineAsync("stratus mock serve: stopped");
            return 0;
        });
        return new Command("mock", "The Stratus mock cloud.") { serve };
    }
}
