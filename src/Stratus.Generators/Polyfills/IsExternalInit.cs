// netstandard2.0 lacks the marker type the compiler needs for init accessors and records; declaring it
// internally is the documented way to use them there (the namespace must be the compiler's, not the folder's).
namespace System.Runtime.CompilerServices;

internal static class IsExternalInit
{
}
