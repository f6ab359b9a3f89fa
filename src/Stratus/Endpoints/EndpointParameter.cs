namespace Stratus.Endpoints;

/// <summary>A parameter declared by a rule set, as an SDK binds it (from a built-in setting or the operation's input).</summary>
/// <param name="Name">The parameter name, for example <c>Region</c>.</param>
/// <param name="Type">The parameter type.</param>
/// <param name="BuiltIn">The built-in it is bound from, for example <c>AWS::Region</c> or <c>SDK::Endpoint</c>.</param>
/// <param name="Default">The default value (a <see cref="string"/>, <see cref="bool"/> or <c>string[]</c>), if any.</param>
/// <param name="Required">Whether resolution fails when the parameter has no value.</param>
/// <param name="Documentation">The parameter's documentation.</param>
public sealed record EndpointParameter(string Name, EndpointParameterType Type, string? BuiltIn, object? Default, bool Required, string? Documentation)
{
    /// <summary>Whether <paramref name="value"/> has this parameter's type.</summary>
    public bool Accepts(object value) => Type switch
    {
        EndpointParameterType.String => value is string,
        EndpointParameterType.Boolean => value is bool,
        _ => value is string[],
    };
}
