# Writes the golden outputs of the AWS CLI's own formatters (Debian's awscli package) for the samples below:
#   cd tests/Stratus.Cli.Tests/Golden && /usr/bin/python3 generate.py
import io, json, sys, argparse
sys.path.insert(0, '/usr/lib/python3/dist-packages')
from awscli.formatter import TableFormatter, TextFormatter, JSONFormatter, YAMLFormatter
samples = {
 "keypairs": ("DescribeKeyPairs", {"KeyPairs": [
    {"KeyPairId": "key-0123", "KeyType": "rsa", "Tags": [], "CreateTime": "2024-01-31T12:00:00+00:00", "KeyName": "alpha", "KeyFingerprint": "ab:cd"},
    {"KeyPairId": "key-0456", "KeyType": "ed25519", "Tags": [{"Key": "env", "Value": "dev"}], "CreateTime": "2024-02-01T08:30:00.123000+00:00", "KeyName": "beta", "KeyFingerprint": "ef:01"}]}),
 "identity": ("GetCallerIdentity", {"UserId": "AKIAIOSFODNN7EXAMPLE", "Account": "000000000000", "Arn": "arn:aws:iam::000000000000:root"}),
 "mixed": ("DescribeThings", {"Count": 3, "Ratio": 1.0, "Small": 1e-05, "Big": 1e16, "Flag": True, "Nothing": None, "Name": "caf\u00e9 \u6771\u4eac", "Quote": "a\"b\\c\nd\te", "Empty": [], "EmptyObj": {}, "Nested": {"Inner": {"Deep": "x", "N": 2}, "List": ["a", "b"]}, "Matrix": [[1, 2], [3, 4]]}),
 "scalars": ("ListThings", {"Things": ["a", "b", "c"]}),
 "yamlscalars": ("Strings", {"Zeta": "a", "Alpha": ["x", "2023-01-01T00:00:00+00:00", "true", "123", "1.5", "", "a: b", "- x", "#c", "null", "~", "yes", "it's", "\u00e9", "tab\there", " lead", "trail ", "@x", "%x", "`x", "x#y", "x #y", "{x", "[x", "*x", "&x", "!x", "|x", ">x", "'x", '"x', "?x", "?", ":x", "x:", "0x1F", "1e3", "0o17", "Off", "NO", "on", ".inf", "2023-01-01", "1_000", "a,b", "-x", "-1", "+1"], "Nested": {"b": 1, "a": True, "n": None, "f": 1.5, "e": {}, "l": []}, "Empty": [], "ListOfDicts": [{"k": "v", "j": [1, 2]}, {"k2": {"x": 1}}], "LL": [[1, 2], []]}),
 "wide": ("DescribeWide", {"Items": [{"Alpha": "x" * 30, "Beta": "y" * 30, "Gamma": "z" * 30}]}),
 "reservations": ("DescribeInstances", {"Reservations": [{"ReservationId": "r-1", "OwnerId": "000000000000", "Instances": [{"InstanceId": "i-1", "State": {"Code": 16, "Name": "running"}, "Tags": [{"Key": "Name", "Value": "web"}]}, {"InstanceId": "i-2", "State": {"Code": 80, "Name": "stopped"}}]}]}),
}
for name, (op, data) in samples.items():
    for fmt, cls in (("table", TableFormatter), ("text", TextFormatter), ("json", JSONFormatter), ("yaml", YAMLFormatter)):
        a = argparse.Namespace(query=None, color='off')
        s = io.StringIO()
        try:
            cls(a)(op, json.loads(json.dumps(data)), s)
        except ValueError:
            continue  # the AWS CLI itself fails on this sample in this format
        open(f"{name}.{fmt}", "w").write(s.getvalue())
    open(f"{name}.input.json", "w").write(json.dumps({"operation": op, "data": data}))
