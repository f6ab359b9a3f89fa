using Stratus.Protocols.EventStreams;

namespace Stratus.Tests.Protocols;

public sealed class EventStreamDecoderTests
{
    // Two messages from the legacy JSON suite ("RPC JSON Event Stream"): initial-response and a TypeA event.
    private const string TwoMessages =
        "AAAAfgAAAE/Fo93GDTptZXNzYWdlLXR5cGUHAAVldmVudAs6ZXZlbnQtdHlwZQcAEGluaXRpYWwtcmVzcG9uc2UNOmNvbnRlbnQtdHlwZQcACXRleHQvanNvbnsiSW5pdGlhbFJlc3BvbnNlIjogInNvbWV0ZXh0In32mCSD" +
        "AAAAbAAAAFPLgkVrDTptZXNzYWdlLXR5cGUHAAVldmVudAs6ZXZlbnQtdHlwZQcABVR5cGVBDTpjb250ZW50LXR5cGUHABhhcHBsaWNhdGlvbi9vY3RldC1zdHJlYW1zb21lYnl0ZXMesj2H";

    [Fact]
    public void ReadsHeadersAndPayloads()
    {
        using var stream = new MemoryStream(Convert.FromBase64String(TwoMessages));

        var messages = EventStreamDecoder.ReadAll(stream).ToList();

        Assert.Equal(2, messages.Count);
        Assert.Equal("initial-response", messages[0].Text(":event-type"));
        Assert.Equal("TypeA", messages[1].Text(":event-type"));
        Assert.Equal("somebytes"u8.ToArray(), messages[1].Payload);
    }

    [Fact]
    public void CorruptMessageFailsItsChecksum()
    {
        var bytes = Convert.FromBase64String(TwoMessages);
        bytes[40] ^= 0x01;
        using var stream = new MemoryStream(bytes);

        Assert.Throws<InvalidDataException>(() => EventStreamDecoder.ReadAll(stream).ToList());
    }
}
