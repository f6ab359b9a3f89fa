using System.Text;
using Stratus.Cli;

using var interrupted = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl-C cancels the call (exit code 130); a second one ends the process.
    if (!interrupted.IsCancellationRequested)
    {
        e.Cancel = true;
        interrupted.Cancel();
    }
};
// Output is buffered and written once (Console.Out flushes on every write); errors go out as they happen.
var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 64 * 1024) { NewLine = "\n" };
var code = await StratusCli.RunAsync(args, stdout, Console.Error, interrupted.Token).ConfigureAwait(false);
try
{
    stdout.Dispose();
}
catch (IOException)
{
    // The reader of our output went away; what it did not read is not an error.
}
return code;
