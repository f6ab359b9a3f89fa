using Stratus.Tests.TestSupport;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Stratus.Client;
using Stratus.OpenStack;
using Stratus.OpenStack.Storage;
using Stratus.Providers;
using Stratus.Storage;

namespace Stratus.Tests.OpenStack;

/// <summary>The portable store over Swift (scheme <c>swift</c>), opened through the registry as an application would.</summary>
public sealed class SwiftObjectStoreTests
{
    private const string V = SwiftEmulator.Variable;

    private static ObjectStore Open()
    {
        OpenStackCloud.Register();
        return ObjectStores.Open("swift", new StoreSettings
        {
            EndpointUrl = SwiftEmulator.AuthUrl,
            Values = { ["username"] = SwiftEmulator.User, ["password"] = SwiftEmulator.Key, ["temp-url-key"] = SwiftEmulator.TempUrlKey },
            Environment = _ => null,
        });
    }

    private static async Task DropAsync(ObjectStore store, string container)
    {
        foreach (var name in new[] { container, container + "_segments" })
        {
            try
            {
                await foreach (var entry in store.ListAsync(name).ConfigureAwait(false))
                {
                    await store.DeleteAsync(name, entry.Key);
                }
                await store.DeleteContainerAsync(name);
            }
            catch (StorageException e) when (e.Kind == StorageErrorKind.ContainerNotFound)
            {
            }
        }
    }

    [Fact]
    public void Registering_adds_the_provider_and_the_scheme()
    {
        OpenStackCloud.Register();
        Assert.Contains("openstack", CloudProviders.Names);
        Assert.Contains("swift", ObjectStores.Schemes);
        using var client = CloudProviders.Connect("openstack", "swift");
        Assert.Equal("rest-xml", client.Protocol);
        Assert.True(client.Model.TryGetOperation("PutSloManifest", out _));
    }

    [EmulatorFact(V)]
    public async Task Objects_round_trip_with_the_contracts_semantics()
    {
        using var store = Open();
        Assert.Equal("swift", store.Scheme);
        var c = SwiftEmulator.NewName("store");
        try
        {
            await store.CreateContainerAsync(c);
            await store.CreateContainerAsync(c); // again: no error
            Assert.Contains(await store.ListContainersAsync().ToListAsync(), x => x.Name == c);

            var put = await store.PutAsync(c, "docs/a.txt", new MemoryStream(Encoding.UTF8.GetBytes("0123456789")),
                new PutOptions { ContentType = "text/plain", Metadata = { ["Author"] = "Ann" } });
            Assert.Equal(10, put.Size);
            Assert.Equal(Convert.ToHexStringLower(MD5.HashData("0123456789"u8)), put.ETag);

            var head = await store.HeadAsync(c, "docs/a.txt");
            Assert.NotNull(head);
            Assert.Equal(10, head.Size);
            Assert.Equal("text/plain", head.ContentType);
            Assert.Equal("Ann", head.Metadata["author"]);
            Assert.Null(await store.HeadAsync(c, "docs/missing"));
            Assert.Null(await store.HeadAsync(SwiftEmulator.NewName("nope"), "x"));

            await using (var range = await store.GetAsync(c, "docs/a.txt", new GetOptions { RangeStart = 2, RangeEnd = 5 }))
            {
                Assert.Equal("2345", Encoding.UTF8.GetString(await SwiftEmulator.ReadAllAsync(range.Content)));
                Assert.Equal(10, range.Info.Size);
            }
            var missing = await Assert.ThrowsAsync<StorageException>(() => store.GetAsync(c, "docs/missing"));
            Assert.Equal(StorageErrorKind.NotFound, missing.Kind);

            await store.SetMetadataAsync(c, "docs/a.txt", new Dictionary<string, string> { ["Reviewed"] = "yes" });
            var updated = await store.HeadAsync(c, "docs/a.txt");
            Assert.Equal("yes", updated!.Metadata["reviewed"]);
            Assert.False(updated.Metadata.ContainsKey("author"));
            Assert.Equal("text/plain", updated.ContentType);

            var copy = await store.CopyAsync(c, "docs/a.txt", c, "docs/b.txt");
            Assert.Equal(10, copy.Size);
            Assert.Equal("yes", copy.Metadata["reviewed"]);

            var notEmpty = await Assert.ThrowsAsync<StorageException>(() => store.DeleteContainerAsync(c));
            Assert.Equal(StorageErrorKind.ContainerNotEmpty, notEmpty.Kind);
            var noContainer = await Assert.ThrowsAsync<StorageException>(() => store.PutAsync(SwiftEmulator.NewName("nope"), "k", new MemoryStream([1])));
            Assert.Equal(StorageErrorKind.ContainerNotFound, noContainer.Kind);

            await store.DeleteAsync(c, "docs/a.txt");
            await store.DeleteAsync(c, "docs/a.txt"); // missing: fine
            Assert.Null(await store.HeadAsync(c, "docs/a.txt"));
        }
        finally
        {
            await DropAsync(store, c);
        }
        Assert.DoesNotContain(await store.ListContainersAsync().ToListAsync(), x => x.Name == c);
        await store.DeleteContainerAsync(c); // missing: fine
    }

    [EmulatorFact(V)]
    public async Task Listing_pages_in_key_order_and_rolls_up_at_the_delimiter()
    {
        using var store = Open();
        var c = SwiftEmulator.NewName("store");
        string[] keys = ["a", "b/1", "b/2", "b/c/3", "c/1", "d"];
        try
        {
            await store.CreateContainerAsync(c);
            foreach (var key in keys.Reverse())
            {
                await store.PutAsync(c, key, new MemoryStream(Encoding.UTF8.GetBytes(key)));
            }
            Assert.Equal(keys, (await store.ListAsync(c, new ListOptions { PageSize = 2 }).ToListAsync()).Select(e => e.Key));
            var level = await store.ListAsync(c, new ListOptions { Delimiter = "/", PageSize = 1 }).ToListAsync();
            Assert.Equal(["a", "b/", "c/", "d"], level.Select(e => e.Key));
            Assert.Equal([false, true, true, false], level.Select(e => e.IsPrefix));
            Assert.Equal(["b/1", "b/2", "b/c/"], (await store.ListAsync(c, new ListOptions { Prefix = "b/", Delimiter = "/" }).ToListAsync()).Select(e => e.Key));
            Assert.Equal(["c/1", "d"], (await store.ListAsync(c, new ListOptions { StartAfter = "b/c/3" }).ToListAsync()).Select(e => e.Key));
            Assert.Equal(1, level[0].Object!.Size);
        }
        finally
        {
            await DropAsync(store, c);
        }
    }

    [EmulatorFact(V)]
    public async Task Large_content_of_unknown_length_is_stored_in_segments_and_deleted_with_them()
    {
        using var store = Open();
        var c = SwiftEmulator.NewName("store");
        var content = RandomNumberGenerator.GetBytes(3 * 1024 * 1024 + 500);
        try
        {
            await store.CreateContainerAsync(c);
            var info = await store.PutAsync(c, "big", new ForwardOnlyStream(new MemoryStream(content)),
                new PutOptions { PartSize = 1024 * 1024, Concurrency = 2, Metadata = { ["k"] = "v" } });
            Assert.Equal(content.Length, info.Size);
            Assert.Equal(4, (await store.ListAsync(c + "_segments").ToListAsync()).Count);
            await using (var got = await store.GetAsync(c, "big"))
            {
                var read = await SwiftEmulator.ReadAllAsync(got.Content);
                Assert.True(content.AsSpan().SequenceEqual(read));
                Assert.Equal("v", got.Info.Metadata["k"]);
            }
            await store.DeleteAsync(c, "big");
            Assert.Empty(await store.ListAsync(c + "_segments").ToListAsync());
            await store.DeleteContainerAsync(c);
            Assert.DoesNotContain(await store.ListContainersAsync().ToListAsync(), x => x.Name.StartsWith(c, StringComparison.Ordinal));
        }
        finally
        {
            await DropAsync(store, c);
        }
    }

    [EmulatorFact(V)]
    public async Task A_failed_large_upload_removes_the_segments_it_stored()
    {
        using var store = Open();
        var missing = SwiftEmulator.NewName("store"); // never created: the manifest PUT fails with 404 after the segments went up
        try
        {
            var e = await Assert.ThrowsAsync<StorageException>(() => store.PutAsync(missing, "big",
                new ForwardOnlyStream(new MemoryStream(new byte[3 * 1024 * 1024])), new PutOptions { PartSize = 1024 * 1024 }));
            Assert.Equal(StorageErrorKind.ContainerNotFound, e.Kind);
            Assert.Empty(await store.ListAsync(missing + "_segments").ToListAsync());
        }
        finally
        {
            await store.DeleteContainerAsync(missing + "_segments");
        }
    }

    [EmulatorFact(V)]
    public async Task Signed_urls_let_a_plain_http_client_get_and_put()
    {
        using var store = Open();
        Assert.True(store.Capabilities.HasFlag(StoreCapabilities.SignedPutUrls));
        var c = SwiftEmulator.NewName("store");
        try
        {
            await ((SwiftObjectStore)store).Client.SetTempUrlKeyAsync(SwiftEmulator.TempUrlKey);
            await store.CreateContainerAsync(c);
            await store.PutAsync(c, "a/b c.txt", new MemoryStream("signed"u8.ToArray()));
            using var http = new HttpClient();
            Assert.Equal("signed", await http.GetStringAsync(store.GetSignedUrl(c, "a/b c.txt", new SignedUrlOptions())));
            var putUrl = store.GetSignedUrl(c, "up.txt", new SignedUrlOptions { Method = HttpMethod.Put, ExpiresIn = TimeSpan.FromMinutes(1) });
            Assert.Equal(HttpStatusCode.Created, (await http.PutAsync(putUrl, new StringContent("put by url"))).StatusCode);
            Assert.Equal(10, (await store.HeadAsync(c, "up.txt"))!.Size);
            var expired = store.GetSignedUrl(c, "a/b c.txt", new SignedUrlOptions { ExpiresIn = TimeSpan.FromSeconds(-5) });
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync(expired)).StatusCode);
        }
        finally
        {
            await DropAsync(store, c);
        }
    }

    [Fact]
    public void Settings_name_the_login_and_never_show_secrets()
    {
        var settings = new StoreSettings
        {
            EndpointUrl = new Uri("https://keystone.example/v3"),
            Region = "R2",
            Values = { ["username"] = "bob", ["password"] = "pw-secret", ["project-name"] = "p" },
            Environment = n => n == "OS_INTERFACE" ? "internal" : null,
        };
        var c = SwiftStoreSettings.Credentials(settings);
        Assert.Equal(Stratus.OpenStack.Auth.OpenStackAuthKind.Keystone, c.EffectiveKind);
        Assert.Equal("R2", c.RegionName);
        Assert.Equal("internal", c.Interface);
        Assert.Equal("bob", c.Username);
        Assert.DoesNotContain("pw-secret", c.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("pw-secret", settings.ToString(), StringComparison.Ordinal);
        var storage = SwiftStoreSettings.Credentials(new StoreSettings { EndpointUrl = new Uri("https://swift.example/v1/AUTH_x"), Environment = _ => null });
        Assert.Equal("https://swift.example/v1/AUTH_x", storage.StorageUrl!.ToString());
    }
}
