using System.CommandLine;
using Stratus.Cli.Commands;
using Stratus.Cli.S3;
using Stratus.Storage;

namespace Stratus.Cli.Storage;

/// <summary><c>stratus storage url scheme://container/key [--expires-in SECONDS] [--method GET|PUT]</c>: a signed URL, computed locally.</summary>
internal static class UrlVerb
{
    public static StorageVerb Create(VerbOptions options)
    {
        var url = new Argument<string>("url") { Description = "scheme://container/key" };
        var expires = new Option<int>("--expires-in") { Description = "Seconds until the URL expires. Default: 3600 (the provider may cap it).", DefaultValueFactory = _ => 3600 };
        var method = new Option<string>("--method") { Description = "What the URL allows: GET (default) or PUT.", DefaultValueFactory = _ => "GET" };
        method.AcceptOnlyFromAmong("GET", "PUT");
        var command = new Command("url", "Print a signed URL that lets its holder GET (or PUT) one object without credentials until it expires.") { url }.With(expires, method);
        return new StorageVerb(command, (parse, session, ct) =>
        {
            var at = Location.Parse(parse.GetValue(url)!);
            if (!at.IsRemote || at.Container.Length == 0 || at.Path.Length == 0 || at.Path.EndsWith('/'))
            {
                throw new UsageException($"url: expected scheme://container/key, got '{parse.GetValue(url)}'");
            }
            var seconds = parse.GetValue(expires);
            if (seconds <= 0)
            {
                throw new UsageException("argument --expires-in: expected a positive number of seconds");
            }
            var put = parse.GetValue(method) == "PUT";
            var store = session.Store(at);
            var needed = put ? StoreCapabilities.SignedPutUrls : StoreCapabilities.SignedUrls;
            if (!store.Capabilities.HasFlag(needed))
            {
                throw new NotSupportedException($"{at.Scheme}:// cannot sign URLs for {(put ? "PUT" : "GET")}");
            }
            Uri signed;
            try
            {
                signed = store.GetSignedUrl(at.Container, at.Path, new SignedUrlOptions { Method = put ? HttpMethod.Put : HttpMethod.Get, ExpiresIn = TimeSpan.FromSeconds(seconds) });
            }
            catch (ArgumentException e)
            {
                // The store's own limits (S3: at most 7 days).
                throw new UsageException($"url: {e.Message}");
            }
            session.Stdout.Write(signed.AbsoluteUri + "\n");
            return Task.FromResult(0);
        });
    }
}
