using System.Text.Json.Nodes;

namespace Stratus.Tests.Mock.Sqs;

public sealed class SqsLongPollingTests
{
    /// <summary>A real-time bound, only so a broken test fails instead of hanging.</summary>
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);

    private readonly SqsHarness _sqs = new();

    [Fact]
    public async Task ReturnsAsSoonAsAMessageIsSent()
    {
        var url = await _sqs.CreateQueueAsync("poll");
        var poll = _sqs.ReceiveAsync(url, wait: 20);
        Assert.False(poll.IsCompleted);
        await Task.Run(() => _sqs.SendAsync(url, "arrived"));
        var messages = await poll.WaitAsync(Guard);
        Assert.Equal("arrived", (string?)Assert.Single(messages)!["Body"]);
    }

    [Fact]
    public async Task ReturnsEmptyWhenTheWaitEnds()
    {
        var url = await _sqs.CreateQueueAsync("empty");
        var poll = _sqs.ReceiveAsync(url, wait: 2);
        _sqs.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(poll.IsCompleted);
        _sqs.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Empty(await poll.WaitAsync(Guard));
    }

    [Fact]
    public async Task QueueWaitTimeIsTheDefault()
    {
        var url = await _sqs.CreateQueueAsync("queue-wait", new JsonObject { ["ReceiveMessageWaitTimeSeconds"] = "5" });
        var poll = _sqs.CallAsync("ReceiveMessage", new JsonObject { ["QueueUrl"] = url });
        Assert.False(poll.IsCompleted);
        _sqs.Clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Null((await poll.WaitAsync(Guard))["Messages"]);
    }

    [Fact]
    public async Task WakesWhenADelayedMessageBecomesVisible()
    {
        var url = await _sqs.CreateQueueAsync("delayed-poll");
        await _sqs.SendAsync(url, "soon", new JsonObject { ["DelaySeconds"] = 3 });
        var poll = _sqs.ReceiveAsync(url, wait: 20);
        Assert.False(poll.IsCompleted);
        _sqs.Clock.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal("soon", (string?)Assert.Single(await poll.WaitAsync(Guard))!["Body"]);
    }

    [Fact]
    public async Task CancellationEndsThePollAtOnce()
    {
        var url = await _sqs.CreateQueueAsync("cancel");
        using var cts = new CancellationTokenSource();
        var poll = _sqs.CallAsync("ReceiveMessage", new JsonObject { ["QueueUrl"] = url, ["WaitTimeSeconds"] = 20 }, cts.Token);
        Assert.False(poll.IsCompleted);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => poll.WaitAsync(Guard));
    }

    [Fact]
    public async Task ManyPollersShareTheMessages()
    {
        var url = await _sqs.CreateQueueAsync("many");
        var polls = Enumerable.Range(0, 5).Select(_ => _sqs.ReceiveAsync(url, max: 1, wait: 20)).ToList();
        await Task.WhenAll(Enumerable.Range(0, 5).Select(i => Task.Run(() => _sqs.SendAsync(url, "m" + i))));
        var bodies = (await Task.WhenAll(polls).WaitAsync(Guard)).Select(m => (string)Assert.Single(m)!["Body"]!).Order().ToList();
        Assert.Equal(["m0", "m1", "m2", "m3", "m4"], bodies);
    }
}
