namespace Stratus.Cli.Commands.Customizations;

/// <summary>The customizations of operations, by service model name and operation name.</summary>
internal static class OperationCustomizations
{
    /// <summary>New customizations for the operation (each call makes fresh options).</summary>
    public static IReadOnlyList<IOperationCustomization> For(string service, string operation) => (service, operation) switch
    {
        ("ec2", "RunInstances") => [new RunInstancesCount()],
        _ => [],
    };
}
