using System.CommandLine;
using Stratus.Cli.Commands;

var root = new RootCommand("stratus: every AWS service from its model, and a mock cloud to test against.");
root.Subcommands.Add(MockCommand.Create());
return await root.Parse(args).InvokeAsync();
