using System.Runtime.CompilerServices;

namespace Stratus.Endpoints.Rules;

/// <summary>A call of a library function; arguments are evaluated into a stack buffer (no allocation for up to four).</summary>
internal sealed class CallExpr(RuleFunction function, Expr[] args) : Expr
{
    public override object? Evaluate(object?[] scope)
    {
        if (args.Length > Buffer.Size)
        {
            var values = new object?[args.Length];
            for (var i = 0; i < args.Length; i++)
            {
                values[i] = args[i].Evaluate(scope);
            }
            return function(values);
        }
        var buffer = default(Buffer);
        Span<object?> span = buffer;
        span = span[..args.Length];
        for (var i = 0; i < args.Length; i++)
        {
            span[i] = args[i].Evaluate(scope);
        }
        return function(span);
    }

    [InlineArray(Size)]
    private struct Buffer
    {
        public const int Size = 4;
        private object? _element;
    }
}
