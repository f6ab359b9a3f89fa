namespace Stratus.RealClients.Tests;

/// <summary>boto 2.49 (Debian's python3-boto, the original library of this design) against `stratus mock serve`.</summary>
public sealed class Boto2Tests(MockServeFixture mock) : IClassFixture<MockServeFixture>
{
    private const string Python = "/usr/bin/python3";

    private async Task<string> RunPython(string script)
    {
        var prelude = $$"""
            import sys, warnings
            warnings.simplefilter("ignore")
            import boto
            from boto.regioninfo import RegionInfo
            HOST, PORT = "{{mock.Url.Host}}", {{mock.Url.Port}}
            KEY, SECRET = "test", "test"

            """;
        var result = await Tool.RunAsync(Python, ["-c", prelude + script], new Dictionary<string, string>
        {
            ["BOTO_CONFIG"] = "/dev/null",
            ["AWS_ACCESS_KEY_ID"] = "test",
            ["AWS_SECRET_ACCESS_KEY"] = "test",
        });
        return result.Ok().Output;
    }

    [ToolFact(Python, "boto")]
    public async Task S3CreateReadListDelete()
    {
        var output = await RunPython("""
            from boto.s3.connection import S3Connection, OrdinaryCallingFormat
            conn = S3Connection(KEY, SECRET, host=HOST, port=PORT, is_secure=False, calling_format=OrdinaryCallingFormat())
            bucket = conn.create_bucket("boto2-bucket")
            key = bucket.new_key("greeting.txt")
            key.set_contents_from_string("hello from boto 2", headers={"Content-Type": "text/plain"})
            key.set_metadata("x", "1")
            print("get:" + bucket.get_key("greeting.txt").get_contents_as_string().decode())
            print("list:" + ",".join(k.name for k in bucket.list()))
            url = bucket.get_key("greeting.txt").generate_url(300)
            import urllib.request
            print("presigned:" + urllib.request.urlopen(url).read().decode())
            bucket.delete_key("greeting.txt")
            conn.delete_bucket("boto2-bucket")
            print("buckets:" + ",".join(b.name for b in conn.get_all_buckets()))
            """);
        Assert.Contains("get:hello from boto 2", output, StringComparison.Ordinal);
        Assert.Contains("list:greeting.txt", output, StringComparison.Ordinal);
        Assert.Contains("presigned:hello from boto 2", output, StringComparison.Ordinal);
        Assert.DoesNotContain("boto2-bucket", output.Split("buckets:")[1], StringComparison.Ordinal);
    }

    [ToolFact(Python, "boto")]
    public async Task Ec2KeyPairsTheSeedExample()
    {
        var output = await RunPython("""
            from boto.ec2.connection import EC2Connection
            ec2 = EC2Connection(KEY, SECRET, region=RegionInfo(name="us-east-1", endpoint=HOST), port=PORT, is_secure=False, path="/")
            kp = ec2.create_key_pair("boto2-key")
            print("material:" + str(kp.material.startswith("-----BEGIN")))
            for k in ec2.get_all_key_pairs():
                print("pair:%s %s" % (k.name, k.fingerprint))
            try:
                ec2.create_key_pair("boto2-key")
            except boto.exception.EC2ResponseError as e:
                print("error:" + e.error_code)
            res = ec2.run_instances("ami-12345678", key_name="boto2-key", instance_type="t2.micro")
            inst = res.instances[0]
            print("instance:" + inst.id)
            print("described:" + ",".join(i.id for r in ec2.get_all_reservations() for i in r.instances))
            ec2.terminate_instances([inst.id])
            ec2.delete_key_pair("boto2-key")
            """);
        Assert.Contains("material:True", output, StringComparison.Ordinal);
        Assert.Contains("pair:boto2-key ", output, StringComparison.Ordinal);
        Assert.Contains("error:InvalidKeyPair.Duplicate", output, StringComparison.Ordinal);
        var id = output.Split("instance:")[1].Split('\n')[0].Trim();
        Assert.StartsWith("i-", id, StringComparison.Ordinal);
        Assert.Contains(id, output.Split("described:")[1], StringComparison.Ordinal);
    }

    [ToolFact(Python, "boto")]
    public async Task SqsSendReceiveDelete()
    {
        var output = await RunPython("""
            from boto.sqs.connection import SQSConnection
            from boto.sqs.message import RawMessage
            sqs = SQSConnection(KEY, SECRET, region=RegionInfo(name="us-east-1", endpoint=HOST), port=PORT, is_secure=False)
            q = sqs.create_queue("boto2-queue")
            q.set_message_class(RawMessage)
            m = RawMessage(); m.set_body("hello boto 2")
            q.write(m)
            got = q.get_messages(1, wait_time_seconds=1)
            print("body:" + got[0].get_body())
            q.delete_message(got[0])
            print("deleted")
            sqs.delete_queue(q)
            """);
        Assert.Contains("body:hello boto 2", output, StringComparison.Ordinal);
        Assert.Contains("deleted", output, StringComparison.Ordinal);
    }

    [ToolFact(Python, "boto")]
    public async Task DynamoDbTableItems()
    {
        var output = await RunPython("""
            from boto.dynamodb2.layer1 import DynamoDBConnection
            ddb = DynamoDBConnection(aws_access_key_id=KEY, aws_secret_access_key=SECRET, host=HOST, port=PORT, is_secure=False, region=RegionInfo(name="us-east-1", endpoint=HOST))
            ddb.create_table([{"AttributeName": "id", "AttributeType": "S"}], "boto2-table", [{"AttributeName": "id", "KeyType": "HASH"}], {"ReadCapacityUnits": 1, "WriteCapacityUnits": 1})
            ddb.put_item("boto2-table", {"id": {"S": "a"}, "n": {"N": "42"}})
            print("item:" + ddb.get_item("boto2-table", {"id": {"S": "a"}})["Item"]["n"]["N"])
            print("tables:" + ",".join(ddb.list_tables()["TableNames"]))
            ddb.delete_table("boto2-table")
            """);
        Assert.Contains("item:42", output, StringComparison.Ordinal);
        Assert.Contains("boto2-table", output, StringComparison.Ordinal);
    }
}
