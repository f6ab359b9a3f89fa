using System.Globalization;
using System.Xml;

namespace Stratus.Bench.Floor;

/// <summary>Parses a DescribeInstances result with an XmlReader: typed fields, and every other scalar of an instance by name.</summary>
public static class Ec2Parser
{
    public static List<Ec2Instance> Parse(Stream xml)
    {
        var result = new List<Ec2Instance>(512);
        using var reader = XmlReader.Create(xml, S3ListParser.Settings);
        while (reader.Read())
        {
            // reservationSet/item/instancesSet/item
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "instancesSet" && !reader.IsEmptyElement)
            {
                reader.ReadStartElement();
                while (reader.NodeType == XmlNodeType.Element)
                {
                    result.Add(ReadInstance(reader));
                }
            }
        }
        return result;
    }

    private static Ec2Instance ReadInstance(XmlReader reader)
    {
        var i = new Ec2Instance();
        reader.ReadStartElement("item");
        while (reader.NodeType == XmlNodeType.Element)
        {
            var name = reader.LocalName;
            switch (name)
            {
                case "instanceId": i.InstanceId = reader.ReadElementContentAsString(); break;
                case "instanceType": i.InstanceType = reader.ReadElementContentAsString(); break;
                case "launchTime": i.LaunchTime = DateTime.Parse(reader.ReadElementContentAsString(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal); break;
                case "privateIpAddress": i.PrivateIpAddress = reader.ReadElementContentAsString(); break;
                case "ipAddress": i.PublicIpAddress = reader.ReadElementContentAsString(); break;
                case "instanceState": i.State = Child(reader, "name") ?? ""; break;
                case "placement": i.AvailabilityZone = Child(reader, "availabilityZone"); break;
                case "tagSet": Items(reader, r => i.Tags.Add(Pair(r, "key", "value"))); break;
                case "groupSet": Items(reader, r => i.SecurityGroupIds.Add(Child(r, "groupId") ?? "")); break;
                case "blockDeviceMapping": Items(reader, r => i.VolumeIds.Add(Descendant(r, "volumeId") ?? "")); break;
                case "networkInterfaceSet": Items(reader, r => i.NetworkInterfaceIds.Add(Descendant(r, "networkInterfaceId") ?? "")); break;
                default:
                    if (reader.IsEmptyElement)
                    {
                        reader.Skip();
                    }
                    else
                    {
                        reader.Read();
                        if (reader.NodeType == XmlNodeType.Text)
                        {
                            i.Other[name] = reader.Value;
                            reader.Read();
                            reader.ReadEndElement();
                        }
                        else if (reader.NodeType == XmlNodeType.EndElement)
                        {
                            i.Other[name] = "";
                            reader.ReadEndElement();
                        }
                        else
                        {
                            // A structure the floor does not model: skip the rest of it.
                            while (!(reader.NodeType == XmlNodeType.EndElement && reader.LocalName == name))
                            {
                                reader.Skip();
                            }
                            reader.ReadEndElement();
                        }
                    }
                    break;
            }
        }
        reader.ReadEndElement();
        return i;
    }

    // Calls read for each <item> of a list element; each call consumes its item whole.
    private static void Items(XmlReader reader, Action<XmlReader> read)
    {
        if (reader.IsEmptyElement)
        {
            reader.Skip();
            return;
        }
        reader.ReadStartElement();
        while (reader.NodeType == XmlNodeType.Element)
        {
            read(reader);
        }
        reader.ReadEndElement();
    }

    // The text of the named child of the current element; consumes the element.
    private static string? Child(XmlReader reader, string child)
    {
        string? value = null;
        if (reader.IsEmptyElement)
        {
            reader.Skip();
            return null;
        }
        reader.ReadStartElement();
        while (reader.NodeType == XmlNodeType.Element)
        {
            if (reader.LocalName == child)
            {
                value = reader.ReadElementContentAsString();
            }
            else
            {
                reader.Skip();
            }
        }
        reader.ReadEndElement();
        return value;
    }

    // Two named children of the current element (a tag's key and value); consumes the element.
    private static KeyValuePair<string, string> Pair(XmlReader reader, string first, string second)
    {
        string a = "", b = "";
        reader.ReadStartElement();
        while (reader.NodeType == XmlNodeType.Element)
        {
            if (reader.LocalName == first)
            {
                a = reader.ReadElementContentAsString();
            }
            else if (reader.LocalName == second)
            {
                b = reader.ReadElementContentAsString();
            }
            else
            {
                reader.Skip();
            }
        }
        reader.ReadEndElement();
        return new(a, b);
    }

    private static string? Descendant(XmlReader reader, string name)
    {
        using var sub = reader.ReadSubtree();
        string? value = null;
        while (sub.Read())
        {
            if (sub.NodeType == XmlNodeType.Element && sub.LocalName == name)
            {
                value = sub.ReadElementContentAsString();
                break;
            }
        }
        while (sub.Read())
        {
        }
        reader.Read();
        return value;
    }
}
