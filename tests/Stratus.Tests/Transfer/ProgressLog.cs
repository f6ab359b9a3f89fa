using Stratus.Transfer;

namespace Stratus.Tests.Transfer;

/// <summary>Records progress reports as they are made (synchronously, unlike <see cref="Progress{T}"/>).</summary>
internal sealed class ProgressLog : IProgress<TransferProgress>
{
    private readonly List<TransferProgress> _reports = [];

    public IReadOnlyList<TransferProgress> Reports
    {
        get
        {
            lock (_reports)
            {
                return [.. _reports];
            }
        }
    }

    public void Report(TransferProgress value)
    {
        lock (_reports)
        {
            _reports.Add(value);
        }
    }

    /// <summary>Counts only grow, and the last one is the total.</summary>
    public void AssertMonotonicTo(long total)
    {
        var reports = Reports;
        Assert.NotEmpty(reports);
        for (var i = 1; i < reports.Count; i++)
        {
            Assert.True(reports[i].BytesTransferred > reports[i - 1].BytesTransferred, $"report {i}: {reports[i].BytesTransferred} after {reports[i - 1].BytesTransferred}");
        }
        Assert.Equal(total, reports[^1].BytesTransferred);
        Assert.All(reports, r => Assert.Equal(total, r.TotalBytes));
    }
}
