using Stratus.ModelImport;

// Imports the AWS service models from Debian's python3-botocore package into
// src/Stratus.AwsModels (see README.md).
try
{
    var options = ImportOptions.Parse(args);
    if (options is null)
    {
        Console.WriteLine(ImportOptions.Usage);
        return 0;
    }
    return Importer.Run(options);
}
catch (ImportException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 1;
}
