using System.Globalization;
using System.Text;

namespace Stratus.Bench.Payloads;

/// <summary>EC2 responses as EC2 renders them (ec2 protocol XML), with the fields a real instance carries.</summary>
public static class Ec2Payloads
{
    private static readonly string[] Types = ["m5.large", "c6i.xlarge", "t3.micro", "r6g.2xlarge", "m7i.4xlarge"];
    private static readonly string[] Zones = ["us-east-1a", "us-east-1b", "us-east-1c"];

    /// <summary>A DescribeInstances result: <paramref name="instances"/> instances, two per reservation.</summary>
    public static byte[] DescribeInstances(int instances)
    {
        var sb = new StringBuilder(instances * 4200 + 512);
        sb.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<DescribeInstancesResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">");
        sb.Append("<requestId>8f7a2c4e-1b3d-4e5f-9a6b-7c8d9e0f1a2b</requestId><reservationSet>");
        for (var i = 0; i < instances; i += 2)
        {
            sb.Append("<item><reservationId>r-").Append(Id(i, 17)).Append("</reservationId><ownerId>123456789012</ownerId><groupSet/><instancesSet>");
            for (var j = i; j < Math.Min(i + 2, instances); j++)
            {
                Instance(sb, j);
            }
            sb.Append("</instancesSet></item>");
        }
        sb.Append("</reservationSet></DescribeInstancesResponse>");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static void Instance(StringBuilder sb, int n)
    {
        var id = "i-" + Id(n, 17);
        var ip = $"10.{n / 250 % 250}.{n % 250}.{(n * 7) % 250 + 4}";
        var zone = Zones[n % Zones.Length];
        var launched = Fixture.Epoch.AddHours(-n).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        var running = n % 10 != 0;
        sb.Append("<item>")
            .Append("<instanceId>").Append(id).Append("</instanceId>")
            .Append("<imageId>ami-0").Append(Id(n % 7, 16)).Append("</imageId>")
            .Append("<instanceState><code>").Append(running ? 16 : 80).Append("</code><name>").Append(running ? "running" : "stopped").Append("</name></instanceState>")
            .Append("<privateDnsName>ip-").Append(ip.Replace('.', '-')).Append(".ec2.internal</privateDnsName>")
            .Append("<dnsName>").Append(running ? $"ec2-54-{n % 250}-{n / 250}-10.compute-1.amazonaws.com" : "").Append("</dnsName>")
            .Append("<reason>").Append(running ? "" : "User initiated (2025-11-01 10:00:00 GMT)").Append("</reason>")
            .Append("<keyName>deploy-key</keyName><amiLaunchIndex>").Append(n % 2).Append("</amiLaunchIndex><productCodes/>")
            .Append("<instanceType>").Append(Types[n % Types.Length]).Append("</instanceType>")
            .Append("<launchTime>").Append(launched).Append("</launchTime>")
            .Append("<placement><availabilityZone>").Append(zone).Append("</availabilityZone><groupName></groupName><tenancy>default</tenancy></placement>")
            .Append("<kernelId/><monitoring><state>disabled</state></monitoring>")
            .Append("<subnetId>subnet-0").Append(Id(n % 3, 16)).Append("</subnetId><vpcId>vpc-0a1b2c3d4e5f60718</vpcId>")
            .Append("<privateIpAddress>").Append(ip).Append("</privateIpAddress>");
        if (running)
        {
            sb.Append("<ipAddress>54.").Append(n % 250).Append('.').Append(n / 250).Append(".10</ipAddress>");
        }
        sb.Append("<sourceDestCheck>true</sourceDestCheck>")
            .Append("<groupSet><item><groupId>sg-0").Append(Id(n % 4, 16)).Append("</groupId><groupName>web-tier</groupName></item></groupSet>")
            .Append("<architecture>").Append(Types[n % Types.Length].StartsWith("r6g", StringComparison.Ordinal) ? "arm64" : "x86_64").Append("</architecture>")
            .Append("<rootDeviceType>ebs</rootDeviceType><rootDeviceName>/dev/xvda</rootDeviceName>")
            .Append("<blockDeviceMapping><item><deviceName>/dev/xvda</deviceName><ebs><volumeId>vol-0").Append(Id(n, 16))
            .Append("</volumeId><status>attached</status><attachTime>").Append(launched)
            .Append("</attachTime><deleteOnTermination>true</deleteOnTermination></ebs></item></blockDeviceMapping>")
            .Append("<virtualizationType>hvm</virtualizationType><clientToken>").Append(Id(n * 13, 32)).Append("</clientToken>")
            .Append("<tagSet><item><key>Name</key><value>web-").Append(n).Append("</value></item><item><key>team</key><value>payments</value></item>")
            .Append("<item><key>env</key><value>production</value></item></tagSet>")
            .Append("<hypervisor>xen</hypervisor>")
            .Append("<networkInterfaceSet><item><networkInterfaceId>eni-0").Append(Id(n, 16)).Append("</networkInterfaceId>")
            .Append("<subnetId>subnet-0").Append(Id(n % 3, 16)).Append("</subnetId><vpcId>vpc-0a1b2c3d4e5f60718</vpcId><description></description>")
            .Append("<ownerId>123456789012</ownerId><status>in-use</status><macAddress>0e:").Append(Id(n, 2)).Append(":aa:bb:cc:dd</macAddress>")
            .Append("<privateIpAddress>").Append(ip).Append("</privateIpAddress><privateDnsName>ip-").Append(ip.Replace('.', '-')).Append(".ec2.internal</privateDnsName>")
            .Append("<sourceDestCheck>true</sourceDestCheck><groupSet><item><groupId>sg-0").Append(Id(n % 4, 16)).Append("</groupId><groupName>web-tier</groupName></item></groupSet>")
            .Append("<attachment><attachmentId>eni-attach-0").Append(Id(n, 16)).Append("</attachmentId><deviceIndex>0</deviceIndex><status>attached</status>")
            .Append("<attachTime>").Append(launched).Append("</attachTime><deleteOnTermination>true</deleteOnTermination><networkCardIndex>0</networkCardIndex></attachment>")
            .Append("<privateIpAddressesSet><item><privateIpAddress>").Append(ip).Append("</privateIpAddress><privateDnsName>ip-").Append(ip.Replace('.', '-'))
            .Append(".ec2.internal</privateDnsName><primary>true</primary></item></privateIpAddressesSet>")
            .Append("<ipv6AddressesSet/><interfaceType>interface</interfaceType></item></networkInterfaceSet>")
            .Append("<ebsOptimized>").Append(n % 2 == 0 ? "true" : "false").Append("</ebsOptimized><enaSupport>true</enaSupport>")
            .Append("<cpuOptions><coreCount>").Append(1 + n % 8).Append("</coreCount><threadsPerCore>2</threadsPerCore></cpuOptions>")
            .Append("<capacityReservationSpecification><capacityReservationPreference>open</capacityReservationPreference></capacityReservationSpecification>")
            .Append("<hibernationOptions><configured>false</configured></hibernationOptions>")
            .Append("<metadataOptions><state>applied</state><httpTokens>required</httpTokens><httpPutResponseHopLimit>2</httpPutResponseHopLimit>")
            .Append("<httpEndpoint>enabled</httpEndpoint><httpProtocolIpv6>disabled</httpProtocolIpv6><instanceMetadataTags>disabled</instanceMetadataTags></metadataOptions>")
            .Append("<enclaveOptions><enabled>false</enabled></enclaveOptions><bootMode>uefi-preferred</bootMode>")
            .Append("<platformDetails>Linux/UNIX</platformDetails><usageOperation>RunInstances</usageOperation>")
            .Append("<usageOperationUpdateTime>").Append(launched).Append("</usageOperationUpdateTime>")
            .Append("<privateDnsNameOptions><hostnameType>ip-name</hostnameType><enableResourceNameDnsARecord>false</enableResourceNameDnsARecord>")
            .Append("<enableResourceNameDnsAAAARecord>false</enableResourceNameDnsAAAARecord></privateDnsNameOptions>")
            .Append("<maintenanceOptions><autoRecovery>default</autoRecovery></maintenanceOptions><currentInstanceBootMode>legacy-bios</currentInstanceBootMode>")
            .Append("</item>");
    }

    // A deterministic lowercase hex id of the given length.
    private static string Id(int n, int length)
    {
        var chars = new char[length];
        var x = (uint)(n * 2654435761u + 12345u);
        for (var i = 0; i < length; i++)
        {
            x = x * 1103515245u + 12345u;
            chars[i] = "0123456789abcdef"[(int)(x >> 28)];
        }
        return new string(chars);
    }
}
