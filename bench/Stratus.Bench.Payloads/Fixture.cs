namespace Stratus.Bench.Payloads;

/// <summary>The names every client and the endpoint agree on.</summary>
public static class Fixture
{
    public const string Region = "us-east-1";
    public const string AccessKey = "AKIDBENCHEXAMPLE0001";
    public const string SecretKey = "bench/secret/key/EXAMPLEKEY0000000000000";
    public const string Bucket = "bench-bucket";
    public const string SmallKey = "small.bin";
    public const string LargeKey = "large.bin";
    public const string PutKey = "upload.bin";
    public const int SmallSize = 1024;
    public const long LargeSize = 64L * 1024 * 1024;
    public const int ListKeys = 1000;
    public const int Instances = 500;
    public const int QueryItems = 100;
    public const string Table = "Music";
    public const string QueuePath = "/123456789012/bench-queue";
    public const string MessageBody = "{\"order\":12345,\"customer\":\"c-0042\",\"items\":[{\"sku\":\"A-1\",\"qty\":2},{\"sku\":\"B-7\",\"qty\":1}]}";

    /// <summary>A fixed moment for timestamps in canned data, so payloads are identical run to run.</summary>
    public static readonly DateTimeOffset Epoch = new(2025, 11, 3, 9, 30, 0, TimeSpan.Zero);

    /// <summary>The ETag served for every object (quoted, as S3 sends it).</summary>
    public const string ETag = "\"9b2cf535f27731c974343645a3985328\"";
}
